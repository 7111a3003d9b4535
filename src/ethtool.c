// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: ethtool operations.
 */
#include <linux/ethtool.h>
#include <linux/linkmode.h>
#include <linux/stringify.h>

#include "igbx.h"

static void igbx_get_drvinfo(struct net_device *netdev,
			     struct ethtool_drvinfo *info)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	strscpy(info->driver, IGBX_DRV_NAME, sizeof(info->driver));
	strscpy(info->version, IGBX_DRV_VERSION, sizeof(info->version));
	strscpy(info->bus_info, pci_name(adapter->pdev),
		sizeof(info->bus_info));
}

static int igbx_get_link_ksettings(struct net_device *netdev,
				   struct ethtool_link_ksettings *cmd)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_link link = { .speed = SPEED_UNKNOWN,
				  .duplex = DUPLEX_UNKNOWN };

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	igbx_link_modes_default(cmd->link_modes.supported);
	linkmode_copy(cmd->link_modes.advertising, adapter->advertising);

	if (netif_running(netdev))
		igbx_link_read(&adapter->hw, &link);
	cmd->base.speed = link.up ? link.speed : SPEED_UNKNOWN;
	cmd->base.duplex = link.up ? link.duplex : DUPLEX_UNKNOWN;
	cmd->base.port = PORT_TP;
	cmd->base.phy_address = IGBX_PHY_ADDR;
	cmd->base.autoneg = adapter->autoneg ? AUTONEG_ENABLE : AUTONEG_DISABLE;
	cmd->base.mdio_support = ETH_MDIO_SUPPORTS_C22;
	return 0;
}

static int igbx_set_link_ksettings(struct net_device *netdev,
				   const struct ethtool_link_ksettings *cmd)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	__ETHTOOL_DECLARE_LINK_MODE_MASK(supported) = {};
	__ETHTOOL_DECLARE_LINK_MODE_MASK(want);
	u32 speed = cmd->base.speed;
	u16 anar, c1000;
	int err = 0;

	igbx_link_modes_default(supported);
	if (cmd->base.autoneg == AUTONEG_ENABLE) {
		linkmode_and(want, cmd->link_modes.advertising, supported);
		igbx_link_modes_to_phy(want, &anar, &c1000);
		if (!anar && !c1000) {
			netdev_err(netdev, "no supported speed in the advertisement\n");
			return -EINVAL;
		}
		if (netif_running(netdev))
			err = igbx_link_advertise(&adapter->hw, anar, c1000);
		if (err)
			return err;
		linkmode_copy(adapter->advertising, want);
		linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT,
				 adapter->advertising);
		adapter->autoneg = true;
		return 0;
	}

	/* 1000BASE-T cannot be forced (IEEE 802.3 clause 40). */
	if ((speed != SPEED_10 && speed != SPEED_100) ||
	    (cmd->base.duplex != DUPLEX_FULL &&
	     cmd->base.duplex != DUPLEX_HALF)) {
		netdev_err(netdev, "without autoneg only 10 or 100 Mb/s, half or full duplex\n");
		return -EINVAL;
	}
	if (netif_running(netdev))
		err = igbx_link_force(&adapter->hw, speed,
				      cmd->base.duplex == DUPLEX_FULL);
	if (err)
		return err;
	adapter->autoneg = false;
	adapter->forced_speed = speed;
	adapter->forced_duplex = cmd->base.duplex;
	return 0;
}

static int igbx_set_phys_id(struct net_device *netdev,
			    enum ethtool_phys_id_state state)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw *hw = &adapter->hw;
	u32 ledctl = adapter->ledctl, mode;
	unsigned int i;

	switch (state) {
	case ETHTOOL_ID_ACTIVE:
		adapter->ledctl = igbx_rd32(hw, IGBX_LEDCTL);
		return 2;	/* on/off twice a second */
	case ETHTOOL_ID_ON:
	case ETHTOOL_ID_OFF:
		mode = state == ETHTOOL_ID_ON ? IGBX_LED_MODE_ON :
						IGBX_LED_MODE_OFF;
		for (i = 0; i < IGBX_LEDS; i++) {
			ledctl &= ~(IGBX_LEDCTL_MODE(i) | IGBX_LEDCTL_IVRT(i) |
				    IGBX_LEDCTL_BLINK(i));
			ledctl |= mode << (8 * i);
		}
		break;
	case ETHTOOL_ID_INACTIVE:
		break;
	}
	igbx_wr32(hw, IGBX_LEDCTL, ledctl);
	return 0;
}

static int igbx_nway_reset(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (!netif_running(netdev))
		return -EAGAIN;
	return igbx_link_restart_autoneg(&adapter->hw);
}

static u32 igbx_get_msglevel(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	return adapter->msg_enable;
}

static void igbx_set_msglevel(struct net_device *netdev, u32 level)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	adapter->msg_enable = level;
}

static void igbx_get_ringparam(struct net_device *netdev,
			       struct ethtool_ringparam *ring,
			       struct kernel_ethtool_ringparam *kring,
			       struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	ring->rx_max_pending = IGBX_MAX_RING;
	ring->tx_max_pending = IGBX_MAX_RING;
	ring->rx_pending = adapter->rx_ring_count;
	ring->tx_pending = adapter->tx_ring_count;
}

static void igbx_get_pauseparam(struct net_device *netdev,
				struct ethtool_pauseparam *pause)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	pause->autoneg = adapter->fc_autoneg;
	pause->rx_pause = adapter->fc_rx;
	pause->tx_pause = adapter->fc_tx;
}

static int igbx_set_pauseparam(struct net_device *netdev,
			       struct ethtool_pauseparam *pause)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw *hw = &adapter->hw;
	int err;

	adapter->fc_autoneg = pause->autoneg;
	adapter->fc_rx = pause->rx_pause;
	adapter->fc_tx = pause->tx_pause;
	if (!netif_running(netdev))
		return 0;
	err = igbx_fc_advertise(hw, adapter->fc_rx, adapter->fc_tx);
	if (err)
		return err;
	if (adapter->fc_autoneg)
		return igbx_link_restart_autoneg(hw);
	igbx_fc_apply(adapter);
	return 0;
}

static void igbx_get_pause_stats(struct net_device *netdev,
				 struct ethtool_pause_stats *stats)
{
	struct igbx_hw_stats hs;

	igbx_hw_stats_snapshot(netdev_priv(netdev), &hs);
	stats->tx_pause_frames = hs.xofftxc + hs.xontxc;
	stats->rx_pause_frames = hs.xoffrxc + hs.xonrxc;
}

static void igbx_get_eth_mac_stats(struct net_device *netdev,
				   struct ethtool_eth_mac_stats *mac)
{
	struct igbx_hw_stats hs;

	igbx_hw_stats_snapshot(netdev_priv(netdev), &hs);
	mac->FramesTransmittedOK = hs.gptc;
	mac->FramesReceivedOK = hs.gprc;
	mac->FrameCheckSequenceErrors = hs.crcerrs;
	mac->AlignmentErrors = hs.algnerrc;
	mac->OctetsTransmittedOK = hs.gotc;
	mac->OctetsReceivedOK = hs.gorc;
	mac->MulticastFramesXmittedOK = hs.mptc;
	mac->BroadcastFramesXmittedOK = hs.bptc;
	mac->MulticastFramesReceivedOK = hs.mprc;
	mac->BroadcastFramesReceivedOK = hs.bprc;
	mac->FrameTooLongErrors = hs.roc;
}

static void igbx_get_eth_ctrl_stats(struct net_device *netdev,
				    struct ethtool_eth_ctrl_stats *ctrl)
{
	struct igbx_hw_stats hs;

	igbx_hw_stats_snapshot(netdev_priv(netdev), &hs);
	ctrl->MACControlFramesTransmitted = hs.xontxc + hs.xofftxc;
	ctrl->MACControlFramesReceived = hs.xonrxc + hs.xoffrxc + hs.fcruc;
	ctrl->UnsupportedOpcodesReceived = hs.fcruc;
}

/* RXERRC: frames received while the PHY signalled a symbol error. */
static void igbx_get_eth_phy_stats(struct net_device *netdev,
				   struct ethtool_eth_phy_stats *phy)
{
	struct igbx_hw_stats hs;

	igbx_hw_stats_snapshot(netdev_priv(netdev), &hs);
	phy->SymbolErrorDuringCarrier = hs.rxerrc;
}

/* The device's size buckets (datasheet 8.19: PRCxx/PTCxx). */
static const struct ethtool_rmon_hist_range igbx_rmon_ranges[] = {
	{ 0, 64 }, { 65, 127 }, { 128, 255 }, { 256, 511 }, { 512, 1023 },
	{ 1024, 1522 }, { }
};

static void igbx_get_rmon_stats(struct net_device *netdev,
				struct ethtool_rmon_stats *rmon,
				const struct ethtool_rmon_hist_range **ranges)
{
	struct igbx_hw_stats hs;
	unsigned int i;

	igbx_hw_stats_snapshot(netdev_priv(netdev), &hs);
	rmon->undersize_pkts = hs.ruc;
	rmon->oversize_pkts = hs.roc;
	rmon->fragments = hs.rfc;
	rmon->jabbers = hs.rjc;
	for (i = 0; i < IGBX_SIZE_BUCKETS; i++) {
		rmon->hist[i] = hs.prc[i];
		rmon->hist_tx[i] = hs.ptc[i];
	}
	*ranges = igbx_rmon_ranges;
}

static int igbx_set_ringparam(struct net_device *netdev,
			      struct ethtool_ringparam *ring,
			      struct kernel_ethtool_ringparam *kring,
			      struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u32 n[] = { ring->rx_pending, ring->tx_pending };
	struct igbx_ring_cfg cfg;
	unsigned int i;

	if (ring->rx_mini_pending || ring->rx_jumbo_pending) {
		NL_SET_ERR_MSG_MOD(extack, "only rx and tx ring sizes exist");
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(n); i++) {
		if (n[i] < IGBX_MIN_RING || n[i] > IGBX_MAX_RING ||
		    n[i] % IGBX_RING_ALIGN_DESC) {
			/* the limits in the text: kernels without formatted
			 * extack messages (6.1) show the format as it is
			 */
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "ring size %u: must be "
					       __stringify(IGBX_MIN_RING) ".."
					       __stringify(IGBX_MAX_RING)
					       " and a multiple of "
					       __stringify(IGBX_RING_ALIGN_DESC),
					       n[i]);
			return -EINVAL;
		}
	}
	if (ring->rx_pending == adapter->rx_ring_count &&
	    ring->tx_pending == adapter->tx_ring_count)
		return 0;
	igbx_ring_cfg_now(adapter, &cfg);
	cfg.tx_count = ring->tx_pending;
	cfg.rx_count = ring->rx_pending;
	return igbx_reconfigure(adapter, &cfg, adapter->xdp_prog);
}

/* --- interrupt moderation ------------------------------------------------ */

static void igbx_coal_fill(const struct igbx_q_vector *qv,
			   struct ethtool_coalesce *ec)
{
	/* What is programmed now (DIM's choice when adaptive). */
	ec->rx_coalesce_usecs = qv->adaptive ? qv->itr_us : qv->usecs;
	ec->tx_coalesce_usecs = ec->rx_coalesce_usecs;
	ec->use_adaptive_rx_coalesce = qv->adaptive;
	ec->use_adaptive_tx_coalesce = qv->adaptive;
}

static int igbx_get_coalesce(struct net_device *netdev,
			     struct ethtool_coalesce *ec,
			     struct kernel_ethtool_coalesce *kec,
			     struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	igbx_coal_fill(adapter->q_vector[0], ec);
	return 0;
}

static int igbx_set_coalesce(struct net_device *netdev,
			     struct ethtool_coalesce *ec,
			     struct kernel_ethtool_coalesce *kec,
			     struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct ethtool_coalesce cur = {};
	bool adaptive;
	unsigned int v;
	u16 usecs;
	int err;

	igbx_coal_fill(adapter->q_vector[0], &cur);
	err = igbx_coal_pick(cur.rx_coalesce_usecs,
			     cur.use_adaptive_rx_coalesce, ec, &usecs,
			     &adaptive, extack);
	if (err)
		return err;
	adapter->coal_usecs = usecs;
	adapter->coal_adaptive = adaptive;
	for (v = 0; v < adapter->num_qp; v++)
		igbx_coal_apply(adapter->q_vector[v], usecs, adaptive);
	return 0;
}

static int igbx_get_per_queue_coalesce(struct net_device *netdev, u32 queue,
				       struct ethtool_coalesce *ec)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (queue >= adapter->num_qp)
		return -EINVAL;
	igbx_coal_fill(adapter->q_vector[queue], ec);
	return 0;
}

static int igbx_set_per_queue_coalesce(struct net_device *netdev, u32 queue,
				       struct ethtool_coalesce *ec)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct ethtool_coalesce cur = {};
	struct igbx_q_vector *qv;
	bool adaptive;
	u16 usecs;
	int err;

	if (queue >= adapter->num_qp)
		return -EINVAL;
	qv = adapter->q_vector[queue];
	igbx_coal_fill(qv, &cur);
	err = igbx_coal_pick(cur.rx_coalesce_usecs,
			     cur.use_adaptive_rx_coalesce, ec, &usecs,
			     &adaptive, NULL);
	if (err)
		return err;
	igbx_coal_apply(qv, usecs, adaptive);
	return 0;
}

static void igbx_get_channels(struct net_device *netdev,
			      struct ethtool_channels *ch)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	bool msix = adapter->irq_mode == IGBX_IRQ_MSIX;

	/* with VFs the PF has one pool: one queue pair */
	ch->max_combined = msix && !adapter->sriov.num_vfs ?
			   adapter->num_vectors - 1 : 1;
	ch->combined_count = adapter->num_qp;
	ch->max_other = msix;
	ch->other_count = msix;
}

static int igbx_set_channels(struct net_device *netdev,
			     struct ethtool_channels *ch)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned int i;

	struct ethtool_channels max = {};

	igbx_get_channels(netdev, &max);
	if (ch->rx_count || ch->tx_count || ch->other_count != max.other_count ||
	    !ch->combined_count || ch->combined_count > max.max_combined)
		return -EINVAL;
	if (netif_is_rxfh_configured(netdev)) {
		for (i = 0; i < IGBX_RETA_ENTRIES; i++)
			if (adapter->rss_indir[i] >= ch->combined_count)
				return -EBUSY;
	}
	return igbx_set_num_qp(adapter, ch->combined_count);
}

/* --- statistics ---------------------------------------------------------- */

struct igbx_stat {
	char name[ETH_GSTRING_LEN];
	size_t offset;
};

#define IGBX_RING_STAT(n, f) { n, offsetof(struct igbx_ring_stats, f) }
static const struct igbx_stat igbx_rx_stats[] = {
	IGBX_RING_STAT("packets", packets),
	IGBX_RING_STAT("bytes", bytes),
	IGBX_RING_STAT("drops", drops),
	IGBX_RING_STAT("csum_err", csum_err),
	IGBX_RING_STAT("alloc_fail", alloc_fail),
	IGBX_RING_STAT("len_err", len_err),
	IGBX_RING_STAT("xdp_pass", xdp_pass),
	IGBX_RING_STAT("xdp_drop", xdp_drop),
	IGBX_RING_STAT("xdp_tx", xdp_tx),
	IGBX_RING_STAT("xdp_redirect", xdp_redirect),
	IGBX_RING_STAT("xdp_redirect_err", xdp_redirect_err),
	IGBX_RING_STAT("xdp_aborted", xdp_aborted),
};

static const struct igbx_stat igbx_tx_stats[] = {
	IGBX_RING_STAT("packets", packets),
	IGBX_RING_STAT("bytes", bytes),
	IGBX_RING_STAT("drops", drops),
	IGBX_RING_STAT("restarts", restarts),
	IGBX_RING_STAT("dma_err", dma_err),
};

/* the XDP TX ring of each pair: XDP_TX and ndo_xdp_xmit frames */
static const struct igbx_stat igbx_xdp_stats[] = {
	IGBX_RING_STAT("packets", packets),
	IGBX_RING_STAT("bytes", bytes),
	IGBX_RING_STAT("full", drops),
	IGBX_RING_STAT("dma_err", dma_err),
};

#define IGBX_HW_STAT(n, f) { n, offsetof(struct igbx_hw_stats, f) }
static const struct igbx_stat igbx_hw_stats[] = {
	IGBX_HW_STAT("rx_crc_errors", crcerrs),
	IGBX_HW_STAT("rx_align_errors", algnerrc),
	IGBX_HW_STAT("rx_symbol_errors", rxerrc),
	IGBX_HW_STAT("rx_missed", mpc),
	IGBX_HW_STAT("rx_no_buffer", rnbc),
	IGBX_HW_STAT("rx_undersize", ruc),
	IGBX_HW_STAT("rx_oversize", roc),
	IGBX_HW_STAT("rx_length_errors", rlec),
	IGBX_HW_STAT("rx_multicast", mprc),
	IGBX_HW_STAT("rx_good_packets", gprc),
	IGBX_HW_STAT("tx_good_packets", gptc),
	IGBX_HW_STAT("tx_segmentation_contexts", tsctc),
	IGBX_HW_STAT("collisions", colc),
	IGBX_HW_STAT("rx_xon", xonrxc),
	IGBX_HW_STAT("tx_xon", xontxc),
	IGBX_HW_STAT("rx_xoff", xoffrxc),
	IGBX_HW_STAT("tx_xoff", xofftxc),
};

/* the port's own counters, after the device's */
static const char * const igbx_port_stats[] = {
	"port_resets",
	"tx_hwtstamps",
	"tx_hwtstamp_skipped",
	"tx_hwtstamp_timeouts",
	"rx_hwtstamp_cleared",
	"pm_resumes",
	"pci_function_resets",
	"pci_error_recoveries",
	"vf_mbx_msgs",			/* VF messages served */
	"vf_mbx_refused",		/* ... refused: bad, flood, not its own */
	"vf_resets",			/* VF function level resets */
#ifdef IGBX_HAVE_COR_ERROR_DETECTED
	"pci_correctable_errors",	/* where the kernel reports them */
#endif
};

static int igbx_get_sset_count(struct net_device *netdev, int sset)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (sset == ETH_SS_TEST)
		return igbx_selftest_count();
	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ARRAY_SIZE(igbx_hw_stats) + ARRAY_SIZE(igbx_port_stats) +
	       adapter->num_qp * (ARRAY_SIZE(igbx_rx_stats) +
				  ARRAY_SIZE(igbx_tx_stats) +
				  ARRAY_SIZE(igbx_xdp_stats));
}

static void igbx_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned int i, q;

	if (sset == ETH_SS_TEST) {
		igbx_selftest_strings(data);
		return;
	}
	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < ARRAY_SIZE(igbx_hw_stats); i++)
		ethtool_puts(&data, igbx_hw_stats[i].name);
	for (i = 0; i < ARRAY_SIZE(igbx_port_stats); i++)
		ethtool_puts(&data, igbx_port_stats[i]);
	for (q = 0; q < adapter->num_qp; q++) {
		for (i = 0; i < ARRAY_SIZE(igbx_rx_stats); i++)
			ethtool_sprintf(&data, "rx-%u.%s", q,
					igbx_rx_stats[i].name);
		for (i = 0; i < ARRAY_SIZE(igbx_tx_stats); i++)
			ethtool_sprintf(&data, "tx-%u.%s", q,
					igbx_tx_stats[i].name);
		for (i = 0; i < ARRAY_SIZE(igbx_xdp_stats); i++)
			ethtool_sprintf(&data, "xdp-%u.%s", q,
					igbx_xdp_stats[i].name);
	}
}

static void igbx_ring_stats_copy(struct igbx_ring *ring,
				 const struct igbx_stat *stats,
				 unsigned int n, u64 **data)
{
	struct igbx_ring_stats snap;
	unsigned int i;

	igbx_ring_stats_read(ring, &snap);
	for (i = 0; i < n; i++)
		*(*data)++ = *(u64 *)((u8 *)&snap + stats[i].offset);
}

static void igbx_get_ethtool_stats(struct net_device *netdev,
				   struct ethtool_stats *estats, u64 *data)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw_stats hs;
	unsigned int i, q;

	igbx_hw_stats_snapshot(adapter, &hs);
	for (i = 0; i < ARRAY_SIZE(igbx_hw_stats); i++)
		*data++ = *(u64 *)((u8 *)&hs + igbx_hw_stats[i].offset);
	/* in the order of igbx_port_stats */
	*data++ = adapter->restarts;
	*data++ = READ_ONCE(adapter->ptp.tx_stamps);
	*data++ = atomic64_read(&adapter->ptp.tx_skipped);
	*data++ = READ_ONCE(adapter->ptp.tx_timeouts);
	*data++ = READ_ONCE(adapter->ptp.rx_cleared);
	*data++ = READ_ONCE(adapter->pm_resumes);
	*data++ = READ_ONCE(adapter->pci_resets);
	*data++ = READ_ONCE(adapter->pci_recoveries);
	*data++ = READ_ONCE(adapter->sriov.msgs);
	*data++ = READ_ONCE(adapter->sriov.refused);
	*data++ = READ_ONCE(adapter->sriov.vf_resets);
#ifdef IGBX_HAVE_COR_ERROR_DETECTED
	*data++ = atomic64_read(&adapter->pci_cor_errors);
#endif
	for (q = 0; q < adapter->num_qp; q++) {
		igbx_ring_stats_copy(&adapter->q_vector[q]->rx, igbx_rx_stats,
				     ARRAY_SIZE(igbx_rx_stats), &data);
		igbx_ring_stats_copy(&adapter->q_vector[q]->tx, igbx_tx_stats,
				     ARRAY_SIZE(igbx_tx_stats), &data);
		igbx_ring_stats_copy(&adapter->q_vector[q]->xdp, igbx_xdp_stats,
				     ARRAY_SIZE(igbx_xdp_stats), &data);
	}
}

/* --- register dump (ethtool -d) ------------------------------------------ */

/*
 * Layout version 1: the 32-bit registers below, in this order, then for
 * each of the 8 possible queues RDBAL RDBAH RDLEN RDH RDT SRRCTL RXDCTL
 * TDBAL TDBAH TDLEN TDH TDT TXDCTL, then LEDCTL FCRTL FCRTH.
 * Documentation/igbx.rst lists it too.
 */
#define IGBX_REGS_VERSION	1
static const u32 igbx_dump_regs[] = {
	IGBX_CTRL, IGBX_STATUS, IGBX_CTRL_EXT, IGBX_RCTL, IGBX_TCTL,
	IGBX_RXCSUM, IGBX_RLPML, IGBX_MRQC, IGBX_GPIE, IGBX_EIMS, IGBX_EIAC,
	IGBX_EIAM, IGBX_IMS, IGBX_IVAR_MISC,
	IGBX_IVAR(0), IGBX_IVAR(1), IGBX_IVAR(2), IGBX_IVAR(3),
	IGBX_IVAR(4), IGBX_IVAR(5), IGBX_IVAR(6), IGBX_IVAR(7),
	IGBX_EITR(0), IGBX_EITR(1), IGBX_EITR(2), IGBX_EITR(3),
	IGBX_EITR(4), IGBX_EITR(5), IGBX_EITR(6), IGBX_EITR(7),
	IGBX_EITR(8), IGBX_EITR(9),
};

#define IGBX_DUMP_QUEUE_REGS	13

/* after the queue blocks */
static const u32 igbx_dump_tail[] = { IGBX_LEDCTL, IGBX_FCRTL, IGBX_FCRTH };

static int igbx_get_regs_len(struct net_device *netdev)
{
	return (ARRAY_SIZE(igbx_dump_regs) +
		IGBX_MAX_QPAIRS * IGBX_DUMP_QUEUE_REGS +
		ARRAY_SIZE(igbx_dump_tail)) * sizeof(u32);
}

static void igbx_get_regs(struct net_device *netdev, struct ethtool_regs *regs,
			  void *p)
{
	static const u32 qregs[IGBX_DUMP_QUEUE_REGS] = {
		IGBX_RDBAL(0), IGBX_RDBAH(0), IGBX_RDLEN(0), IGBX_RDH(0),
		IGBX_RDT(0), IGBX_SRRCTL(0), IGBX_RXDCTL(0),
		IGBX_TDBAL(0), IGBX_TDBAH(0), IGBX_TDLEN(0), IGBX_TDH(0),
		IGBX_TDT(0), IGBX_TXDCTL(0),
	};
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i, q;
	u32 *out = p;

	regs->version = IGBX_REGS_VERSION;
	for (i = 0; i < ARRAY_SIZE(igbx_dump_regs); i++)
		*out++ = igbx_rd32(hw, igbx_dump_regs[i]);
	/* the queue register blocks are 0x40 apart */
	for (q = 0; q < IGBX_MAX_QPAIRS; q++)
		for (i = 0; i < IGBX_DUMP_QUEUE_REGS; i++)
			*out++ = igbx_rd32(hw, qregs[i] + 0x40 * q);
	for (i = 0; i < ARRAY_SIZE(igbx_dump_tail); i++)
		*out++ = igbx_rd32(hw, igbx_dump_tail[i]);
}

/* --- NVM (ethtool -e) ---------------------------------------------------- */

static int igbx_get_eeprom_len(struct net_device *netdev)
{
	return IGBX_NVM_WORDS * 2;
}

static int igbx_get_eeprom(struct net_device *netdev,
			   struct ethtool_eeprom *ee, u8 *bytes)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u16 first = ee->offset / 2, last, *words;
	unsigned int i;
	int err;

	if (!ee->len)
		return -EINVAL;
	last = (ee->offset + ee->len - 1) / 2;
	ee->magic = adapter->pdev->vendor | (u32)adapter->pdev->device << 16;
	words = kmalloc_array(last - first + 1, sizeof(*words), GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	err = igbx_nvm_read(&adapter->hw, first, last - first + 1, words);
	if (!err) {
		for (i = 0; i <= last - first; i++)
			cpu_to_le16s(&words[i]);
		memcpy(bytes, (u8 *)words + (ee->offset & 1), ee->len);
	}
	kfree(words);
	return err;
}

/*
 * ethtool -E: bytes into whole words (the edge words read first), written
 * with the checksum kept right.  The magic must name this device, as -e
 * reports it, so that a dump is not written to the wrong kind of NIC.
 */
static int igbx_set_eeprom(struct net_device *netdev,
			   struct ethtool_eeprom *ee, u8 *bytes)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u32 magic = adapter->pdev->vendor | (u32)adapter->pdev->device << 16;
	u16 first, last, n, *words;
	unsigned int i;
	int err;

	if (ee->magic != magic) {
		netdev_err(netdev, "NVM write refused: magic %#x is not this device's %#x\n",
			   ee->magic, magic);
		return -EINVAL;
	}
	if (!ee->len || ee->offset >= IGBX_NVM_WORDS * 2 ||
	    ee->len > IGBX_NVM_WORDS * 2 - ee->offset)
		return -EINVAL;

	first = ee->offset / 2;
	last = (ee->offset + ee->len - 1) / 2;
	n = last - first + 1;
	words = kmalloc_array(n, sizeof(*words), GFP_KERNEL);
	if (!words)
		return -ENOMEM;
	err = igbx_nvm_read(&adapter->hw, first, n, words);
	if (err)
		goto out;
	for (i = 0; i < n; i++)
		cpu_to_le16s(&words[i]);
	memcpy((u8 *)words + (ee->offset & 1), bytes, ee->len);
	for (i = 0; i < n; i++)
		le16_to_cpus(&words[i]);
	err = igbx_nvm_write(&adapter->hw, first, n, words);
	if (err)
		netdev_err(netdev, "NVM write of words %#x..%#x failed (%d)\n",
			   first, last, err);
out:
	kfree(words);
	return err;
}

/* --- RSS ----------------------------------------------------------------- */

static u32 igbx_get_rxfh_indir_size(struct net_device *netdev)
{
	return IGBX_RETA_ENTRIES;
}

static u32 igbx_get_rxfh_key_size(struct net_device *netdev)
{
	return IGBX_RSS_KEY_SIZE;
}

#define IGBX_RXH_IP	(RXH_IP_SRC | RXH_IP_DST)
#define IGBX_RXH_L4	(IGBX_RXH_IP | RXH_L4_B_0_1 | RXH_L4_B_2_3)

/* Which fields MRQC hashes for a flow type (datasheet 7.1.2.10). */
static int igbx_rxfh_fields(struct igbx_adapter *adapter, u32 flow_type,
			    u64 *data)
{
	switch (flow_type) {
	case TCP_V4_FLOW:
	case TCP_V6_FLOW:
		*data = IGBX_RXH_L4;
		return 0;
	case UDP_V4_FLOW:
		*data = adapter->rss_udp4 ? IGBX_RXH_L4 : IGBX_RXH_IP;
		return 0;
	case UDP_V6_FLOW:
		*data = adapter->rss_udp6 ? IGBX_RXH_L4 : IGBX_RXH_IP;
		return 0;
	case SCTP_V4_FLOW:
	case AH_ESP_V4_FLOW:
	case AH_V4_FLOW:
	case ESP_V4_FLOW:
	case IPV4_FLOW:
	case SCTP_V6_FLOW:
	case AH_ESP_V6_FLOW:
	case AH_V6_FLOW:
	case ESP_V6_FLOW:
	case IPV6_FLOW:
		*data = IGBX_RXH_IP;
		return 0;
	default:
		return -EINVAL;
	}
}

static u32 igbx_rx_ring_count(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	return adapter->num_qp;
}

static int igbx_rxfh_fields_get(struct net_device *netdev, u32 flow_type,
				u64 *data)
{
	return igbx_rxfh_fields(netdev_priv(netdev), flow_type, data);
}

/* Only UDP can change: addresses only, or addresses and ports. */
static int igbx_rxfh_fields_set(struct net_device *netdev, u32 flow_type,
				u64 data, struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	bool l4 = data == IGBX_RXH_L4;
	u64 cur;
	int err;

	err = igbx_rxfh_fields(adapter, flow_type, &cur);
	if (err) {
		NL_SET_ERR_MSG_MOD(extack, "flow type not hashed by the 82576");
		return err;
	}
	if (data == cur)
		return 0;
	if (flow_type != UDP_V4_FLOW && flow_type != UDP_V6_FLOW) {
		NL_SET_ERR_MSG_MOD(extack,
				   "only UDP flows can change their hashed fields");
		return -EINVAL;
	}
	if (data != IGBX_RXH_IP && data != IGBX_RXH_L4) {
		NL_SET_ERR_MSG_MOD(extack,
				   "UDP hashes addresses, or addresses and ports");
		return -EINVAL;
	}
	if (flow_type == UDP_V4_FLOW)
		adapter->rss_udp4 = l4;
	else
		adapter->rss_udp6 = l4;
	if (netif_running(netdev))
		igbx_rss_write(adapter);
	return 0;
}

IGBX_RXNFC_OPS(igbx_rx_ring_count, igbx_rxfh_fields_get, igbx_rxfh_fields_set)

static int igbx_rxfh_get(struct net_device *netdev, u32 *indir, u8 *key)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned int i;

	if (indir)
		for (i = 0; i < IGBX_RETA_ENTRIES; i++)
			indir[i] = adapter->rss_indir[i];
	if (key)
		memcpy(key, adapter->rss_key, IGBX_RSS_KEY_SIZE);
	return 0;
}

static int igbx_rxfh_set(struct net_device *netdev, const u32 *indir,
			 const u8 *key, u8 hfunc,
			 struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned int i;

	if (hfunc != ETH_RSS_HASH_NO_CHANGE && hfunc != ETH_RSS_HASH_TOP) {
		NL_SET_ERR_MSG_MOD(extack, "only the Toeplitz hash is supported");
		return -EOPNOTSUPP;
	}
	if (indir) {
		for (i = 0; i < IGBX_RETA_ENTRIES; i++) {
			if (indir[i] >= adapter->num_qp) {
				NL_SET_ERR_MSG_MOD(extack,
						   "indirection table entry beyond the queues");
				return -EINVAL;
			}
		}
		for (i = 0; i < IGBX_RETA_ENTRIES; i++)
			adapter->rss_indir[i] = indir[i];
	}
	if (key)
		memcpy(adapter->rss_key, key, IGBX_RSS_KEY_SIZE);
	if (netif_running(netdev))
		igbx_rss_write(adapter);
	return 0;
}

IGBX_RXFH_OPS(igbx_rxfh_get, igbx_rxfh_set)

static void igbx_get_wol(struct net_device *netdev,
			 struct ethtool_wolinfo *wol)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	wol->supported = IGBX_WOL_MODES;
	wol->wolopts = adapter->wol;
}

static int igbx_set_wol(struct net_device *netdev,
			struct ethtool_wolinfo *wol)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	/* no SecureOn password, no ARP filter: the ethtool core refuses them */
	if (wol->wolopts & ~IGBX_WOL_MODES)
		return -EOPNOTSUPP;
	igbx_wol_set(adapter, wol->wolopts);
	return 0;
}

static int igbx_get_ts_info(struct net_device *netdev,
			    struct igbx_ethtool_ts_info *info)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	info->so_timestamping = igbx_ptp_ts_info(adapter, &info->phc_index,
						 &info->tx_types,
						 &info->rx_filters);
	return 0;
}

#ifdef IGBX_HAVE_GET_TS_STATS
static void igbx_get_ts_stats(struct net_device *netdev,
			      struct ethtool_ts_stats *ts)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	ts->pkts = READ_ONCE(adapter->ptp.tx_stamps);
	ts->lost = READ_ONCE(adapter->ptp.tx_timeouts);
	ts->err = atomic64_read(&adapter->ptp.tx_skipped);
}
#endif

static const struct ethtool_ops igbx_ethtool_ops = {
	.supported_coalesce_params = ETHTOOL_COALESCE_USECS |
				     ETHTOOL_COALESCE_USE_ADAPTIVE,
	.get_drvinfo		= igbx_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.self_test		= igbx_self_test,
	.get_link_ksettings	= igbx_get_link_ksettings,
	.set_link_ksettings	= igbx_set_link_ksettings,
	.set_phys_id		= igbx_set_phys_id,
	.nway_reset		= igbx_nway_reset,
	.get_msglevel		= igbx_get_msglevel,
	.set_msglevel		= igbx_set_msglevel,
	.get_pauseparam		= igbx_get_pauseparam,
	.set_pauseparam		= igbx_set_pauseparam,
	.get_pause_stats	= igbx_get_pause_stats,
	.get_eth_mac_stats	= igbx_get_eth_mac_stats,
	.get_eth_ctrl_stats	= igbx_get_eth_ctrl_stats,
	.get_eth_phy_stats	= igbx_get_eth_phy_stats,
	.get_rmon_stats		= igbx_get_rmon_stats,
	.get_ringparam		= igbx_get_ringparam,
	.set_ringparam		= igbx_set_ringparam,
	.get_coalesce		= igbx_get_coalesce,
	.set_coalesce		= igbx_set_coalesce,
	.get_per_queue_coalesce	= igbx_get_per_queue_coalesce,
	.set_per_queue_coalesce	= igbx_set_per_queue_coalesce,
	.get_channels		= igbx_get_channels,
	.set_channels		= igbx_set_channels,
	.get_sset_count		= igbx_get_sset_count,
	.get_strings		= igbx_get_strings,
	.get_ethtool_stats	= igbx_get_ethtool_stats,
	IGBX_RXNFC_OPS_INIT(igbx_rx_ring_count, igbx_rxfh_fields_get,
			    igbx_rxfh_fields_set)
	.get_regs_len		= igbx_get_regs_len,
	.get_regs		= igbx_get_regs,
	.get_eeprom_len		= igbx_get_eeprom_len,
	.get_eeprom		= igbx_get_eeprom,
	.set_eeprom		= igbx_set_eeprom,
	.get_rxfh_indir_size	= igbx_get_rxfh_indir_size,
	.get_rxfh_key_size	= igbx_get_rxfh_key_size,
	.get_rxfh		= igbx_rxfh_get_op,
	.set_rxfh		= igbx_rxfh_set_op,
	.get_wol		= igbx_get_wol,
	.set_wol		= igbx_set_wol,
	.get_ts_info		= igbx_get_ts_info,
#ifdef IGBX_HAVE_GET_TS_STATS
	.get_ts_stats		= igbx_get_ts_stats,
#endif
};

/**
 * igbx_set_ethtool_ops() - attach igbx's ethtool operations
 * @netdev: our net_device
 */
void igbx_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igbx_ethtool_ops;
}
