// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: XDP program setup (ndo_bpf), what the port tells the stack it can
 * do with XDP (xdp_features), and the RX metadata kfuncs.  The per-frame
 * XDP work is in txrx.c, the hot file.
 */
#include <linux/bpf.h>
#include <linux/filter.h>

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
	int err;

	if (!igbx_xdp_mtu_ok(adapter, prog, adapter->netdev->mtu, extack))
		return -EOPNOTSUPP;

	if (!!old == !!prog) {
		/* Same buffers either way: the poll picks up the new one. */
		WRITE_ONCE(adapter->xdp_prog, prog);
	} else {
		/* Headroom and DMA direction change: new RX rings. */
		err = igbx_reconfigure(adapter, adapter->tx_ring_count,
				       adapter->rx_ring_count, prog);
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

/**
 * igbx_bpf() - ndo_bpf: attach, replace or detach the XDP program
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

/* The RSS hash the device computed, as the skb would get it. */
static int igbx_xmo_rx_hash(const struct xdp_md *ctx, u32 *hash,
			    enum xdp_rss_hash_type *rss_type)
{
	const struct igbx_xdp_buff *b = (const void *)ctx;
	u32 type = FIELD_GET(IGBX_RXD_INFO_RSSTYPE, le32_to_cpu(b->eop.wb.info));

	if (!(b->xdp.rxq->dev->features & NETIF_F_RXHASH) ||
	    type == IGBX_RSSTYPE_NONE || type >= ARRAY_SIZE(igbx_xdp_rss_types))
		return -ENODATA;
	*hash = le32_to_cpu(b->eop.wb.rss_hash);
	*rss_type = igbx_xdp_rss_types[type];
	return 0;
}
#endif

#ifdef IGBX_HAVE_XMO_RX_VLAN_TAG
/* The VLAN tag the device stripped (rxvlan on), as the skb would get it. */
static int igbx_xmo_rx_vlan_tag(const struct xdp_md *ctx, __be16 *vlan_proto,
				u16 *vlan_tci)
{
	const struct igbx_xdp_buff *b = (const void *)ctx;

	if (!(b->xdp.rxq->dev->features & NETIF_F_HW_VLAN_CTAG_RX) ||
	    !(le32_to_cpu(b->eop.wb.status_error) & IGBX_RXD_STAT_VP))
		return -ENODATA;
	*vlan_proto = htons(ETH_P_8021Q);
	*vlan_tci = le16_to_cpu(b->eop.wb.vlan);
	return 0;
}
#endif

#ifdef IGBX_HAVE_XMO_RX_HASH_TYPE
static const struct xdp_metadata_ops igbx_xdp_metadata_ops = {
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
	/* the metadata kfuncs cast their context to igbx_xdp_buff */
	BUILD_BUG_ON(offsetof(struct igbx_xdp_buff, xdp) != 0);
#ifdef IGBX_HAVE_XDP_FEATURES
	netdev->xdp_features = NETDEV_XDP_ACT_BASIC | NETDEV_XDP_ACT_REDIRECT |
			       NETDEV_XDP_ACT_RX_SG;
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
