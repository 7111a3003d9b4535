// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: the hot path.  Transmit (ndo_start_xmit), transmit completion,
 * receive, and the NAPI poll that net_rx_action calls for each vector.
 *
 * Interrupt -> napi_schedule (irq.c) -> NET_RX_SOFTIRQ -> net_rx_action ->
 * igbx_poll(budget): clean TX completions, then receive up to @budget
 * frames into napi_gro_receive, refilling the ring in batches; when done,
 * napi_complete_done() and unmask the vector.
 */
#include <linux/if_vlan.h>
#include <linux/ip.h>
#include <linux/ipv6.h>
#include <linux/tcp.h>
#include <linux/udp.h>
#include <linux/bpf_trace.h>
#include <linux/filter.h>
#include <net/ip6_checksum.h>
#include <net/netdev_queues.h>
#include <net/xdp.h>
#include <net/xdp_sock_drv.h>

#include "igbx.h"

/* --- transmit ------------------------------------------------------------ */

static u16 igbx_txd_count(unsigned int len)
{
	return DIV_ROUND_UP(len, IGBX_TXD_MAX_DATA);
}

static u16 igbx_tx_desc_needed(const struct sk_buff *skb)
{
	u16 n = igbx_txd_count(skb_headlen(skb));
	unsigned int f;

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++)
		n += igbx_txd_count(skb_frag_size(&skb_shinfo(skb)->frags[f]));
	return n + 1;	/* context descriptor */
}

/**
 * struct igbx_tx_offload - what the context descriptor and the data
 * descriptors of one frame need to say
 * @vlan_macip_lens: context word 0
 * @type_tucmd: context word 2, without descriptor type
 * @mss_l4len: context word 3
 * @cmd: extra data-descriptor command bits (TSE, VLE)
 * @olinfo: data-descriptor offload bits and payload length
 */
struct igbx_tx_offload {
	u32 vlan_macip_lens;
	u32 type_tucmd;
	u32 mss_l4len;
	u32 cmd;
	u32 olinfo;
};

/*
 * TCP and UDP segmentation (82576 datasheet 7.2.4): the context descriptor
 * names the L4 type, its header length and the MSS; the device rewrites
 * the IP length (and IPv4 ID and checksum) and the L4 length and checksum
 * of every segment, from an L4 checksum seeded with the pseudo header
 * without length.
 */
static int igbx_tso(struct sk_buff *skb, struct igbx_tx_buffer *first,
		    struct igbx_tx_offload *off)
{
	u32 hdr_len, l4len, paylen, gso_type;
	__sum16 *check;
	u8 l4proto;
	int err;

	if (!skb_is_gso(skb))
		return 0;
	gso_type = skb_shinfo(skb)->gso_type;
	if (!(gso_type & (SKB_GSO_TCPV4 | SKB_GSO_TCPV6 | SKB_GSO_UDP_L4)))
		return -EINVAL;
	err = skb_cow_head(skb, 0);
	if (err)
		return err;

	if (gso_type & SKB_GSO_UDP_L4) {
		l4proto = IPPROTO_UDP;
		l4len = sizeof(struct udphdr);
		check = &udp_hdr(skb)->check;
		off->type_tucmd |= FIELD_PREP(IGBX_TXCTX_TUCMD_L4T, IGBX_L4T_UDP);
	} else {
		l4proto = IPPROTO_TCP;
		l4len = tcp_hdrlen(skb);
		check = &tcp_hdr(skb)->check;
		off->type_tucmd |= FIELD_PREP(IGBX_TXCTX_TUCMD_L4T, IGBX_L4T_TCP);
	}

	if (skb->protocol == htons(ETH_P_IP) ||
	    vlan_get_protocol(skb) == htons(ETH_P_IP)) {
		struct iphdr *iph = ip_hdr(skb);

		iph->tot_len = 0;
		iph->check = 0;
		*check = ~csum_tcpudp_magic(iph->saddr, iph->daddr, 0, l4proto,
					    0);
		off->type_tucmd |= IGBX_TXCTX_TUCMD_IPV4;
		off->olinfo |= IGBX_TXD_POPTS_IXSM;
	} else {
		struct ipv6hdr *ip6h = ipv6_hdr(skb);

		ip6h->payload_len = 0;
		*check = ~csum_ipv6_magic(&ip6h->saddr, &ip6h->daddr, 0,
					  l4proto, 0);
	}

	hdr_len = skb_transport_offset(skb) + l4len;
	paylen = skb->len - hdr_len;

	first->gso_segs = skb_shinfo(skb)->gso_segs;
	first->bytecount += (first->gso_segs - 1) * hdr_len;

	off->mss_l4len = FIELD_PREP(IGBX_TXCTX_MSS, skb_shinfo(skb)->gso_size) |
			 FIELD_PREP(IGBX_TXCTX_L4LEN, l4len);
	off->cmd |= IGBX_TXD_CMD_TSE;
	off->olinfo |= IGBX_TXD_POPTS_TXSM | FIELD_PREP(IGBX_TXD_PAYLEN, paylen);
	return 1;
}

/* L4 checksum insertion for TCP and UDP; anything else in software. */
static int igbx_tx_csum(struct sk_buff *skb, struct igbx_tx_offload *off)
{
	u32 l4t;

	if (skb->ip_summed != CHECKSUM_PARTIAL)
		return 0;

	switch (skb->csum_offset) {
	case offsetof(struct tcphdr, check):
		l4t = IGBX_L4T_TCP;
		break;
	case offsetof(struct udphdr, check):
		l4t = IGBX_L4T_UDP;
		break;
	default:
		return skb_checksum_help(skb);
	}
	if (skb_checksum_start_offset(skb) - skb_network_offset(skb) >
	    FIELD_MAX(IGBX_TXCTX_IPLEN))
		return skb_checksum_help(skb);

	if (vlan_get_protocol(skb) == htons(ETH_P_IP))
		off->type_tucmd |= IGBX_TXCTX_TUCMD_IPV4;
	off->type_tucmd |= FIELD_PREP(IGBX_TXCTX_TUCMD_L4T, l4t);
	off->olinfo |= IGBX_TXD_POPTS_TXSM;
	return 1;
}

/* Fill @off; returns <0 on error, 0 if no context descriptor is needed. */
static int igbx_tx_offload(struct sk_buff *skb, struct igbx_tx_buffer *first,
			   struct igbx_tx_offload *off)
{
	bool vlan = skb_vlan_tag_present(skb);
	int ret;

	memset(off, 0, sizeof(*off));
	off->olinfo = FIELD_PREP(IGBX_TXD_PAYLEN, skb->len);

	ret = igbx_tso(skb, first, off);
	if (!ret)
		ret = igbx_tx_csum(skb, off);
	if (ret < 0)
		return ret;
	if (!ret && !vlan)
		return 0;

	if (skb_network_offset(skb) > FIELD_MAX(IGBX_TXCTX_MACLEN))
		return -EINVAL;
	off->vlan_macip_lens =
		FIELD_PREP(IGBX_TXCTX_MACLEN, skb_network_offset(skb)) |
		FIELD_PREP(IGBX_TXCTX_IPLEN, skb->ip_summed == CHECKSUM_PARTIAL ?
			   skb_checksum_start_offset(skb) -
			   skb_network_offset(skb) : 0);
	if (vlan) {
		off->vlan_macip_lens |= FIELD_PREP(IGBX_TXCTX_VLAN,
						   skb_vlan_tag_get(skb));
		off->cmd |= IGBX_TXD_CMD_VLE;
	}
	return 1;
}

static void igbx_tx_write_ctx(struct igbx_ring *ring, u16 i,
			      const struct igbx_tx_offload *off)
{
	struct igbx_tx_ctx_desc *ctx = (void *)igbx_tx_desc(ring, i);

	ctx->vlan_macip_lens = cpu_to_le32(off->vlan_macip_lens);
	ctx->seqnum_seed = 0;
	ctx->type_tucmd_mlhl = cpu_to_le32(off->type_tucmd |
					   FIELD_PREP(IGBX_TXD_DTYP,
						      IGBX_TXD_DTYP_CTXT) |
					   IGBX_TXD_CMD_DEXT);
	ctx->mss_l4len_idx = cpu_to_le32(off->mss_l4len);
}

static void igbx_tx_unmap(struct igbx_ring *ring, struct igbx_tx_buffer *buf)
{
	if (!buf->len)
		return;
	if (buf->head)
		dma_unmap_single(ring->dev, buf->dma, buf->len, DMA_TO_DEVICE);
	else
		dma_unmap_page(ring->dev, buf->dma, buf->len, DMA_TO_DEVICE);
	buf->len = 0;
}

/* Unmap the buffers of the frame at @i..@eop; the index after it. */
static u16 igbx_tx_unmap_frame(struct igbx_ring *ring, u16 i, u16 eop)
{
	for (;;) {
		igbx_tx_unmap(ring, &ring->tx_buf[i]);
		if (i == eop)
			return igbx_next(ring, i);
		i = igbx_next(ring, i);
	}
}

/* Map one buffer into as many data descriptors as its length needs. */
static u16 igbx_tx_map_one(struct igbx_ring *ring, u16 i, dma_addr_t dma,
			   unsigned int len, u32 cmd, u32 olinfo,
			   struct igbx_tx_desc **last)
{
	struct igbx_tx_desc *desc;
	unsigned int chunk;

	while (len) {
		chunk = min_t(unsigned int, len, IGBX_TXD_MAX_DATA);
		desc = igbx_tx_desc(ring, i);
		desc->addr = cpu_to_le64(dma);
		desc->cmd_type_len = cpu_to_le32(cmd | chunk);
		desc->olinfo_status = cpu_to_le32(olinfo);
		*last = desc;
		dma += chunk;
		len -= chunk;
		i = igbx_next(ring, i);
	}
	return i;
}

/**
 * igbx_xmit_frame() - ndo_start_xmit: put one frame on its TX ring
 * @skb: frame
 * @netdev: our net_device
 *
 * Return: NETDEV_TX_OK, or NETDEV_TX_BUSY if the ring is unexpectedly full.
 */
netdev_tx_t igbx_xmit_frame(struct sk_buff *skb, struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u16 qidx = skb_get_queue_mapping(skb), first_i, i;
	struct igbx_tx_desc *last = NULL;
	struct igbx_tx_buffer *first;
	struct igbx_tx_offload off;
	struct netdev_queue *txq;
	struct igbx_ring *ring;
	unsigned int f;
	dma_addr_t dma;
	u32 cmd;
	int ctx;

	if (unlikely(qidx >= adapter->num_qp))
		qidx %= adapter->num_qp;
	ring = &adapter->q_vector[qidx]->tx;
	txq = netdev_get_tx_queue(netdev, qidx);

	if (unlikely(igbx_desc_unused(ring) < igbx_tx_desc_needed(skb))) {
		/* The queue is stopped before this can happen. */
		netif_tx_stop_queue(txq);
		igbx_ring_stat_add(ring, &ring->stats.restarts, 1);
		return NETDEV_TX_BUSY;
	}

	first_i = ring->next_to_use;
	first = &ring->tx_buf[first_i];
	first->bytecount = max_t(unsigned int, skb->len, ETH_ZLEN);
	first->gso_segs = 1;

	ctx = igbx_tx_offload(skb, first, &off);
	if (ctx < 0)
		goto drop;

	i = first_i;
	if (ctx) {
		igbx_tx_write_ctx(ring, i, &off);
		i = igbx_next(ring, i);
	}

	cmd = FIELD_PREP(IGBX_TXD_DTYP, IGBX_TXD_DTYP_DATA) |
	      IGBX_TXD_CMD_DEXT | IGBX_TXD_CMD_IFCS | off.cmd;
	if (unlikely(skb_shinfo(skb)->tx_flags & SKBTX_HW_TSTAMP))
		cmd |= igbx_ptp_tx_claim(adapter, skb);

	if (igbx_fault(&adapter->fault_tx_map))
		goto unmap;
	dma = dma_map_single(ring->dev, skb->data, skb_headlen(skb),
			     DMA_TO_DEVICE);
	if (dma_mapping_error(ring->dev, dma))
		goto unmap;
	ring->tx_buf[i].dma = dma;
	ring->tx_buf[i].len = skb_headlen(skb);
	ring->tx_buf[i].head = true;
	i = igbx_tx_map_one(ring, i, dma, skb_headlen(skb), cmd, off.olinfo,
			    &last);

	for (f = 0; f < skb_shinfo(skb)->nr_frags; f++) {
		const skb_frag_t *frag = &skb_shinfo(skb)->frags[f];
		unsigned int len = skb_frag_size(frag);

		if (!len)
			continue;
		if (igbx_fault(&adapter->fault_tx_map))
			goto unmap;
		dma = skb_frag_dma_map(ring->dev, frag, 0, len, DMA_TO_DEVICE);
		if (dma_mapping_error(ring->dev, dma))
			goto unmap;
		ring->tx_buf[i].dma = dma;
		ring->tx_buf[i].len = len;
		ring->tx_buf[i].head = false;
		i = igbx_tx_map_one(ring, i, dma, len, cmd, off.olinfo, &last);
	}

	last->cmd_type_len |= cpu_to_le32(IGBX_TXD_CMD_EOP | IGBX_TXD_CMD_RS);
	first->eop = (i ? i : ring->count) - 1;
	skb_tx_timestamp(skb);

	/*
	 * Descriptors and first->eop complete before the device (tail) or the
	 * cleaner (first->skb) can see the frame.
	 */
	wmb();
	WRITE_ONCE(first->skb, skb);
	ring->next_to_use = i;

	if (netif_txq_maybe_stop(txq, igbx_desc_unused(ring),
				 IGBX_TX_DESC_NEEDED, IGBX_TX_WAKE_THRESH) <= 0)
		igbx_ring_stat_add(ring, &ring->stats.restarts, 1);
	if (__netdev_tx_sent_queue(txq, first->bytecount, netdev_xmit_more()))
		igbx_ring_tail_write(ring, i);
	if (unlikely(cmd & IGBX_TXD_MAC_TSTAMP))
		igbx_ptp_tx_queued(adapter);
	return NETDEV_TX_OK;

unmap:
	for (; first_i != i; first_i = igbx_next(ring, first_i))
		igbx_tx_unmap(ring, &ring->tx_buf[first_i]);
	igbx_ring_stat_add(ring, &ring->stats.dma_err, 1);
	if (unlikely(cmd & IGBX_TXD_MAC_TSTAMP))
		igbx_ptp_tx_abort(adapter);
drop:
	dev_kfree_skb_any(skb);
	igbx_ring_stat_add(ring, &ring->stats.drops, 1);
	/* Ring the doorbell for frames queued before this one, if owed. */
	if (!netdev_xmit_more())
		igbx_ring_tail_write(ring, ring->next_to_use);
	return NETDEV_TX_OK;
}

/*
 * Reclaim completed frames, adding their number to @cleaned; true unless
 * the budget ran out.
 */
static bool igbx_clean_tx(struct igbx_ring *ring, int napi_budget,
			  unsigned int *cleaned)
{
	unsigned int pkts = 0, bytes = 0;
	int budget = IGBX_TX_CLEAN_BUDGET;
	u16 i = ring->next_to_clean;
	struct igbx_tx_buffer *buf;
	struct netdev_queue *txq;
	struct sk_buff *skb;

	if (unlikely(READ_ONCE(ring->stall)))
		return true;

	for (; budget > 0; budget--) {
		buf = &ring->tx_buf[i];
		skb = READ_ONCE(buf->skb);
		if (!skb)
			break;
		/* buf->eop and the descriptors were written before buf->skb. */
		smp_rmb();
		if (!(igbx_tx_desc(ring, buf->eop)->olinfo_status &
		      cpu_to_le32(IGBX_TXD_STAT_DD)))
			break;

		pkts += buf->gso_segs;
		bytes += buf->bytecount;
		napi_consume_skb(skb, napi_budget);
		buf->skb = NULL;

		i = igbx_tx_unmap_frame(ring, i, buf->eop);
	}
	ring->next_to_clean = i;
	*cleaned += pkts;

	if (pkts) {
		u64_stats_update_begin(&ring->syncp);
		ring->stats.packets += pkts;
		ring->stats.bytes += bytes;
		u64_stats_update_end(&ring->syncp);
	}
	txq = netdev_get_tx_queue(ring->netdev, ring->index);
	/* Never wake a queue igbx_down() stopped: its ring may be going away. */
	__netif_txq_completed_wake(txq, pkts, bytes, igbx_desc_unused(ring),
				   IGBX_TX_WAKE_THRESH,
				   test_bit(IGBX_STATE_DOWN,
					    ring->q_vector->adapter->state));
	return budget > 0;
}

/**
 * igbx_tx_ring_clean_all() - drop every frame still on a stopped TX ring
 * @ring: TX ring, device queue disabled
 */
void igbx_tx_ring_clean_all(struct igbx_ring *ring)
{
	u16 i;

	for (i = 0; i < ring->count; i++) {
		struct igbx_tx_buffer *buf = &ring->tx_buf[i];

		igbx_tx_unmap(ring, buf);
		if (buf->skb) {
			dev_kfree_skb_any(buf->skb);
			buf->skb = NULL;
		}
	}
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	netdev_tx_reset_queue(netdev_get_tx_queue(ring->netdev, ring->index));
}

/* --- XDP transmit -----------------------------------------------------------
 * Each queue pair has an XDP TX ring of its own on a device queue the stack
 * never uses, cleaned by the pair's NAPI.  Its producers are the pair's RX
 * poll (XDP_TX) and ndo_xdp_xmit from any CPU, serialised by xdp_lock; the
 * cleaner needs no lock, as with the stack's rings.
 */

/* Where the device finds one buffer of an XDP_TX frame (page_pool mapped). */
static dma_addr_t igbx_xdp_tx_dma(struct device *dev, struct page *page,
				  unsigned int off, unsigned int len)
{
	dma_addr_t dma = page_pool_get_dma_addr(page) + off;

	/* the program may have written to it */
	dma_sync_single_for_device(dev, dma, len, DMA_BIDIRECTIONAL);
	return dma;
}

/**
 * igbx_xdp_ring_frame() - put one XDP frame on an XDP TX ring
 * @ring: XDP TX ring, xdp_lock held
 * @xdpf: frame, with its frags
 * @type: IGBX_TX_XDP_TX (pages of our own pools, already mapped) or
 *	IGBX_TX_XDP_XMIT (anyone's memory: mapped here)
 *
 * The doorbell is left to the caller (igbx_xdp_ring_kick()).
 *
 * Return: 0, -ENOSPC (ring full) or -ENOMEM (mapping failed, counted).
 */
int igbx_xdp_ring_frame(struct igbx_ring *ring, struct xdp_frame *xdpf,
			enum igbx_tx_type type)
{
	struct skb_shared_info *sinfo = xdp_get_shared_info_from_frame(xdpf);
	u32 nr_frags = xdp_frame_has_frags(xdpf) ? sinfo->nr_frags : 0;
	u16 first_i = ring->next_to_use, i = first_i;
	struct igbx_tx_buffer *first = &ring->tx_buf[first_i];
	u32 cmd = FIELD_PREP(IGBX_TXD_DTYP, IGBX_TXD_DTYP_DATA) |
		  IGBX_TXD_CMD_DEXT | IGBX_TXD_CMD_IFCS;
	u32 total = xdpf->len + (nr_frags ? sinfo->xdp_frags_size : 0);
	u32 olinfo = FIELD_PREP(IGBX_TXD_PAYLEN, total);
	struct igbx_tx_desc *last = NULL;
	unsigned int f, len;
	dma_addr_t dma;

	/* one descriptor per buffer: a buffer is at most a page */
	if (unlikely(igbx_desc_unused(ring) < nr_frags + 1))
		return -ENOSPC;

	for (f = 0; f <= nr_frags; f++) {
		const skb_frag_t *frag = f ? &sinfo->frags[f - 1] : NULL;
		struct igbx_tx_buffer *buf = &ring->tx_buf[i];

		len = frag ? skb_frag_size(frag) : xdpf->len;
		if (type == IGBX_TX_XDP_TX) {
			dma = frag ? igbx_xdp_tx_dma(ring->dev,
						     skb_frag_page(frag),
						     skb_frag_off(frag), len) :
				     igbx_xdp_tx_dma(ring->dev,
						     virt_to_page(xdpf->data),
						     offset_in_page(xdpf->data),
						     len);
		} else {
			dma = frag ? skb_frag_dma_map(ring->dev, frag, 0, len,
						      DMA_TO_DEVICE) :
				     dma_map_single(ring->dev, xdpf->data, len,
						    DMA_TO_DEVICE);
			if (dma_mapping_error(ring->dev, dma))
				goto unmap;
			buf->dma = dma;
			buf->len = len;
			buf->head = !frag;
		}
		i = igbx_tx_map_one(ring, i, dma, len, cmd, olinfo, &last);
	}

	last->cmd_type_len |= cpu_to_le32(IGBX_TXD_CMD_EOP | IGBX_TXD_CMD_RS);
	first->eop = (i ? i : ring->count) - 1;
	first->bytecount = total;
	first->gso_segs = 1;
	first->type = type;
	first->xdpf = xdpf;
	/* descriptors and buffer state before the cleaner can see the frame */
	smp_wmb();
	WRITE_ONCE(ring->next_to_use, i);
	return 0;

unmap:
	for (; first_i != i; first_i = igbx_next(ring, first_i))
		igbx_tx_unmap(ring, &ring->tx_buf[first_i]);
	igbx_ring_stat_add(ring, &ring->stats.dma_err, 1);
	return -ENOMEM;
}

/**
 * igbx_xdp_ring_kick() - tell the device about frames queued on an XDP ring
 * @ring: XDP TX ring
 */
void igbx_xdp_ring_kick(struct igbx_ring *ring)
{
	spin_lock(&ring->xdp_lock);
	igbx_ring_doorbell(ring, ring->next_to_use);
	spin_unlock(&ring->xdp_lock);
}

/* Hand a completed XDP frame back to whoever owns its memory. */
static void igbx_xdp_buf_done(struct igbx_tx_buffer *buf,
			      struct xdp_frame_bulk *bq, bool napi)
{
	if (buf->type == IGBX_TX_XDP_TX && napi)
		xdp_return_frame_rx_napi(buf->xdpf);	/* our own pool */
	else if (bq)
		xdp_return_frame_bulk(buf->xdpf, bq);
	else
		xdp_return_frame(buf->xdpf);
	buf->xdpf = NULL;
}

/*
 * Reclaim completed frames of an XDP TX ring: XDP frames go back to their
 * owners, AF_XDP descriptors to the socket's completion ring.  True
 * unless the budget ran out.
 */
static bool igbx_clean_xdp_tx(struct igbx_ring *ring)
{
	unsigned int pkts = 0, bytes = 0, xsk = 0;
	int budget = IGBX_TX_CLEAN_BUDGET;
	u16 i = ring->next_to_clean, ntu;
	struct igbx_tx_buffer *buf;
	struct xdp_frame_bulk bq;

	ntu = READ_ONCE(ring->next_to_use);
	if (i == ntu)
		return true;
	/* the producer's buffer state was written before next_to_use */
	smp_rmb();
	xdp_frame_bulk_init(&bq);
	rcu_read_lock();	/* xdp_return_frame_bulk() */
	for (; budget > 0 && i != ntu; budget--) {
		buf = &ring->tx_buf[i];
		if (!(igbx_tx_desc(ring, buf->eop)->olinfo_status &
		      cpu_to_le32(IGBX_TXD_STAT_DD)))
			break;

		pkts++;
		bytes += buf->bytecount;
		if (buf->type == IGBX_TX_XSK)
			xsk++;
		else
			igbx_xdp_buf_done(buf, &bq, true);
		i = igbx_tx_unmap_frame(ring, i, buf->eop);
	}
	xdp_flush_frame_bulk(&bq);
	rcu_read_unlock();
	ring->next_to_clean = i;
	if (xsk)
		xsk_tx_completed(ring->xsk_pool, xsk);

	if (pkts) {
		u64_stats_update_begin(&ring->syncp);
		ring->stats.packets += pkts;
		ring->stats.bytes += bytes;
		u64_stats_update_end(&ring->syncp);
	}
	return budget > 0;
}

/**
 * igbx_xdp_ring_clean_all() - drop every frame still on a stopped XDP ring
 * @ring: XDP TX ring, device queue disabled, NAPI off
 *
 * AF_XDP descriptors are completed (the socket gets its buffers back).
 */
void igbx_xdp_ring_clean_all(struct igbx_ring *ring)
{
	u16 i = ring->next_to_clean;
	unsigned int xsk = 0;

	while (i != ring->next_to_use) {
		struct igbx_tx_buffer *buf = &ring->tx_buf[i];

		if (buf->type == IGBX_TX_XSK)
			xsk++;
		else if (buf->xdpf)
			igbx_xdp_buf_done(buf, NULL, false);
		i = igbx_tx_unmap_frame(ring, i, buf->eop);
	}
	if (xsk && ring->xsk_pool)
		xsk_tx_completed(ring->xsk_pool, xsk);
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
}

/**
 * igbx_xdp_xmit() - ndo_xdp_xmit: send frames redirected to this port
 * @netdev: our net_device
 * @n: frames
 * @frames: the frames (with frags)
 * @flags: XDP_XMIT_FLUSH: ring the doorbell
 *
 * Called under RCU from any CPU; uses the XDP TX ring of queue pair
 * (CPU mod pairs).  Frames not taken stay the caller's.
 *
 * Return: frames queued, or a negative errno.
 */
int igbx_xdp_xmit(struct net_device *netdev, int n, struct xdp_frame **frames,
		  u32 flags)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_q_vector *qv;
	struct igbx_ring *ring;
	int sent, err = 0;

	if (unlikely(flags & ~XDP_XMIT_FLAGS_MASK))
		return -EINVAL;
	if (unlikely(test_bit(IGBX_STATE_DOWN, adapter->state)))
		return -ENETDOWN;
	qv = READ_ONCE(adapter->q_vector[smp_processor_id() %
					 READ_ONCE(adapter->num_qp)]);
	if (unlikely(!qv))
		return -ENETDOWN;
	ring = &qv->xdp;

	spin_lock(&ring->xdp_lock);
	for (sent = 0; sent < n; sent++) {
		err = igbx_xdp_ring_frame(ring, frames[sent],
					  IGBX_TX_XDP_XMIT);
		if (err)
			break;
	}
	if (flags & XDP_XMIT_FLUSH)
		igbx_ring_doorbell(ring, ring->next_to_use);
	spin_unlock(&ring->xdp_lock);
	if (err == -ENOSPC)
		igbx_ring_stat_add(ring, &ring->stats.drops, n - sent);
	return sent;
}

/* --- receive ------------------------------------------------------------- */

/**
 * igbx_rx_refill() - give up to @count empty buffers to the device
 * @ring: RX ring
 * @count: buffers to add
 *
 * One tail write for the whole batch.
 */
void igbx_rx_refill(struct igbx_ring *ring, u16 count)
{
	struct igbx_adapter *adapter = ring->q_vector->adapter;
	u16 i = ring->next_to_use, left = count;
	union igbx_rx_desc *desc;
	struct page *page;

	if (ring->xsk_pool) {
		igbx_xsk_refill(ring, count);
		return;
	}
	for (; left; left--) {
		if (igbx_fault(&adapter->fault_rx_alloc))
			page = NULL;
		else
			page = page_pool_dev_alloc_pages(ring->pp);
		if (unlikely(!page)) {
			igbx_ring_stat_add(ring, &ring->stats.alloc_fail, 1);
			break;
		}
		ring->rx_page[i] = page;
		desc = igbx_rx_desc(ring, i);
		desc->read.pkt_addr = cpu_to_le64(page_pool_get_dma_addr(page) +
						  ring->rx_headroom);
		desc->read.hdr_addr = 0;	/* also clears DD */
		i = igbx_next(ring, i);
	}
	trace_igbx_rx_refill(ring, count, count - left);
	if (i == ring->next_to_use)
		return;
	ring->next_to_use = i;
	igbx_ring_doorbell(ring, i);
}

static enum pkt_hash_types igbx_rss_hash_type(u32 info)
{
	switch (FIELD_GET(IGBX_RXD_INFO_RSSTYPE, info)) {
	case IGBX_RSSTYPE_TCPV4:
	case IGBX_RSSTYPE_TCPV6:
	case IGBX_RSSTYPE_TCPV6_EX:
	case IGBX_RSSTYPE_UDPV4:
	case IGBX_RSSTYPE_UDPV6:
	case IGBX_RSSTYPE_UDPV6_EX:
		return PKT_HASH_TYPE_L4;
	case IGBX_RSSTYPE_IPV4:
	case IGBX_RSSTYPE_IPV6:
	case IGBX_RSSTYPE_IPV6_EX:
		return PKT_HASH_TYPE_L3;
	default:
		return PKT_HASH_TYPE_NONE;
	}
}

/**
 * igbx_rx_fields() - what the device found out about a frame, into its skb
 * @ring: RX ring
 * @desc: the frame's last descriptor, as written back (ring->rx_xdp.eop)
 * @status: its status and error bits
 * @skb: the frame
 *
 * RSS hash, checksum verdict, IEEE 1588 time stamp (taken by
 * igbx_rx_eop()), stripped VLAN tag, queue and protocol.
 */
void igbx_rx_fields(struct igbx_ring *ring, const union igbx_rx_desc *desc,
		    u32 status, struct sk_buff *skb)
{
	struct net_device *netdev = ring->netdev;
	u32 info = le32_to_cpu(desc->wb.info);
	enum pkt_hash_types htype;

	if (netdev->features & NETIF_F_RXHASH) {
		htype = igbx_rss_hash_type(info);
		if (htype != PKT_HASH_TYPE_NONE)
			skb_set_hash(skb, le32_to_cpu(desc->wb.rss_hash), htype);
	}

	if (netdev->features & NETIF_F_RXCSUM) {
		if (status & (IGBX_RXD_ERR_L4E | IGBX_RXD_ERR_IPE))
			igbx_ring_stat_add(ring, &ring->stats.csum_err, 1);
		else if (status & IGBX_RXD_STAT_L4CS)
			skb->ip_summed = CHECKSUM_UNNECESSARY;
	}

	if (unlikely(ring->rx_xdp.tstamp))
		skb_hwtstamps(skb)->hwtstamp = ns_to_ktime(ring->rx_xdp.tstamp);

	if ((netdev->features & NETIF_F_HW_VLAN_CTAG_RX) &&
	    (status & IGBX_RXD_STAT_VP))
		__vlan_hwaccel_put_tag(skb, htons(ETH_P_8021Q),
				       le16_to_cpu(desc->wb.vlan));

	skb_record_rx_queue(skb, ring->index);
	skb->protocol = eth_type_trans(skb, netdev);
}

/* Start or extend the frame in ring->rx_xdp with one received buffer. */
static bool igbx_rx_buffer(struct igbx_ring *ring, struct xdp_buff *xdp,
			   struct page *page, unsigned int len)
{
	struct skb_shared_info *sinfo;

	if (!xdp->data) {
		xdp_init_buff(xdp, PAGE_SIZE, &ring->xdp_rxq);
		xdp_prepare_buff(xdp, page_address(page), ring->rx_headroom,
				 len, true);
		return true;
	}
	sinfo = xdp_get_shared_info_from_buff(xdp);
	if (!xdp_buff_has_frags(xdp)) {
		sinfo->nr_frags = 0;
		sinfo->xdp_frags_size = 0;
		xdp_buff_set_frags_flag(xdp);
	}
	if (unlikely(sinfo->nr_frags >= MAX_SKB_FRAGS))
		return false;
	igbx_skb_frag_fill(&sinfo->frags[sinfo->nr_frags++], page,
			   ring->rx_headroom, len);
	sinfo->xdp_frags_size += len;
	if (page_is_pfmemalloc(page))
		xdp_buff_set_frag_pfmemalloc(xdp);
	return true;
}

/* Give every page of a frame back to the pool (@direct: from its NAPI). */
static void igbx_rx_frame_free(struct igbx_ring *ring, struct xdp_buff *xdp,
			       bool direct)
{
	struct skb_shared_info *sinfo;
	unsigned int f;

	if (xdp_buff_has_frags(xdp)) {
		sinfo = xdp_get_shared_info_from_buff(xdp);
		for (f = 0; f < sinfo->nr_frags; f++)
			page_pool_put_full_page(ring->pp,
						skb_frag_page(&sinfo->frags[f]),
						direct);
	}
	page_pool_put_full_page(ring->pp, virt_to_page(xdp->data_hard_start),
				direct);
}

/* The skb for a frame the stack gets: built around its buffers, no copy. */
static struct sk_buff *igbx_rx_build_skb(struct xdp_buff *xdp)
{
	struct skb_shared_info *sinfo = xdp_get_shared_info_from_buff(xdp);
	unsigned int meta = xdp->data - xdp->data_meta;
	unsigned int frags_size = 0;
	struct sk_buff *skb;
	u8 nr_frags = 0;

	/* napi_build_skb() clears these: read them first */
	if (unlikely(xdp_buff_has_frags(xdp))) {
		nr_frags = sinfo->nr_frags;
		frags_size = sinfo->xdp_frags_size;
	}
	skb = napi_build_skb(xdp->data_hard_start, xdp->frame_sz);
	if (unlikely(!skb))
		return NULL;
	skb_mark_for_recycle(skb);
	skb_reserve(skb, xdp->data - xdp->data_hard_start);
	__skb_put(skb, xdp->data_end - xdp->data);
	if (meta)
		skb_metadata_set(skb, meta);
	if (unlikely(nr_frags))
		igbx_xdp_skb_frags(skb, xdp, nr_frags, frags_size,
				   nr_frags * PAGE_SIZE);
	return skb;
}

/*
 * debugfs fault knobs: make the device seem to write garbage, a length
 * larger than the buffer or a missing end-of-packet.  True when EOP is to
 * be cleared.
 */
static bool igbx_rx_fault(struct igbx_adapter *adapter, unsigned int *len)
{
	if (igbx_fault(&adapter->fault_rx_bad_len))
		*len = U16_MAX;
	return igbx_fault(&adapter->fault_rx_no_eop);
}

/*
 * Run the program on a complete frame and carry out its verdict.  True if
 * the stack is to get the frame (XDP_PASS).
 */
static bool igbx_run_xdp(struct igbx_ring *ring, struct bpf_prog *prog,
			 struct igbx_rx_tally *t)
{
	struct xdp_buff *xdp = &ring->rx_xdp.xdp;
	struct net_device *netdev = ring->netdev;
	struct igbx_ring *xring = &ring->q_vector->xdp;
	struct xdp_frame *xdpf;
	u32 act;

	act = bpf_prog_run_xdp(prog, xdp);
	switch (act) {
	case XDP_PASS:
		t->xdp[IGBX_XDP_PASS]++;
		return true;
	case XDP_TX:
		t->xdp[IGBX_XDP_TX]++;
		xdpf = xdp_convert_buff_to_frame(xdp);
		if (unlikely(!xdpf))
			goto drop;
		spin_lock(&xring->xdp_lock);
		if (likely(!igbx_xdp_ring_frame(xring, xdpf, IGBX_TX_XDP_TX))) {
			spin_unlock(&xring->xdp_lock);
			t->xdp_tx = true;
			return false;
		}
		spin_unlock(&xring->xdp_lock);
		igbx_ring_stat_add(xring, &xring->stats.drops, 1);
		xdp_return_frame_rx_napi(xdpf);
		return false;
	case XDP_REDIRECT:
		if (likely(!xdp_do_redirect(netdev, xdp, prog))) {
			t->xdp[IGBX_XDP_REDIRECT]++;
			t->redirect = true;
			return false;
		}
		t->xdp[IGBX_XDP_REDIRECT_ERR]++;
		goto free;
	default:
		bpf_warn_invalid_xdp_action(netdev, prog, act);
		fallthrough;
	case XDP_ABORTED:
		trace_xdp_exception(netdev, prog, act);
		t->xdp[IGBX_XDP_ABORTED]++;
		goto free;
	case XDP_DROP:
		break;
	}
drop:
	t->xdp[IGBX_XDP_DROP]++;
free:
	igbx_rx_frame_free(ring, xdp, true);
	return false;
}

/* A complete, good frame: XDP first if a program is attached, then GRO. */
static void igbx_rx_frame(struct igbx_ring *ring, struct bpf_prog *prog,
			  struct igbx_rx_tally *t)
{
	struct igbx_xdp_buff *b = &ring->rx_xdp;
	struct sk_buff *skb;

	t->frames++;
	t->bytes += xdp_get_buff_len(&b->xdp);
	if (prog && !igbx_run_xdp(ring, prog, t))
		return;

	skb = igbx_rx_build_skb(&b->xdp);
	if (unlikely(!skb)) {
		igbx_rx_frame_free(ring, &b->xdp, true);
		igbx_ring_stat_add(ring, &ring->stats.alloc_fail, 1);
		t->drops++;
		return;
	}
	igbx_rx_fields(ring, &b->eop, le32_to_cpu(b->eop.wb.status_error), skb);
	napi_gro_receive(&ring->q_vector->napi, skb);
}

/**
 * igbx_rx_tally_add() - add one poll's work to a ring's counters
 * @ring: RX ring
 * @t: what the poll did
 */
void igbx_rx_tally_add(struct igbx_ring *ring, const struct igbx_rx_tally *t)
{
	u64_stats_update_begin(&ring->syncp);
	ring->stats.packets += t->frames;
	ring->stats.bytes += t->bytes;
	ring->stats.drops += t->drops;
	ring->stats.len_err += t->len_err;
	ring->stats.xdp_pass += t->xdp[IGBX_XDP_PASS];
	ring->stats.xdp_drop += t->xdp[IGBX_XDP_DROP];
	ring->stats.xdp_tx += t->xdp[IGBX_XDP_TX];
	ring->stats.xdp_redirect += t->xdp[IGBX_XDP_REDIRECT];
	ring->stats.xdp_redirect_err += t->xdp[IGBX_XDP_REDIRECT_ERR];
	ring->stats.xdp_aborted += t->xdp[IGBX_XDP_ABORTED];
	u64_stats_update_end(&ring->syncp);
}

static int igbx_clean_rx(struct igbx_ring *ring, int budget)
{
	struct igbx_adapter *adapter = ring->q_vector->adapter;
	u16 i = ring->next_to_clean, cleaned = 0, unused;
	struct xdp_buff *xdp = &ring->rx_xdp.xdp;
	struct igbx_rx_tally t = {};
	union igbx_rx_desc *desc;
	struct bpf_prog *prog;
	struct page *page;
	unsigned int len;
	u32 status;

	prog = READ_ONCE(adapter->xdp_prog);
	while (t.frames < budget) {
		/*
		 * A slot software has not refilled (allocation failed, or the
		 * one always left empty) still holds its last write-back, DD
		 * included: it was never given to the device.
		 */
		if (!ring->rx_page[i])
			break;
		desc = igbx_rx_desc(ring, i);
		status = le32_to_cpu(desc->wb.status_error);
		if (!(status & IGBX_RXD_STAT_DD))
			break;
		/* Read the rest of the descriptor only after DD. */
		dma_rmb();

		len = le16_to_cpu(desc->wb.length);
		if (unlikely(igbx_rx_fault(adapter, &len)))
			status &= ~IGBX_RXD_STAT_EOP;
		page = ring->rx_page[i];
		ring->rx_page[i] = NULL;
		i = igbx_next(ring, i);
		cleaned++;

		/*
		 * Trust nothing the device wrote: a buffer overrun, or a
		 * frame chained past the largest the port accepts because
		 * end-of-packet never came.
		 */
		if (unlikely(len > IGBX_RX_BUF_LEN ||
			     (xdp->data && !ring->rx_discard &&
			      xdp_get_buff_len(xdp) + len >
			      ring->netdev->mtu + IGBX_RX_FRAME_OVERHEAD))) {
			t.len_err++;
			ring->rx_discard = true;
		}
		if (likely(!ring->rx_discard)) {
			dma_sync_single_range_for_cpu(ring->dev,
						      page_pool_get_dma_addr(page),
						      ring->rx_headroom, len,
						      page_pool_get_dma_dir(ring->pp));
			/* false: more fragments than an skb holds */
			if (unlikely(!igbx_rx_buffer(ring, xdp, page, len))) {
				t.len_err++;
				ring->rx_discard = true;
			}
		}
		if (unlikely(ring->rx_discard)) {
			page_pool_put_full_page(ring->pp, page, true);
			if (xdp->data) {
				igbx_rx_frame_free(ring, xdp, true);
				xdp->data = NULL;
			}
		}

		if (cleaned >= IGBX_RX_REFILL_BATCH) {
			igbx_rx_refill(ring, cleaned);
			cleaned = 0;
		}
		if (!(status & IGBX_RXD_STAT_EOP))
			continue;

		/* Error bits are valid in the last descriptor of a frame. */
		if (unlikely(ring->rx_discard ||
			     ((status & IGBX_RXD_ERR_FRAME) &&
			      !(ring->netdev->features & NETIF_F_RXALL)))) {
			ring->rx_discard = false;
			if (xdp->data)
				igbx_rx_frame_free(ring, xdp, true);
			xdp->data = NULL;
			t.drops++;
			continue;
		}

		/* The descriptor is the device's again after the next refill. */
		igbx_rx_eop(ring, desc, status);
		igbx_rx_frame(ring, prog, &t);
		xdp->data = NULL;
	}

	ring->next_to_clean = i;
	/*
	 * Refill what was cleaned, and retry buffers that failed to allocate
	 * earlier (then the ring has more unused descriptors than that).
	 */
	unused = igbx_desc_unused(ring);
	if (cleaned || unused >= IGBX_RX_REFILL_BATCH)
		igbx_rx_refill(ring, unused);

	igbx_rx_poll_end(ring, &t);
	return t.frames;
}

/**
 * igbx_rx_poll_end() - what an RX poll owes once, not per frame
 * @ring: RX ring
 * @t: what the poll did
 *
 * One XDP TX doorbell, one redirect flush, one counter update.
 */
void igbx_rx_poll_end(struct igbx_ring *ring, const struct igbx_rx_tally *t)
{
	if (t->xdp_tx)
		igbx_xdp_ring_kick(&ring->q_vector->xdp);
	if (t->redirect)
		xdp_do_flush();
	igbx_rx_tally_add(ring, t);
}

/**
 * igbx_rx_ring_clean_all() - return every buffer of a stopped RX ring
 * @ring: RX ring, device queue disabled
 */
void igbx_rx_ring_clean_all(struct igbx_ring *ring)
{
	struct xdp_buff *xdp = &ring->rx_xdp.xdp;
	u16 i;

	if (ring->xsk_pool) {
		igbx_xsk_rx_clean_all(ring);
		goto out;
	}
	if (xdp->data) {
		igbx_rx_frame_free(ring, xdp, false);
		xdp->data = NULL;
	}
	for (i = 0; i < ring->count; i++) {
		if (ring->rx_page[i]) {
			page_pool_put_full_page(ring->pp, ring->rx_page[i],
						false);
			ring->rx_page[i] = NULL;
		}
	}
out:
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->rx_discard = false;
}

/**
 * igbx_poll() - NAPI poll of one queue-pair vector
 * @napi: the vector's NAPI context
 * @budget: frames net_rx_action allows (0 from netpoll: TX only)
 *
 * Return: frames received; @budget if there is more work.
 */
int igbx_poll(struct napi_struct *napi, int budget)
{
	struct igbx_q_vector *q_vector = container_of(napi,
						      struct igbx_q_vector,
						      napi);
	unsigned int tx_cleaned = 0;
	bool tx_done, rearm = false;
	int done = 0;

	trace_igbx_poll_start(q_vector, budget);
	tx_done = igbx_clean_tx(&q_vector->tx, budget, &tx_cleaned);
	tx_done &= igbx_clean_xdp_tx(&q_vector->xdp);
	if (q_vector->xdp.xsk_pool)
		tx_done &= igbx_xsk_xmit(&q_vector->xdp, IGBX_TX_CLEAN_BUDGET);
	if (budget)
		done = q_vector->rx.xsk_pool ?
		       igbx_xsk_clean_rx(&q_vector->rx, budget) :
		       igbx_clean_rx(&q_vector->rx, budget);
	if (!tx_done || done >= budget) {
		trace_igbx_poll_end(q_vector, budget, tx_cleaned, done, false);
		return budget;
	}

	if (napi_complete_done(napi, done)) {
		if (q_vector->adaptive)
			igbx_dim_sample(q_vector);
		igbx_irq_rearm(q_vector);
		rearm = true;
	}
	trace_igbx_poll_end(q_vector, budget, tx_cleaned, done, rearm);
	return min(done, budget - 1);
}
