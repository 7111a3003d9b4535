// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: debugfs fault knobs, for tests.
 *
 * /sys/kernel/debug/igbx/<pci address>/tx_stall: write a queue number to
 * stop cleaning that TX ring (a simulated Tx hang; the hang detector then
 * resets the port, which clears the knob); read to see the stalled ones.
 *
 * /sys/kernel/debug/igbx/<pci address>/rx_alloc_fail: the next N receive
 * buffer allocations fail (0 stops it; reads the number left).
 * tx_map_fail: the same for transmit DMA mappings.
 *
 * rx_bad_len, rx_no_eop: the next N receive descriptors read as if the
 * device had written a length larger than the buffer, or had left out
 * end-of-packet (a frame running on past the ring).
 *
 * bus_error: write 1 to take the device off the bus as a surprise removal
 * would: memory decoding and bus mastering are turned off in its command
 * register and register reads return all-ones, as a PCIe root port
 * completes them for a device that is gone.  The port then detaches; only
 * removing the PCI device (sysfs remove, then rescan) brings it back.
 *
 * shutdown: write 1 to run the driver's shutdown callback as a reboot or
 * kexec would (the port stays detached; unbind and bind the driver to get
 * it back).
 *
 * The counting knobs are checked in the hot path only once one of them has
 * been armed: igbx_faults_armed is a static key, so until then each check
 * is a no-op jump.  It stays on once set (until the module unloads).
 */
#include <linux/debugfs.h>

#include "igbx.h"

DEFINE_STATIC_KEY_FALSE(igbx_faults_armed);

static struct dentry *igbx_debugfs_root;

static int igbx_fault_get(void *data, u64 *val)
{
	*val = atomic_read((atomic_t *)data);
	return 0;
}

static int igbx_fault_set(void *data, u64 val)
{
	if (val > INT_MAX)
		return -EINVAL;
	/* The key first: a count the hot path cannot see yet is harmless. */
	if (val)
		static_branch_enable(&igbx_faults_armed);
	atomic_set((atomic_t *)data, val);
	return 0;
}

DEFINE_DEBUGFS_ATTRIBUTE(igbx_fault_fops, igbx_fault_get, igbx_fault_set,
			 "%llu\n");

static void igbx_fault_knob(struct igbx_adapter *adapter, const char *name,
			    atomic_t *knob)
{
	debugfs_create_file_unsafe(name, 0600, adapter->debugfs, knob,
				   &igbx_fault_fops);
}

static ssize_t igbx_tx_stall_write(struct file *file, const char __user *ubuf,
				   size_t len, loff_t *ppos)
{
	struct igbx_adapter *adapter = file->private_data;
	unsigned int q;
	int err;

	err = kstrtouint_from_user(ubuf, len, 0, &q);
	if (err)
		return err;
	rtnl_lock();
	if (q >= adapter->num_qp || !netif_running(adapter->netdev)) {
		rtnl_unlock();
		return -EINVAL;
	}
	WRITE_ONCE(adapter->q_vector[q]->tx.stall, true);
	rtnl_unlock();
	return len;
}

static ssize_t igbx_tx_stall_read(struct file *file, char __user *ubuf,
				  size_t len, loff_t *ppos)
{
	struct igbx_adapter *adapter = file->private_data;
	char buf[IGBX_MAX_QPAIRS * 3 + 2];
	unsigned int q, n = 0;

	rtnl_lock();
	for (q = 0; q < adapter->num_qp; q++)
		if (READ_ONCE(adapter->q_vector[q]->tx.stall))
			n += scnprintf(buf + n, sizeof(buf) - n, "%u ", q);
	rtnl_unlock();
	n += scnprintf(buf + n, sizeof(buf) - n, "\n");
	return simple_read_from_buffer(ubuf, len, ppos, buf, n);
}

static const struct file_operations igbx_tx_stall_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.read	= igbx_tx_stall_read,
	.write	= igbx_tx_stall_write,
	.llseek	= default_llseek,
};

static ssize_t igbx_bus_error_write(struct file *file,
				    const char __user *ubuf, size_t len,
				    loff_t *ppos)
{
	struct igbx_adapter *adapter = file->private_data;
	struct pci_dev *pdev = adapter->pdev;
	bool on;
	u16 cmd;
	int err;

	err = kstrtobool_from_user(ubuf, len, &on);
	if (err)
		return err;
	if (!on)
		return -EINVAL;	/* a removed device does not come back */
	pci_read_config_word(pdev, PCI_COMMAND, &cmd);
	pci_write_config_word(pdev, PCI_COMMAND,
			      cmd & ~(PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER));
	WRITE_ONCE(adapter->hw.bus_error, true);
	dev_warn(&pdev->dev, "debugfs: device taken off the bus\n");
	return len;
}

static const struct file_operations igbx_bus_error_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.write	= igbx_bus_error_write,
	.llseek	= default_llseek,
};

static ssize_t igbx_shutdown_write(struct file *file, const char __user *ubuf,
				   size_t len, loff_t *ppos)
{
	struct igbx_adapter *adapter = file->private_data;
	bool on;
	int err;

	err = kstrtobool_from_user(ubuf, len, &on);
	if (err)
		return err;
	if (!on)
		return -EINVAL;
	dev_warn(&adapter->pdev->dev, "debugfs: shutdown\n");
	igbx_shutdown(adapter->pdev);
	return len;
}

static const struct file_operations igbx_shutdown_fops = {
	.owner	= THIS_MODULE,
	.open	= simple_open,
	.write	= igbx_shutdown_write,
	.llseek	= default_llseek,
};

/**
 * igbx_debugfs_init() - create the port's debugfs directory
 * @adapter: port
 */
void igbx_debugfs_init(struct igbx_adapter *adapter)
{
	if (!igbx_debugfs_root)
		igbx_debugfs_root = debugfs_create_dir(IGBX_DRV_NAME, NULL);
	adapter->debugfs = debugfs_create_dir(pci_name(adapter->pdev),
					      igbx_debugfs_root);
	debugfs_create_file("tx_stall", 0600, adapter->debugfs, adapter,
			    &igbx_tx_stall_fops);
	igbx_fault_knob(adapter, "rx_alloc_fail", &adapter->fault_rx_alloc);
	igbx_fault_knob(adapter, "tx_map_fail", &adapter->fault_tx_map);
	igbx_fault_knob(adapter, "rx_bad_len", &adapter->fault_rx_bad_len);
	igbx_fault_knob(adapter, "rx_no_eop", &adapter->fault_rx_no_eop);
	debugfs_create_file("bus_error", 0200, adapter->debugfs, adapter,
			    &igbx_bus_error_fops);
	debugfs_create_file("shutdown", 0200, adapter->debugfs, adapter,
			    &igbx_shutdown_fops);
}

/**
 * igbx_debugfs_exit() - remove the port's debugfs directory
 * @adapter: port
 */
void igbx_debugfs_exit(struct igbx_adapter *adapter)
{
	debugfs_remove_recursive(adapter->debugfs);
	adapter->debugfs = NULL;
}

/**
 * igbx_debugfs_cleanup() - remove the driver's debugfs root at unload
 */
void igbx_debugfs_cleanup(void)
{
	debugfs_remove_recursive(igbx_debugfs_root);
	igbx_debugfs_root = NULL;
}
