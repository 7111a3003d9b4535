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

	/* gone, or a PCIe error frozen its channel (reads are all-ones) */
	if (igbx_removed(hw) || pci_channel_offline(adapter->pdev))
		return;
	spin_lock_irqsave(&adapter->stats_lock, flags);
	/* suspended or in reset: the counters were folded in before */
	if (test_bit(IGBX_STATE_OFFLINE, adapter->state))
		goto out;
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
	igbx_acc(hw, IGBX_TSCTC, &s->tsctc);
	for (i = 0; i < IGBX_SIZE_BUCKETS; i++) {
		igbx_acc(hw, IGBX_PRC64 + 4 * i, &s->prc[i]);
		igbx_acc(hw, IGBX_PTC64 + 4 * i, &s->ptc[i]);
	}
out:
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

static void igbx_ring_stats_add(struct igbx_ring_stats *sum,
				const struct igbx_ring_stats *s)
{
	sum->packets += s->packets;
	sum->bytes += s->bytes;
	sum->drops += s->drops;
	sum->csum_err += s->csum_err;
	sum->alloc_fail += s->alloc_fail;
	sum->restarts += s->restarts;
	sum->len_err += s->len_err;
	sum->dma_err += s->dma_err;
	sum->xdp_pass += s->xdp_pass;
	sum->xdp_drop += s->xdp_drop;
	sum->xdp_tx += s->xdp_tx;
	sum->xdp_redirect += s->xdp_redirect;
	sum->xdp_redirect_err += s->xdp_redirect_err;
	sum->xdp_aborted += s->xdp_aborted;
}

/**
 * igbx_stats_fold() - keep the counters of a queue pair about to go away
 * @adapter: port
 * @qv: the pair (``ethtool -L`` to fewer channels); quiesced
 *
 * Its RX ring's counters go into @adapter->base_rx, its TX and XDP TX
 * rings' into @adapter->base_tx, so that the port's totals (stats64,
 * qstats' base) never go backwards.
 */
void igbx_stats_fold(struct igbx_adapter *adapter, struct igbx_q_vector *qv)
{
	struct igbx_ring_stats rx, tx, xdp;
	unsigned long flags;

	igbx_ring_stats_read(&qv->rx, &rx);
	igbx_ring_stats_read(&qv->tx, &tx);
	igbx_ring_stats_read(&qv->xdp, &xdp);
	spin_lock_irqsave(&adapter->stats_lock, flags);
	igbx_ring_stats_add(&adapter->base_rx, &rx);
	igbx_ring_stats_add(&adapter->base_tx, &tx);
	igbx_ring_stats_add(&adapter->base_tx, &xdp);
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
}

/**
 * igbx_get_stats64() - ndo_get_stats64
 * @netdev: our net_device
 * @stats: filled in
 *
 * TX counts both the stack's rings and the XDP TX rings (XDP_TX and
 * ndo_xdp_xmit frames leave through the port like any other).
 */
void igbx_get_stats64(struct net_device *netdev,
		      struct rtnl_link_stats64 *stats)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_hw_stats *hs = &adapter->hw_stats;
	struct igbx_ring_stats rx = {}, tx = {}, rs;
	unsigned long flags;
	unsigned int v;

	rcu_read_lock();
	for (v = 0; v < adapter->num_qp; v++) {
		struct igbx_q_vector *qv = READ_ONCE(adapter->q_vector[v]);

		if (!qv)
			continue;
		igbx_ring_stats_read(&qv->rx, &rs);
		igbx_ring_stats_add(&rx, &rs);
		igbx_ring_stats_read(&qv->tx, &rs);
		igbx_ring_stats_add(&tx, &rs);
		igbx_ring_stats_read(&qv->xdp, &rs);
		igbx_ring_stats_add(&tx, &rs);
	}
	rcu_read_unlock();

	/*
	 * Device counters as the service task last folded them in (once a
	 * second): this is called often, from any context, and
	 * thirty register reads per call are not free.  ethtool -S and the
	 * structured statistics read the device.
	 */
	spin_lock_irqsave(&adapter->stats_lock, flags);
	igbx_ring_stats_add(&rx, &adapter->base_rx);
	igbx_ring_stats_add(&tx, &adapter->base_tx);
	stats->rx_packets = rx.packets;
	stats->rx_bytes = rx.bytes;
	stats->rx_dropped = rx.drops;
	stats->tx_packets = tx.packets;
	stats->tx_bytes = tx.bytes;
	stats->tx_dropped = tx.drops;
	stats->multicast = hs->mprc;
	stats->collisions = hs->colc;
	stats->rx_crc_errors = hs->crcerrs;
	stats->rx_frame_errors = hs->algnerrc;
	stats->rx_missed_errors = hs->mpc;
	stats->rx_length_errors = rx.len_err + hs->rlec + hs->roc;
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
	struct igbx_q_vector *qv = adapter->q_vector[idx];
	struct igbx_ring_stats rs, xdp;

	igbx_ring_stats_read(&qv->tx, &rs);
	igbx_ring_stats_read(&qv->xdp, &xdp);
	tx->packets = rs.packets + xdp.packets;
	tx->bytes = rs.bytes + xdp.bytes;
}

/* what the queues that no longer exist had counted (igbx_stats_fold()) */
static void igbx_get_base_stats(struct net_device *netdev,
				struct netdev_queue_stats_rx *rx,
				struct netdev_queue_stats_tx *tx)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	unsigned long flags;

	spin_lock_irqsave(&adapter->stats_lock, flags);
	rx->packets = adapter->base_rx.packets;
	rx->bytes = adapter->base_rx.bytes;
	rx->alloc_fail = adapter->base_rx.alloc_fail;
	rx->csum_bad = adapter->base_rx.csum_err;
	tx->packets = adapter->base_tx.packets;
	tx->bytes = adapter->base_tx.bytes;
	spin_unlock_irqrestore(&adapter->stats_lock, flags);
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
