// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: XDP program and AF_XDP pool setup (ndo_bpf), what the port tells
 * the stack it can do with XDP (xdp_features), and the RX metadata kfuncs.
 * The per-frame XDP work is in txrx.c, the zero-copy loops in xsk.c.
 */
#include <linux/bpf.h>
#include <linux/filter.h>
#include <net/xdp_sock_drv.h>

#include "igbx.h"

/* Largest frame the port accepts at @mtu, as the device stores it. */
static unsigned int igbx_frame_max(unsigned int mtu)
{
	return mtu + IGBX_RX_FRAME_OVERHEAD;
}

/**
 * igbx_xdp_mtu_ok() - can @prog see whole frames at @mtu?
 * @adapter: port
 * @prog: XDP program (NULL: none, always fine)
 * @mtu: MTU
 * @extack: where to say why not (NULL: the kernel log)
 *
 * A frame longer than one RX buffer spans several descriptors; only a
 * program that declares frags support (SEC("xdp.frags")) sees all of it.
 *
 * Return: true if it can.
 */
bool igbx_xdp_mtu_ok(struct igbx_adapter *adapter, const struct bpf_prog *prog,
		     unsigned int mtu, struct netlink_ext_ack *extack)
{
	unsigned int frame = igbx_frame_max(mtu);

	if (!prog || prog->aux->xdp_has_frags || frame <= IGBX_RX_BUF_LEN)
		return true;
	if (extack)
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "MTU %u: frames span RX buffers, the program must support frags",
				       mtu);
	else
		netdev_warn(adapter->netdev,
			    "MTU %u refused: frames of up to %u bytes span RX buffers of %u and the XDP program does not support frags\n",
			    mtu, frame, IGBX_RX_BUF_LEN);
	return false;
}

static int igbx_xdp_setup(struct igbx_adapter *adapter, struct bpf_prog *prog,
			  struct netlink_ext_ack *extack)
{
	struct bpf_prog *old = adapter->xdp_prog;
	struct igbx_ring_cfg cfg;
	int err;

	if (!igbx_xdp_mtu_ok(adapter, prog, adapter->netdev->mtu, extack))
		return -EOPNOTSUPP;

	if (!!old == !!prog) {
		/* Same buffers either way: the poll picks up the new one. */
		WRITE_ONCE(adapter->xdp_prog, prog);
	} else {
		/* Headroom and DMA direction change: new RX rings. */
		igbx_ring_cfg_now(adapter, &cfg);
		err = igbx_reconfigure(adapter, &cfg, prog);
		if (err) {
			NL_SET_ERR_MSG_MOD(extack,
					   "cannot allocate RX rings for the XDP program");
			return err;
		}
	}
	/* The RX loop may still run @old: bpf_prog_put() frees after RCU. */
	if (old)
		bpf_prog_put(old);
	return 0;
}

/* --- AF_XDP zero-copy pools ------------------------------------------------ */

/* Does a frame of the largest size at @mtu fit one buffer of @pool? */
static bool igbx_xsk_fits(struct xsk_buff_pool *pool, unsigned int mtu)
{
	return igbx_frame_max(mtu) <= igbx_xsk_buf_len(pool);
}

/**
 * igbx_xsk_mtu_ok() - do the zero-copy pools' buffers hold frames at @mtu?
 * @adapter: port
 * @mtu: MTU wanted
 *
 * Zero-copy receive uses one pool buffer per frame.
 *
 * Return: true if every pool's buffers do (or there is no pool).
 */
bool igbx_xsk_mtu_ok(struct igbx_adapter *adapter, unsigned int mtu)
{
	struct xsk_buff_pool *pool;
	unsigned int q;

	for_each_set_bit(q, &adapter->xsk_qps, IGBX_MAX_QPAIRS) {
		pool = xsk_get_pool_from_qid(adapter->netdev, q);
		if (pool && !igbx_xsk_fits(pool, mtu)) {
			netdev_warn(adapter->netdev,
				    "MTU %u refused: frames of up to %u bytes do not fit the %u-byte buffers of the AF_XDP socket on queue %u\n",
				    mtu, igbx_frame_max(mtu),
				    igbx_xsk_buf_len(pool), q);
			return false;
		}
	}
	return true;
}

static int igbx_xsk_enable(struct igbx_adapter *adapter,
			   struct xsk_buff_pool *pool, u16 qid)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_ring_cfg cfg;
	int err;

	if (qid >= adapter->num_qp)
		return -EINVAL;
	if (adapter->xsk_qps & BIT(qid))
		return -EBUSY;
	if (!igbx_xsk_fits(pool, netdev->mtu)) {
		netdev_err(netdev,
			   "AF_XDP zero-copy on queue %u: %u-byte buffers cannot hold frames of up to %u bytes (MTU %u)\n",
			   qid, igbx_xsk_buf_len(pool),
			   igbx_frame_max(netdev->mtu), netdev->mtu);
		return -EOPNOTSUPP;
	}
	err = xsk_pool_dma_map(pool, &adapter->pdev->dev, 0);
	if (err)
		return err;
	igbx_ring_cfg_now(adapter, &cfg);
	cfg.xsk_qps |= BIT(qid);
	err = igbx_reconfigure(adapter, &cfg, adapter->xdp_prog);
	if (err) {
		xsk_pool_dma_unmap(pool, 0);
		return err;
	}
	return 0;
}

/*
 * The pool is still registered at @qid while this runs, and the socket
 * frees it afterwards whatever we return: no ring may keep using it.  If
 * new rings cannot be had, the port is closed instead.
 */
static int igbx_xsk_disable(struct igbx_adapter *adapter, u16 qid)
{
	struct net_device *netdev = adapter->netdev;
	struct xsk_buff_pool *pool;
	struct igbx_ring_cfg cfg;

	if (!(adapter->xsk_qps & BIT(qid)))
		return -EINVAL;
	pool = xsk_get_pool_from_qid(netdev, qid);
	igbx_ring_cfg_now(adapter, &cfg);
	cfg.xsk_qps &= ~BIT(qid);
	if (igbx_reconfigure(adapter, &cfg, adapter->xdp_prog)) {
		netdev_err(netdev,
			   "no memory to leave AF_XDP zero-copy on queue %u: closing the port\n",
			   qid);
		adapter->xsk_qps = cfg.xsk_qps;
		dev_close(netdev);
	}
	if (pool)
		xsk_pool_dma_unmap(pool, 0);
	return 0;
}

/**
 * igbx_bpf() - ndo_bpf: attach, replace or detach the XDP program; give
 *	a queue pair an AF_XDP pool for zero-copy, or take it back
 * @netdev: our net_device
 * @bpf: command
 *
 * Return: 0 or a negative errno.
 */
int igbx_bpf(struct net_device *netdev, struct netdev_bpf *bpf)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	switch (bpf->command) {
	case XDP_SETUP_PROG:
		return igbx_xdp_setup(adapter, bpf->prog, bpf->extack);
	case XDP_SETUP_XSK_POOL:
		if (bpf->xsk.pool)
			return igbx_xsk_enable(adapter, bpf->xsk.pool,
					       bpf->xsk.queue_id);
		return igbx_xsk_disable(adapter, bpf->xsk.queue_id);
	default:
		return -EOPNOTSUPP;
	}
}

/* --- RX metadata kfuncs ----------------------------------------------------- */

#ifdef IGBX_HAVE_XMO_RX_HASH_TYPE
static const enum xdp_rss_hash_type igbx_xdp_rss_types[] = {
	[IGBX_RSSTYPE_NONE]	= XDP_RSS_TYPE_NONE,
	[IGBX_RSSTYPE_TCPV4]	= XDP_RSS_TYPE_L4_IPV4_TCP,
	[IGBX_RSSTYPE_IPV4]	= XDP_RSS_TYPE_L3_IPV4,
	[IGBX_RSSTYPE_TCPV6]	= XDP_RSS_TYPE_L4_IPV6_TCP,
	[IGBX_RSSTYPE_IPV6_EX]	= XDP_RSS_TYPE_L3_IPV6_EX,
	[IGBX_RSSTYPE_IPV6]	= XDP_RSS_TYPE_L3_IPV6,
	[IGBX_RSSTYPE_TCPV6_EX]	= XDP_RSS_TYPE_L4_IPV6_TCP_EX,
	[IGBX_RSSTYPE_UDPV4]	= XDP_RSS_TYPE_L4_IPV4_UDP,
	[IGBX_RSSTYPE_UDPV6]	= XDP_RSS_TYPE_L4_IPV6_UDP,
	[IGBX_RSSTYPE_UDPV6_EX]	= XDP_RSS_TYPE_L4_IPV6_UDP_EX,
};

/*
 * The kfuncs run inside the ring's RX poll, on the frame being processed:
 * its last descriptor is in the ring (page_pool and zero-copy alike).
 */
static const union igbx_rx_desc *igbx_xmo_desc(const struct xdp_md *ctx)
{
	const struct xdp_buff *xdp = (const void *)ctx;
	const struct igbx_ring *ring = container_of(xdp->rxq, struct igbx_ring,
						    xdp_rxq);

	return &ring->rx_xdp.eop;
}

/* The RSS hash the device computed, as the skb would get it. */
static int igbx_xmo_rx_hash(const struct xdp_md *ctx, u32 *hash,
			    enum xdp_rss_hash_type *rss_type)
{
	const struct xdp_buff *xdp = (const void *)ctx;
	const union igbx_rx_desc *eop = igbx_xmo_desc(ctx);
	u32 type = FIELD_GET(IGBX_RXD_INFO_RSSTYPE, le32_to_cpu(eop->wb.info));

	if (!(xdp->rxq->dev->features & NETIF_F_RXHASH) ||
	    type == IGBX_RSSTYPE_NONE || type >= ARRAY_SIZE(igbx_xdp_rss_types))
		return -ENODATA;
	*hash = le32_to_cpu(eop->wb.rss_hash);
	*rss_type = igbx_xdp_rss_types[type];
	return 0;
}

/* The IEEE 1588 RX time stamp, the one the skb would carry. */
static int igbx_xmo_rx_timestamp(const struct xdp_md *ctx, u64 *timestamp)
{
	const struct xdp_buff *xdp = (const void *)ctx;
	const struct igbx_ring *ring = container_of(xdp->rxq, struct igbx_ring,
						    xdp_rxq);

	if (!ring->rx_xdp.tstamp)
		return -ENODATA;
	*timestamp = ring->rx_xdp.tstamp;
	return 0;
}
#endif

#ifdef IGBX_HAVE_XMO_RX_VLAN_TAG
/* The VLAN tag the device stripped (rxvlan on), as the skb would get it. */
static int igbx_xmo_rx_vlan_tag(const struct xdp_md *ctx, __be16 *vlan_proto,
				u16 *vlan_tci)
{
	const struct xdp_buff *xdp = (const void *)ctx;
	const union igbx_rx_desc *eop = igbx_xmo_desc(ctx);

	if (!(xdp->rxq->dev->features & NETIF_F_HW_VLAN_CTAG_RX) ||
	    !(le32_to_cpu(eop->wb.status_error) & IGBX_RXD_STAT_VP))
		return -ENODATA;
	*vlan_proto = htons(ETH_P_8021Q);
	*vlan_tci = le16_to_cpu(eop->wb.vlan);
	return 0;
}
#endif

#ifdef IGBX_HAVE_XMO_RX_HASH_TYPE
static const struct xdp_metadata_ops igbx_xdp_metadata_ops = {
	.xmo_rx_timestamp	= igbx_xmo_rx_timestamp,
	.xmo_rx_hash		= igbx_xmo_rx_hash,
#ifdef IGBX_HAVE_XMO_RX_VLAN_TAG
	.xmo_rx_vlan_tag	= igbx_xmo_rx_vlan_tag,
#endif
};
#endif

/**
 * igbx_xdp_features_init() - what XDP can do on this port, and its kfuncs
 * @netdev: our net_device, before registration
 *
 * Redirect-target support (ndo_xdp_xmit) is added while the port runs: its
 * XDP TX rings exist only then (igbx_xdp_target_set()).
 */
void igbx_xdp_features_init(struct net_device *netdev)
{
#ifdef IGBX_HAVE_XDP_FEATURES
	netdev->xdp_features = NETDEV_XDP_ACT_BASIC | NETDEV_XDP_ACT_REDIRECT |
			       NETDEV_XDP_ACT_RX_SG |
			       NETDEV_XDP_ACT_XSK_ZEROCOPY;
#endif
#ifdef IGBX_HAVE_XMO_RX_HASH_TYPE
	netdev->xdp_metadata_ops = &igbx_xdp_metadata_ops;
#endif
}

/**
 * igbx_xdp_target_set() - tell the stack whether ndo_xdp_xmit can send
 * @netdev: our net_device (RTNL held)
 * @on: the XDP TX rings are up
 */
void igbx_xdp_target_set(struct net_device *netdev, bool on)
{
#ifdef IGBX_HAVE_XDP_FEATURES
	if (on)
		xdp_features_set_redirect_target(netdev, true);
	else
		xdp_features_clear_redirect_target(netdev);
#endif
}
