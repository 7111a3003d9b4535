// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: interrupt vectors.
 *
 * The 82576 runs in MSI-X mode (GPIE.MSIX_MODE, datasheet 7.3): each EICR bit
 * is one MSI-X vector, and the IVAR registers route causes to vectors.
 * Vector IGBX_MISC_VECTOR takes the "other" ICR causes (link change) through
 * IVAR_MISC; vectors 1..num_qp each take one RX/TX queue pair.  EIAC clears
 * a vector's EICR bit when its message is sent, and EIAM (with GPIE.EIAME)
 * masks it until the handler - or NAPI, once done - re-enables it in EIMS.
 */
#include <linux/interrupt.h>

#include "igbx.h"

static u32 igbx_misc_eims(void)
{
	return BIT(IGBX_MISC_VECTOR);
}

static u32 igbx_all_eims(const struct igbx_adapter *adapter)
{
	return GENMASK(adapter->num_qp, 0);
}

/**
 * igbx_irq_alloc() - allocate interrupt vectors and size the queue pairs
 * @adapter: port
 *
 * MSI-X: one vector for other causes plus one per queue pair, up to one
 * pair per online CPU (and IGBX_MAX_QPAIRS); fewer vectors mean fewer
 * pairs.  Without MSI-X, one MSI or INTx line serves one queue pair and
 * every other cause.
 *
 * Return: 0 or a negative errno.
 */
int igbx_irq_alloc(struct igbx_adapter *adapter)
{
	unsigned int want = 1 + min_t(unsigned int, num_online_cpus(),
				      IGBX_MAX_QPAIRS);
	struct pci_dev *pdev = adapter->pdev;
	int n;

	n = pci_alloc_irq_vectors(pdev, 2, want, PCI_IRQ_MSIX);
	if (n > 0) {
		adapter->irq_mode = IGBX_IRQ_MSIX;
		adapter->num_vectors = n;
		adapter->num_qp = n - 1;
		return 0;
	}

	n = pci_alloc_irq_vectors(pdev, 1, 1, PCI_IRQ_MSI | PCI_IRQ_INTX);
	if (n < 0) {
		dev_err(&pdev->dev, "no usable interrupt (%d)\n", n);
		return n;
	}
	adapter->irq_mode = pdev->msi_enabled ? IGBX_IRQ_MSI : IGBX_IRQ_INTX;
	adapter->num_vectors = 1;
	adapter->num_qp = 1;
	dev_warn(&pdev->dev, "MSI-X unavailable, using %s with one queue pair\n",
		 adapter->irq_mode == IGBX_IRQ_MSI ? "MSI" : "INTx");
	return 0;
}

/**
 * igbx_irq_free() - give back the MSI-X vectors; safe to call twice
 * @adapter: port
 */
void igbx_irq_free(struct igbx_adapter *adapter)
{
	if (!adapter->num_vectors)
		return;
	pci_free_irq_vectors(adapter->pdev);
	adapter->num_vectors = 0;
}

static irqreturn_t igbx_misc_irq(int irq, void *data)
{
	struct igbx_adapter *adapter = data;
	struct igbx_hw *hw = &adapter->hw;
	u32 icr;

	/* With GPIE.NSICR set, reading ICR acknowledges every cause. */
	icr = igbx_rd32(hw, IGBX_ICR);
	trace_igbx_irq(adapter->netdev, IGBX_MISC_VECTOR, irq);
	if (icr == ~0U || (icr & IGBX_ICR_LSC))
		igbx_service_schedule(adapter);
	if (icr & IGBX_ICR_VMMB && adapter->sriov.num_vfs)
		mod_delayed_work(system_unbound_wq, &adapter->sriov.mbx_task, 0);

	if (!test_bit(IGBX_STATE_DOWN, adapter->state))
		igbx_wr32(hw, IGBX_EIMS, igbx_misc_eims());
	return IRQ_HANDLED;
}

/* The vector is auto-masked (EIAM); NAPI unmasks it when it is done. */
static irqreturn_t igbx_queue_irq(int irq, void *data)
{
	struct igbx_q_vector *q_vector = data;

	trace_igbx_irq(q_vector->adapter->netdev, q_vector->v_idx, irq);
	napi_schedule_irqoff(&q_vector->napi);
	return IRQ_HANDLED;
}

/*
 * MSI or INTx: one line for everything.  ICR says what happened (reading it
 * acknowledges it); INT_ASSERTED tells a shared INTx line that it was us.
 * Queue causes are masked until NAPI is done (igbx_irq_rearm()).
 */
static irqreturn_t igbx_intx_irq(int irq, void *data)
{
	struct igbx_adapter *adapter = data;
	struct igbx_hw *hw = &adapter->hw;
	u32 icr;

	icr = igbx_rd32(hw, IGBX_ICR);
	if (icr == ~0U) {
		igbx_service_schedule(adapter);
		return IRQ_HANDLED;
	}
	if (!(icr & IGBX_ICR_INT_ASSERTED))
		return IRQ_NONE;
	trace_igbx_irq(adapter->netdev, 0, irq);
	igbx_wr32(hw, IGBX_EICR, ~0U);	/* write-1-to-clear */

	if (icr & IGBX_ICR_LSC)
		igbx_service_schedule(adapter);
	if (!test_bit(IGBX_STATE_DOWN, adapter->state)) {
		igbx_wr32(hw, IGBX_IMC, IGBX_ICR_QUEUE);
		igbx_wr32(hw, IGBX_EIMC, BIT(0));
		napi_schedule_irqoff(&adapter->q_vector[0]->napi);
	}
	return IRQ_HANDLED;
}

static int igbx_irq_request_line(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	int irq = pci_irq_vector(adapter->pdev, 0), err;

	snprintf(adapter->misc_name, sizeof(adapter->misc_name), "%s",
		 netdev->name);
	err = request_irq(irq, igbx_intx_irq,
			  adapter->irq_mode == IGBX_IRQ_INTX ? IRQF_SHARED : 0,
			  adapter->misc_name, adapter);
	if (err)
		netdev_err(netdev, "cannot request IRQ %d (%d)\n", irq, err);
	return err;
}

/**
 * igbx_irq_request_qv() - install one queue-pair vector's MSI-X handler
 * @qv: vector
 *
 * Return: 0 or a negative errno.
 */
int igbx_irq_request_qv(struct igbx_q_vector *qv)
{
	struct igbx_adapter *adapter = qv->adapter;
	struct pci_dev *pdev = adapter->pdev;
	int irq = pci_irq_vector(pdev, qv->v_idx), err;
	unsigned int cpu;

	snprintf(qv->name, sizeof(qv->name), "%s-TxRx-%u",
		 adapter->netdev->name, qv->rx.index);
	err = request_irq(irq, igbx_queue_irq, 0, qv->name, qv);
	if (err) {
		netdev_err(adapter->netdev, "cannot request IRQ %d (%d)\n", irq,
			   err);
		return err;
	}
	cpu = cpumask_local_spread(qv->rx.index, dev_to_node(&pdev->dev));
	irq_update_affinity_hint(irq, get_cpu_mask(cpu));
	return 0;
}

/**
 * igbx_irq_release_qv() - remove one queue-pair vector's MSI-X handler
 * @qv: vector
 */
void igbx_irq_release_qv(struct igbx_q_vector *qv)
{
	int irq = pci_irq_vector(qv->adapter->pdev, qv->v_idx);

	irq_update_affinity_hint(irq, NULL);
	free_irq(irq, qv);
}

/**
 * igbx_irq_request() - install the interrupt handlers
 * @adapter: port
 *
 * Return: 0 or a negative errno (nothing stays installed then).
 */
int igbx_irq_request(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct pci_dev *pdev = adapter->pdev;
	unsigned int v;
	int irq, err;

	if (adapter->irq_mode != IGBX_IRQ_MSIX)
		return igbx_irq_request_line(adapter);

	irq = pci_irq_vector(pdev, IGBX_MISC_VECTOR);
	snprintf(adapter->misc_name, sizeof(adapter->misc_name), "%s-other",
		 netdev->name);
	err = request_irq(irq, igbx_misc_irq, 0, adapter->misc_name, adapter);
	if (err) {
		netdev_err(netdev, "cannot request IRQ %d (%d)\n", irq, err);
		return err;
	}

	for (v = 0; v < adapter->num_qp; v++) {
		err = igbx_irq_request_qv(adapter->q_vector[v]);
		if (err)
			goto err_free;
	}
	return 0;

err_free:
	while (v--)
		igbx_irq_release_qv(adapter->q_vector[v]);
	free_irq(pci_irq_vector(pdev, IGBX_MISC_VECTOR), adapter);
	return err;
}

/**
 * igbx_irq_release() - remove the interrupt handlers
 * @adapter: port
 */
void igbx_irq_release(struct igbx_adapter *adapter)
{
	struct pci_dev *pdev = adapter->pdev;
	unsigned int v;

	if (adapter->irq_mode != IGBX_IRQ_MSIX) {
		free_irq(pci_irq_vector(pdev, 0), adapter);
		return;
	}
	for (v = 0; v < adapter->num_qp; v++)
		igbx_irq_release_qv(adapter->q_vector[v]);
	free_irq(pci_irq_vector(pdev, IGBX_MISC_VECTOR), adapter);
}

/*
 * IVAR(n) holds four causes, one byte each (vector | valid): RX queue n,
 * TX queue n, RX queue n + 8, TX queue n + 8 (datasheet 8.8.15).
 */
static void igbx_ivar_set(struct igbx_hw *hw, unsigned int queue, bool tx,
			  unsigned int vector)
{
	unsigned int shift = (queue >= 8 ? 16 : 0) + (tx ? 8 : 0);
	u32 reg = IGBX_IVAR(queue % 8);
	u32 ivar = igbx_rd32(hw, reg);

	ivar &= ~(0xffU << shift);
	ivar |= (FIELD_PREP(IGBX_IVAR_VECTOR, vector) | IGBX_IVAR_VALID) <<
		shift;
	igbx_wr32(hw, reg, ivar);
}

/**
 * igbx_irq_write_itr() - program a vector's interrupt throttling interval
 * @q_vector: vector
 */
void igbx_irq_write_itr(struct igbx_q_vector *q_vector)
{
	igbx_wr32(&q_vector->adapter->hw, IGBX_EITR(q_vector->v_idx),
		  FIELD_PREP(IGBX_EITR_INTERVAL, q_vector->itr_us) |
		  IGBX_EITR_CNT_IGNR);
}

/**
 * igbx_irq_enable() - route causes to vectors and unmask them
 * @adapter: port
 */
void igbx_irq_enable(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	u32 eims = igbx_all_eims(adapter);
	struct igbx_q_vector *qv;
	unsigned int v;

	if (adapter->irq_mode != IGBX_IRQ_MSIX) {
		/*
		 * One line: queue 0's causes still go through IVAR (to EICR
		 * bit 0), everything is signalled through ICR.
		 */
		qv = adapter->q_vector[0];
		igbx_wr32(hw, IGBX_GPIE, 0);
		igbx_ivar_set(hw, qv->rx.reg_idx, false, 0);
		igbx_ivar_set(hw, qv->tx.reg_idx, true, 0);
		igbx_ivar_set(hw, qv->xdp.reg_idx, true, 0);
		igbx_irq_write_itr(qv);	/* v_idx is 0 here */
		igbx_wr32(hw, IGBX_IMS, IGBX_ICR_LSC | IGBX_ICR_QUEUE);
		igbx_wr32(hw, IGBX_EIMS, BIT(0));
		igbx_flush(hw);
		return;
	}

	/* GPIE first: EIAC/EIAM are only meaningful in MSI-X mode. */
	igbx_wr32(hw, IGBX_GPIE, IGBX_GPIE_MSIX_MODE | IGBX_GPIE_EIAME |
				 IGBX_GPIE_PBA | IGBX_GPIE_NSICR);
	igbx_wr32(hw, IGBX_IVAR_MISC,
		  FIELD_PREP(IGBX_IVAR_MISC_OTHER,
			     FIELD_PREP(IGBX_IVAR_VECTOR, IGBX_MISC_VECTOR) |
			     IGBX_IVAR_VALID));
	for (v = 0; v < adapter->num_qp; v++) {
		qv = adapter->q_vector[v];
		igbx_ivar_set(hw, qv->rx.reg_idx, false, qv->v_idx);
		igbx_ivar_set(hw, qv->tx.reg_idx, true, qv->v_idx);
		/* the pair's XDP TX ring completes on the same vector */
		igbx_ivar_set(hw, qv->xdp.reg_idx, true, qv->v_idx);
		igbx_irq_write_itr(qv);
	}
	/* the VFs' vectors are theirs: only the PF's bits change */
	igbx_wr32(hw, IGBX_EIAC, (igbx_rd32(hw, IGBX_EIAC) &
				  ~igbx_pf_eicr_mask(adapter)) | eims);
	igbx_wr32(hw, IGBX_EIAM, (igbx_rd32(hw, IGBX_EIAM) &
				  ~igbx_pf_eicr_mask(adapter)) | eims);
	igbx_wr32(hw, IGBX_IMS, IGBX_ICR_LSC |
				(adapter->sriov.num_vfs ? IGBX_ICR_VMMB : 0));
	igbx_wr32(hw, IGBX_EIMS, eims);
	igbx_flush(hw);
}

/**
 * igbx_irq_kick() - raise a vector's interrupt from software
 * @q_vector: vector; its NAPI runs as if the device had signalled
 *
 * EICS in MSI-X mode; with one line, ICS with the RX-descriptor-minimum
 * cause, which the queue interrupt handler also serves.
 */
void igbx_irq_kick(struct igbx_q_vector *q_vector)
{
	struct igbx_adapter *adapter = q_vector->adapter;
	struct igbx_hw *hw = &adapter->hw;

	if (adapter->irq_mode == IGBX_IRQ_MSIX)
		igbx_wr32(hw, IGBX_EICS, BIT(q_vector->v_idx));
	else
		igbx_wr32(hw, IGBX_ICS, IGBX_ICR_RXDMT0);
}

/**
 * igbx_irq_rearm() - unmask a vector's queue causes after NAPI completed
 * @q_vector: vector
 */
void igbx_irq_rearm(struct igbx_q_vector *q_vector)
{
	struct igbx_adapter *adapter = q_vector->adapter;
	struct igbx_hw *hw = &adapter->hw;

	if (likely(adapter->irq_mode == IGBX_IRQ_MSIX)) {
		igbx_wr32(hw, IGBX_EIMS, BIT(q_vector->v_idx));
		return;
	}
	igbx_wr32(hw, IGBX_EIMS, BIT(0));
	igbx_wr32(hw, IGBX_IMS, IGBX_ICR_QUEUE);
}

/**
 * igbx_irq_disable() - mask every cause and wait for running handlers
 * @adapter: port
 */
void igbx_irq_disable(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i;

	igbx_wr32(hw, IGBX_EIMC, igbx_pf_eicr_mask(adapter));
	igbx_wr32(hw, IGBX_IMC, ~0U);
	igbx_wr32(hw, IGBX_EIAC,
		  igbx_rd32(hw, IGBX_EIAC) & ~igbx_pf_eicr_mask(adapter));
	igbx_flush(hw);
	for (i = 0; i < adapter->num_vectors; i++)
		synchronize_irq(pci_irq_vector(adapter->pdev, i));
}
