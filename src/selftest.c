// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: ethtool self-test.  Online: NVM checksum and link.  Offline (the
 * port is closed, tested, reset and reopened as it was): register
 * read/write, an interrupt raised through ICS, and PHY loopback - frames
 * sent on TX queue 0 through the driver's own data path come back through
 * the internal PHY's loopback (BMCR.LOOPBACK, forced 1000 full; datasheet
 * "PHY loopback") and are counted on the RX rings.
 */
#include <linux/interrupt.h>

#include "igbx.h"

enum igbx_test {
	IGBX_TEST_REG,
	IGBX_TEST_NVM,
	IGBX_TEST_IRQ,
	IGBX_TEST_LOOPBACK,
	IGBX_TEST_LINK,
	IGBX_TEST_COUNT,
};

static const char igbx_test_names[IGBX_TEST_COUNT][ETH_GSTRING_LEN] = {
	"Register test  (offline)",
	"NVM checksum   (online)",
	"Interrupt test (offline)",
	"Loopback test  (offline)",
	"Link test      (online)",
};

#define IGBX_LB_FRAMES		32
#define IGBX_LB_ETHERTYPE	0x88B5	/* IEEE local experimental */

/* Read/write registers with the bits that hold (datasheet chapter 8). */
static const struct {
	u32 reg;
	u32 mask;
} igbx_test_regs[] = {
	{ IGBX_RDBAL(0), 0xFFFFFF80 }, { IGBX_RDBAH(0), 0xFFFFFFFF },
	{ IGBX_RDLEN(0), 0x000FFF80 }, { IGBX_TDBAL(0), 0xFFFFFF80 },
	{ IGBX_TDBAH(0), 0xFFFFFFFF }, { IGBX_TDLEN(0), 0x000FFF80 },
	{ IGBX_MTA(0), 0xFFFFFFFF }, { IGBX_VFTA(0), 0xFFFFFFFF },
	{ IGBX_RAL(15), 0xFFFFFFFF }, { IGBX_FCTTV, 0x0000FFFF },
};

static u64 igbx_test_reg(struct igbx_adapter *adapter)
{
	static const u32 patterns[] = {
		0x5A5A5A5A, 0xA5A5A5A5, 0x00000000, 0xFFFFFFFF,
	};
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i, p;
	u32 want, got;

	for (i = 0; i < ARRAY_SIZE(igbx_test_regs); i++) {
		for (p = 0; p < ARRAY_SIZE(patterns); p++) {
			want = patterns[p] & igbx_test_regs[i].mask;
			igbx_wr32(hw, igbx_test_regs[i].reg, want);
			got = igbx_rd32(hw, igbx_test_regs[i].reg) &
			      igbx_test_regs[i].mask;
			if (got != want) {
				netdev_err(adapter->netdev,
					   "self-test: register %#x wrote %#x read %#x\n",
					   igbx_test_regs[i].reg, want, got);
				return 1;
			}
		}
		igbx_wr32(hw, igbx_test_regs[i].reg, 0);
	}
	return 0;
}

static irqreturn_t igbx_test_isr(int irq, void *data)
{
	struct igbx_adapter *adapter = data;
	u32 icr = igbx_rd32(&adapter->hw, IGBX_ICR);

	if (adapter->irq_mode == IGBX_IRQ_INTX &&
	    !(icr & IGBX_ICR_INT_ASSERTED))
		return IRQ_NONE;
	atomic_inc(&adapter->test_irqs);
	return IRQ_HANDLED;
}

/* Raise LSC through ICS and see it arrive on the other-causes vector. */
static u64 igbx_test_irq(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	bool msix = adapter->irq_mode == IGBX_IRQ_MSIX;
	int irq = pci_irq_vector(adapter->pdev, 0), i;
	u64 fail = 1;

	atomic_set(&adapter->test_irqs, 0);
	if (request_irq(irq, igbx_test_isr, msix ? 0 : IRQF_SHARED,
			"igbx-selftest", adapter))
		return 1;
	igbx_wr32(hw, IGBX_GPIE, msix ? IGBX_GPIE_MSIX_MODE |
					IGBX_GPIE_NSICR : 0);
	igbx_wr32(hw, IGBX_IVAR_MISC,
		  FIELD_PREP(IGBX_IVAR_MISC_OTHER, IGBX_IVAR_VALID));
	igbx_wr32(hw, IGBX_IMS, IGBX_ICR_LSC);
	igbx_wr32(hw, IGBX_EIMS, BIT(0));
	igbx_wr32(hw, IGBX_ICS, IGBX_ICR_LSC);
	for (i = 0; i < 100 && fail; i++) {
		usleep_range(1000, 2000);
		fail = !atomic_read(&adapter->test_irqs);
	}
	igbx_wr32(hw, IGBX_EIMC, ~0U);
	igbx_wr32(hw, IGBX_IMC, ~0U);
	igbx_flush(hw);
	free_irq(irq, adapter);
	return fail;
}

static u64 igbx_rx_packets(struct igbx_adapter *adapter)
{
	unsigned int v;
	u64 n = 0;

	for (v = 0; v < adapter->num_qp; v++)
		n += READ_ONCE(adapter->q_vector[v]->rx.stats.packets);
	return n;
}

/* Port open: loop the PHY back and send frames to ourselves. */
static u64 igbx_test_loopback(struct igbx_adapter *adapter)
{
	struct net_device *netdev = adapter->netdev;
	struct netdev_queue *txq = netdev_get_tx_queue(netdev, 0);
	struct igbx_ring *ring = &adapter->q_vector[0]->tx;
	struct igbx_hw *hw = &adapter->hw;
	struct sk_buff *skb;
	struct ethhdr *eth;
	u64 rx0;
	u32 ctrl;
	int i;

	ctrl = igbx_rd32(hw, IGBX_CTRL) & ~IGBX_CTRL_SPEED;
	igbx_wr32(hw, IGBX_CTRL, ctrl | IGBX_CTRL_FRCSPD | IGBX_CTRL_FRCDPX |
				 IGBX_CTRL_FD | IGBX_CTRL_SLU |
				 FIELD_PREP(IGBX_CTRL_SPEED, 2));
	if (igbx_phy_write(hw, IGBX_PHY_BMCR, IGBX_BMCR_LOOPBACK |
			   IGBX_BMCR_SPEED1000 | IGBX_BMCR_FULLDPLX))
		return 1;
	for (i = 0; i < 200; i++) {
		if (igbx_rd32(hw, IGBX_STATUS) & IGBX_STATUS_LU)
			break;
		usleep_range(10000, 20000);
	}

	rx0 = igbx_rx_packets(adapter);
	for (i = 0; i < IGBX_LB_FRAMES; i++) {
		skb = netdev_alloc_skb(netdev, 128);
		if (!skb)
			return 1;
		eth = skb_put(skb, 128);
		memset(eth, 0xA5, 128);
		ether_addr_copy(eth->h_dest, netdev->dev_addr);
		ether_addr_copy(eth->h_source, netdev->dev_addr);
		eth->h_proto = htons(IGBX_LB_ETHERTYPE);
		skb->queue_mapping = 0;
		__netif_tx_lock_bh(txq);
		igbx_xmit_frame(skb, netdev);
		__netif_tx_unlock_bh(txq);
	}
	/* xmit_more is not ours to trust outside the stack: ring it now. */
	igbx_ring_tail_write(ring, ring->next_to_use);

	for (i = 0; i < 100; i++) {
		if (igbx_rx_packets(adapter) - rx0 >= IGBX_LB_FRAMES)
			return 0;
		usleep_range(10000, 20000);
	}
	netdev_err(netdev, "self-test: %llu of %u loopback frames came back\n",
		   igbx_rx_packets(adapter) - rx0, IGBX_LB_FRAMES);
	return 1;
}

static bool igbx_wait_link(struct igbx_adapter *adapter)
{
	int i;

	for (i = 0; i < 100; i++) {
		if (igbx_rd32(&adapter->hw, IGBX_STATUS) & IGBX_STATUS_LU)
			return true;
		msleep(100);
	}
	return false;
}

/**
 * igbx_self_test() - ethtool self_test
 * @netdev: our net_device
 * @test: flags in and out
 * @data: results, one per test (0 = pass)
 */
void igbx_self_test(struct net_device *netdev, struct ethtool_test *test,
		    u64 *data)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	bool running = netif_running(netdev);
	unsigned int i;

	memset(data, 0, IGBX_TEST_COUNT * sizeof(*data));
	if (test->flags & ETH_TEST_FL_OFFLINE) {
		if (running)
			igbx_stop(netdev);
		data[IGBX_TEST_REG] = igbx_test_reg(adapter);
		data[IGBX_TEST_IRQ] = igbx_test_irq(adapter);
		igbx_adapter_reset(adapter);

		/* the loopback test runs through the real data path */
		if (igbx_open(netdev)) {
			data[IGBX_TEST_LOOPBACK] = 1;
		} else {
			igbx_wait_link(adapter);
			data[IGBX_TEST_LOOPBACK] = igbx_test_loopback(adapter);
			igbx_stop(netdev);
		}
		igbx_adapter_reset(adapter);
		igbx_rar_set(&adapter->hw, netdev->dev_addr, 0,
			     igbx_pf_pools(adapter));
		if (running && igbx_open(netdev))
			netdev_err(netdev, "self-test: cannot reopen the port\n");
	}

	data[IGBX_TEST_NVM] = igbx_nvm_validate_checksum(&adapter->hw) ? 1 : 0;
	/* Without a running port the PHY is powered down: no link to test. */
	if (running)
		data[IGBX_TEST_LINK] = !igbx_wait_link(adapter);

	for (i = 0; i < IGBX_TEST_COUNT; i++)
		if (data[i])
			test->flags |= ETH_TEST_FL_FAILED;
}

/**
 * igbx_selftest_count() - number of self-test results
 *
 * Return: the count.
 */
int igbx_selftest_count(void)
{
	return IGBX_TEST_COUNT;
}

/**
 * igbx_selftest_strings() - names of the self-test results
 * @data: ethtool strings buffer
 */
void igbx_selftest_strings(u8 *data)
{
	memcpy(data, igbx_test_names, sizeof(igbx_test_names));
}
