// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: queue-pair vectors and descriptor rings: allocation, teardown and
 * programming the device's ring registers (datasheet 4.5.7 "Receive
 * Initialization", 4.5.8 "Transmit Initialization").
 */
#include <linux/iopoll.h>
#include <net/xdp_sock_drv.h>

#include "igbx.h"

#define IGBX_QUEUE_ENABLE_US	10000	/* XDCTL.ENABLE takes effect */

/* A ring's identity: owner, queue number, device register set. */
static void igbx_ring_init(struct igbx_ring *ring, struct igbx_q_vector *qv,
			   u16 index, u16 reg_idx)
{
	ring->q_vector = qv;
	ring->netdev = qv->adapter->netdev;
	ring->dev = &qv->adapter->pdev->dev;
	ring->index = index;
	ring->reg_idx = reg_idx;
	spin_lock_init(&ring->xdp_lock);
	u64_stats_init(&ring->syncp);
}

/**
 * igbx_q_vector_create() - allocate one vector with its NAPI context
 * @adapter: port with MSI-X vectors allocated
 * @v: queue pair (and ring) index
 *
 * The rings get no memory here (igbx_q_vector_rings_alloc()).
 *
 * Return: the vector, or NULL.
 */
struct igbx_q_vector *igbx_q_vector_create(struct igbx_adapter *adapter,
					   unsigned int v)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_q_vector *qv;

	qv = kzalloc(sizeof(*qv), GFP_KERNEL);
	if (!qv)
		return NULL;
	qv->adapter = adapter;
	qv->v_idx = adapter->irq_mode == IGBX_IRQ_MSIX ?
		    IGBX_MISC_VECTOR + 1 + v : 0;
	qv->usecs = adapter->coal_usecs;
	qv->itr_us = adapter->coal_usecs;
	qv->adaptive = adapter->coal_adaptive;
	igbx_dim_init(qv);
	igbx_ring_init(&qv->tx, qv, v, igbx_qp_reg(adapter, v));
	igbx_ring_init(&qv->xdp, qv, v,
		       IGBX_XDP_TXQ_BASE + igbx_qp_reg(adapter, v));
	igbx_ring_init(&qv->rx, qv, v, igbx_qp_reg(adapter, v));
	igbx_napi_add(netdev, &qv->napi, igbx_poll, v);
	igbx_napi_set_irq(&qv->napi, pci_irq_vector(adapter->pdev, qv->v_idx));
	return qv;
}

/**
 * igbx_q_vector_destroy() - delete a vector's NAPI context and free it
 * @qv: vector, no longer reachable from the adapter; freed after a grace
 *	period (ndo_get_stats64 may be reading it)
 */
void igbx_q_vector_destroy(struct igbx_q_vector *qv)
{
	netif_napi_del(&qv->napi);
	kfree_rcu(qv, rcu);
}

/**
 * igbx_q_vectors_alloc() - create one vector (NAPI + queue pair) per queue
 * @adapter: port with @num_qp set and MSI-X vectors allocated
 *
 * Return: 0 or -ENOMEM.
 */
int igbx_q_vectors_alloc(struct igbx_adapter *adapter)
{
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++) {
		adapter->q_vector[v] = igbx_q_vector_create(adapter, v);
		if (!adapter->q_vector[v]) {
			igbx_q_vectors_free(adapter);
			return -ENOMEM;
		}
	}
	return 0;
}

/**
 * igbx_q_vectors_free() - delete the vectors' NAPI contexts and free them
 * @adapter: port
 */
void igbx_q_vectors_free(struct igbx_adapter *adapter)
{
	unsigned int v;

	for (v = 0; v < IGBX_MAX_QPAIRS; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];

		if (!qv)
			continue;
		WRITE_ONCE(adapter->q_vector[v], NULL);
		igbx_q_vector_destroy(qv);
	}
}

static int igbx_desc_alloc(struct igbx_ring *ring)
{
	ring->size = ALIGN(ring->count * 16, PAGE_SIZE);
	ring->desc = dma_alloc_coherent(ring->dev, ring->size, &ring->dma,
					GFP_KERNEL);
	return ring->desc ? 0 : -ENOMEM;
}

static void igbx_desc_free(struct igbx_ring *ring)
{
	if (!ring->desc)
		return;
	dma_free_coherent(ring->dev, ring->size, ring->desc, ring->dma);
	ring->desc = NULL;
}

static int igbx_tx_ring_alloc(struct igbx_ring *ring, u32 count)
{
	ring->count = count;
	ring->tx_buf = kvcalloc(count, sizeof(*ring->tx_buf), GFP_KERNEL);
	if (!ring->tx_buf)
		return -ENOMEM;
	if (igbx_desc_alloc(ring)) {
		kvfree(ring->tx_buf);
		ring->tx_buf = NULL;
		return -ENOMEM;
	}
	return 0;
}

static void igbx_tx_ring_free(struct igbx_ring *ring)
{
	igbx_desc_free(ring);
	kvfree(ring->tx_buf);
	ring->tx_buf = NULL;
}

/* A zero-copy RX ring: buffers come from the AF_XDP socket's pool. */
static int igbx_rx_ring_alloc_xsk(struct igbx_ring *ring, u32 count,
				  struct xsk_buff_pool *pool)
{
	struct igbx_q_vector *qv = ring->q_vector;
	int err = -ENOMEM;

	ring->count = count;
	ring->rx_headroom = XDP_PACKET_HEADROOM;
	ring->rx_buf_len = igbx_xsk_buf_len(pool);
	ring->rx_xsk = kvcalloc(count, sizeof(*ring->rx_xsk), GFP_KERNEL);
	if (!ring->rx_xsk)
		return -ENOMEM;
	if (igbx_desc_alloc(ring))
		goto err_free_bufs;
	err = __xdp_rxq_info_reg(&ring->xdp_rxq, ring->netdev, ring->index,
				 qv->napi.napi_id, 0);
	if (err)
		goto err_free_desc;
	err = xdp_rxq_info_reg_mem_model(&ring->xdp_rxq, MEM_TYPE_XSK_BUFF_POOL,
					 NULL);
	if (err)
		goto err_unreg_rxq;
	ring->xsk_pool = pool;
	return 0;

err_unreg_rxq:
	xdp_rxq_info_unreg(&ring->xdp_rxq);
err_free_desc:
	igbx_desc_free(ring);
err_free_bufs:
	kvfree(ring->rx_xsk);
	ring->rx_xsk = NULL;
	return err;
}

static int igbx_rx_ring_alloc(struct igbx_ring *ring, u32 count, bool xdp,
			      struct xsk_buff_pool *pool)
{
	u16 headroom = xdp ? IGBX_RX_XDP_HEADROOM : IGBX_RX_HEADROOM;
	struct page_pool_params pp = {
		.flags		= PP_FLAG_DMA_MAP | PP_FLAG_DMA_SYNC_DEV,
		.order		= 0,
		/*
		 * Room for the pages sockets hand back while the ring holds a
		 * full set: recycled instead of freed and allocated again.
		 */
		.pool_size	= min_t(u32, 4 * count, IGBX_PP_POOL_MAX),
		.nid		= dev_to_node(ring->dev),
		.dev		= ring->dev,
		/* XDP_TX sends the page the device wrote, as it is */
		.dma_dir	= xdp ? DMA_BIDIRECTIONAL : DMA_FROM_DEVICE,
		.offset		= headroom,
		.max_len	= IGBX_RX_BUF_LEN,
	};
	struct igbx_q_vector *qv = ring->q_vector;
	int err = -ENOMEM;

	if (pool)
		return igbx_rx_ring_alloc_xsk(ring, count, pool);
	/* headroom, buffer and skb_shared_info share one page (build_skb) */
	BUILD_BUG_ON(IGBX_RX_XDP_HEADROOM + IGBX_RX_BUF_LEN +
		     SKB_DATA_ALIGN(sizeof(struct skb_shared_info)) > PAGE_SIZE);
	BUILD_BUG_ON(IGBX_RX_HEADROOM > IGBX_RX_XDP_HEADROOM);
	igbx_pp_params_link(&pp, &qv->napi, ring->netdev, ring->index);
	ring->count = count;
	ring->rx_headroom = headroom;
	ring->rx_buf_len = IGBX_RX_BUF_LEN;
	ring->rx_page = kvcalloc(count, sizeof(*ring->rx_page), GFP_KERNEL);
	if (!ring->rx_page)
		return -ENOMEM;
	if (igbx_desc_alloc(ring))
		goto err_free_pages;
	ring->pp = page_pool_create(&pp);
	if (IS_ERR(ring->pp)) {
		err = PTR_ERR(ring->pp);
		ring->pp = NULL;
		goto err_free_desc;
	}
	/*
	 * Frag pages keep the rest of their page as tailroom for
	 * bpf_xdp_adjust_tail(): the device writes at most max_len of it.
	 */
	err = __xdp_rxq_info_reg(&ring->xdp_rxq, ring->netdev, ring->index,
				 qv->napi.napi_id, PAGE_SIZE);
	if (err)
		goto err_destroy_pool;
	err = xdp_rxq_info_reg_mem_model(&ring->xdp_rxq, MEM_TYPE_PAGE_POOL,
					 ring->pp);
	if (err)
		goto err_unreg_rxq;
	return 0;

err_unreg_rxq:
	xdp_rxq_info_unreg(&ring->xdp_rxq);
err_destroy_pool:
	page_pool_destroy(ring->pp);
	ring->pp = NULL;
err_free_desc:
	igbx_desc_free(ring);
err_free_pages:
	kvfree(ring->rx_page);
	ring->rx_page = NULL;
	return err;
}

static void igbx_rx_ring_free(struct igbx_ring *ring)
{
	if (xdp_rxq_info_is_reg(&ring->xdp_rxq))
		xdp_rxq_info_unreg(&ring->xdp_rxq);
	if (ring->pp) {
		page_pool_destroy(ring->pp);
		ring->pp = NULL;
	}
	ring->xsk_pool = NULL;
	igbx_desc_free(ring);
	kvfree(ring->rx_page);	/* or rx_xsk: the same pointer */
	ring->rx_page = NULL;
}

/* Pool of queue pair @v under @cfg: NULL unless it runs zero-copy. */
static struct xsk_buff_pool *igbx_cfg_xsk_pool(struct igbx_q_vector *qv,
					       const struct igbx_ring_cfg *cfg)
{
	u16 v = qv->rx.index;

	if (!(cfg->xsk_qps & BIT(v)))
		return NULL;
	return xsk_get_pool_from_qid(qv->adapter->netdev, v);
}

/**
 * igbx_q_vector_rings_alloc() - memory for one vector's rings
 * @qv: vector
 * @cfg: ring sizes, and whether an XDP program will run on the RX ring
 *
 * Return: 0 or -ENOMEM (nothing stays allocated then).
 */
int igbx_q_vector_rings_alloc(struct igbx_q_vector *qv,
			      const struct igbx_ring_cfg *cfg)
{
	struct xsk_buff_pool *pool = igbx_cfg_xsk_pool(qv, cfg);
	int err;

	err = igbx_tx_ring_alloc(&qv->tx, cfg->tx_count);
	if (err)
		return err;
	err = igbx_tx_ring_alloc(&qv->xdp, cfg->tx_count);
	if (err)
		goto err_free_tx;
	err = igbx_rx_ring_alloc(&qv->rx, cfg->rx_count, cfg->xdp, pool);
	if (err)
		goto err_free_xdp;
	qv->xdp.xsk_pool = pool;	/* the socket's TX side */
	return 0;

err_free_xdp:
	igbx_tx_ring_free(&qv->xdp);
err_free_tx:
	igbx_tx_ring_free(&qv->tx);
	return err;
}

/**
 * igbx_q_vector_rings_free() - free one vector's rings; safe to call twice
 * @qv: vector
 */
void igbx_q_vector_rings_free(struct igbx_q_vector *qv)
{
	igbx_rx_ring_free(&qv->rx);
	qv->xdp.xsk_pool = NULL;
	igbx_tx_ring_free(&qv->xdp);
	igbx_tx_ring_free(&qv->tx);
}

/**
 * igbx_rings_alloc() - allocate descriptor memory, buffers and page pools
 * @adapter: port
 * @cfg: what to build the rings for
 *
 * Return: 0 or a negative errno (nothing stays allocated then).
 */
int igbx_rings_alloc(struct igbx_adapter *adapter,
		     const struct igbx_ring_cfg *cfg)
{
	unsigned int v;
	int err;

	for (v = 0; v < adapter->num_qp; v++) {
		err = igbx_q_vector_rings_alloc(adapter->q_vector[v], cfg);
		if (err) {
			netdev_err(adapter->netdev,
				   "cannot allocate rings (%d)\n", err);
			igbx_rings_free(adapter);
			return err;
		}
	}
	return 0;
}

/**
 * igbx_rings_free() - free what igbx_rings_alloc() allocated
 * @adapter: port; safe to call twice
 */
void igbx_rings_free(struct igbx_adapter *adapter)
{
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++)
		igbx_q_vector_rings_free(adapter->q_vector[v]);
}

/**
 * struct igbx_ring_set - a new set of rings for every queue pair, built
 *	while the old set keeps running
 * @n: queue pairs
 * @qp: per queue pair, rings with the identity of the pair's own
 */
struct igbx_ring_set {
	unsigned int n;
	struct {
		struct igbx_ring tx;
		struct igbx_ring xdp;
		struct igbx_ring rx;
	} qp[];
};

/* Free a set's memory (its rings were never swapped in, or are empty). */
static void igbx_ring_set_free(struct igbx_ring_set *set)
{
	unsigned int v;

	for (v = 0; v < set->n; v++) {
		igbx_rx_ring_free(&set->qp[v].rx);
		igbx_tx_ring_free(&set->qp[v].xdp);
		igbx_tx_ring_free(&set->qp[v].tx);
	}
	kfree(set);
}

/**
 * igbx_rings_prepare() - allocate a complete new set of rings
 * @adapter: port, running on its current rings
 * @cfg: what the new rings are built for
 *
 * Nothing of the running port is touched.
 *
 * Return: the set, or an ERR_PTR (nothing stays allocated then).
 */
struct igbx_ring_set *igbx_rings_prepare(struct igbx_adapter *adapter,
					 const struct igbx_ring_cfg *cfg)
{
	unsigned int v, n = adapter->num_qp;
	struct igbx_ring_set *set;
	int err = 0;

	set = kzalloc(struct_size(set, qp, n), GFP_KERNEL);
	if (!set)
		return ERR_PTR(-ENOMEM);
	set->n = n;
	for (v = 0; v < n && !err; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];

		igbx_ring_init(&set->qp[v].tx, qv, v, qv->tx.reg_idx);
		igbx_ring_init(&set->qp[v].xdp, qv, v, qv->xdp.reg_idx);
		igbx_ring_init(&set->qp[v].rx, qv, v, qv->rx.reg_idx);
		err = igbx_tx_ring_alloc(&set->qp[v].tx, cfg->tx_count);
		if (!err)
			err = igbx_tx_ring_alloc(&set->qp[v].xdp, cfg->tx_count);
		if (!err)
			err = igbx_rx_ring_alloc(&set->qp[v].rx, cfg->rx_count,
						 cfg->xdp,
						 igbx_cfg_xsk_pool(qv, cfg));
		set->qp[v].xdp.xsk_pool = set->qp[v].rx.xsk_pool;
	}
	if (err) {
		igbx_ring_set_free(set);
		return ERR_PTR(err);
	}
	return set;
}

/**
 * igbx_rings_discard() - free a set that igbx_rings_prepare() built
 * @set: set, not committed
 */
void igbx_rings_discard(struct igbx_ring_set *set)
{
	igbx_ring_set_free(set);
}

/* Move a ring's memory (descriptors, buffers, pool) from @from to @to. */
static void igbx_ring_move(struct igbx_ring *to, struct igbx_ring *from)
{
	to->desc = from->desc;
	to->dma = from->dma;
	to->size = from->size;
	to->count = from->count;
	to->tx_buf = from->tx_buf;	/* same pointer as rx_page */
	to->pp = from->pp;
	to->xsk_pool = from->xsk_pool;
	to->rx_headroom = from->rx_headroom;
	to->rx_buf_len = from->rx_buf_len;
	to->xdp_rxq = from->xdp_rxq;	/* registered with from->pp */
	from->desc = NULL;
	from->tx_buf = NULL;
	from->pp = NULL;
	from->xsk_pool = NULL;
	memset(&from->xdp_rxq, 0, sizeof(from->xdp_rxq));
}

/**
 * igbx_rings_commit() - swap the port's rings for a prepared set
 * @adapter: port, stopped (igbx_down()), same queue pairs as the set
 * @set: set from igbx_rings_prepare(); consumed
 *
 * Cannot fail.  The rings' counters stay with the queue pairs.
 */
void igbx_rings_commit(struct igbx_adapter *adapter, struct igbx_ring_set *set)
{
	unsigned int v;

	for (v = 0; v < set->n; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];

		igbx_q_vector_rings_free(qv);
		igbx_ring_move(&qv->tx, &set->qp[v].tx);
		igbx_ring_move(&qv->xdp, &set->qp[v].xdp);
		igbx_ring_move(&qv->rx, &set->qp[v].rx);
	}
	igbx_ring_set_free(set);
}

static int igbx_queue_enable(struct igbx_hw *hw, u32 reg)
{
	u32 val;

	igbx_wr32(hw, reg, FIELD_PREP(IGBX_XDCTL_PTHRESH, 8) |
			   FIELD_PREP(IGBX_XDCTL_HTHRESH, 8) |
			   FIELD_PREP(IGBX_XDCTL_WTHRESH, 1) |
			   IGBX_XDCTL_ENABLE);
	return read_poll_timeout(igbx_rd32, val,
				 (val & IGBX_XDCTL_ENABLE) || igbx_removed(hw),
				 10, IGBX_QUEUE_ENABLE_US, false, hw, reg);
}

static void igbx_tx_ring_configure(struct igbx_adapter *adapter,
				   struct igbx_ring *ring)
{
	struct igbx_hw *hw = &adapter->hw;
	u16 q = ring->reg_idx;

	igbx_wr32(hw, IGBX_TXDCTL(q), 0);
	igbx_wr32(hw, IGBX_TDBAL(q), lower_32_bits(ring->dma));
	igbx_wr32(hw, IGBX_TDBAH(q), upper_32_bits(ring->dma));
	igbx_wr32(hw, IGBX_TDLEN(q), ring->count * sizeof(struct igbx_tx_desc));
	igbx_wr32(hw, IGBX_TDH(q), 0);
	igbx_wr32(hw, IGBX_TDT(q), 0);
	ring->tail = hw->hw_addr + IGBX_TDT(q);
	ring->tail_written = 0;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	ring->hang_ticks = 0;
	WRITE_ONCE(ring->stall, false);
	memset(ring->desc, 0, ring->size);
	if (igbx_queue_enable(hw, IGBX_TXDCTL(q)))
		netdev_err(ring->netdev, "TX queue %u did not enable\n", q);
}

static void igbx_rx_ring_configure(struct igbx_adapter *adapter,
				   struct igbx_ring *ring)
{
	struct igbx_hw *hw = &adapter->hw;
	u16 q = ring->reg_idx;

	igbx_wr32(hw, IGBX_RXDCTL(q), 0);
	igbx_wr32(hw, IGBX_RDBAL(q), lower_32_bits(ring->dma));
	igbx_wr32(hw, IGBX_RDBAH(q), upper_32_bits(ring->dma));
	igbx_wr32(hw, IGBX_RDLEN(q), ring->count * sizeof(union igbx_rx_desc));
	/* Drop when this queue has no buffer instead of stalling the rest. */
	igbx_wr32(hw, IGBX_SRRCTL(q),
		  FIELD_PREP(IGBX_SRRCTL_BSIZEPKT, ring->rx_buf_len / SZ_1K) |
		  FIELD_PREP(IGBX_SRRCTL_DESCTYPE, IGBX_DESCTYPE_ADV_ONEBUF) |
		  IGBX_SRRCTL_DROP_EN);
	igbx_wr32(hw, IGBX_RDH(q), 0);
	igbx_wr32(hw, IGBX_RDT(q), 0);
	ring->tail = hw->hw_addr + IGBX_RDT(q);
	ring->tail_written = 0;
	ring->next_to_use = 0;
	ring->next_to_clean = 0;
	memset(ring->desc, 0, ring->size);
	/* the pool's buffers learn the queue they arrive on, as it is now */
	if (ring->xsk_pool)
		xsk_pool_set_rxq_info(ring->xsk_pool, &ring->xdp_rxq);
	if (igbx_queue_enable(hw, IGBX_RXDCTL(q)))
		netdev_err(ring->netdev, "RX queue %u did not enable\n", q);
	igbx_rx_refill(ring, igbx_desc_unused(ring));
}

/**
 * igbx_rings_configure() - program and enable every ring, then RX and TX
 * @adapter: port with rings allocated
 */
void igbx_rings_configure(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_hw *hw = &adapter->hw;
	u32 rctl;
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++) {
		igbx_tx_ring_configure(adapter, &adapter->q_vector[v]->tx);
		igbx_tx_ring_configure(adapter, &adapter->q_vector[v]->xdp);
	}
	igbx_wr32(hw, IGBX_TCTL, IGBX_TCTL_EN | IGBX_TCTL_PSP | IGBX_TCTL_RTLC |
				 FIELD_PREP(IGBX_TCTL_CT, 15) |
				 FIELD_PREP(IGBX_TCTL_COLD, 63));

	rctl = igbx_rd32(hw, IGBX_RCTL);
	igbx_wr32(hw, IGBX_RCTL, rctl & ~IGBX_RCTL_EN);

	igbx_features_write(adapter, netdev->features);
	igbx_vfta_write(adapter);
	igbx_rss_write(adapter);
	igbx_set_rlpml(adapter);
	igbx_sriov_hw_write(adapter);

	for (v = 0; v < adapter->num_qp; v++)
		igbx_rx_ring_configure(adapter, &adapter->q_vector[v]->rx);

	/* keep the CRC/bad-frame choices igbx_features_write() made */
	rctl = igbx_rd32(hw, IGBX_RCTL) & (IGBX_RCTL_SECRC | IGBX_RCTL_SBP);
	igbx_wr32(hw, IGBX_RCTL, rctl | IGBX_RCTL_EN | IGBX_RCTL_BAM |
				 IGBX_RCTL_LPE);
	netif_addr_lock_bh(netdev);
	igbx_set_rx_mode(netdev);
	netif_addr_unlock_bh(netdev);
	igbx_flush(hw);
}

/**
 * igbx_rings_disable() - stop receive and transmit and every queue
 * @adapter: port
 */
void igbx_rings_disable(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int v;

	igbx_wr32(hw, IGBX_RCTL, igbx_rd32(hw, IGBX_RCTL) & ~IGBX_RCTL_EN);
	for (v = 0; v < adapter->num_qp; v++) {
		struct igbx_q_vector *qv = adapter->q_vector[v];

		igbx_wr32(hw, IGBX_RXDCTL(qv->rx.reg_idx), 0);
		igbx_wr32(hw, IGBX_TXDCTL(qv->tx.reg_idx), 0);
		igbx_wr32(hw, IGBX_TXDCTL(qv->xdp.reg_idx), 0);
	}
	igbx_wr32(hw, IGBX_TCTL, igbx_rd32(hw, IGBX_TCTL) & ~IGBX_TCTL_EN);
	igbx_flush(hw);
	/* Let DMA in flight finish before buffers are taken back. */
	usleep_range(10000, 20000);
}

/**
 * igbx_rings_clean() - take back every buffer from every ring
 * @adapter: port, rings disabled
 */
void igbx_rings_clean(struct igbx_adapter *adapter)
{
	unsigned int v;

	for (v = 0; v < adapter->num_qp; v++) {
		igbx_tx_ring_clean_all(&adapter->q_vector[v]->tx);
		igbx_xdp_ring_clean_all(&adapter->q_vector[v]->xdp);
		igbx_rx_ring_clean_all(&adapter->q_vector[v]->rx);
	}
}
