// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: PCI probe and remove, module entry points.
 *
 * Probe acquires resources in order and remove releases them in exactly the
 * reverse order; the unwind labels in probe are named for what they undo.
 */
#include <linux/module.h>

#include "igbx.h"

#define IGBX_DEFAULT_MSG (NETIF_MSG_DRV | NETIF_MSG_PROBE | NETIF_MSG_LINK)

/* 82576 copper parts; fibre/SerDes variants need PCS link code igbx lacks. */
static const struct pci_device_id igbx_pci_tbl[] = {
	{ PCI_VDEVICE(INTEL, 0x10C9) },	/* 82576 */
	{ PCI_VDEVICE(INTEL, 0x10E8) },	/* 82576 quad port copper */
	{ PCI_VDEVICE(INTEL, 0x1526) },	/* 82576 quad port copper ET2 */
	{ PCI_VDEVICE(INTEL, 0x150A) },	/* 82576NS */
	{ }
};
MODULE_DEVICE_TABLE(pci, igbx_pci_tbl);

static int igbx_set_dma_mask(struct pci_dev *pdev)
{
	int err;

	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(64));
	if (!err)
		return 0;
	err = dma_set_mask_and_coherent(&pdev->dev, DMA_BIT_MASK(32));
	if (err)
		dev_err(&pdev->dev, "no usable DMA configuration\n");
	else
		dev_info(&pdev->dev, "using 32-bit DMA\n");
	return err;
}

static int igbx_check_media(struct igbx_hw *hw)
{
	u32 mode = FIELD_GET(IGBX_CTRL_EXT_LINK_MODE,
			     igbx_rd32(hw, IGBX_CTRL_EXT));

	if (igbx_removed(hw))
		return -ENODEV;
	if (mode != IGBX_LINK_MODE_COPPER) {
		dev_err(hw->dev, "link mode %u is not copper; not supported\n",
			mode);
		return -EOPNOTSUPP;
	}
	return 0;
}

/* MAC address from the NVM, or a random one if the NVM's is unusable. */
static void igbx_init_mac_addr(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_hw *hw = &adapter->hw;
	int err;

	err = igbx_nvm_validate_checksum(hw);
	if (err)
		dev_warn(hw->dev, "NVM checksum is not valid (%d)\n", err);

	err = igbx_read_mac_addr(hw);
	if (!err && is_valid_ether_addr(hw->perm_addr)) {
		eth_hw_addr_set(netdev, hw->perm_addr);
		ether_addr_copy(netdev->perm_addr, hw->perm_addr);
	} else {
		eth_hw_addr_random(netdev);
		dev_warn(hw->dev, "invalid MAC address %pM in the NVM, using random %pM\n",
			 hw->perm_addr, netdev->dev_addr);
	}
	igbx_rar_set(hw, netdev->dev_addr, 0, 0);
}

static int igbx_probe(struct pci_dev *pdev, const struct pci_device_id *ent)
{
	struct igbx_adapter *adapter;
	struct net_device *netdev;
	struct igbx_hw *hw;
	int err;

	err = pcim_enable_device(pdev);
	if (err)
		return err;
	err = igbx_set_dma_mask(pdev);
	if (err)
		return err;
	err = pcim_iomap_regions(pdev, BIT(0), IGBX_DRV_NAME);
	if (err) {
		dev_err(&pdev->dev, "cannot map BAR0 (%d)\n", err);
		return err;
	}

	netdev = alloc_etherdev_mq(sizeof(*adapter), IGBX_MAX_QPAIRS);
	if (!netdev)
		return -ENOMEM;
	SET_NETDEV_DEV(netdev, &pdev->dev);
	adapter = netdev_priv(netdev);
	adapter->netdev = netdev;
	adapter->pdev = pdev;
	adapter->msg_enable = IGBX_DEFAULT_MSG;
	adapter->coal_usecs = IGBX_DEFAULT_ITR_US;
	igbx_link_modes_default(adapter->advertising);
	adapter->autoneg = true;
	adapter->rss_udp4 = true;
	adapter->rss_udp6 = true;
	adapter->fc_autoneg = true;
	adapter->fc_rx = true;
	adapter->fc_tx = true;
	pci_set_drvdata(pdev, adapter);

	hw = &adapter->hw;
	hw->dev = &pdev->dev;
	hw->device_id = pdev->device;
	hw->hw_addr = pcim_iomap_table(pdev)[0];
	hw->lan_id = FIELD_GET(IGBX_STATUS_LAN_ID, igbx_rd32(hw, IGBX_STATUS));

	err = igbx_check_media(hw);
	if (err)
		goto err_free_netdev;
	/*
	 * Reset before enabling bus mastering: a device that was never
	 * stopped (a driver that lost it, a wedged function brought back by
	 * a rescan) may still hold enabled rings pointing at freed memory.
	 */
	err = igbx_hw_reset(hw);
	if (err)
		goto err_free_netdev;
	pci_set_master(pdev);
	igbx_init_mac_addr(adapter);
	err = igbx_phy_init(hw);
	if (err)
		goto err_release_hw;
	err = igbx_irq_alloc(adapter);
	if (err)
		goto err_release_hw;
	err = igbx_q_vectors_alloc(adapter);
	if (err)
		goto err_free_irq_vectors;
	/* what PCIe error recovery restores after a reset of the link */
	pci_save_state(pdev);
	igbx_service_init(adapter);
	igbx_sriov_init(adapter);
	/* pool IGBX_PF_POOL is the PF's: one VF fewer than the device has */
	if (pdev->is_physfn)
		pci_sriov_set_totalvfs(pdev, IGBX_MAX_VFS);
	igbx_set_ethtool_ops(adapter->netdev);
	err = igbx_netdev_register(adapter);
	if (err)
		goto err_free_q_vectors;
	igbx_ptp_init(adapter);
	igbx_debugfs_init(adapter);

	netif_info(adapter, probe, netdev,
		   "82576 at %s, MAC %pM, PHY id %#010x, %u queue pairs, %u %s vectors\n",
		   pci_name(pdev), netdev->dev_addr, hw->phy_id,
		   adapter->num_qp, adapter->num_vectors,
		   adapter->irq_mode == IGBX_IRQ_MSIX ? "MSI-X" :
		   adapter->irq_mode == IGBX_IRQ_MSI ? "MSI" : "INTx");
	return 0;

err_free_q_vectors:
	igbx_q_vectors_free(adapter);
err_free_irq_vectors:
	igbx_irq_free(adapter);
err_release_hw:
	igbx_hw_release(hw);
err_free_netdev:
	free_netdev(netdev);
	return err;
}

static void igbx_remove(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	/* the VFs' drivers first: they talk to this PF */
	igbx_sriov_remove(adapter);
	igbx_debugfs_exit(adapter);
	igbx_ptp_stop(adapter);
	/*
	 * The device may no longer take register writes (gone, or wedged
	 * and answering zeros): cut its DMA at the bus before the rings it
	 * could still write to are freed.
	 */
	pci_clear_master(pdev);
	igbx_netdev_unregister(adapter);
	igbx_service_stop(adapter);
	igbx_q_vectors_free(adapter);
	igbx_irq_free(adapter);
	igbx_hw_release(&adapter->hw);
	free_netdev(adapter->netdev);
}

static struct pci_driver igbx_pci_driver = {
	.name		= IGBX_DRV_NAME,
	.id_table	= igbx_pci_tbl,
	.probe		= igbx_probe,
	.remove		= igbx_remove,
	.shutdown	= igbx_shutdown,
	.err_handler	= &igbx_err_handlers,
	.sriov_configure = igbx_sriov_configure,
	.driver.pm	= pm_sleep_ptr(&igbx_pm_ops),
};

static int __init igbx_init(void)
{
	return pci_register_driver(&igbx_pci_driver);
}
module_init(igbx_init);

static void __exit igbx_exit(void)
{
	pci_unregister_driver(&igbx_pci_driver);
	igbx_debugfs_cleanup();
}
module_exit(igbx_exit);

MODULE_DESCRIPTION("Intel 82576 Gigabit Ethernet driver (igbx)");
MODULE_LICENSE("GPL");
MODULE_VERSION(IGBX_DRV_VERSION);
