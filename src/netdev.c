// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: net_device operations, bringing the port up and down, the service
 * task (link state, counters, Tx hang detection) and the reset task.
 */
#include <linux/if_vlan.h>

#include "igbx.h"

/**
 * igbx_reset_schedule() - re-initialise the port from process context
 * @adapter: port
 */
void igbx_reset_schedule(struct igbx_adapter *adapter)
{
	if (!test_bit(IGBX_STATE_REMOVED, adapter->state))
		schedule_work(&adapter->reset_task);
}

/**
 * igbx_fc_apply() - program flow control for the current link
 * @adapter: port
 *
 * With pause autoneg the negotiated result, otherwise the forced modes.
 */
void igbx_fc_apply(struct igbx_adapter *adapter)
{
	u32 max_frame = adapter->netdev->mtu + ETH_HLEN + ETH_FCS_LEN;
	bool rx = adapter->fc_rx, tx = adapter->fc_tx;

	if (adapter->fc_autoneg && igbx_fc_resolve(&adapter->hw, &rx, &tx)) {
		rx = false;
		tx = false;
	}
	igbx_fc_set(&adapter->hw, rx, tx, max_frame);
}

static void igbx_link_update(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_link now;

	igbx_link_read(&adapter->hw, &now);
	if (now.up == adapter->link.up && now.speed == adapter->link.speed &&
	    now.duplex == adapter->link.duplex)
		return;
	adapter->link = now;
	if (now.up) {
		igbx_fc_apply(adapter);
		netif_info(adapter, link, netdev, "link up, %d Mb/s, %s duplex\n",
			   now.speed,
			   now.duplex == DUPLEX_FULL ? "full" : "half");
		netif_carrier_on(netdev);
	} else {
		netif_info(adapter, link, netdev, "link down\n");
		netif_carrier_off(netdev);
	}
	/* the VFs share the link: the mailbox task tells them */
	if (adapter->sriov.num_vfs) {
		WRITE_ONCE(adapter->sriov.link_changed, true);
		mod_delayed_work(system_unbound_wq, &adapter->sriov.mbx_task, 0);
	}
}

/*
 * A TX ring with frames pending whose next_to_clean has not moved for a
 * service period may just have lost an interrupt: fire its vector (EICS).
 * If it still has not moved one period later, the queue is hung.
 */
static bool igbx_tx_hang_check(struct igbx_adapter *adapter,
			       struct igbx_ring *ring)
{
	u16 ntc = READ_ONCE(ring->next_to_clean);

	if (ntc == READ_ONCE(ring->next_to_use) || ntc != ring->hang_seen) {
		ring->hang_seen = ntc;
		ring->hang_ticks = 0;
		return false;
	}
	if (++ring->hang_ticks == 1) {
		igbx_wr32(&adapter->hw, IGBX_EICS, BIT(ring->q_vector->v_idx));
		return false;
	}
	return true;
}

/*
 * An RX ring that lost most of its buffers to failed allocations may get
 * no more receive interrupts to refill it from: run its NAPI, which
 * retries the refill.
 */
static void igbx_rx_starve_check(struct igbx_adapter *adapter)
{
	struct igbx_q_vector *qv;
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++) {
		qv = adapter->q_vector[v];
		if (igbx_desc_unused(&qv->rx) >= qv->rx.count / 2)
			igbx_irq_kick(qv);
	}
}

static void igbx_service_task(struct work_struct *work)
{
	struct igbx_adapter *adapter = container_of(to_delayed_work(work),
						    struct igbx_adapter,
						    service_task);
	struct net_device *netdev = adapter->netdev;
	unsigned int v;

	if (igbx_removed(&adapter->hw)) {
		if (!test_and_set_bit(IGBX_STATE_REMOVED, adapter->state)) {
			netdev_err(netdev, "device gone, detaching\n");
			netif_carrier_off(netdev);
			netif_device_detach(netdev);
		}
		return;
	}
	if (test_bit(IGBX_STATE_DOWN, adapter->state) ||
	    test_bit(IGBX_STATE_RESETTING, adapter->state))
		return;

	igbx_link_update(adapter);
	igbx_hw_stats_update(adapter);
	igbx_rx_starve_check(adapter);
	for (v = 0; v < adapter->num_qp; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];
		struct igbx_ring *hung = NULL;

		if (igbx_tx_hang_check(adapter, &qv->tx))
			hung = &qv->tx;
		else if (igbx_tx_hang_check(adapter, &qv->xdp))
			hung = &qv->xdp;
		if (hung) {
			netdev_err(netdev, "%s queue %u hung (next_to_clean %u, next_to_use %u), resetting\n",
				   hung == &qv->tx ? "TX" : "XDP TX", v,
				   hung->next_to_clean, hung->next_to_use);
			igbx_reset_schedule(adapter);
			return;
		}
	}
	queue_delayed_work(system_wq, &adapter->service_task,
			   IGBX_SERVICE_PERIOD);
}

/**
 * igbx_service_init() - set up the service and reset tasks (not scheduled)
 * @adapter: port
 */
void igbx_service_init(struct igbx_adapter *adapter)
{
	INIT_DELAYED_WORK(&adapter->service_task, igbx_service_task);
}

/**
 * igbx_service_stop() - wait for the service task and keep it from running
 * @adapter: port; IGBX_STATE_DOWN must be set so that it does not re-arm
 */
void igbx_service_stop(struct igbx_adapter *adapter)
{
	cancel_delayed_work_sync(&adapter->service_task);
}

static void igbx_napi_link(struct igbx_adapter *adapter, bool on)
{
	struct igbx_q_vector *qv;
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++) {
		qv = adapter->q_vector[v];
		igbx_queue_set_napi(adapter->netdev, v, IGBX_QUEUE_RX,
				    on ? &qv->napi : NULL);
		igbx_queue_set_napi(adapter->netdev, v, IGBX_QUEUE_TX,
				    on ? &qv->napi : NULL);
	}
}

/**
 * igbx_up() - program the device for traffic and start it
 * @adapter: port with rings allocated and IRQs requested
 *
 * The link is left as it is: callers that powered the PHY down or reset
 * the MAC follow with igbx_link_setup().
 *
 * Return: 0.
 */
int igbx_up(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int v;

	igbx_rar_set(hw, adapter->netdev->dev_addr, 0, igbx_pf_pools(adapter));
	igbx_rings_configure(adapter);
	for (v = 0; v < adapter->num_qp; v++)
		napi_enable(&adapter->q_vector[v]->napi);
	igbx_napi_link(adapter, true);
	clear_bit(IGBX_STATE_DOWN, adapter->state);
	igbx_irq_enable(adapter);
	netif_tx_start_all_queues(adapter->netdev);
	igbx_service_schedule(adapter);
	return 0;
}

/**
 * igbx_link_start() - power the PHY and start the link as configured
 * @adapter: port
 *
 * Return: 0 or a negative errno.
 */
int igbx_link_start(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	u16 anar, c1000;
	int err;

	igbx_link_modes_to_phy(adapter->advertising, &anar, &c1000);
	err = igbx_link_setup(hw, anar, c1000, adapter->fc_rx, adapter->fc_tx);
	if (!err && !adapter->autoneg)
		err = igbx_link_force(hw, adapter->forced_speed,
				      adapter->forced_duplex == DUPLEX_FULL);

	if (err)
		netdev_err(adapter->netdev, "link setup failed (%d)\n", err);
	return err;
}

/**
 * igbx_down() - stop traffic and take every buffer back
 * @adapter: port; rings and IRQs stay allocated
 */
void igbx_down(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	unsigned int v;

	set_bit(IGBX_STATE_DOWN, adapter->state);
	/* ndo_xdp_xmit callers (under RCU) now see the port down */
	synchronize_net();
	netif_carrier_off(netdev);
	netif_tx_disable(netdev);
	igbx_rings_disable(adapter);
	igbx_irq_disable(adapter);
	for (v = 0; v < adapter->num_qp; v++) {
		napi_disable(&adapter->q_vector[v]->napi);
		cancel_work_sync(&adapter->q_vector[v]->dim.work);
	}
	/*
	 * A poll that was already running may have woken a queue; with NAPI
	 * off nothing can any more, so stop them for good before the rings
	 * go.
	 */
	netif_tx_disable(netdev);
	igbx_ptp_tx_flush(adapter);
	igbx_napi_link(adapter, false);
	igbx_rings_clean(adapter);
	adapter->link = (struct igbx_link){ .speed = SPEED_UNKNOWN,
					    .duplex = DUPLEX_UNKNOWN };
}

/**
 * igbx_adapter_reset() - software-reset the controller, keeping the PHC
 * @adapter: port, stopped
 *
 * The clock keeps its time across the reset and time stamping its
 * configuration.
 *
 * Return: as igbx_hw_reset().
 */
int igbx_adapter_reset(struct igbx_adapter *adapter)
{
	int err;

	igbx_ptp_reset_prepare(adapter);
	err = igbx_hw_reset(&adapter->hw);
	if (!err) {
		igbx_ptp_reset_done(adapter);
		igbx_sriov_reset_done(adapter);
	}
	return err;
}

/**
 * igbx_offline() - stop the port for a suspend, reset or PCI error
 * @adapter: port
 *
 * Detaches the net_device (the stack and the ethtool core stop calling
 * in), stops traffic, folds the device's counters in one last time and
 * keeps the PHC's time.  Everything the port was configured with stays in
 * @adapter and the net_device; igbx_online() programs it again.  Calling
 * it again before igbx_online() does nothing (a second PCI error during a
 * recovery).  Takes RTNL.
 */
void igbx_offline(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	unsigned long flags;

	rtnl_lock();
	if (test_bit(IGBX_STATE_OFFLINE, adapter->state))
		goto out;
	netif_device_detach(netdev);
	if (netif_running(netdev)) {
		igbx_down(adapter);
		igbx_service_stop(adapter);
	}
	igbx_hw_stats_update(adapter);
	/* from here on, readers of the counters leave the device alone */
	spin_lock_irqsave(&adapter->stats_lock, flags);
	set_bit(IGBX_STATE_OFFLINE, adapter->state);
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
	/* a mailbox task still serving a VF is done with the device now */
	mutex_lock(&adapter->sriov.lock);
	mutex_unlock(&adapter->sriov.lock);
	igbx_ptp_reset_prepare(adapter);
out:
	rtnl_unlock();
}

/**
 * igbx_online() - bring the port back after igbx_offline()
 * @adapter: port
 * @reset: software-reset the controller first (false: the caller just did)
 *
 * The device may have lost all its state (a function reset, power off
 * during suspend): it is programmed again from what the driver keeps, an
 * interface that was up comes back up and one that was down stays down.
 * Takes RTNL.
 *
 * Return: 0, or a negative errno if the device did not come back; the port
 * then stays detached.
 */
int igbx_online(struct igbx_adapter *adapter, bool reset)
{
	struct net_device *netdev = adapter->netdev;
	unsigned long flags;
	int err = 0;

	rtnl_lock();
	if (!test_bit(IGBX_STATE_OFFLINE, adapter->state))
		goto out;
	if (reset)
		err = igbx_hw_reset(&adapter->hw);
	if (err) {
		netdev_err(netdev, "device did not come back (%d), port stays detached\n",
			   err);
		goto out;
	}
	igbx_ptp_reset_done(adapter);
	spin_lock_irqsave(&adapter->stats_lock, flags);
	clear_bit(IGBX_STATE_OFFLINE, adapter->state);
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
	igbx_sriov_reset_done(adapter);
	if (netif_running(netdev)) {
		igbx_up(adapter);
		igbx_link_start(adapter);
	} else {
		igbx_phy_power(&adapter->hw, false);
	}
	netif_device_attach(netdev);
out:
	rtnl_unlock();
	return err;
}

static void igbx_reset_task(struct work_struct *work)
{
	struct igbx_adapter *adapter = container_of(work, struct igbx_adapter,
						    reset_task);
	struct net_device *netdev = adapter->netdev;
	int err;

	rtnl_lock();
	if (!netif_running(netdev) || igbx_removed(&adapter->hw) ||
	    test_bit(IGBX_STATE_OFFLINE, adapter->state))
		goto out;
	set_bit(IGBX_STATE_RESETTING, adapter->state);
	netdev_warn(netdev, "resetting the port\n");
	igbx_down(adapter);
	err = igbx_adapter_reset(adapter);
	trace_igbx_reset(netdev, err);
	if (err) {
		netdev_err(netdev, "reset failed (%d), port stays down\n", err);
		goto out_clear;
	}
	adapter->restarts++;
	igbx_up(adapter);
	igbx_link_start(adapter);
out_clear:
	clear_bit(IGBX_STATE_RESETTING, adapter->state);
out:
	rtnl_unlock();
}

/**
 * igbx_ring_cfg_now() - the ring configuration the port runs with now
 * @adapter: port
 * @cfg: filled in; a caller changes what it wants and igbx_reconfigure()s
 */
void igbx_ring_cfg_now(struct igbx_adapter *adapter, struct igbx_ring_cfg *cfg)
{
	cfg->tx_count = adapter->tx_ring_count;
	cfg->rx_count = adapter->rx_ring_count;
	cfg->xdp = !!adapter->xdp_prog;
	cfg->xsk_qps = adapter->xsk_qps;
}

/**
 * igbx_reconfigure() - change ring sizes, the XDP program or AF_XDP pools
 * @adapter: port (RTNL held)
 * @want: ring sizes and zero-copy queue pairs wanted (@want->xdp follows
 *	@prog)
 * @prog: XDP program to run (the caller's reference passes to the port on
 *	success; the caller puts the one it replaces)
 *
 * The one prepare-then-commit path for changes that need new rings: every
 * new ring is allocated while the old ones keep running; only when all
 * allocations succeeded is the port stopped, the old rings swapped for the
 * new and the port restarted.  On failure nothing changes.  A port that is
 * not running only takes the new settings.
 *
 * Return: 0 or a negative errno.
 */
int igbx_reconfigure(struct igbx_adapter *adapter,
		     const struct igbx_ring_cfg *want, struct bpf_prog *prog)
{
	struct igbx_ring_cfg cfg = *want;
	struct igbx_ring_set *set = NULL;

	cfg.xdp = !!prog;

	if (netif_running(adapter->netdev)) {
		if (!netif_device_present(adapter->netdev))
			return -EBUSY;	/* suspended or being reset */
		set = igbx_rings_prepare(adapter, &cfg);
		if (IS_ERR(set)) {
			netdev_err(adapter->netdev,
				   "cannot allocate new rings (%ld), keeping the old ones\n",
				   PTR_ERR(set));
			return PTR_ERR(set);
		}
		/* Nothing can fail past this point. */
		igbx_down(adapter);
		igbx_rings_commit(adapter, set);
	}
	adapter->tx_ring_count = cfg.tx_count;
	adapter->rx_ring_count = cfg.rx_count;
	adapter->xsk_qps = cfg.xsk_qps;
	WRITE_ONCE(adapter->xdp_prog, prog);
	if (set)
		igbx_up(adapter);
	return 0;
}

/**
 * igbx_open() - ndo_open: allocate rings and IRQs, start the port
 * @netdev: our net_device
 *
 * Return: 0 or a negative errno.
 */
int igbx_open(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_ring_cfg cfg;
	int err;

	if (igbx_removed(&adapter->hw))
		return -ENODEV;

	igbx_ring_cfg_now(adapter, &cfg);
	err = igbx_rings_alloc(adapter, &cfg);
	if (err)
		return err;
	err = igbx_irq_request(adapter);
	if (err)
		goto err_free_rings;
	igbx_up(adapter);
	err = igbx_link_start(adapter);
	if (err)
		goto err_down;
	igbx_xdp_target_set(netdev, true);
	return 0;

err_down:
	igbx_down(adapter);
	igbx_irq_release(adapter);
err_free_rings:
	igbx_rings_free(adapter);
	return err;
}

/**
 * igbx_stop() - ndo_stop: stop the port, free rings and IRQs
 * @netdev: our net_device
 *
 * Return: 0.
 */
int igbx_stop(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	bool offline;

	offline = test_bit(IGBX_STATE_OFFLINE, adapter->state);
	igbx_xdp_target_set(netdev, false);
	/* an offline port is down already, and its device is not ours now */
	if (!offline)
		igbx_down(adapter);
	igbx_service_stop(adapter);
	igbx_irq_release(adapter);
	igbx_rings_free(adapter);
	if (!offline && !igbx_removed(&adapter->hw))
		igbx_phy_power(&adapter->hw, false);
	return 0;
}

/* Undo what igbx_set_num_qp() prepared for one new queue pair. */
static void igbx_qp_unprepare(struct igbx_q_vector *qv, bool rings, bool irq)
{
	if (irq)
		igbx_irq_release_qv(qv);
	if (rings)
		igbx_q_vector_rings_free(qv);
	igbx_q_vector_destroy(qv);
}

/**
 * igbx_set_num_qp() - change the number of queue pairs
 * @adapter: port
 * @n: queue pairs, within the MSI-X vectors allocated
 *
 * Prepare, then commit: the vectors, rings and IRQs that new queue pairs
 * need are set up while the port keeps running on the old ones; only then
 * is the port stopped, the pairs that go away freed, and the port started
 * with the new count.  Called under RTNL.
 *
 * Return: 0 or a negative errno (nothing changed then).
 */
int igbx_set_num_qp(struct igbx_adapter *adapter, unsigned int n)
{
	struct igbx_q_vector *add[IGBX_MAX_QPAIRS] = {};
	struct net_device *netdev = adapter->netdev;
	bool running = netif_running(netdev);
	unsigned int old = adapter->num_qp, v;
	struct igbx_ring_cfg cfg;
	int err;

	if (n == old)
		return 0;
	igbx_ring_cfg_now(adapter, &cfg);

	for (v = old; v < n; v++) {
		add[v] = igbx_q_vector_create(adapter, v);
		if (!add[v]) {
			err = -ENOMEM;
			goto err_unprepare;
		}
		if (!running)
			continue;
		err = igbx_q_vector_rings_alloc(add[v], &cfg);
		if (err) {
			igbx_qp_unprepare(add[v], false, false);
			goto err_unprepare;
		}
		err = igbx_irq_request_qv(add[v]);
		if (err) {
			igbx_qp_unprepare(add[v], true, false);
			goto err_unprepare;
		}
	}
	/*
	 * The stack's queue count changes with the port stopped: no frame
	 * may be queued to a TX queue that has no ring yet.  If that fails,
	 * the old pairs are all still there to restart.
	 */
	if (running)
		igbx_down(adapter);
	err = netif_set_real_num_queues(netdev, n, n);
	if (err) {
		if (running)
			igbx_up(adapter);
		goto err_unprepare;
	}

	/* Nothing can fail past this point. */
	for (v = n; v < old; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];

		WRITE_ONCE(adapter->q_vector[v], NULL);
		igbx_stats_fold(adapter, qv);
		igbx_qp_unprepare(qv, running, running);
	}
	for (v = old; v < n; v++)
		adapter->q_vector[v] = add[v];
	adapter->num_qp = n;
	igbx_rss_default(adapter);
	if (running)
		igbx_up(adapter);
	return 0;

err_unprepare:
	while (v-- > old)
		igbx_qp_unprepare(add[v], running, running);
	netdev_err(netdev, "cannot set up %u queue pairs (%d), keeping %u\n",
		   n, err, old);
	return err;
}

static int igbx_change_mtu(struct net_device *netdev, int new_mtu)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	/* ndo_change_mtu has no extack: igbx_xdp_mtu_ok() logs the reason */
	if (!igbx_xdp_mtu_ok(adapter, adapter->xdp_prog, new_mtu, NULL) ||
	    !igbx_xsk_mtu_ok(adapter, new_mtu))
		return -EOPNOTSUPP;
	/* Buffers do not depend on the MTU: the size filter and the pause
	 * thresholds (room for two frames) do.
	 */
	WRITE_ONCE(netdev->mtu, new_mtu);
	if (netif_running(netdev)) {
		igbx_set_rlpml(adapter);
		if (adapter->link.up)
			igbx_fc_apply(adapter);
	}
	return 0;
}

static int igbx_set_mac_address(struct net_device *netdev, void *p)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	int err;

	err = eth_mac_addr(netdev, p);
	if (err)
		return err;
	igbx_rar_set(&adapter->hw, netdev->dev_addr, 0,
		     igbx_pf_pools(adapter));
	return 0;
}

static int igbx_set_features(struct net_device *netdev,
			     netdev_features_t features)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	/* detached: igbx_online() writes netdev->features */
	if (!netif_device_present(netdev))
		return 0;
	igbx_features_write(adapter, features);
	if ((netdev->features ^ features) & NETIF_F_HW_VLAN_CTAG_FILTER) {
		netif_addr_lock_bh(netdev);
		igbx_rx_mode_write(netdev, features);
		netif_addr_unlock_bh(netdev);
	}
	return 0;
}

static void igbx_tx_timeout(struct net_device *netdev, unsigned int txqueue)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	netdev_err(netdev, "stack watchdog: TX queue %u stuck, resetting\n",
		   txqueue);
	igbx_reset_schedule(adapter);
}

IGBX_HWTSTAMP_OPS(igbx_ptp_hwtstamp_get, igbx_ptp_hwtstamp_set)

static const struct net_device_ops igbx_netdev_ops = {
	.ndo_open		= igbx_open,
	.ndo_stop		= igbx_stop,
	.ndo_start_xmit		= igbx_xmit_frame,
	.ndo_get_stats64	= igbx_get_stats64,
	.ndo_set_rx_mode	= igbx_set_rx_mode,
	.ndo_set_mac_address	= igbx_set_mac_address,
	.ndo_change_mtu		= igbx_change_mtu,
	.ndo_set_features	= igbx_set_features,
	.ndo_tx_timeout		= igbx_tx_timeout,
	.ndo_vlan_rx_add_vid	= igbx_vlan_rx_add_vid,
	.ndo_vlan_rx_kill_vid	= igbx_vlan_rx_kill_vid,
	.ndo_validate_addr	= eth_validate_addr,
	.ndo_bpf		= igbx_bpf,
	.ndo_xdp_xmit		= igbx_xdp_xmit,
	.ndo_xsk_wakeup		= igbx_xsk_wakeup,
	.ndo_set_vf_mac		= igbx_set_vf_mac,
	.ndo_set_vf_vlan	= igbx_set_vf_vlan,
	.ndo_set_vf_spoofchk	= igbx_set_vf_spoofchk,
	.ndo_set_vf_trust	= igbx_set_vf_trust,
	.ndo_set_vf_link_state	= igbx_set_vf_link_state,
	.ndo_set_vf_rate	= igbx_set_vf_rate,
	.ndo_get_vf_config	= igbx_get_vf_config,
	.ndo_get_vf_stats	= igbx_get_vf_stats,
	IGBX_HWTSTAMP_OPS_INIT(igbx_ptp_hwtstamp_get, igbx_ptp_hwtstamp_set)
};

/**
 * igbx_netdev_register() - describe the port to the stack and register it
 * @adapter: port, with the MAC address already in @adapter->netdev
 *
 * Return: 0 or a negative errno.
 */
int igbx_netdev_register(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	netdev_features_t csum = NETIF_F_SG | NETIF_F_IP_CSUM |
				 NETIF_F_IPV6_CSUM | NETIF_F_TSO | NETIF_F_TSO6 |
				 NETIF_F_GSO_UDP_L4;
	int err;

	netdev->netdev_ops = &igbx_netdev_ops;
	igbx_stats_init(netdev);
	netdev->watchdog_timeo = 5 * HZ;
	/* RAR 0 changes live; RAR 1..15 filter extra unicast addresses. */
	netdev->priv_flags |= IFF_LIVE_ADDR_CHANGE | IFF_UNICAST_FLT;
	netdev->min_mtu = ETH_MIN_MTU;
	netdev->max_mtu = IGBX_MAX_MTU;

	netdev->hw_features = csum | NETIF_F_RXCSUM | NETIF_F_RXHASH |
			      NETIF_F_HW_VLAN_CTAG_RX | NETIF_F_HW_VLAN_CTAG_TX |
			      NETIF_F_HW_VLAN_CTAG_FILTER | NETIF_F_RXFCS |
			      NETIF_F_RXALL;
	netdev->features = (netdev->hw_features | NETIF_F_HIGHDMA) &
			   ~(NETIF_F_RXFCS | NETIF_F_RXALL);
	netdev->vlan_features = csum | NETIF_F_HIGHDMA;
	igbx_xdp_features_init(netdev);

	adapter->tx_ring_count = IGBX_DEFAULT_RING;
	adapter->rx_ring_count = IGBX_DEFAULT_RING;
	netdev_rss_key_fill(adapter->rss_key, sizeof(adapter->rss_key));
	igbx_rss_default(adapter);
	INIT_WORK(&adapter->reset_task, igbx_reset_task);
	spin_lock_init(&adapter->stats_lock);

	err = netif_set_real_num_tx_queues(netdev, adapter->num_qp);
	if (!err)
		err = netif_set_real_num_rx_queues(netdev, adapter->num_qp);
	if (err)
		return err;

	set_bit(IGBX_STATE_DOWN, adapter->state);
	adapter->link = (struct igbx_link){ .speed = SPEED_UNKNOWN,
					    .duplex = DUPLEX_UNKNOWN };
	netif_carrier_off(netdev);
	return register_netdev(netdev);
}

/**
 * igbx_netdev_unregister() - unregister the port (closes it if running)
 * @adapter: port
 */
void igbx_netdev_unregister(struct igbx_adapter *adapter)
{
	unregister_netdev(adapter->netdev);
	cancel_work_sync(&adapter->reset_task);
}
