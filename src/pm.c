// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: power management and PCI error recovery.
 *
 * Every event here follows one pattern: igbx_offline() detaches the port
 * and stops it, the device is then suspended, reset or recovered by the
 * PCI core, and igbx_online() re-initialises it from the configuration the
 * driver keeps (net_device, adapter, rings).  The rings' memory and the
 * IRQs stay allocated throughout, so coming back cannot fail for lack of
 * memory.
 *
 * - System sleep (suspend/resume, hibernation's freeze/thaw and
 *   poweroff/restore): one pair of callbacks.  Wake-on-LAN is armed on the
 *   way down and disarmed on the way up (datasheet 5.6).
 * - Shutdown and kexec: the port stops, bus mastering is turned off, WoL
 *   is armed if set; a new kernel probes a quiet device.
 * - Function level reset (reset_prepare/reset_done): the PCI core saves
 *   and restores config space around the reset; the driver the rest.
 * - PCIe AER (pci_error_handlers): detected -> slot_reset -> resume.
 */
#include "igbx.h"
#include "trace.h"

/* --- Wake-on-LAN (datasheet 5.6, "Wake Up") ------------------------------- */

static u32 igbx_wufc(u32 wol)
{
	u32 wufc = 0;

	if (wol & WAKE_PHY)
		wufc |= IGBX_WUFC_LNKC;
	if (wol & WAKE_MAGIC)
		wufc |= IGBX_WUFC_MAG;
	if (wol & WAKE_UCAST)
		wufc |= IGBX_WUFC_EX;
	if (wol & WAKE_MCAST)
		wufc |= IGBX_WUFC_MC;
	if (wol & WAKE_BCAST)
		wufc |= IGBX_WUFC_BC;
	return wufc;
}

/*
 * ACPI wake-up (5.6.1): the filters in WUFC look at what the receive
 * filters accept, so the receiver stays on with our address in RAR[0], the
 * multicast table as the stack left it (all multicast for a multicast
 * wake-up) and broadcasts accepted.  Every queue is disabled, so nothing
 * reaches memory.  The PHY stays powered to receive.
 */
static void igbx_wol_arm(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct igbx_hw *hw = &adapter->hw;
	u32 wufc = igbx_wufc(adapter->wol);
	u32 rctl;

	if (!wufc) {
		igbx_wr32(hw, IGBX_WUFC, 0);
		igbx_wr32(hw, IGBX_WUC, 0);
		igbx_phy_power(hw, false);
		return;
	}
	igbx_phy_power(hw, true);
	igbx_rar_set(hw, netdev->dev_addr, 0, igbx_pf_pools(adapter));
	netif_addr_lock_bh(netdev);
	igbx_rx_mode_write(netdev, netdev->features);
	netif_addr_unlock_bh(netdev);
	rctl = igbx_rd32(hw, IGBX_RCTL) | IGBX_RCTL_EN | IGBX_RCTL_BAM;
	if (wufc & IGBX_WUFC_MC)
		rctl |= IGBX_RCTL_MPE;
	igbx_wr32(hw, IGBX_RCTL, rctl);
	igbx_wr32(hw, IGBX_CTRL, igbx_rd32(hw, IGBX_CTRL) | IGBX_CTRL_ADVD3WUC);
	igbx_wr32(hw, IGBX_WUFC, wufc);
	igbx_wr32(hw, IGBX_WUC, IGBX_WUC_PME_EN);
	trace_igbx_wol(netdev, true, igbx_rd32(hw, IGBX_WUC),
		       igbx_rd32(hw, IGBX_WUFC), 0);
}

/* Wake-up status and control survive a software reset: read and clear. */
static void igbx_wol_disarm(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	u32 wus = igbx_rd32(hw, IGBX_WUS);

	if (igbx_removed(hw))
		return;
	if (wus)
		netdev_info(adapter->netdev, "wake-up status %#x\n", wus);
	igbx_wr32(hw, IGBX_WUS, wus);	/* write 1 clears */
	igbx_wr32(hw, IGBX_WUC, 0);
	igbx_wr32(hw, IGBX_WUFC, 0);
	trace_igbx_wol(adapter->netdev, false, igbx_rd32(hw, IGBX_WUC),
		       igbx_rd32(hw, IGBX_WUFC), wus);
}

/**
 * igbx_wol_set() - choose the wake-up sources (ethtool -s wol)
 * @adapter: port
 * @wol: WAKE_* bits, within IGBX_WOL_MODES
 *
 * Armed at suspend and shutdown.  The device can only wake the system if
 * its function signals PME; without that the filters are armed all the
 * same and a warning says the system will not wake.
 */
void igbx_wol_set(struct igbx_adapter *adapter, u32 wol)
{
	struct device *dev = &adapter->pdev->dev;

	adapter->wol = wol;
	if (!device_can_wakeup(dev)) {
		if (wol)
			netdev_warn(adapter->netdev,
				    "the PCI function cannot signal PME: wake-up filters are armed at suspend, but cannot wake the system\n");
		return;
	}
	device_set_wakeup_enable(dev, !!wol);
}

/* --- system sleep ---------------------------------------------------------- */

/* Also hibernation's freeze and poweroff: the same state to leave behind. */
static int igbx_suspend(struct device *dev)
{
	struct igbx_adapter *adapter = dev_get_drvdata(dev);

	igbx_offline(adapter);
	if (!igbx_removed(&adapter->hw)) {
		igbx_wol_arm(adapter);
		igbx_hw_release(&adapter->hw);
	}
	/* the PCI core saves config space and chooses the power state */
	return 0;
}

/* Also thaw and restore; the device may have been powered off. */
static int igbx_resume(struct device *dev)
{
	struct igbx_adapter *adapter = dev_get_drvdata(dev);
	int err;

	igbx_wol_disarm(adapter);
	err = igbx_online(adapter, true);
	if (!err)
		adapter->pm_resumes++;
	return err;
}

/* System sleep: suspend, resume, freeze, thaw, poweroff, restore. */
DEFINE_SIMPLE_DEV_PM_OPS(igbx_pm_ops, igbx_suspend, igbx_resume);

/**
 * igbx_shutdown() - reboot, power off, kexec: leave the device quiet
 * @pdev: our PCI function
 *
 * No DMA (rings disabled, bus mastering off) and no interrupts; wake-up
 * armed if the user asked for it.  The port stays detached: a driver that
 * probes the function next (after kexec, or after unbind and bind) finds
 * it as after a reset.
 */
void igbx_shutdown(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	igbx_offline(adapter);
	if (!igbx_removed(&adapter->hw)) {
		igbx_wol_arm(adapter);
		igbx_hw_release(&adapter->hw);
	}
	pci_wake_from_d3(pdev, adapter->wol && device_may_wakeup(&pdev->dev));
	pci_clear_master(pdev);
	if (system_state == SYSTEM_POWER_OFF)
		pci_set_power_state(pdev, PCI_D3hot);
}

/* --- function level reset ---------------------------------------------- */

static void igbx_reset_prepare(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	netdev_info(adapter->netdev, "function reset: stopping the port\n");
	igbx_offline(adapter);
}

static void igbx_reset_done(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	if (igbx_online(adapter, true))
		return;
	adapter->pci_resets++;
	netdev_info(adapter->netdev, "function reset done, port restored\n");
}

/* --- PCIe error recovery (AER) ------------------------------------------ */

static pci_ers_result_t igbx_io_error_detected(struct pci_dev *pdev,
					       pci_channel_state_t state)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);
	bool lost = state == pci_channel_io_perm_failure;

	netdev_err(adapter->netdev, "PCIe error (channel %s), %s\n",
		   state == pci_channel_io_normal ? "normal" :
		   state == pci_channel_io_frozen ? "frozen" : "lost",
		   lost ? "giving up the device" : "stopping for a reset");
	igbx_offline(adapter);
	if (lost)
		return PCI_ERS_RESULT_DISCONNECT;
	if (pci_is_enabled(pdev))
		pci_disable_device(pdev);
	return PCI_ERS_RESULT_NEED_RESET;
}

static pci_ers_result_t igbx_io_slot_reset(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);
	struct igbx_hw *hw = &adapter->hw;
	int err;

	err = pci_enable_device_mem(pdev);
	if (err) {
		dev_err(&pdev->dev, "cannot re-enable after the reset (%d)\n",
			err);
		return PCI_ERS_RESULT_DISCONNECT;
	}
	pci_set_master(pdev);
	pci_restore_state(pdev);
	pci_save_state(pdev);
	pci_wake_from_d3(pdev, false);
	/*
	 * Reads during the error may have found the device all-ones and
	 * taken it for gone; the link is back now.
	 */
	if (!READ_ONCE(hw->bus_error)) {
		WRITE_ONCE(hw->hw_addr, pcim_iomap_table(pdev)[0]);
		clear_bit(IGBX_STATE_REMOVED, adapter->state);
	}
	err = igbx_hw_reset(hw);
	if (err) {
		dev_err(&pdev->dev, "reset after the PCIe error failed (%d)\n",
			err);
		return PCI_ERS_RESULT_DISCONNECT;
	}
	return PCI_ERS_RESULT_RECOVERED;
}

static void igbx_io_resume(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	if (igbx_online(adapter, false))
		return;
	adapter->pci_recoveries++;
	netdev_info(adapter->netdev, "recovered from the PCIe error\n");
}

#ifdef IGBX_HAVE_COR_ERROR_DETECTED
static void igbx_io_cor_error(struct pci_dev *pdev)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);
	u64 n = atomic64_inc_return(&adapter->pci_cor_errors);

	if (net_ratelimit())
		netdev_warn(adapter->netdev, "PCIe correctable error (%llu so far)\n",
			    n);
}
#endif

/* PCIe error recovery and function reset. */
const struct pci_error_handlers igbx_err_handlers = {
	.error_detected	= igbx_io_error_detected,
	.slot_reset	= igbx_io_slot_reset,
	.resume		= igbx_io_resume,
	.reset_prepare	= igbx_reset_prepare,
	.reset_done	= igbx_reset_done,
#ifdef IGBX_HAVE_COR_ERROR_DETECTED
	.cor_error_detected = igbx_io_cor_error,
#endif
};
