// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: net_device operations and the service task (link state).
 */
#include "igbx.h"

/**
 * igbx_service_schedule() - run the service task as soon as possible
 * @adapter: port
 *
 * Safe from hard-IRQ context.
 */
void igbx_service_schedule(struct igbx_adapter *adapter)
{
	mod_delayed_work(system_wq, &adapter->service_task, 0);
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
		netif_info(adapter, link, netdev, "link up, %d Mb/s, %s duplex\n",
			   now.speed,
			   now.duplex == DUPLEX_FULL ? "full" : "half");
		netif_carrier_on(netdev);
	} else {
		netif_info(adapter, link, netdev, "link down\n");
		netif_carrier_off(netdev);
	}
}

static void igbx_service_task(struct work_struct *work)
{
	struct igbx_adapter *adapter = container_of(to_delayed_work(work),
						    struct igbx_adapter,
						    service_task);
	struct net_device *netdev = adapter->netdev;

	if (igbx_removed(&adapter->hw)) {
		if (!test_and_set_bit(IGBX_STATE_REMOVED, adapter->state)) {
			netdev_err(netdev, "device gone, detaching\n");
			netif_carrier_off(netdev);
			netif_device_detach(netdev);
		}
		return;
	}
	if (test_bit(IGBX_STATE_DOWN, adapter->state))
		return;

	igbx_link_update(adapter);
	queue_delayed_work(system_wq, &adapter->service_task,
			   IGBX_SERVICE_PERIOD);
}

/**
 * igbx_service_init() - set up the service task (not yet scheduled)
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

static int igbx_open(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw *hw = &adapter->hw;
	int err;

	if (igbx_removed(hw))
		return -ENODEV;

	err = igbx_irq_request(adapter);
	if (err)
		return err;

	err = igbx_link_setup(hw);
	if (err) {
		netdev_err(netdev, "link setup failed (%d)\n", err);
		goto err_release_irq;
	}

	clear_bit(IGBX_STATE_DOWN, adapter->state);
	igbx_irq_enable(adapter);
	netif_tx_start_all_queues(netdev);
	igbx_service_schedule(adapter);
	return 0;

err_release_irq:
	igbx_irq_release(adapter);
	return err;
}

static int igbx_stop(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	set_bit(IGBX_STATE_DOWN, adapter->state);
	netif_tx_disable(netdev);
	igbx_irq_disable(adapter);
	igbx_irq_release(adapter);
	igbx_service_stop(adapter);

	netif_carrier_off(netdev);
	adapter->link = (struct igbx_link){ .speed = SPEED_UNKNOWN,
					    .duplex = DUPLEX_UNKNOWN };
	if (!igbx_removed(&adapter->hw))
		igbx_phy_power(&adapter->hw, false);
	return 0;
}

/* No data path yet: every frame is counted as dropped. */
static netdev_tx_t igbx_xmit_frame(struct sk_buff *skb,
				   struct net_device *netdev)
{
	dev_core_stats_tx_dropped_inc(netdev);
	dev_kfree_skb_any(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops igbx_netdev_ops = {
	.ndo_open		= igbx_open,
	.ndo_stop		= igbx_stop,
	.ndo_start_xmit		= igbx_xmit_frame,
	.ndo_validate_addr	= eth_validate_addr,
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

	netdev->netdev_ops = &igbx_netdev_ops;
	igbx_set_ethtool_ops(netdev);
	netdev->watchdog_timeo = 5 * HZ;

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
}
