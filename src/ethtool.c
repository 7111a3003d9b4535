// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: ethtool operations.
 */
#include <linux/ethtool.h>
#include <linux/linkmode.h>

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

static void igbx_add_copper_modes(unsigned long *modes)
{
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_TP_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, modes);
}

static int igbx_get_link_ksettings(struct net_device *netdev,
				   struct ethtool_link_ksettings *cmd)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_link link = { .speed = SPEED_UNKNOWN,
				  .duplex = DUPLEX_UNKNOWN };

	ethtool_link_ksettings_zero_link_mode(cmd, supported);
	ethtool_link_ksettings_zero_link_mode(cmd, advertising);
	igbx_add_copper_modes(cmd->link_modes.supported);
	/* igbx_link_setup() advertises everything that is supported. */
	igbx_add_copper_modes(cmd->link_modes.advertising);

	if (netif_running(netdev))
		igbx_link_read(&adapter->hw, &link);
	cmd->base.speed = link.up ? link.speed : SPEED_UNKNOWN;
	cmd->base.duplex = link.up ? link.duplex : DUPLEX_UNKNOWN;
	cmd->base.port = PORT_TP;
	cmd->base.phy_address = IGBX_PHY_ADDR;
	cmd->base.autoneg = AUTONEG_ENABLE;
	cmd->base.mdio_support = ETH_MDIO_SUPPORTS_C22;
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

static void igbx_get_channels(struct net_device *netdev,
			      struct ethtool_channels *ch)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	bool msix = adapter->irq_mode == IGBX_IRQ_MSIX;

	ch->max_combined = msix ? adapter->num_vectors - 1 : 1;
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
	if (adapter->rss_user) {
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
};

static const struct igbx_stat igbx_tx_stats[] = {
	IGBX_RING_STAT("packets", packets),
	IGBX_RING_STAT("bytes", bytes),
	IGBX_RING_STAT("drops", drops),
	IGBX_RING_STAT("restarts", restarts),
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
	IGBX_HW_STAT("collisions", colc),
};

static int igbx_get_sset_count(struct net_device *netdev, int sset)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (sset != ETH_SS_STATS)
		return -EOPNOTSUPP;
	return ARRAY_SIZE(igbx_hw_stats) + 1 +
	       adapter->num_qp * (ARRAY_SIZE(igbx_rx_stats) +
				  ARRAY_SIZE(igbx_tx_stats));
}

static void igbx_get_strings(struct net_device *netdev, u32 sset, u8 *data)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned int i, q;

	if (sset != ETH_SS_STATS)
		return;
	for (i = 0; i < ARRAY_SIZE(igbx_hw_stats); i++)
		ethtool_puts(&data, igbx_hw_stats[i].name);
	ethtool_puts(&data, "port_resets");
	for (q = 0; q < adapter->num_qp; q++) {
		for (i = 0; i < ARRAY_SIZE(igbx_rx_stats); i++)
			ethtool_sprintf(&data, "rx-%u.%s", q,
					igbx_rx_stats[i].name);
		for (i = 0; i < ARRAY_SIZE(igbx_tx_stats); i++)
			ethtool_sprintf(&data, "tx-%u.%s", q,
					igbx_tx_stats[i].name);
	}
}

static void igbx_ring_stats_copy(struct igbx_ring *ring,
				 const struct igbx_stat *stats,
				 unsigned int n, u64 **data)
{
	struct igbx_ring_stats snap;
	unsigned int start, i;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		snap = ring->stats;
	} while (u64_stats_fetch_retry(&ring->syncp, start));
	for (i = 0; i < n; i++)
		*(*data)++ = *(u64 *)((u8 *)&snap + stats[i].offset);
}

static void igbx_get_ethtool_stats(struct net_device *netdev,
				   struct ethtool_stats *estats, u64 *data)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned long flags;
	unsigned int i, q;

	igbx_hw_stats_update(adapter);
	spin_lock_irqsave(&adapter->stats_lock, flags);
	for (i = 0; i < ARRAY_SIZE(igbx_hw_stats); i++)
		*data++ = *(u64 *)((u8 *)&adapter->hw_stats +
				   igbx_hw_stats[i].offset);
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
	*data++ = adapter->restarts;
	for (q = 0; q < adapter->num_qp; q++) {
		igbx_ring_stats_copy(&adapter->q_vector[q]->rx, igbx_rx_stats,
				     ARRAY_SIZE(igbx_rx_stats), &data);
		igbx_ring_stats_copy(&adapter->q_vector[q]->tx, igbx_tx_stats,
				     ARRAY_SIZE(igbx_tx_stats), &data);
	}
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

static int igbx_get_rxnfc(struct net_device *netdev,
			  struct ethtool_rxnfc *cmd, u32 *rules)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	switch (cmd->cmd) {
	case ETHTOOL_GRXRINGS:
		cmd->data = adapter->num_qp;
		return 0;
	default:
		return -EOPNOTSUPP;
	}
}

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
		adapter->rss_user = true;
	}
	if (key)
		memcpy(adapter->rss_key, key, IGBX_RSS_KEY_SIZE);
	if (netif_running(netdev))
		igbx_rss_write(adapter);
	return 0;
}

IGBX_RXFH_OPS(igbx_rxfh_get, igbx_rxfh_set)

static const struct ethtool_ops igbx_ethtool_ops = {
	.get_drvinfo		= igbx_get_drvinfo,
	.get_link		= ethtool_op_get_link,
	.get_link_ksettings	= igbx_get_link_ksettings,
	.nway_reset		= igbx_nway_reset,
	.get_msglevel		= igbx_get_msglevel,
	.set_msglevel		= igbx_set_msglevel,
	.get_ringparam		= igbx_get_ringparam,
	.get_channels		= igbx_get_channels,
	.set_channels		= igbx_set_channels,
	.get_sset_count		= igbx_get_sset_count,
	.get_strings		= igbx_get_strings,
	.get_ethtool_stats	= igbx_get_ethtool_stats,
	.get_rxnfc		= igbx_get_rxnfc,
	.get_rxfh_indir_size	= igbx_get_rxfh_indir_size,
	.get_rxfh_key_size	= igbx_get_rxfh_key_size,
	.get_rxfh		= igbx_rxfh_get_op,
	.set_rxfh		= igbx_rxfh_set_op,
};

/**
 * igbx_set_ethtool_ops() - attach igbx's ethtool operations
 * @netdev: our net_device
 */
void igbx_set_ethtool_ops(struct net_device *netdev)
{
	netdev->ethtool_ops = &igbx_ethtool_ops;
}
