// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: AF_XDP zero-copy.  A socket bound with XDP_ZEROCOPY to queue q
 * lends the port its umem (an xsk_buff_pool).  Queue pair q's RX ring then
 * receives straight into the socket's buffers, one buffer per frame, and
 * the pair's XDP TX ring sends the socket's TX descriptors from the umem.
 * Pool setup is in xdp.c (ndo_bpf); the per-poll loops are here, called
 * from igbx_poll().
 *
 * RX: igbx_xsk_clean_rx() runs the XDP program on each frame; XDP_REDIRECT
 * into an XSKMAP is the zero-copy path, XDP_PASS copies into an skb,
 * XDP_TX copies into a page for the XDP TX ring.
 * TX: igbx_xsk_xmit() moves descriptors from the socket's TX ring to the
 * XDP TX ring; igbx_poll()'s XDP TX cleaning completes them.
 */
#include <linux/bpf_trace.h>
#include <linux/filter.h>
#include <net/xdp_sock_drv.h>

#include "igbx.h"

/**
 * igbx_xsk_buf_len() - bytes the device may write into one pool buffer
 * @pool: AF_XDP pool
 *
 * SRRCTL.BSIZEPKT counts in KiB (datasheet 8.10.2): the pool's frame size
 * rounded down.
 *
 * Return: the buffer length.
 */
u16 igbx_xsk_buf_len(struct xsk_buff_pool *pool)
{
	return min_t(u32, rounddown(xsk_pool_get_rx_frame_size(pool), SZ_1K),
		     IGBX_XSK_BUF_MAX);
}

/**
 * igbx_xsk_refill() - give up to @count pool buffers to the device
 * @ring: zero-copy RX ring
 * @count: buffers to add
 *
 * The pool's fill ring decides how many there are; one tail write.
 */
void igbx_xsk_refill(struct igbx_ring *ring, u16 count)
{
	u16 i = ring->next_to_use, want, got, k;
	union igbx_rx_desc *desc;

	while (count) {
		want = min_t(u16, count, ring->count - i);	/* up to the wrap */
		got = xsk_buff_alloc_batch(ring->xsk_pool, &ring->rx_xsk[i],
					   want);
		for (k = 0; k < got; k++) {
			desc = igbx_rx_desc(ring, i + k);
			desc->read.pkt_addr =
				cpu_to_le64(xsk_buff_xdp_get_dma(ring->rx_xsk[i + k]));
			desc->read.hdr_addr = 0;	/* also clears DD */
		}
		count -= got;
		i += got;
		if (i == ring->count)
			i = 0;
		if (got < want)
			break;	/* the fill ring is empty */
	}
	if (i == ring->next_to_use)
		return;
	ring->next_to_use = i;
	igbx_ring_doorbell(ring, i);
}

/* XDP_PASS: the stack gets a copy; the buffer goes back to the pool. */
static struct sk_buff *igbx_xsk_build_skb(struct igbx_ring *ring,
					  struct xdp_buff *xdp)
{
	unsigned int meta = xdp->data - xdp->data_meta;
	unsigned int len = xdp->data_end - xdp->data_meta;
	struct sk_buff *skb;

	skb = napi_alloc_skb(&ring->q_vector->napi, len);
	if (unlikely(!skb))
		return NULL;
	skb_put_data(skb, xdp->data_meta, len);
	if (meta) {
		__skb_pull(skb, meta);
		skb_metadata_set(skb, meta);
	}
	return skb;
}

/* XDP_TX from a pool buffer: a copy goes out, the buffer is reused. */
static bool igbx_xsk_tx(struct igbx_ring *ring, struct xdp_buff *xdp)
{
	struct igbx_ring *xring = &ring->q_vector->xdp;
	struct xdp_frame *xdpf;
	int err;

	xdpf = xdp_convert_zc_to_xdp_frame(xdp);
	xsk_buff_free(xdp);
	if (unlikely(!xdpf))
		return false;
	spin_lock(&xring->xdp_lock);
	err = igbx_xdp_ring_frame(xring, xdpf, IGBX_TX_XDP_XMIT);
	spin_unlock(&xring->xdp_lock);
	if (likely(!err))
		return true;
	if (err == -ENOSPC)
		igbx_ring_stat_add(xring, &xring->stats.drops, 1);
	xdp_return_frame(xdpf);
	return false;
}

/* One complete frame in one pool buffer: the program's verdict, done. */
static void igbx_xsk_frame(struct igbx_ring *ring, struct bpf_prog *prog,
			   struct xdp_buff *xdp, u32 status,
			   struct igbx_rx_tally *t)
{
	struct net_device *netdev = ring->netdev;
	struct sk_buff *skb;
	u32 act;

	if (!prog)
		goto pass;
	act = bpf_prog_run_xdp(prog, xdp);
	switch (act) {
	case XDP_REDIRECT:
		if (likely(!xdp_do_redirect(netdev, xdp, prog))) {
			t->xdp[IGBX_XDP_REDIRECT]++;
			t->redirect = true;
			return;
		}
		t->xdp[IGBX_XDP_REDIRECT_ERR]++;
		goto free;
	case XDP_PASS:
		t->xdp[IGBX_XDP_PASS]++;
		goto pass;
	case XDP_TX:
		t->xdp[IGBX_XDP_TX]++;
		if (igbx_xsk_tx(ring, xdp))
			t->xdp_tx = true;
		return;
	default:
		bpf_warn_invalid_xdp_action(netdev, prog, act);
		fallthrough;
	case XDP_ABORTED:
		trace_xdp_exception(netdev, prog, act);
		t->xdp[IGBX_XDP_ABORTED]++;
		goto free;
	case XDP_DROP:
		t->xdp[IGBX_XDP_DROP]++;
		goto free;
	}
pass:
	skb = igbx_xsk_build_skb(ring, xdp);
	xsk_buff_free(xdp);
	if (unlikely(!skb)) {
		igbx_ring_stat_add(ring, &ring->stats.alloc_fail, 1);
		t->drops++;
		return;
	}
	igbx_rx_fields(ring, &ring->rx_xdp.eop, status, skb);
	napi_gro_receive(&ring->q_vector->napi, skb);
	return;
free:
	xsk_buff_free(xdp);
}

/**
 * igbx_xsk_clean_rx() - receive on a zero-copy RX ring
 * @ring: RX ring with an AF_XDP pool
 * @budget: frames NAPI allows
 *
 * Return: frames received.
 */
int igbx_xsk_clean_rx(struct igbx_ring *ring, int budget)
{
	struct igbx_adapter *adapter = ring->q_vector->adapter;
	u16 i = ring->next_to_clean, cleaned = 0, unused;
	struct xsk_buff_pool *pool = ring->xsk_pool;
	struct igbx_rx_tally t = {};
	union igbx_rx_desc *desc;
	struct bpf_prog *prog;
	struct xdp_buff *xdp;
	unsigned int len;
	u32 status;

	prog = READ_ONCE(adapter->xdp_prog);
	while (t.frames < budget) {
		xdp = ring->rx_xsk[i];
		if (!xdp)
			break;	/* never given to the device */
		desc = igbx_rx_desc(ring, i);
		status = le32_to_cpu(desc->wb.status_error);
		if (!(status & IGBX_RXD_STAT_DD))
			break;
		/* Read the rest of the descriptor only after DD. */
		dma_rmb();

		len = le16_to_cpu(desc->wb.length);
		ring->rx_xsk[i] = NULL;
		i = igbx_next(ring, i);
		if (++cleaned >= IGBX_RX_REFILL_BATCH) {
			igbx_xsk_refill(ring, cleaned);
			cleaned = 0;
		}

		/*
		 * One buffer holds a whole frame (the MTU is checked against
		 * the pool's buffers): a frame that goes on into the next
		 * descriptor, or a length the buffer cannot hold, is the
		 * device's error, and the whole frame is dropped.
		 */
		if (unlikely(!(status & IGBX_RXD_STAT_EOP))) {
			if (!ring->rx_discard)
				t.len_err++;
			ring->rx_discard = true;
			xsk_buff_free(xdp);
			continue;
		}
		if (unlikely(ring->rx_discard || len > ring->rx_buf_len ||
			     ((status & IGBX_RXD_ERR_FRAME) &&
			      !(ring->netdev->features & NETIF_F_RXALL)))) {
			if (!ring->rx_discard && len > ring->rx_buf_len)
				t.len_err++;
			ring->rx_discard = false;
			t.drops++;
			xsk_buff_free(xdp);
			continue;
		}

		xsk_buff_set_size(xdp, len);
		igbx_xsk_sync_for_cpu(xdp, pool);
		t.frames++;
		t.bytes += len;
		/* for the metadata kfuncs and the skb */
		igbx_rx_eop(ring, desc, status);
		igbx_xsk_frame(ring, prog, xdp, status, &t);
	}

	ring->next_to_clean = i;
	unused = igbx_desc_unused(ring);
	if (cleaned || unused >= IGBX_RX_REFILL_BATCH)
		igbx_xsk_refill(ring, unused);
	/* An empty fill ring: the application must wake us when it refills. */
	if (xsk_uses_need_wakeup(pool)) {
		if (igbx_desc_unused(ring))
			xsk_set_rx_need_wakeup(pool);
		else
			xsk_clear_rx_need_wakeup(pool);
	}
	igbx_rx_poll_end(ring, &t);
	return t.frames;
}

/**
 * igbx_xsk_rx_clean_all() - give every posted buffer back to the pool
 * @ring: zero-copy RX ring, device queue disabled
 */
void igbx_xsk_rx_clean_all(struct igbx_ring *ring)
{
	u16 i;

	for (i = 0; i < ring->count; i++) {
		if (ring->rx_xsk[i]) {
			xsk_buff_free(ring->rx_xsk[i]);
			ring->rx_xsk[i] = NULL;
		}
	}
}

/**
 * igbx_xsk_xmit() - move AF_XDP TX descriptors onto the XDP TX ring
 * @ring: XDP TX ring with the socket's pool
 * @budget: most descriptors to take
 *
 * One frame per descriptor, straight from the umem; one doorbell.
 *
 * Return: true unless @budget was used up (more may be waiting).
 */
bool igbx_xsk_xmit(struct igbx_ring *ring, unsigned int budget)
{
	u32 cmd = FIELD_PREP(IGBX_TXD_DTYP, IGBX_TXD_DTYP_DATA) |
		  IGBX_TXD_CMD_DEXT | IGBX_TXD_CMD_IFCS | IGBX_TXD_CMD_EOP |
		  IGBX_TXD_CMD_RS;
	struct xsk_buff_pool *pool = ring->xsk_pool;
	struct igbx_tx_buffer *buf;
	struct igbx_tx_desc *desc;
	unsigned int n, k;
	dma_addr_t dma;
	u16 i;

	spin_lock(&ring->xdp_lock);
	n = min_t(unsigned int, budget, igbx_desc_unused(ring));
	if (n)
		n = xsk_tx_peek_release_desc_batch(pool, n);
	i = ring->next_to_use;
	for (k = 0; k < n; k++) {
		const struct xdp_desc *d = &pool->tx_descs[k];

		dma = xsk_buff_raw_get_dma(pool, d->addr);
		xsk_buff_raw_dma_sync_for_device(pool, dma, d->len);
		buf = &ring->tx_buf[i];
		buf->type = IGBX_TX_XSK;
		buf->xdpf = NULL;
		buf->eop = i;
		buf->bytecount = d->len;
		buf->gso_segs = 1;
		desc = igbx_tx_desc(ring, i);
		desc->addr = cpu_to_le64(dma);
		desc->cmd_type_len = cpu_to_le32(cmd | d->len);
		desc->olinfo_status =
			cpu_to_le32(FIELD_PREP(IGBX_TXD_PAYLEN, d->len));
		i = igbx_next(ring, i);
	}
	if (n) {
		/* buffer state before the cleaner sees next_to_use */
		smp_wmb();
		WRITE_ONCE(ring->next_to_use, i);
		igbx_ring_doorbell(ring, i);
	}
	spin_unlock(&ring->xdp_lock);
	if (xsk_uses_need_wakeup(pool))
		xsk_set_tx_need_wakeup(pool);
	return n < budget;
}

/**
 * igbx_xsk_wakeup() - ndo_xsk_wakeup: the application has work for us
 * @netdev: our net_device
 * @qid: queue pair
 * @flags: XDP_WAKEUP_RX / XDP_WAKEUP_TX (one NAPI run serves both)
 *
 * Return: 0, or a negative errno if @qid runs no zero-copy socket.
 */
int igbx_xsk_wakeup(struct net_device *netdev, u32 qid, u32 flags)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_q_vector *qv;

	if (test_bit(IGBX_STATE_DOWN, adapter->state))
		return -ENETDOWN;
	if (qid >= adapter->num_qp)
		return -EINVAL;
	qv = adapter->q_vector[qid];
	if (!qv->rx.xsk_pool)
		return -EINVAL;
	/* Run NAPI on its own CPU: through the vector, as the device would. */
	if (!napi_if_scheduled_mark_missed(&qv->napi))
		igbx_irq_kick(qv);
	return 0;
}
