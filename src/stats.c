// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: statistics.  Per-ring software counters plus the device's
 * clear-on-read counters (datasheet 8.19), accumulated into 64 bits.
 */
#include "igbx.h"

static void igbx_acc(struct igbx_hw *hw, u32 reg, u64 *sum)
{
	u32 val = igbx_rd32(hw, reg);

	if (val != ~0U)
		*sum += val;
}

/**
 * igbx_hw_stats_update() - fold the device counters into hw_stats
 * @adapter: port
 *
 * The counters are 32 bits wide and clear on read, so reading them at least
 * every few seconds (the service task does) loses no wrap.
 */
void igbx_hw_stats_update(struct igbx_adapter *adapter)
{
	struct igbx_hw_stats *s = &adapter->hw_stats;
	struct igbx_hw *hw = &adapter->hw;
	unsigned long flags;
	unsigned int i;

	if (igbx_removed(hw))
		return;
	spin_lock_irqsave(&adapter->stats_lock, flags);
	igbx_acc(hw, IGBX_CRCERRS, &s->crcerrs);
	igbx_acc(hw, IGBX_ALGNERRC, &s->algnerrc);
	igbx_acc(hw, IGBX_RXERRC, &s->rxerrc);
	igbx_acc(hw, IGBX_MPC, &s->mpc);
	igbx_acc(hw, IGBX_COLC, &s->colc);
	igbx_acc(hw, IGBX_RLEC, &s->rlec);
	igbx_acc(hw, IGBX_RUC, &s->ruc);
	igbx_acc(hw, IGBX_ROC, &s->roc);
	igbx_acc(hw, IGBX_RNBC, &s->rnbc);
	igbx_acc(hw, IGBX_MPRC, &s->mprc);
	igbx_acc(hw, IGBX_GPRC, &s->gprc);
	igbx_acc(hw, IGBX_GPTC, &s->gptc);
	igbx_acc(hw, IGBX_XONRXC, &s->xonrxc);
	igbx_acc(hw, IGBX_XONTXC, &s->xontxc);
	igbx_acc(hw, IGBX_XOFFRXC, &s->xoffrxc);
	igbx_acc(hw, IGBX_XOFFTXC, &s->xofftxc);
	igbx_acc(hw, IGBX_FCRUC, &s->fcruc);
	/* 64-bit octet counters: the low half first, which latches the high */
	igbx_acc(hw, IGBX_GORCL, &s->gorc);
	s->gorc += (u64)igbx_rd32(hw, IGBX_GORCH) << 32;
	igbx_acc(hw, IGBX_GOTCL, &s->gotc);
	s->gotc += (u64)igbx_rd32(hw, IGBX_GOTCH) << 32;
	igbx_acc(hw, IGBX_BPRC, &s->bprc);
	igbx_acc(hw, IGBX_MPTC, &s->mptc);
	igbx_acc(hw, IGBX_BPTC, &s->bptc);
	igbx_acc(hw, IGBX_RFC, &s->rfc);
	igbx_acc(hw, IGBX_RJC, &s->rjc);
	for (i = 0; i < IGBX_SIZE_BUCKETS; i++) {
		igbx_acc(hw, IGBX_PRC64 + 4 * i, &s->prc[i]);
		igbx_acc(hw, IGBX_PTC64 + 4 * i, &s->ptc[i]);
	}
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

/**
 * igbx_hw_stats_snapshot() - read the device counters and copy them out
 * @adapter: port
 * @out: the accumulated counters, consistent with each other
 */
void igbx_hw_stats_snapshot(struct igbx_adapter *adapter,
			    struct igbx_hw_stats *out)
{
	unsigned long flags;

	igbx_hw_stats_update(adapter);
	spin_lock_irqsave(&adapter->stats_lock, flags);
	*out = adapter->hw_stats;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

/**
 * igbx_ring_stats_read() - a consistent snapshot of a ring's counters
 * @ring: ring
 * @out: snapshot
 */
void igbx_ring_stats_read(struct igbx_ring *ring, struct igbx_ring_stats *out)
{
	unsigned int start;

	do {
		start = u64_stats_fetch_begin(&ring->syncp);
		*out = ring->stats;
	} while (u64_stats_fetch_retry(&ring->syncp, start));
}

/**
 * igbx_get_stats64() - ndo_get_stats64
 * @netdev: our net_device
 * @stats: filled in
 */
void igbx_get_stats64(struct net_device *netdev,
		      struct rtnl_link_stats64 *stats)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw_stats *hs = &adapter->hw_stats;
	struct igbx_ring_stats rs;
	unsigned long flags;
	unsigned int v;

	rcu_read_lock();
	for (v = 0; v < adapter->num_qp; v++) {
		struct igbx_q_vector *qv = READ_ONCE(adapter->q_vector[v]);

		if (!qv)
			continue;
		igbx_ring_stats_read(&qv->rx, &rs);
		stats->rx_packets += rs.packets;
		stats->rx_bytes += rs.bytes;
		stats->rx_dropped += rs.drops;
		stats->rx_length_errors += rs.len_err;
		igbx_ring_stats_read(&qv->tx, &rs);
		stats->tx_packets += rs.packets;
		stats->tx_bytes += rs.bytes;
		stats->tx_dropped += rs.drops;
	}
	rcu_read_unlock();

	/*
	 * Device counters as the service task last folded them in (once a
	 * second): this is called often, from any context, and
	 * thirty register reads per call are not free.  ethtool -S and the
	 * structured statistics read the device.
	 */
	spin_lock_irqsave(&adapter->stats_lock, flags);
	stats->multicast = hs->mprc;
	stats->collisions = hs->colc;
	stats->rx_crc_errors = hs->crcerrs;
	stats->rx_frame_errors = hs->algnerrc;
	stats->rx_missed_errors = hs->mpc;
	stats->rx_length_errors += hs->rlec + hs->roc;
	stats->rx_errors = hs->crcerrs + hs->algnerrc + hs->rxerrc +
			   stats->rx_length_errors;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

#ifdef IGBX_HAVE_NETDEV_STAT_OPS
/* netdev netlink per-queue statistics (qstats-get) */

static void igbx_get_queue_stats_rx(struct net_device *netdev, int idx,
				    struct netdev_queue_stats_rx *rx)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_ring_stats rs;

	igbx_ring_stats_read(&adapter->q_vector[idx]->rx, &rs);
	rx->packets = rs.packets;
	rx->bytes = rs.bytes;
	rx->alloc_fail = rs.alloc_fail;
	rx->csum_bad = rs.csum_err;
}

static void igbx_get_queue_stats_tx(struct net_device *netdev, int idx,
				    struct netdev_queue_stats_tx *tx)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_ring_stats rs;

	igbx_ring_stats_read(&adapter->q_vector[idx]->tx, &rs);
	tx->packets = rs.packets;
	tx->bytes = rs.bytes;
}

/* Counters of queues that no longer exist are not kept: the base is 0. */
static void igbx_get_base_stats(struct net_device *netdev,
				struct netdev_queue_stats_rx *rx,
				struct netdev_queue_stats_tx *tx)
{
	rx->packets = 0;
	rx->bytes = 0;
	rx->alloc_fail = 0;
	rx->csum_bad = 0;
	tx->packets = 0;
	tx->bytes = 0;
}

static const struct netdev_stat_ops igbx_stat_ops = {
	.get_queue_stats_rx	= igbx_get_queue_stats_rx,
	.get_queue_stats_tx	= igbx_get_queue_stats_tx,
	.get_base_stats		= igbx_get_base_stats,
};
#endif

/**
 * igbx_stats_init() - hook up the per-queue statistics the kernel knows
 * @netdev: our net_device, before registration
 */
void igbx_stats_init(struct net_device *netdev)
{
#ifdef IGBX_HAVE_NETDEV_STAT_OPS
	netdev->stat_ops = &igbx_stat_ops;
#endif
}
