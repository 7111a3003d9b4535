// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: device reset, NVM, PHY and link control of the 82576.
 *
 * Nothing here knows about net_devices or interrupts: these functions take a
 * struct igbx_hw and talk to registers.  Every wait on the device is bounded
 * and ends early when the device has disappeared.
 */
#include <linux/delay.h>
#include <linux/iopoll.h>
#include <linux/linkmode.h>

#include "igbx.h"

/* Bounds for waiting on the device, in microseconds. */
#define IGBX_MASTER_DISABLE_US	10000	/* outstanding PCIe requests drain */
#define IGBX_RESET_US		10000	/* CTRL.RST self-clears */
#define IGBX_AUTO_RD_US		10000	/* NVM auto-read after reset */
#define IGBX_CFG_DONE_US	100000	/* PHY configuration from NVM */
#define IGBX_SEMAPHORE_US	10000	/* SWSM.SMBI / SWESMBI */
#define IGBX_SWFW_US		200000	/* firmware releases a resource */
#define IGBX_EERD_US		10000	/* one NVM word */
#define IGBX_MDIC_US		20000	/* one PHY register */

/**
 * igbx_rd32_slow() - second look at a register that read all-ones
 * @hw: device
 * @reg: register that returned 0xffffffff
 *
 * All-ones is a legal value for a few registers, but if STATUS reads
 * all-ones too the device has dropped off the bus (surprise removal, PCIe
 * link down).  Stop touching it: later reads return all-ones without an
 * MMIO access and writes are dropped.  The debugfs bus_error knob makes
 * every read look like that.
 *
 * Return: the value to hand to the caller (always all-ones).
 */
u32 igbx_rd32_slow(struct igbx_hw *hw, u32 reg)
{
	u8 __iomem *base = READ_ONCE(hw->hw_addr);

	if (!base)
		return ~0U;
	/* a PCIe error is being recovered: the device comes back */
	if (pci_channel_offline(to_pci_dev(hw->dev)))
		return ~0U;
	if (!READ_ONCE(hw->bus_error) && reg != IGBX_STATUS &&
	    readl(base + IGBX_STATUS) != ~0U)
		return ~0U;
	WRITE_ONCE(hw->hw_addr, NULL);
	dev_err(hw->dev, "device reads all-ones, treating it as removed\n");
	return ~0U;
}

/* Poll @reg until (@reg & @mask) == @want; bounded by @us. */
static int igbx_wait(struct igbx_hw *hw, u32 reg, u32 mask, u32 want,
		     unsigned int us, u32 *out)
{
	u32 val;
	int err;

	err = read_poll_timeout(igbx_rd32, val,
				(val & mask) == want || igbx_removed(hw),
				10, us, false, hw, reg);
	if (out)
		*out = val;
	if (igbx_removed(hw))
		return -ENODEV;
	return err;
}

/* --- reset (datasheet 4.5, "Software Initialization Sequence") ---------- */

static void igbx_mask_all_irqs(struct igbx_hw *hw)
{
	igbx_wr32(hw, IGBX_IMC, ~0U);
	igbx_wr32(hw, IGBX_EIMC, ~0U);
	igbx_flush(hw);
}

/**
 * igbx_hw_reset() - quiesce and software-reset the controller
 * @hw: device
 *
 * Masks interrupts, stops DMA mastering, issues CTRL.RST and waits for the
 * NVM auto-load and PHY configuration that follow it.  Leaves all
 * interrupts masked and causes cleared.
 *
 * Return: 0, -ENODEV if the device vanished, -ETIMEDOUT if RST never cleared.
 */
int igbx_hw_reset(struct igbx_hw *hw)
{
	u32 ctrl, done;
	int err;

	igbx_mask_all_irqs(hw);
	igbx_wr32(hw, IGBX_RCTL, 0);
	igbx_wr32(hw, IGBX_TCTL, 0);
	igbx_flush(hw);

	/* 5.2.3.3 Master Disable: let outstanding requests complete. */
	ctrl = igbx_rd32(hw, IGBX_CTRL);
	igbx_wr32(hw, IGBX_CTRL, ctrl | IGBX_CTRL_GIO_MASTER_DISABLE);
	err = igbx_wait(hw, IGBX_STATUS, IGBX_STATUS_GIO_MASTER_ENABLE, 0,
			IGBX_MASTER_DISABLE_US, NULL);
	if (err == -ENODEV)
		return err;
	if (err)
		dev_warn(hw->dev, "PCIe master still active, resetting anyway\n");

	ctrl = igbx_rd32(hw, IGBX_CTRL);
	igbx_wr32(hw, IGBX_CTRL, ctrl | IGBX_CTRL_RST);
	/* Registers must not be touched for a while after RST is set. */
	usleep_range(1000, 2000);
	err = igbx_wait(hw, IGBX_CTRL, IGBX_CTRL_RST, 0, IGBX_RESET_US, NULL);
	if (err) {
		dev_err(hw->dev, "software reset did not complete (%d)\n", err);
		return err;
	}

	/*
	 * After a reset the device reloads its configuration from the NVM.
	 * Some NVM images never signal these; the datasheet's values are
	 * defaults then, so a miss is not fatal.
	 */
	if (igbx_wait(hw, IGBX_EECD, IGBX_EECD_AUTO_RD, IGBX_EECD_AUTO_RD,
		      IGBX_AUTO_RD_US, NULL) == -ENODEV)
		return -ENODEV;
	done = hw->lan_id ? IGBX_EEMNGCTL_CFG_DONE1 : IGBX_EEMNGCTL_CFG_DONE0;
	if (igbx_wait(hw, IGBX_EEMNGCTL, done, done, IGBX_CFG_DONE_US,
		      NULL) == -ENODEV)
		return -ENODEV;

	igbx_mask_all_irqs(hw);
	igbx_rd32(hw, IGBX_ICR);
	igbx_wr32(hw, IGBX_EICR, ~0U);	/* write-1-to-clear */

	ctrl = igbx_rd32(hw, IGBX_CTRL_EXT);
	igbx_wr32(hw, IGBX_CTRL_EXT, ctrl | IGBX_CTRL_EXT_DRV_LOAD);
	return igbx_removed(hw) ? -ENODEV : 0;
}

/**
 * igbx_hw_release() - tell the firmware the driver lets go of the device
 * @hw: device
 */
void igbx_hw_release(struct igbx_hw *hw)
{
	u32 ctrl_ext = igbx_rd32(hw, IGBX_CTRL_EXT);

	igbx_wr32(hw, IGBX_CTRL_EXT, ctrl_ext & ~IGBX_CTRL_EXT_DRV_LOAD);
}

/* --- SW/FW semaphores (datasheet 4.7, "Access to Shared Resources") ----- */

static void igbx_swsm_put(struct igbx_hw *hw)
{
	u32 swsm = igbx_rd32(hw, IGBX_SWSM);

	igbx_wr32(hw, IGBX_SWSM, swsm & ~(IGBX_SWSM_SMBI | IGBX_SWSM_SWESMBI));
}

static int igbx_swsm_get(struct igbx_hw *hw)
{
	u32 swsm;
	int err;

	/* Reading SWSM sets SMBI; we own it if it read back as zero. */
	err = igbx_wait(hw, IGBX_SWSM, IGBX_SWSM_SMBI, 0, IGBX_SEMAPHORE_US,
			NULL);
	if (err)
		goto fail;

	/* Then claim the software/firmware semaphore and check it stuck. */
	swsm = igbx_rd32(hw, IGBX_SWSM);
	igbx_wr32(hw, IGBX_SWSM, swsm | IGBX_SWSM_SWESMBI);
	err = igbx_wait(hw, IGBX_SWSM, IGBX_SWSM_SWESMBI, IGBX_SWSM_SWESMBI,
			IGBX_SEMAPHORE_US, NULL);
	if (err) {
		igbx_swsm_put(hw);
		goto fail;
	}
	return 0;
fail:
	if (err != -ENODEV)
		dev_err(hw->dev, "hardware semaphore not granted\n");
	return err;
}

static int igbx_swfw_get(struct igbx_hw *hw, u32 mask)
{
	unsigned long deadline = jiffies + usecs_to_jiffies(IGBX_SWFW_US);
	u32 sync;
	int err;

	for (;;) {
		err = igbx_swsm_get(hw);
		if (err)
			return err;
		sync = igbx_rd32(hw, IGBX_SW_FW_SYNC);
		if (!(sync & (mask | mask << IGBX_SWFW_FW_SHIFT)))
			break;
		igbx_swsm_put(hw);
		if (time_after(jiffies, deadline)) {
			dev_err(hw->dev, "resource %#x held by firmware (SW_FW_SYNC %#x)\n",
				mask, sync);
			return -EBUSY;
		}
		usleep_range(1000, 2000);
	}
	igbx_wr32(hw, IGBX_SW_FW_SYNC, sync | mask);
	igbx_swsm_put(hw);
	return 0;
}

static void igbx_swfw_put(struct igbx_hw *hw, u32 mask)
{
	u32 sync;

	if (igbx_swsm_get(hw))
		return;
	sync = igbx_rd32(hw, IGBX_SW_FW_SYNC);
	igbx_wr32(hw, IGBX_SW_FW_SYNC, sync & ~mask);
	igbx_swsm_put(hw);
}

/* --- NVM through EERD (datasheet 8.2.4) --------------------------------- */

/**
 * igbx_nvm_read() - read words from the NVM
 * @hw: device
 * @offset: first word
 * @count: number of words
 * @data: where to put them
 *
 * Return: 0 or a negative errno (-EINVAL for a range outside the NVM).
 */
int igbx_nvm_read(struct igbx_hw *hw, u16 offset, u16 count, u16 *data)
{
	u32 eerd;
	int err;
	u16 i;

	if (offset >= IGBX_NVM_WORDS || count > IGBX_NVM_WORDS - offset)
		return -EINVAL;

	err = igbx_swfw_get(hw, IGBX_SWFW_EEP);
	if (err)
		return err;
	for (i = 0; i < count; i++) {
		igbx_wr32(hw, IGBX_EERD, FIELD_PREP(IGBX_EERD_ADDR, offset + i) |
					 IGBX_EERD_START);
		err = igbx_wait(hw, IGBX_EERD, IGBX_EERD_DONE, IGBX_EERD_DONE,
				IGBX_EERD_US, &eerd);
		if (err) {
			if (err != -ENODEV)
				dev_err(hw->dev, "NVM read of word %#x failed\n",
					offset + i);
			break;
		}
		data[i] = FIELD_GET(IGBX_EERD_DATA, eerd);
	}
	igbx_swfw_put(hw, IGBX_SWFW_EEP);
	return err;
}

/* The 16-bit sum of NVM words 0..@count - 1, read through EERD. */
static int igbx_nvm_sum(struct igbx_hw *hw, u16 count, u16 *sum)
{
	u16 words[IGBX_NVM_CHECKSUM_LAST + 1];
	int err, i;

	if (WARN_ON_ONCE(count > ARRAY_SIZE(words)))
		return -EINVAL;
	err = igbx_nvm_read(hw, 0, count, words);
	if (err)
		return err;
	*sum = 0;
	for (i = 0; i < count; i++)
		*sum += words[i];
	return 0;
}

/**
 * igbx_nvm_validate_checksum() - check the NVM's first section checksum
 * @hw: device
 *
 * Return: 0 when words 0..0x3F add up to 0xBABA, -EIO when they do not,
 * another negative errno when the NVM could not be read.
 */
int igbx_nvm_validate_checksum(struct igbx_hw *hw)
{
	u16 sum;
	int err;

	err = igbx_nvm_sum(hw, IGBX_NVM_CHECKSUM_LAST + 1, &sum);
	if (err)
		return err;
	return sum == IGBX_NVM_CHECKSUM_SUM ? 0 : -EIO;
}

/* --- NVM write: SPI through EECD (datasheet 3.3, 8.2.2) ------------------
 * The 82576 has no register that writes the NVM: software takes the SPI
 * pins (EECD.REQ/GNT) and clocks commands out itself.
 */

#define IGBX_EECD_GNT_US	10000	/* hardware hands over the pins */
#define IGBX_SPI_READY_US	10000	/* an EEPROM write cycle (5 ms typ.) */

static void igbx_spi_pins(struct igbx_hw *hw, u32 eecd)
{
	igbx_wr32(hw, IGBX_EECD, eecd);
	igbx_flush(hw);
	udelay(1);	/* well above the parts' minimum clock phases */
}

static void igbx_spi_out(struct igbx_hw *hw, u32 *eecd, u32 val,
			 unsigned int bits)
{
	while (bits--) {
		if (val & BIT(bits))
			*eecd |= IGBX_EECD_DI;
		else
			*eecd &= ~IGBX_EECD_DI;
		igbx_spi_pins(hw, *eecd);
		igbx_spi_pins(hw, *eecd | IGBX_EECD_SK);
		igbx_spi_pins(hw, *eecd);
	}
	*eecd &= ~IGBX_EECD_DI;
	igbx_spi_pins(hw, *eecd);
}

static u8 igbx_spi_in8(struct igbx_hw *hw, u32 *eecd)
{
	unsigned int bits = 8;
	u8 val = 0;

	while (bits--) {
		igbx_spi_pins(hw, *eecd | IGBX_EECD_SK);
		val <<= 1;
		if (igbx_rd32(hw, IGBX_EECD) & IGBX_EECD_DO)
			val |= 1;
		igbx_spi_pins(hw, *eecd);
	}
	return val;
}

/* Deselect and select the part again: ends the current command. */
static void igbx_spi_standby(struct igbx_hw *hw, u32 *eecd)
{
	igbx_spi_pins(hw, *eecd | IGBX_EECD_CS);
	igbx_spi_pins(hw, *eecd);
}

static int igbx_spi_wait_ready(struct igbx_hw *hw, u32 *eecd)
{
	unsigned int us;

	for (us = 0; us < IGBX_SPI_READY_US; us += 10) {
		igbx_spi_out(hw, eecd, IGBX_SPI_RDSR, 8);
		if (!(igbx_spi_in8(hw, eecd) & IGBX_SPI_SR_BUSY)) {
			igbx_spi_standby(hw, eecd);
			return 0;
		}
		igbx_spi_standby(hw, eecd);
		usleep_range(10, 20);
	}
	return igbx_removed(hw) ? -ENODEV : -ETIMEDOUT;
}

/* Take the SPI pins from the hardware: REQ until GNT, part selected. */
static int igbx_spi_acquire(struct igbx_hw *hw, u32 *eecd)
{
	int err;

	*eecd = igbx_rd32(hw, IGBX_EECD) | IGBX_EECD_REQ;
	igbx_wr32(hw, IGBX_EECD, *eecd);
	err = igbx_wait(hw, IGBX_EECD, IGBX_EECD_GNT, IGBX_EECD_GNT,
			IGBX_EECD_GNT_US, NULL);
	if (err) {
		igbx_wr32(hw, IGBX_EECD, *eecd & ~IGBX_EECD_REQ);
		if (err != -ENODEV)
			dev_err(hw->dev, "NVM: the device did not grant software access to the SPI pins (EECD %#x)\n",
				igbx_rd32(hw, IGBX_EECD));
		return err == -ENODEV ? err : -EBUSY;
	}
	*eecd &= ~(IGBX_EECD_CS | IGBX_EECD_SK | IGBX_EECD_DI);
	igbx_spi_pins(hw, *eecd);
	return 0;
}

static void igbx_spi_release(struct igbx_hw *hw, u32 eecd)
{
	igbx_spi_pins(hw, (eecd | IGBX_EECD_CS) & ~IGBX_EECD_SK);
	igbx_wr32(hw, IGBX_EECD, (eecd | IGBX_EECD_CS) & ~IGBX_EECD_REQ);
}

/* Write @count words at @offset, page by page, with the pins held. */
static int igbx_spi_write(struct igbx_hw *hw, u32 *eecd, u16 offset,
			  u16 count, const u16 *data)
{
	unsigned int abits = *eecd & IGBX_EECD_ADDR_BITS ? 16 : 8;
	unsigned int page = abits == 16 ? 32 : 8;	/* bytes */
	int err;

	while (count) {
		u32 byte = offset * 2;
		u8 op = IGBX_SPI_WRITE;

		err = igbx_spi_wait_ready(hw, eecd);
		if (err)
			return err;
		igbx_spi_out(hw, eecd, IGBX_SPI_WREN, 8);
		igbx_spi_standby(hw, eecd);
		if (abits == 8 && byte >= 256)
			op |= IGBX_SPI_A8;
		igbx_spi_out(hw, eecd, op, 8);
		igbx_spi_out(hw, eecd, byte, abits);
		/* Words go out low byte first; a page write stops at the edge. */
		do {
			igbx_spi_out(hw, eecd, swab16(*data), 16);
			data++;
			offset++;
			count--;
		} while (count && (offset * 2) % page);
		igbx_spi_standby(hw, eecd);
	}
	return igbx_spi_wait_ready(hw, eecd);
}

/* Words out through the SPI pins, with the NVM semaphore and the pins held. */
static int igbx_nvm_spi_write(struct igbx_hw *hw, u16 offset, u16 count,
			      const u16 *data)
{
	u32 eecd;
	int err;

	err = igbx_swfw_get(hw, IGBX_SWFW_EEP);
	if (err)
		return err;
	err = igbx_spi_acquire(hw, &eecd);
	if (!err) {
		err = igbx_spi_write(hw, &eecd, offset, count, data);
		igbx_spi_release(hw, eecd);
	}
	igbx_swfw_put(hw, IGBX_SWFW_EEP);
	return err;
}

/**
 * igbx_nvm_write() - write words to the NVM and keep its checksum right
 * @hw: device
 * @offset: first word
 * @count: number of words
 * @data: the words
 *
 * When the range touches the checksummed section (words 0..0x3F), word 0x3F
 * is rewritten so that the section adds up to 0xBABA again.
 *
 * Return: 0 or a negative errno (-EINVAL for a range outside the NVM,
 * -EBUSY when the device does not hand over the SPI pins).
 */
int igbx_nvm_write(struct igbx_hw *hw, u16 offset, u16 count, const u16 *data)
{
	u16 sum;
	int err;

	if (offset >= IGBX_NVM_WORDS || !count ||
	    count > IGBX_NVM_WORDS - offset)
		return -EINVAL;

	err = igbx_nvm_spi_write(hw, offset, count, data);
	if (err || offset > IGBX_NVM_CHECKSUM_LAST)
		return err;

	/* EERD reads what was written; then the checksum word. */
	err = igbx_nvm_sum(hw, IGBX_NVM_CHECKSUM_LAST, &sum);
	if (err)
		return err;
	sum = IGBX_NVM_CHECKSUM_SUM - sum;
	return igbx_nvm_spi_write(hw, IGBX_NVM_CHECKSUM_LAST, 1, &sum);
}

/**
 * igbx_read_mac_addr() - read this port's MAC address from the NVM
 * @hw: device
 *
 * NVM words 0..2 hold the address of port 0, low byte first; the other port
 * of a dual-port controller uses it with the lowest bit inverted.  The result
 * is stored in @hw->perm_addr and is not validated here.
 *
 * Return: 0 or a negative errno.
 */
int igbx_read_mac_addr(struct igbx_hw *hw)
{
	u16 words[ETH_ALEN / 2];
	int err, i;

	err = igbx_nvm_read(hw, IGBX_NVM_MAC_ADDR, ARRAY_SIZE(words), words);
	if (err)
		return err;
	for (i = 0; i < ARRAY_SIZE(words); i++) {
		hw->perm_addr[2 * i] = words[i] & 0xff;
		hw->perm_addr[2 * i + 1] = words[i] >> 8;
	}
	if (hw->lan_id & 1)
		hw->perm_addr[ETH_ALEN - 1] ^= 1;
	return 0;
}

static u32 igbx_ral_reg(unsigned int index)
{
	return index < IGBX_RAR_ENTRIES ? IGBX_RAL(index) : IGBX_RAL2(index);
}

static u32 igbx_rah_reg(unsigned int index)
{
	return index < IGBX_RAR_ENTRIES ? IGBX_RAH(index) : IGBX_RAH2(index);
}

/**
 * igbx_rar_set() - program a receive address register and mark it valid
 * @hw: device
 * @addr: MAC address
 * @index: RAR entry, 0 .. IGBX_RAR_ALL - 1
 * @pools: RAH.POOLSEL: the pools a match goes to (VMDq mode; 0 otherwise)
 */
void igbx_rar_set(struct igbx_hw *hw, const u8 *addr, unsigned int index,
		  u32 pools)
{
	u32 ral = get_unaligned_le32(addr);
	u32 rah = get_unaligned_le16(addr + 4);

	/* RAH last: AV makes the entry live only once RAL is in place. */
	igbx_wr32(hw, igbx_rah_reg(index), 0);
	igbx_wr32(hw, igbx_ral_reg(index), ral);
	igbx_wr32(hw, igbx_rah_reg(index), FIELD_PREP(IGBX_RAH_ADDR, rah) |
					   FIELD_PREP(IGBX_RAH_POOLSEL, pools) |
					   IGBX_RAH_AV);
	igbx_flush(hw);
}

/**
 * igbx_rar_clear() - invalidate a receive address register
 * @hw: device
 * @index: RAR entry, 0 .. IGBX_RAR_ALL - 1
 */
void igbx_rar_clear(struct igbx_hw *hw, unsigned int index)
{
	igbx_wr32(hw, igbx_rah_reg(index), 0);
	igbx_wr32(hw, igbx_ral_reg(index), 0);
}

/* --- PHY through MDIC (datasheet 8.2.6) --------------------------------- */

static u32 igbx_phy_swfw(const struct igbx_hw *hw)
{
	return hw->lan_id & 1 ? IGBX_SWFW_PHY1 : IGBX_SWFW_PHY0;
}

static int igbx_mdic(struct igbx_hw *hw, u32 op, u32 reg, u16 *val)
{
	u32 mdic;
	int err;

	if (reg > FIELD_MAX(IGBX_MDIC_REGADD))
		return -EINVAL;

	err = igbx_swfw_get(hw, igbx_phy_swfw(hw));
	if (err)
		return err;
	igbx_wr32(hw, IGBX_MDIC, FIELD_PREP(IGBX_MDIC_DATA, *val) |
				 FIELD_PREP(IGBX_MDIC_REGADD, reg) |
				 FIELD_PREP(IGBX_MDIC_PHYADD, IGBX_PHY_ADDR) |
				 FIELD_PREP(IGBX_MDIC_OP, op));
	err = igbx_wait(hw, IGBX_MDIC, IGBX_MDIC_READY, IGBX_MDIC_READY,
			IGBX_MDIC_US, &mdic);
	igbx_swfw_put(hw, igbx_phy_swfw(hw));
	if (err) {
		if (err != -ENODEV)
			dev_err(hw->dev, "PHY register %u: MDIC not ready\n",
				reg);
		return err;
	}
	if (mdic & IGBX_MDIC_ERROR) {
		dev_err(hw->dev, "PHY register %u: MDIC error\n", reg);
		return -EIO;
	}
	*val = FIELD_GET(IGBX_MDIC_DATA, mdic);
	return 0;
}

/**
 * igbx_phy_read() - read a register of the internal PHY
 * @hw: device
 * @reg: PHY register (0..31)
 * @val: value read
 *
 * Return: 0 or a negative errno.
 */
int igbx_phy_read(struct igbx_hw *hw, u32 reg, u16 *val)
{
	*val = 0;
	return igbx_mdic(hw, IGBX_MDIC_OP_READ, reg, val);
}

/**
 * igbx_phy_write() - write a register of the internal PHY
 * @hw: device
 * @reg: PHY register (0..31)
 * @val: value to write
 *
 * Return: 0 or a negative errno.
 */
int igbx_phy_write(struct igbx_hw *hw, u32 reg, u16 val)
{
	return igbx_mdic(hw, IGBX_MDIC_OP_WRITE, reg, &val);
}

/**
 * igbx_phy_init() - identify the PHY
 * @hw: device
 *
 * Return: 0, or -EIO if no PHY answers at the internal PHY address.
 */
int igbx_phy_init(struct igbx_hw *hw)
{
	u16 id1, id2;
	int err;

	err = igbx_phy_read(hw, IGBX_PHY_ID1, &id1);
	if (!err)
		err = igbx_phy_read(hw, IGBX_PHY_ID2, &id2);
	if (err)
		return err;
	hw->phy_id = (u32)id1 << 16 | id2;
	if (!hw->phy_id || hw->phy_id == ~0U) {
		dev_err(hw->dev, "no PHY found (id %#x)\n", hw->phy_id);
		return -EIO;
	}
	return 0;
}

static int igbx_phy_modify(struct igbx_hw *hw, u32 reg, u16 clear, u16 set)
{
	u16 val;
	int err;

	err = igbx_phy_read(hw, reg, &val);
	if (err)
		return err;
	return igbx_phy_write(hw, reg, (val & ~clear) | set);
}

/**
 * igbx_phy_power() - power the PHY up or down
 * @hw: device
 * @on: true to power up
 *
 * Return: 0 or a negative errno.
 */
int igbx_phy_power(struct igbx_hw *hw, bool on)
{
	return igbx_phy_modify(hw, IGBX_PHY_BMCR,
			       on ? IGBX_BMCR_PDOWN : 0,
			       on ? 0 : IGBX_BMCR_PDOWN);
}

/**
 * igbx_link_restart_autoneg() - restart auto-negotiation on the PHY
 * @hw: device
 *
 * Return: 0 or a negative errno.
 */
int igbx_link_restart_autoneg(struct igbx_hw *hw)
{
	return igbx_phy_modify(hw, IGBX_PHY_BMCR,
			       IGBX_BMCR_PDOWN | IGBX_BMCR_LOOPBACK,
			       IGBX_BMCR_ANENABLE | IGBX_BMCR_ANRESTART);
}

static u16 igbx_anar_pause(bool rx, bool tx)
{
	if (rx)
		return IGBX_ANAR_PAUSE | (tx ? 0 : IGBX_ANAR_ASM_DIR);
	return tx ? IGBX_ANAR_ASM_DIR : 0;
}

/**
 * igbx_link_setup() - bring up a copper link by auto-negotiation
 * @hw: device
 * @anar: 10/100 speeds to advertise (ANAR bits)
 * @ctrl1000: 1000BASE-T control (IGBX_CTRL1000_1000FULL or 0)
 * @fc_rx: advertise that we honour pause frames
 * @fc_tx: advertise that we send pause frames
 *
 * Datasheet 4.5.4 / 3.5: with the internal PHY the MAC takes speed and
 * duplex from the PHY (no forcing) once CTRL.SLU is set; the PHY advertises
 * the speeds (by default all the 82576 supports: 10/100 half and full, 1000
 * full) and the pause modes asked for (IEEE 802.3 annex 28B), then
 * restarts auto-negotiation.  Completion is reported by ICR.LSC and
 * STATUS.LU.
 *
 * Return: 0 or a negative errno.
 */
int igbx_link_setup(struct igbx_hw *hw, u16 anar, u16 ctrl1000, bool fc_rx,
		    bool fc_tx)
{
	u16 speeds = IGBX_ANAR_10HALF | IGBX_ANAR_10FULL |
		     IGBX_ANAR_100HALF | IGBX_ANAR_100FULL;
	u32 ctrl;
	int err;

	ctrl = igbx_rd32(hw, IGBX_CTRL);
	ctrl &= ~(IGBX_CTRL_FRCSPD | IGBX_CTRL_FRCDPX);
	igbx_wr32(hw, IGBX_CTRL, ctrl | IGBX_CTRL_SLU);

	err = igbx_phy_write(hw, IGBX_PHY_ANAR,
			     IGBX_ANAR_SELECTOR_8023 | (anar & speeds) |
			     igbx_anar_pause(fc_rx, fc_tx));
	if (!err)
		err = igbx_phy_write(hw, IGBX_PHY_CTRL1000, ctrl1000);
	if (!err)
		err = igbx_link_restart_autoneg(hw);
	return err;
}

/**
 * igbx_link_advertise() - set the speeds to advertise and renegotiate
 * @hw: device
 * @anar: 10/100 bits of the auto-negotiation advertisement (pause kept)
 * @ctrl1000: 1000BASE-T control (1000 full or nothing)
 *
 * Return: 0 or a negative errno.
 */
int igbx_link_advertise(struct igbx_hw *hw, u16 anar, u16 ctrl1000)
{
	u16 speeds = IGBX_ANAR_10HALF | IGBX_ANAR_10FULL |
		     IGBX_ANAR_100HALF | IGBX_ANAR_100FULL;
	int err;

	err = igbx_phy_modify(hw, IGBX_PHY_ANAR, speeds, anar & speeds);
	if (!err)
		err = igbx_phy_write(hw, IGBX_PHY_CTRL1000, ctrl1000);
	if (!err)
		err = igbx_link_restart_autoneg(hw);
	return err;
}

/**
 * igbx_link_force() - force 10 or 100 Mb/s without auto-negotiation
 * @hw: device
 * @speed: SPEED_10 or SPEED_100 (1000BASE-T requires auto-negotiation)
 * @full: full duplex
 *
 * Return: 0, -EINVAL for another speed, or a negative errno.
 */
int igbx_link_force(struct igbx_hw *hw, u32 speed, bool full)
{
	u16 set = 0;

	if (speed == SPEED_100)
		set |= IGBX_BMCR_SPEED100;
	else if (speed != SPEED_10)
		return -EINVAL;
	if (full)
		set |= IGBX_BMCR_FULLDPLX;
	return igbx_phy_modify(hw, IGBX_PHY_BMCR,
			       IGBX_BMCR_ANENABLE | IGBX_BMCR_SPEED100 |
			       IGBX_BMCR_SPEED1000 | IGBX_BMCR_FULLDPLX |
			       IGBX_BMCR_PDOWN, set);
}

/**
 * igbx_link_read() - read link state, speed and duplex from STATUS
 * @hw: device
 * @link: filled in
 */
void igbx_link_read(struct igbx_hw *hw, struct igbx_link *link)
{
	u32 status = igbx_rd32(hw, IGBX_STATUS);

	if (status == ~0U || !(status & IGBX_STATUS_LU)) {
		link->up = false;
		link->speed = SPEED_UNKNOWN;
		link->duplex = DUPLEX_UNKNOWN;
		return;
	}
	link->up = true;
	switch (FIELD_GET(IGBX_STATUS_SPEED, status)) {
	case IGBX_STATUS_SPEED_10:
		link->speed = SPEED_10;
		break;
	case IGBX_STATUS_SPEED_100:
		link->speed = SPEED_100;
		break;
	default:
		link->speed = SPEED_1000;
		break;
	}
	link->duplex = status & IGBX_STATUS_FD ? DUPLEX_FULL : DUPLEX_HALF;
}

/* --- flow control (datasheet 3.7.5; IEEE 802.3 annex 28B) --------------- */

/**
 * igbx_fc_advertise() - advertise the pause modes wanted (annex 28B.2)
 * @hw: device
 * @rx: honour received pause frames
 * @tx: send pause frames
 *
 * Takes effect with the next auto-negotiation.
 *
 * Return: 0 or a negative errno.
 */
int igbx_fc_advertise(struct igbx_hw *hw, bool rx, bool tx)
{
	return igbx_phy_modify(hw, IGBX_PHY_ANAR,
			       IGBX_ANAR_PAUSE | IGBX_ANAR_ASM_DIR,
			       igbx_anar_pause(rx, tx));
}

/**
 * igbx_fc_resolve() - pause modes negotiated with the link partner
 * @hw: device
 * @rx: honour received pause frames
 * @tx: send pause frames
 *
 * IEEE 802.3 table 28B-3, from our advertisement and the partner's.
 *
 * Return: 0 or a negative errno.
 */
int igbx_fc_resolve(struct igbx_hw *hw, bool *rx, bool *tx)
{
	u16 lcl, rmt;
	int err;

	err = igbx_phy_read(hw, IGBX_PHY_ANAR, &lcl);
	if (!err)
		err = igbx_phy_read(hw, IGBX_PHY_ANLPAR, &rmt);
	if (err)
		return err;
	*rx = false;
	*tx = false;
	if ((lcl & IGBX_ANAR_PAUSE) && (rmt & IGBX_ANAR_PAUSE)) {
		*rx = true;
		*tx = true;
	} else if ((lcl & IGBX_ANAR_ASM_DIR) && (rmt & IGBX_ANAR_ASM_DIR)) {
		*tx = !(lcl & IGBX_ANAR_PAUSE) && (rmt & IGBX_ANAR_PAUSE);
		*rx = (lcl & IGBX_ANAR_PAUSE) && !(rmt & IGBX_ANAR_PAUSE);
	}
	return 0;
}

/**
 * igbx_fc_set() - program the MAC's flow control
 * @hw: device
 * @rx: honour received pause frames (CTRL.RFCE)
 * @tx: send pause frames (CTRL.TFCE) at the buffer thresholds
 * @max_frame: largest frame, to place the XOFF threshold
 */
void igbx_fc_set(struct igbx_hw *hw, bool rx, bool tx, u32 max_frame)
{
	u32 pba = FIELD_GET(IGBX_RXPBS_SIZE, igbx_rd32(hw, IGBX_RXPBS)) * SZ_1K;
	u32 ctrl, high, low;

	if (!pba)
		pba = 64 * SZ_1K;	/* the reset value */
	/* XOFF with room for two more frames; XON a little below. */
	high = min(pba * 9 / 10, pba - 2 * max_frame);
	low = high - 16;

	igbx_wr32(hw, IGBX_FCAL, 0x00C28001);	/* 01:80:C2:00:00:01 */
	igbx_wr32(hw, IGBX_FCAH, 0x0100);
	igbx_wr32(hw, IGBX_FCT, ETH_P_PAUSE);
	igbx_wr32(hw, IGBX_FCTTV, 0xffff);
	igbx_wr32(hw, IGBX_FCRTV, 0x7fff);
	igbx_wr32(hw, IGBX_FCRTH, tx ? FIELD_PREP(IGBX_FCRT_THRESH, high >> 4) : 0);
	igbx_wr32(hw, IGBX_FCRTL, tx ? FIELD_PREP(IGBX_FCRT_THRESH, low >> 4) |
				       IGBX_FCRTL_XONE : 0);

	ctrl = igbx_rd32(hw, IGBX_CTRL) & ~(IGBX_CTRL_RFCE | IGBX_CTRL_TFCE);
	if (rx)
		ctrl |= IGBX_CTRL_RFCE;
	if (tx)
		ctrl |= IGBX_CTRL_TFCE;
	igbx_wr32(hw, IGBX_CTRL, ctrl);
}

/**
 * igbx_link_modes_default() - every link mode an 82576 copper port has
 * @modes: link mode mask, filled in
 */
void igbx_link_modes_default(unsigned long *modes)
{
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_10baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Half_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Autoneg_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_TP_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Pause_BIT, modes);
	linkmode_set_bit(ETHTOOL_LINK_MODE_Asym_Pause_BIT, modes);
}

/**
 * igbx_link_modes_to_phy() - speeds of a link mode mask as PHY bits
 * @m: link modes
 * @anar: 10/100 ANAR bits
 * @c1000: 1000BASE-T control bits
 */
void igbx_link_modes_to_phy(const unsigned long *m, u16 *anar, u16 *c1000)
{
	*anar = 0;
	*c1000 = 0;
	if (linkmode_test_bit(ETHTOOL_LINK_MODE_10baseT_Half_BIT, m))
		*anar |= IGBX_ANAR_10HALF;
	if (linkmode_test_bit(ETHTOOL_LINK_MODE_10baseT_Full_BIT, m))
		*anar |= IGBX_ANAR_10FULL;
	if (linkmode_test_bit(ETHTOOL_LINK_MODE_100baseT_Half_BIT, m))
		*anar |= IGBX_ANAR_100HALF;
	if (linkmode_test_bit(ETHTOOL_LINK_MODE_100baseT_Full_BIT, m))
		*anar |= IGBX_ANAR_100FULL;
	if (linkmode_test_bit(ETHTOOL_LINK_MODE_1000baseT_Full_BIT, m))
		*c1000 |= IGBX_CTRL1000_1000FULL;
}
