// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: interrupt vectors.
 *
 * The 82576 runs in MSI-X mode (GPIE.MSIX_MODE, datasheet 7.3): each EICR bit
 * is one MSI-X vector, and the IVAR registers route causes to vectors.
 * Vector IGBX_MISC_VECTOR takes the "other" ICR causes (link change) through
 * IVAR_MISC.  EIAC clears a vector's EICR bit when its message is sent and
 * EIAM (with GPIE.EIAME) masks it; each handler re-enables its vector in
 * EIMS when it is done.
 */
#include <linux/interrupt.h>

#include "igbx.h"

static u32 igbx_misc_eims(void)
{
	return BIT(IGBX_MISC_VECTOR);
}

/**
 * igbx_irq_alloc() - allocate the MSI-X vectors
 * @adapter: port
 *
 * Return: 0 or a negative errno.
 */
int igbx_irq_alloc(struct igbx_adapter *adapter)
{
	int n;

	n = pci_alloc_irq_vectors(adapter->pdev, 1, 1, PCI_IRQ_MSIX);
	if (n < 0) {
		dev_err(&adapter->pdev->dev, "cannot enable MSI-X (%d)\n", n);
		return n;
	}
	adapter->num_vectors = n;
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
	if (icr == ~0U || (icr & IGBX_ICR_LSC))
		igbx_service_schedule(adapter);

	if (!test_bit(IGBX_STATE_DOWN, adapter->state))
		igbx_wr32(hw, IGBX_EIMS, igbx_misc_eims());
	return IRQ_HANDLED;
}

/**
 * igbx_irq_request() - install the interrupt handlers
 * @adapter: port
 *
 * Return: 0 or a negative errno.
 */
int igbx_irq_request(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	int irq, err;

	irq = pci_irq_vector(adapter->pdev, IGBX_MISC_VECTOR);
	snprintf(adapter->misc_name, sizeof(adapter->misc_name), "%s-other",
		 netdev->name);
	err = request_irq(irq, igbx_misc_irq, 0, adapter->misc_name, adapter);
	if (err)
		netdev_err(netdev, "cannot request IRQ %d (%d)\n", irq, err);
	return err;
}

/**
 * igbx_irq_release() - remove the interrupt handlers
 * @adapter: port
 */
void igbx_irq_release(struct igbx_adapter *adapter)
{
	free_irq(pci_irq_vector(adapter->pdev, IGBX_MISC_VECTOR), adapter);
}

/**
 * igbx_irq_enable() - route causes to vectors and unmask them
 * @adapter: port
 */
void igbx_irq_enable(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	u32 eims = igbx_misc_eims();

	/* GPIE first: EIAC/EIAM are only meaningful in MSI-X mode. */
	igbx_wr32(hw, IGBX_GPIE, IGBX_GPIE_MSIX_MODE | IGBX_GPIE_EIAME |
				 IGBX_GPIE_PBA | IGBX_GPIE_NSICR);
	igbx_wr32(hw, IGBX_IVAR_MISC,
		  FIELD_PREP(IGBX_IVAR_MISC_OTHER,
			     FIELD_PREP(IGBX_IVAR_VECTOR, IGBX_MISC_VECTOR) |
			     IGBX_IVAR_VALID));
	igbx_wr32(hw, IGBX_EIAC, eims);
	igbx_wr32(hw, IGBX_EIAM, eims);
	igbx_wr32(hw, IGBX_IMS, IGBX_ICR_LSC);
	igbx_wr32(hw, IGBX_EIMS, eims);
	igbx_flush(hw);
}

/**
 * igbx_irq_disable() - mask every cause and wait for running handlers
 * @adapter: port
 */
void igbx_irq_disable(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i;

	igbx_wr32(hw, IGBX_EIMC, ~0U);
	igbx_wr32(hw, IGBX_IMC, ~0U);
	igbx_wr32(hw, IGBX_EIAC, 0);
	igbx_flush(hw);
	for (i = 0; i < adapter->num_vectors; i++)
		synchronize_irq(pci_irq_vector(adapter->pdev, i));
}
