/* SPDX-License-Identifier: GPL-2.0 */
/* igbx: driver-private structures shared by the driver's files. */
#ifndef _IGBX_H_
#define _IGBX_H_

#include <linux/bitfield.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/io.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/workqueue.h>

#include "igbx_compat.h"
#include "igbx_regs.h"

#define IGBX_DRV_NAME		"igbx"
#define IGBX_DRV_VERSION	"0.1.0"

/* MSI-X vector 0 takes the "other" causes (link change, ...). */
#define IGBX_MISC_VECTOR	0

/* How often the service task checks on the device when nothing happens. */
#define IGBX_SERVICE_PERIOD	(2 * HZ)

/**
 * struct igbx_hw - what the register-level code needs to reach the device
 * @hw_addr: BAR0 mapping; NULL once the device has been found gone
 * @dev: the PCI function's struct device, for messages
 * @device_id: PCI device ID
 * @lan_id: port number within the controller (STATUS.LAN_ID)
 * @phy_id: PHY identifier (PHY registers 2 and 3)
 * @perm_addr: MAC address read from the NVM
 */
struct igbx_hw {
	u8 __iomem *hw_addr;
	struct device *dev;
	u16 device_id;
	u8 lan_id;
	u32 phy_id;
	u8 perm_addr[ETH_ALEN];
};

/* Bits of igbx_adapter::state */
enum igbx_state {
	IGBX_STATE_DOWN,	/* interface is not running */
	IGBX_STATE_REMOVED,	/* device no longer answers (all-ones reads) */
	IGBX_STATE_SERVICE_SCHED,	/* service task queued */
	IGBX_STATE_NBITS
};

/**
 * struct igbx_link - link state as last read from the device
 * @up: STATUS.LU
 * @speed: SPEED_10/100/1000 or SPEED_UNKNOWN
 * @duplex: DUPLEX_FULL/HALF or DUPLEX_UNKNOWN
 */
struct igbx_link {
	bool up;
	int speed;
	u8 duplex;
};

/**
 * struct igbx_adapter - one igbx port
 * @netdev: our net_device
 * @pdev: our PCI function
 * @hw: register access
 * @state: enum igbx_state bits
 * @msg_enable: netif_msg_* bits (ethtool msglvl)
 * @num_vectors: MSI-X vectors allocated
 * @link: link state as last reported to the stack
 * @service_task: periodic and on-demand slow-path work (link, ...)
 * @misc_name: name of the "other causes" interrupt
 */
struct igbx_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	struct igbx_hw hw;
	DECLARE_BITMAP(state, IGBX_STATE_NBITS);
	u32 msg_enable;
	unsigned int num_vectors;
	struct igbx_link link;
	struct delayed_work service_task;
	char misc_name[IFNAMSIZ + 9];
};

/* --- register access ------------------------------------------------------
 * Explicit @hw everywhere.  Once a read returned all-ones and STATUS did too,
 * the device is considered gone: hw_addr is cleared, reads return all-ones
 * and writes are dropped, so no loop in the driver can spin on a dead device.
 */
u32 igbx_rd32_slow(struct igbx_hw *hw, u32 reg);

static inline bool igbx_removed(const struct igbx_hw *hw)
{
	return !READ_ONCE(hw->hw_addr);
}

static inline u32 igbx_rd32(struct igbx_hw *hw, u32 reg)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);
	u32 val;

	if (unlikely(!base))
		return ~0U;
	val = readl(base + reg);
	if (unlikely(val == ~0U))
		return igbx_rd32_slow(hw, reg);
	return val;
}

static inline void igbx_wr32(struct igbx_hw *hw, u32 reg, u32 val)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);

	if (likely(base))
		writel(val, base + reg);
}

/* Push posted writes out to the device. */
static inline void igbx_flush(struct igbx_hw *hw)
{
	igbx_rd32(hw, IGBX_STATUS);
}

/* hw.c */
int igbx_hw_reset(struct igbx_hw *hw);
int igbx_nvm_read(struct igbx_hw *hw, u16 offset, u16 count, u16 *data);
int igbx_nvm_validate_checksum(struct igbx_hw *hw);
int igbx_read_mac_addr(struct igbx_hw *hw);
void igbx_rar_set(struct igbx_hw *hw, const u8 *addr, unsigned int index);
int igbx_phy_read(struct igbx_hw *hw, u32 reg, u16 *val);
int igbx_phy_write(struct igbx_hw *hw, u32 reg, u16 val);
int igbx_phy_init(struct igbx_hw *hw);
int igbx_phy_power(struct igbx_hw *hw, bool on);
int igbx_link_setup(struct igbx_hw *hw);
int igbx_link_restart_autoneg(struct igbx_hw *hw);
void igbx_link_read(struct igbx_hw *hw, struct igbx_link *link);
void igbx_hw_release(struct igbx_hw *hw);

/* irq.c */
int igbx_irq_alloc(struct igbx_adapter *adapter);
void igbx_irq_free(struct igbx_adapter *adapter);
int igbx_irq_request(struct igbx_adapter *adapter);
void igbx_irq_release(struct igbx_adapter *adapter);
void igbx_irq_enable(struct igbx_adapter *adapter);
void igbx_irq_disable(struct igbx_adapter *adapter);

/* netdev.c */
int igbx_netdev_register(struct igbx_adapter *adapter);
void igbx_netdev_unregister(struct igbx_adapter *adapter);
void igbx_service_schedule(struct igbx_adapter *adapter);
void igbx_service_init(struct igbx_adapter *adapter);
void igbx_service_stop(struct igbx_adapter *adapter);

/* ethtool.c */
void igbx_set_ethtool_ops(struct net_device *netdev);

#endif /* _IGBX_H_ */
