/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igbx: the one place where kernel-version differences are handled.
 *
 * Features are detected from the headers being compiled against (macros, and
 * IGBX_HAVE_* flags that Kbuild sets by probing the headers), never from
 * kernel or distribution version numbers.  Code outside this file calls the
 * wrappers below; they use the modern API where it exists and do without
 * (or with the older spelling) elsewhere.
 */
#ifndef _IGBX_COMPAT_H_
#define _IGBX_COMPAT_H_

#include <linux/dim.h>
#include <linux/ethtool.h>
#include <linux/math64.h>
#include <linux/netdevice.h>
#include <linux/ptp_clock_kernel.h>
#include <linux/uaccess.h>
#include <net/netdev_queues.h>
#include <net/xdp_sock_drv.h>

/* 6.12 moved the unaligned accessors out of asm/. */
#ifdef IGBX_HAVE_LINUX_UNALIGNED_H
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

/* 6.6 split net/page_pool.h into types and helpers. */
#ifdef IGBX_HAVE_PAGE_POOL_HELPERS_H
#include <net/page_pool/helpers.h>
#else
#include <net/page_pool.h>
#endif

/* Tell the page pool which NAPI and queue it serves (netlink, recycling). */
static inline void igbx_pp_params_link(struct page_pool_params *pp,
				       struct napi_struct *napi,
				       struct net_device *netdev, u32 queue)
{
#ifdef IGBX_HAVE_PP_NETDEV
	pp->napi = napi;
	pp->netdev = netdev;
#endif
#ifdef IGBX_HAVE_PP_QUEUE_IDX
	pp->queue_idx = queue;
#endif
}

/*
 * NAPI with persistent configuration (6.13+): the NAPI ID and the settings
 * made through the netdev netlink family (defer-hard-irqs,
 * gro-flush-timeout, threaded) belong to slot @index of the netdev and
 * survive the NAPI being deleted and added again (ethtool -L, down/up).
 * Before, a new NAPI gets a new ID and the device-wide sysfs settings.
 */
static inline void igbx_napi_add(struct net_device *netdev,
				 struct napi_struct *napi,
				 int (*poll)(struct napi_struct *, int),
				 unsigned int index)
{
#ifdef IGBX_HAVE_NETIF_NAPI_ADD_CONFIG
	netif_napi_add_config(netdev, napi, poll, index);
#else
	netif_napi_add(netdev, napi, poll);
#endif
}

/* queue <-> NAPI <-> IRQ linkage for the netdev netlink family (6.8+). */
static inline void igbx_napi_set_irq(struct napi_struct *napi, int irq)
{
#ifdef IGBX_HAVE_NETIF_NAPI_SET_IRQ
	netif_napi_set_irq(napi, irq);
#endif
}

#ifdef IGBX_HAVE_NETIF_QUEUE_SET_NAPI
#define IGBX_QUEUE_RX	NETDEV_QUEUE_TYPE_RX
#define IGBX_QUEUE_TX	NETDEV_QUEUE_TYPE_TX
#else
#define IGBX_QUEUE_RX	0
#define IGBX_QUEUE_TX	1
#endif

static inline void igbx_queue_set_napi(struct net_device *netdev,
				       unsigned int queue, int type,
				       struct napi_struct *napi)
{
#ifdef IGBX_HAVE_NETIF_QUEUE_SET_NAPI
	netif_queue_set_napi(netdev, queue, type, napi);
#endif
}

/* BQL completion + lockless wake in one step (6.7); older: spelled out. */
#ifndef __netif_txq_completed_wake
#define __netif_txq_completed_wake(txq, pkts, bytes, get_desc, start_thrs, \
				   down_cond)				\
	({								\
		struct netdev_queue *_txq = (txq);			\
		unsigned int _pkts = (pkts);				\
									\
		netdev_tx_completed_queue(_txq, _pkts, bytes);		\
		_pkts ? __netif_txq_maybe_wake(_txq, get_desc, start_thrs, \
					       down_cond) : -1;		\
	})
#endif

/* net_dim() takes the sample by pointer since 6.13. */
static inline void igbx_net_dim(struct dim *dim, struct dim_sample *sample)
{
#ifdef IGBX_HAVE_NET_DIM_PTR
	net_dim(dim, sample);
#else
	net_dim(dim, *sample);
#endif
}

/* Formatted extack messages arrived in 6.3; older kernels get the format. */
#ifndef NL_SET_ERR_MSG_FMT_MOD
#define NL_SET_ERR_MSG_FMT_MOD(extack, fmt, args...) \
	NL_SET_ERR_MSG_MOD(extack, fmt)
#endif

/* 6.8 renamed PCI_IRQ_LEGACY to PCI_IRQ_INTX. */
#ifndef PCI_IRQ_INTX
#define PCI_IRQ_INTX	PCI_IRQ_LEGACY
#endif

/* ethtool_puts() arrived in 6.8. */
#ifndef IGBX_HAVE_ETHTOOL_PUTS
static inline void ethtool_puts(u8 **data, const char *str)
{
	strscpy(*data, str, ETH_GSTRING_LEN);
	*data += ETH_GSTRING_LEN;
}
#endif

/*
 * ethtool RSS get/set: 6.8 passes a struct ethtool_rxfh_param (and an
 * extack to set); before, the table, key and hash function are arguments.
 * IGBX_RXFH_OPS(get, set) wraps driver functions
 *   int get(struct net_device *, u32 *indir, u8 *key)
 *   int set(struct net_device *, const u32 *indir, const u8 *key, u8 hfunc,
 *           struct netlink_ext_ack *)
 * into get_op/set_op with the signature of the kernel being built for.
 */
#ifdef IGBX_HAVE_ETHTOOL_RXFH_PARAM
#define IGBX_RXFH_OPS(get, set)						\
static int get##_op(struct net_device *dev,				\
		    struct ethtool_rxfh_param *p)			\
{									\
	p->hfunc = ETH_RSS_HASH_TOP;					\
	return get(dev, p->indir, p->key);				\
}									\
static int set##_op(struct net_device *dev,				\
		    struct ethtool_rxfh_param *p,			\
		    struct netlink_ext_ack *extack)			\
{									\
	return set(dev, p->indir, p->key, p->hfunc, extack);		\
}
#else
#define IGBX_RXFH_OPS(get, set)						\
static int get##_op(struct net_device *dev, u32 *indir, u8 *key,	\
		    u8 *hfunc)						\
{									\
	if (hfunc)							\
		*hfunc = ETH_RSS_HASH_TOP;				\
	return get(dev, indir, key);					\
}									\
static int set##_op(struct net_device *dev, const u32 *indir,		\
		    const u8 *key, const u8 hfunc)			\
{									\
	return set(dev, indir, key, hfunc, NULL);			\
}
#endif

/*
 * The RX ring count and the hashed header fields: their own ethtool ops
 * on newer kernels (get_rx_ring_count, IGBX_HAVE_GET_RX_RING_COUNT;
 * get/set_rxfh_fields, IGBX_HAVE_RXFH_FIELDS), which no longer reach
 * get_rxnfc/set_rxnfc; before, ETHTOOL_GRXRINGS, ETHTOOL_GRXFH and
 * ETHTOOL_SRXFH through get_rxnfc/set_rxnfc.  IGBX_RXNFC_OPS(count, get,
 * set) wraps igbx's kernel-neutral
 *	u32 count(dev);
 *	int get(dev, u32 flow_type, u64 *fields);
 *	int set(dev, u32 flow_type, u64 fields, extack);
 * and IGBX_RXNFC_OPS_INIT(count, get, set) fills the ops table with the
 * wrappers (named after the wrapped functions, like IGBX_RXFH_OPS).
 */
#define IGBX_RXFH_FIELDS_OPS(get, set)					\
static int get##_op(struct net_device *dev,				\
		    struct ethtool_rxfh_fields *f)			\
{									\
	u64 data;							\
	int err;							\
									\
	err = get(dev, f->flow_type, &data);				\
	if (!err)							\
		f->data = data;						\
	return err;							\
}									\
									\
static int set##_op(struct net_device *dev,				\
		    const struct ethtool_rxfh_fields *f,		\
		    struct netlink_ext_ack *extack)			\
{									\
	return set(dev, f->flow_type, f->data, extack);			\
}

#if defined(IGBX_HAVE_RXFH_FIELDS) && defined(IGBX_HAVE_GET_RX_RING_COUNT)
#define IGBX_RXNFC_OPS(count, get, set)					\
IGBX_RXFH_FIELDS_OPS(get, set)						\
									\
static u32 count##_op(struct net_device *dev)				\
{									\
	return count(dev);						\
}

#define IGBX_RXNFC_OPS_INIT(count, get, set)				\
	.get_rx_ring_count = count##_op,				\
	.get_rxfh_fields = get##_op,					\
	.set_rxfh_fields = set##_op,
#elif defined(IGBX_HAVE_RXFH_FIELDS)
#define IGBX_RXNFC_OPS(count, get, set)					\
IGBX_RXFH_FIELDS_OPS(get, set)						\
									\
static int count##_rxnfc_op(struct net_device *dev,			\
			    struct ethtool_rxnfc *cmd, u32 *rules)	\
{									\
	if (cmd->cmd != ETHTOOL_GRXRINGS)				\
		return -EOPNOTSUPP;					\
	cmd->data = count(dev);						\
	return 0;							\
}

#define IGBX_RXNFC_OPS_INIT(count, get, set)				\
	.get_rxnfc = count##_rxnfc_op,					\
	.get_rxfh_fields = get##_op,					\
	.set_rxfh_fields = set##_op,
#else
#define IGBX_RXNFC_OPS(count, get, set)					\
static int count##_##get##_op(struct net_device *dev,		\
			      struct ethtool_rxnfc *cmd, u32 *rules)	\
{									\
	switch (cmd->cmd) {						\
	case ETHTOOL_GRXRINGS:						\
		cmd->data = count(dev);					\
		return 0;						\
	case ETHTOOL_GRXFH:						\
		return get(dev, cmd->flow_type, &cmd->data);		\
	default:							\
		return -EOPNOTSUPP;					\
	}								\
}									\
									\
static int set##_rxnfc_op(struct net_device *dev,			\
			  struct ethtool_rxnfc *cmd)			\
{									\
	if (cmd->cmd != ETHTOOL_SRXFH)					\
		return -EOPNOTSUPP;					\
	return set(dev, cmd->flow_type, cmd->data, NULL);		\
}

#define IGBX_RXNFC_OPS_INIT(count, get, set)				\
	.get_rxnfc = count##_##get##_op,				\
	.set_rxnfc = set##_rxnfc_op,
#endif

/* skb_frag_fill_page_desc() arrived in 6.5; before, three setters. */
static inline void igbx_skb_frag_fill(skb_frag_t *frag, struct page *page,
				      unsigned int off, unsigned int size)
{
#ifdef IGBX_HAVE_SKB_FRAG_FILL_PAGE_DESC
	skb_frag_fill_page_desc(frag, page, off, size);
#else
	__skb_frag_set_page(frag, page);
	skb_frag_off_set(frag, off);
	skb_frag_size_set(frag, size);
#endif
}

/*
 * XDP: netdev->xdp_features (IGBX_HAVE_XDP_FEATURES, 6.3), the RX metadata
 * kfuncs with the RSS hash type (IGBX_HAVE_XMO_RX_HASH_TYPE, 6.7) and the
 * VLAN tag (IGBX_HAVE_XMO_RX_VLAN_TAG, 6.8).  Without them igbx still runs
 * XDP programs; it does not advertise, or offer the kfuncs.
 */

/* 6.10 dropped the pool argument of the AF_XDP RX DMA sync. */
static inline void igbx_xsk_sync_for_cpu(struct xdp_buff *xdp,
					 struct xsk_buff_pool *pool)
{
#ifdef IGBX_HAVE_XSK_SYNC_NO_POOL
	xsk_buff_dma_sync_for_cpu(xdp);
#else
	xsk_buff_dma_sync_for_cpu(xdp, pool);
#endif
}

/*
 * Newer kernels (7.x) renamed xdp_update_skb_shared_info() to
 * xdp_update_skb_frags_info() and hand it the buffer's flags instead of
 * a pfmemalloc bool.
 */
static inline void igbx_xdp_skb_frags(struct sk_buff *skb,
				      struct xdp_buff *xdp,
				      u8 nr_frags, unsigned int size,
				      unsigned int truesize)
{
#ifdef IGBX_HAVE_XDP_SKB_FRAGS_INFO
	xdp_update_skb_frags_info(skb, nr_frags, size, truesize,
				  xdp_buff_get_skb_flags(xdp));
#else
	xdp_update_skb_shared_info(skb, nr_frags, size, truesize,
				   xdp_buff_is_frag_pfmemalloc(xdp));
#endif
}

/*
 * Tracepoints (src/trace.h): since 6.10 __assign_str() takes only the
 * field and copies from the __string() declaration's source.
 */
#ifdef IGBX_HAVE_ASSIGN_STR_1
#define igbx_assign_str(dst, src)					\
	do {								\
		(void)(src);	/* taken from __string(dst, src) */	\
		__assign_str(dst);					\
	} while (0)
#else
#define igbx_assign_str(dst, src)	__assign_str(dst, src)
#endif

/*
 * Hardware time stamping configuration: its own net_device_ops since 6.6
 * (ndo_hwtstamp_get/set, IGBX_HAVE_NDO_HWTSTAMP; newer kernels no longer
 * pass SIOCSHWTSTAMP to ndo_eth_ioctl); before, the ioctls through
 * ndo_eth_ioctl.  IGBX_HWTSTAMP_OPS(get, set) wraps igbx's
 *	int get(dev, struct igbx_tstamp_cfg *cfg);
 *	int set(dev, struct igbx_tstamp_cfg *cfg, extack);
 * and IGBX_HWTSTAMP_OPS_INIT(get, set) puts the wrappers in the ops table.
 */
#ifdef IGBX_HAVE_NDO_HWTSTAMP
#define IGBX_HWTSTAMP_OPS(get, set)					\
static int get##_op(struct net_device *dev,				\
		    struct kernel_hwtstamp_config *kc)			\
{									\
	struct igbx_tstamp_cfg cfg;					\
	int err;							\
									\
	err = get(dev, &cfg);						\
	if (!err) {							\
		kc->flags = cfg.flags;					\
		kc->tx_type = cfg.tx_type;				\
		kc->rx_filter = cfg.rx_filter;				\
	}								\
	return err;							\
}									\
									\
static int set##_op(struct net_device *dev,				\
		    struct kernel_hwtstamp_config *kc,			\
		    struct netlink_ext_ack *extack)			\
{									\
	struct igbx_tstamp_cfg cfg = { .flags = kc->flags,		\
				       .tx_type = kc->tx_type,		\
				       .rx_filter = kc->rx_filter };	\
	int err;							\
									\
	err = set(dev, &cfg, extack);					\
	if (!err) {							\
		kc->tx_type = cfg.tx_type;				\
		kc->rx_filter = cfg.rx_filter;				\
	}								\
	return err;							\
}

#define IGBX_HWTSTAMP_OPS_INIT(get, set)				\
	.ndo_hwtstamp_get = get##_op,					\
	.ndo_hwtstamp_set = set##_op,
#else
#define IGBX_HWTSTAMP_OPS(get, set)					\
static int get##_##set##_op(struct net_device *dev, struct ifreq *ifr,	\
			    int cmd)					\
{									\
	struct igbx_tstamp_cfg cfg;					\
	struct hwtstamp_config uc;					\
	int err;							\
									\
	switch (cmd) {							\
	case SIOCSHWTSTAMP:						\
		if (copy_from_user(&uc, ifr->ifr_data, sizeof(uc)))	\
			return -EFAULT;					\
		cfg.flags = uc.flags;					\
		cfg.tx_type = uc.tx_type;				\
		cfg.rx_filter = uc.rx_filter;				\
		err = set(dev, &cfg, NULL);				\
		break;							\
	case SIOCGHWTSTAMP:						\
		err = get(dev, &cfg);					\
		break;							\
	default:							\
		return -EOPNOTSUPP;					\
	}								\
	if (err)							\
		return err;						\
	uc.flags = cfg.flags;						\
	uc.tx_type = cfg.tx_type;					\
	uc.rx_filter = cfg.rx_filter;					\
	return copy_to_user(ifr->ifr_data, &uc, sizeof(uc)) ? -EFAULT : 0; \
}

#define IGBX_HWTSTAMP_OPS_INIT(get, set)				\
	.ndo_eth_ioctl = get##_##set##_op,
#endif

/* ethtool -T: struct kernel_ethtool_ts_info since 6.11. */
#ifdef IGBX_HAVE_KERNEL_ETHTOOL_TS_INFO
#define igbx_ethtool_ts_info	kernel_ethtool_ts_info
#else
#define igbx_ethtool_ts_info	ethtool_ts_info
#endif

/* The cyclecounter's read hook lost the const of its argument in 7.x. */
#ifdef IGBX_HAVE_CC_READ_CONST
#define igbx_cyclecounter	const struct cyclecounter
#else
#define igbx_cyclecounter	struct cyclecounter
#endif

/* adjust_by_scaled_ppm() arrived in 6.2. */
#ifndef IGBX_HAVE_ADJUST_BY_SCALED_PPM
static inline u64 adjust_by_scaled_ppm(u64 base, long scaled_ppm)
{
	bool neg = scaled_ppm < 0;
	u64 diff;

	/* scaled_ppm is ppm with a 16-bit fraction */
	diff = mul_u64_u64_div_u64(base, neg ? -scaled_ppm : scaled_ppm,
				   1000000ULL << 16);
	return neg ? base - diff : base + diff;
}
#endif

#endif /* _IGBX_COMPAT_H_ */
