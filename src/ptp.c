// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: the IEEE 1588 clock (PHC) and hardware time stamps (datasheet 7.9).
 *
 * The clock.  SYSTIM is a 64-bit counter that adds TIMINCA.IV every
 * TIMINCA.IP x 16 ns.  igbx programs IP 1 and IV 16, once: SYSTIM counts
 * nanoseconds and never wraps in practice.  It is never written either: it
 * runs free from the device's reset, and a timecounter turns it into PHC
 * time, with the offset settime/adjtime apply and the frequency adjfine
 * sets as the cyclecounter's multiplier (2^30 nominal: 0.93 ppb steps).
 * Time stamps the device latches go through the same timecounter, so they
 * follow every adjustment exactly.  The PTP core's aux worker reads the
 * clock every second, well within the 10 s a 64-bit product of delta and
 * multiplier allows.
 *
 * Adjusting TIMINCA.IV instead would discipline SYSTIM itself, which only
 * matters for the SDP pins' target times that igbx does not offer; and
 * QEMU's model (10.0) gets the arithmetic of a TIMINCA change wrong (SYSTIM
 * jumps by seconds, or by 2^41 ns when the increment goes down), so a
 * driver that did would jump at every servo step in the rig.
 *
 * Time stamps.  The device has one TX latch and one RX latch (TXSTMP,
 * RXSTMP), each held until software reads its high word.
 *   TX: a frame with SKBTX_HW_TSTAMP gets the MAC_TSTAMP command bit if the
 *       latch is free (IGBX_PTP_TX_BUSY); others are counted as skipped.
 *       The aux worker polls TSYNCTXCTL.VALID, delivers the stamp with
 *       skb_tstamp_tx() and frees the latch, or gives up after
 *       IGBX_PTP_TX_TIMEOUT.
 *   RX: ETQF entry IGBX_ETQF_PTP marks EtherType 0x88F7 for time stamping;
 *       TSYNCRXCTL/TSYNCRXCFG choose which PTPv2 messages.  A frame whose
 *       descriptor has STAT_TS takes the latched value.  A latch no frame
 *       took (the frame was dropped) is released after IGBX_PTP_RX_STALE.
 */
#include <linux/net_tstamp.h>

#include "igbx.h"

#define IGBX_PTP_TIMINCA	(FIELD_PREP(IGBX_TIMINCA_IP, 1) | \
				 FIELD_PREP(IGBX_TIMINCA_IV, 16))  /* ns */
#define IGBX_PTP_SHIFT		30
#define IGBX_PTP_MULT		BIT(IGBX_PTP_SHIFT)	/* nominal */
#define IGBX_PTP_MAX_ADJ	500000000	/* ppb: mult stays < 2^31 */
#define IGBX_PTP_TICK		HZ		/* clock read, RX latch check */
#define IGBX_PTP_TX_TIMEOUT	(2 * HZ)
#define IGBX_PTP_RX_STALE	(2 * HZ)

static struct igbx_adapter *igbx_ptp_adapter(struct igbx_ptp *ptp)
{
	return container_of(ptp, struct igbx_adapter, ptp);
}

/* SYSTIM: the low word first, which latches the high word (8.15.1). */
static u64 igbx_ptp_cc_read(igbx_cyclecounter *cc)
{
	struct igbx_ptp *ptp = container_of(cc, struct igbx_ptp, cc);
	struct igbx_hw *hw = &igbx_ptp_adapter(ptp)->hw;
	u32 lo, hi;

	lo = igbx_rd32(hw, IGBX_SYSTIML);
	hi = igbx_rd32(hw, IGBX_SYSTIMH);
	return (u64)hi << 32 | lo;
}

/* A latched SYSTIM value in nanoseconds of the PHC. */
static ktime_t igbx_ptp_stamp(struct igbx_ptp *ptp, u64 cyc)
{
	unsigned long flags;
	u64 ns;

	spin_lock_irqsave(&ptp->lock, flags);
	ns = timecounter_cyc2time(&ptp->tc, cyc);
	spin_unlock_irqrestore(&ptp->lock, flags);
	return ns_to_ktime(ns);
}

/*
 * While the device is being reset (IGBX_PTP_OFFLINE) SYSTIM cannot be read:
 * the clock is the saved time plus the system time since, and
 * igbx_ptp_reset_done() starts SYSTIM from there.  Caller holds ptp->lock.
 */
static u64 igbx_ptp_offline_ns(struct igbx_ptp *ptp)
{
	return ptp->reset_ns + ktime_to_ns(ktime_sub(ktime_get(), ptp->reset_at));
}

static bool igbx_ptp_offline(struct igbx_ptp *ptp)
{
	return test_bit(IGBX_PTP_OFFLINE, &ptp->flags);
}

static int igbx_ptp_adjfine(struct ptp_clock_info *info, long scaled_ppm)
{
	struct igbx_ptp *ptp = container_of(info, struct igbx_ptp, info);
	unsigned long flags;
	u32 mult;

	mult = adjust_by_scaled_ppm(IGBX_PTP_MULT, scaled_ppm);

	spin_lock_irqsave(&ptp->lock, flags);
	/* what passed at the old rate is counted at the old rate */
	if (!igbx_ptp_offline(ptp))
		timecounter_read(&ptp->tc);
	ptp->cc.mult = mult;
	spin_unlock_irqrestore(&ptp->lock, flags);
	return 0;
}

static int igbx_ptp_adjtime(struct ptp_clock_info *info, s64 delta)
{
	struct igbx_ptp *ptp = container_of(info, struct igbx_ptp, info);
	unsigned long flags;

	spin_lock_irqsave(&ptp->lock, flags);
	if (igbx_ptp_offline(ptp))
		ptp->reset_ns += delta;
	else
		timecounter_adjtime(&ptp->tc, delta);
	spin_unlock_irqrestore(&ptp->lock, flags);
	return 0;
}

static int igbx_ptp_gettimex(struct ptp_clock_info *info,
			     struct timespec64 *ts,
			     struct ptp_system_timestamp *sts)
{
	struct igbx_ptp *ptp = container_of(info, struct igbx_ptp, info);
	struct igbx_hw *hw = &igbx_ptp_adapter(ptp)->hw;
	unsigned long flags;
	u32 lo, hi;
	u64 ns;

	spin_lock_irqsave(&ptp->lock, flags);
	if (igbx_ptp_offline(ptp)) {
		ptp_read_system_prets(sts);
		ns = igbx_ptp_offline_ns(ptp);
		ptp_read_system_postts(sts);
		goto out;
	}
	ptp_read_system_prets(sts);
	lo = igbx_rd32(hw, IGBX_SYSTIML);
	ptp_read_system_postts(sts);
	hi = igbx_rd32(hw, IGBX_SYSTIMH);
	ns = timecounter_cyc2time(&ptp->tc, (u64)hi << 32 | lo);
out:
	spin_unlock_irqrestore(&ptp->lock, flags);

	*ts = ns_to_timespec64(ns);
	return 0;
}

static int igbx_ptp_settime(struct ptp_clock_info *info,
			    const struct timespec64 *ts)
{
	struct igbx_ptp *ptp = container_of(info, struct igbx_ptp, info);
	unsigned long flags;

	spin_lock_irqsave(&ptp->lock, flags);
	if (igbx_ptp_offline(ptp)) {
		ptp->reset_ns = timespec64_to_ns(ts);
		ptp->reset_at = ktime_get();
	} else {
		timecounter_init(&ptp->tc, &ptp->cc, timespec64_to_ns(ts));
	}
	spin_unlock_irqrestore(&ptp->lock, flags);
	return 0;
}

/* Hand the awaited TX frame back to its owner, with @hwts if not NULL. */
static void igbx_ptp_tx_done(struct igbx_ptp *ptp,
			     struct skb_shared_hwtstamps *hwts)
{
	struct sk_buff *skb = xchg(&ptp->tx_skb, NULL);

	if (!skb)
		return;
	clear_bit_unlock(IGBX_PTP_TX_BUSY, &ptp->flags);
	if (hwts)
		skb_tstamp_tx(skb, hwts);
	dev_kfree_skb_any(skb);
}

/* The TX latch: deliver its stamp if it holds one.  True: still waiting. */
static bool igbx_ptp_tx_poll(struct igbx_ptp *ptp)
{
	struct igbx_hw *hw = &igbx_ptp_adapter(ptp)->hw;
	struct skb_shared_hwtstamps hwts = {};
	u32 lo, hi;

	/* igbx_ptp_tx_claim() sets the bit before it stores the frame */
	if (!READ_ONCE(ptp->tx_skb))
		return true;
	if (igbx_rd32(hw, IGBX_TSYNCTXCTL) & IGBX_TSYNCTXCTL_VALID) {
		lo = igbx_rd32(hw, IGBX_TXSTMPL);
		hi = igbx_rd32(hw, IGBX_TXSTMPH);	/* frees the latch */
		hwts.hwtstamp = igbx_ptp_stamp(ptp, (u64)hi << 32 | lo);
		ptp->tx_stamps++;
		igbx_ptp_tx_done(ptp, &hwts);
		return false;
	}
	if (time_after(jiffies, ptp->tx_start + IGBX_PTP_TX_TIMEOUT)) {
		ptp->tx_timeouts++;
		igbx_ptp_tx_done(ptp, NULL);
		return false;
	}
	return true;
}

/*
 * Read the RX latch and release it: RXSTMPL, RXSTMPH (the datasheet's
 * release), then the stamped message's source and sequence ID (RXSATRL/H).
 * QEMU's model releases on RXSATRH instead; reading all four is right for
 * both.  The raw SYSTIM value goes to @cyc unless it is NULL.
 */
static void igbx_ptp_rx_latch_take(struct igbx_hw *hw, u64 *cyc)
{
	u32 lo, hi;

	lo = igbx_rd32(hw, IGBX_RXSTMPL);
	hi = igbx_rd32(hw, IGBX_RXSTMPH);
	igbx_rd32(hw, IGBX_RXSATRL);
	igbx_rd32(hw, IGBX_RXSATRH);
	if (cyc)
		*cyc = (u64)hi << 32 | lo;
}

/*
 * An RX stamp no frame took (its frame was dropped on the way) keeps the
 * latch held, and no other frame can be stamped: release it once it has
 * been held for IGBX_PTP_RX_STALE with no stamp taken meanwhile.
 */
static void igbx_ptp_rx_stale_check(struct igbx_ptp *ptp, unsigned long now)
{
	struct igbx_hw *hw = &igbx_ptp_adapter(ptp)->hw;

	if (!(igbx_rd32(hw, IGBX_TSYNCRXCTL) & IGBX_TSYNCRXCTL_VALID)) {
		ptp->rx_held = 0;
		return;
	}
	if (!ptp->rx_held || time_after(READ_ONCE(ptp->rx_last),
					ptp->rx_held)) {
		ptp->rx_held = now;
		return;
	}
	if (time_after_eq(now, ptp->rx_held + IGBX_PTP_RX_STALE)) {
		igbx_ptp_rx_latch_take(hw, NULL);
		ptp->rx_cleared++;
		ptp->rx_held = 0;
	}
}

/* The PTP core's kthread: TX stamps, and the clock read each tick. */
static long igbx_ptp_aux_work(struct ptp_clock_info *info)
{
	struct igbx_ptp *ptp = container_of(info, struct igbx_ptp, info);
	unsigned long now = jiffies, flags;
	long next;

	if (igbx_removed(&igbx_ptp_adapter(ptp)->hw))
		return -1;
	if (igbx_ptp_offline(ptp))
		return IGBX_PTP_TICK;
	if (time_after_eq(now, ptp->next_tick)) {
		spin_lock_irqsave(&ptp->lock, flags);
		timecounter_read(&ptp->tc);
		spin_unlock_irqrestore(&ptp->lock, flags);
		igbx_ptp_rx_stale_check(ptp, now);
		ptp->next_tick = now + IGBX_PTP_TICK;
	}
	next = ptp->next_tick - now;
	if (test_bit(IGBX_PTP_TX_BUSY, &ptp->flags) && igbx_ptp_tx_poll(ptp))
		/* poll at once for the first jiffy, then once a jiffy */
		next = time_before(now, ptp->tx_start + 1) ? 0 : 1;
	return next;
}

/**
 * igbx_ptp_tx_claim() - take the TX time stamp latch for a frame
 * @adapter: port
 * @skb: a frame that asks for a hardware TX time stamp
 *
 * Called from ndo_start_xmit.  The caller calls igbx_ptp_tx_queued() once
 * the frame is on the ring, or igbx_ptp_tx_abort() if it was dropped.
 *
 * Return: IGBX_TXD_MAC_TSTAMP for the frame's data descriptors, or 0 if
 * time stamping is off or the latch is taken (counted as skipped).
 */
u32 igbx_ptp_tx_claim(struct igbx_adapter *adapter, struct sk_buff *skb)
{
	struct igbx_ptp *ptp = &adapter->ptp;

	if (ptp->cfg.tx_type != HWTSTAMP_TX_ON)
		return 0;
	if (test_and_set_bit_lock(IGBX_PTP_TX_BUSY, &ptp->flags)) {
		atomic64_inc(&ptp->tx_skipped);
		return 0;
	}
	skb_shinfo(skb)->tx_flags |= SKBTX_IN_PROGRESS;
	ptp->tx_start = jiffies;
	WRITE_ONCE(ptp->tx_skb, skb_get(skb));
	return IGBX_TXD_MAC_TSTAMP;
}

/**
 * igbx_ptp_tx_queued() - the claiming frame is on its ring: await its stamp
 * @adapter: port
 */
void igbx_ptp_tx_queued(struct igbx_adapter *adapter)
{
	ptp_schedule_worker(adapter->ptp.clock, 0);
}

/**
 * igbx_ptp_tx_abort() - the claiming frame was dropped: free the latch
 * @adapter: port
 */
void igbx_ptp_tx_abort(struct igbx_adapter *adapter)
{
	igbx_ptp_tx_done(&adapter->ptp, NULL);
}

/**
 * igbx_ptp_rx_tstamp() - take the RX latch's time stamp
 * @adapter: port
 *
 * For a frame whose descriptor has IGBX_RXD_STAT_TS: reads and releases
 * the latch (igbx_ptp_rx_latch_take()).
 *
 * Return: the time stamp in PHC nanoseconds, 0 if the latch held none.
 */
u64 igbx_ptp_rx_tstamp(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;
	struct igbx_hw *hw = &adapter->hw;
	u64 cyc;

	if (!(igbx_rd32(hw, IGBX_TSYNCRXCTL) & IGBX_TSYNCRXCTL_VALID))
		return 0;
	igbx_ptp_rx_latch_take(hw, &cyc);
	WRITE_ONCE(ptp->rx_last, jiffies);
	return ktime_to_ns(igbx_ptp_stamp(ptp, cyc));
}

/* Program the device's time stamping from ptp->cfg. */
static void igbx_ptp_hw_apply(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;
	struct igbx_hw *hw = &adapter->hw;
	u32 rxctl = 0, msgt = IGBX_PTP_MSG_SYNC, etqf = 0;

	switch (ptp->cfg.rx_filter) {
	case HWTSTAMP_FILTER_PTP_V2_L2_EVENT:
		rxctl = IGBX_TSYNCRXCTL_EN |
			FIELD_PREP(IGBX_TSYNCRXCTL_TYPE, IGBX_TSYNCRX_EVENT_V2);
		break;
	case HWTSTAMP_FILTER_PTP_V2_L2_DELAY_REQ:
		msgt = IGBX_PTP_MSG_DELAY_REQ;
		fallthrough;
	case HWTSTAMP_FILTER_PTP_V2_L2_SYNC:
		rxctl = IGBX_TSYNCRXCTL_EN |
			FIELD_PREP(IGBX_TSYNCRXCTL_TYPE, IGBX_TSYNCRX_L2_V2);
		break;
	}
	if (rxctl)
		etqf = FIELD_PREP(IGBX_ETQF_ETYPE, ETH_P_1588) |
		       IGBX_ETQF_FILTER_EN | IGBX_ETQF_1588;

	igbx_wr32(hw, IGBX_ETQF(IGBX_ETQF_PTP), etqf);
	igbx_wr32(hw, IGBX_TSYNCRXCFG, FIELD_PREP(IGBX_TSYNCRXCFG_MSGT, msgt));
	igbx_wr32(hw, IGBX_TSYNCRXCTL, rxctl);
	igbx_wr32(hw, IGBX_TSYNCTXCTL, ptp->cfg.tx_type == HWTSTAMP_TX_ON ?
				       IGBX_TSYNCTXCTL_EN : 0);
	igbx_flush(hw);
	/* a stamp latched under the old settings would hold the latches */
	igbx_rd32(hw, IGBX_TXSTMPH);
	igbx_rd32(hw, IGBX_RXSTMPH);
	igbx_rd32(hw, IGBX_RXSATRH);
}

/**
 * igbx_ptp_hwtstamp_get() - the time stamping configuration in force
 * @netdev: our net_device
 * @cfg: filled in
 *
 * Return: 0, or -EOPNOTSUPP without a PHC.
 */
int igbx_ptp_hwtstamp_get(struct net_device *netdev,
			  struct igbx_tstamp_cfg *cfg)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	if (!adapter->ptp.clock)
		return -EOPNOTSUPP;
	*cfg = adapter->ptp.cfg;
	return 0;
}

/**
 * igbx_ptp_hwtstamp_set() - SIOCSHWTSTAMP: choose what gets time stamped
 * @netdev: our net_device
 * @cfg: what is asked; on success, what was applied
 * @extack: for the reason of a refusal (may be NULL)
 *
 * The 82576 stamps layer-2 PTPv2 frames: every event message, or Sync
 * only, or Delay_Req only.  PTP over UDP and "all frames" are refused.
 *
 * Return: 0, -EOPNOTSUPP without a PHC, -ERANGE for what the device
 * cannot stamp.
 */
int igbx_ptp_hwtstamp_set(struct net_device *netdev,
			  struct igbx_tstamp_cfg *cfg,
			  struct netlink_ext_ack *extack)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_ptp *ptp = &adapter->ptp;

	if (!ptp->clock)
		return -EOPNOTSUPP;
	if (cfg->tx_type != HWTSTAMP_TX_OFF && cfg->tx_type != HWTSTAMP_TX_ON) {
		NL_SET_ERR_MSG_MOD(extack, "TX time stamping is off or on only");
		return -ERANGE;
	}
	switch (cfg->rx_filter) {
	case HWTSTAMP_FILTER_NONE:
	case HWTSTAMP_FILTER_PTP_V2_L2_EVENT:
	case HWTSTAMP_FILTER_PTP_V2_L2_SYNC:
	case HWTSTAMP_FILTER_PTP_V2_L2_DELAY_REQ:
		break;
	default:
		NL_SET_ERR_MSG_MOD(extack,
				   "the 82576 time stamps layer-2 PTPv2 event messages only");
		return -ERANGE;
	}

	ptp->cfg = *cfg;
	igbx_ptp_hw_apply(adapter);
	if (cfg->tx_type == HWTSTAMP_TX_OFF)
		igbx_ptp_tx_done(ptp, NULL);
	return 0;
}

/**
 * igbx_ptp_ts_info() - what ethtool -T shows
 * @adapter: port
 * @phc_index: PHC index, -1 without one
 * @tx_types: BIT(HWTSTAMP_TX_*) supported
 * @rx_filters: BIT(HWTSTAMP_FILTER_*) supported
 *
 * Return: SOF_TIMESTAMPING_* capabilities.
 */
u32 igbx_ptp_ts_info(struct igbx_adapter *adapter, int *phc_index,
		     u32 *tx_types, u32 *rx_filters)
{
	u32 so = SOF_TIMESTAMPING_TX_SOFTWARE | SOF_TIMESTAMPING_RX_SOFTWARE |
		 SOF_TIMESTAMPING_SOFTWARE;

	*phc_index = -1;
	*tx_types = 0;
	*rx_filters = 0;
	if (!adapter->ptp.clock)
		return so;
	*phc_index = ptp_clock_index(adapter->ptp.clock);
	*tx_types = BIT(HWTSTAMP_TX_OFF) | BIT(HWTSTAMP_TX_ON);
	*rx_filters = BIT(HWTSTAMP_FILTER_NONE) |
		      BIT(HWTSTAMP_FILTER_PTP_V2_L2_EVENT) |
		      BIT(HWTSTAMP_FILTER_PTP_V2_L2_SYNC) |
		      BIT(HWTSTAMP_FILTER_PTP_V2_L2_DELAY_REQ);
	return so | SOF_TIMESTAMPING_TX_HARDWARE |
	       SOF_TIMESTAMPING_RX_HARDWARE | SOF_TIMESTAMPING_RAW_HARDWARE;
}

/**
 * igbx_ptp_tx_flush() - the port goes down: no TX stamp is awaited any more
 * @adapter: port, its TX queues stopped
 */
void igbx_ptp_tx_flush(struct igbx_adapter *adapter)
{
	if (!adapter->ptp.clock)
		return;
	igbx_ptp_tx_done(&adapter->ptp, NULL);
	igbx_rd32(&adapter->hw, IGBX_TXSTMPH);
}

/* Start SYSTIM counting and read it as time @ns from now on. */
static void igbx_ptp_start(struct igbx_ptp *ptp, u64 ns)
{
	unsigned long flags;

	igbx_wr32(&igbx_ptp_adapter(ptp)->hw, IGBX_TIMINCA, IGBX_PTP_TIMINCA);
	spin_lock_irqsave(&ptp->lock, flags);
	timecounter_init(&ptp->tc, &ptp->cc, ns);
	spin_unlock_irqrestore(&ptp->lock, flags);
}

/**
 * igbx_ptp_reset_prepare() - the device is about to be reset: keep the time
 * @adapter: port
 */
void igbx_ptp_reset_prepare(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;
	unsigned long flags;

	if (!ptp->clock)
		return;
	igbx_ptp_tx_done(ptp, NULL);
	spin_lock_irqsave(&ptp->lock, flags);
	if (!igbx_ptp_offline(ptp)) {
		ptp->reset_ns = timecounter_read(&ptp->tc);
		ptp->reset_at = ktime_get();
		set_bit(IGBX_PTP_OFFLINE, &ptp->flags);
	}
	spin_unlock_irqrestore(&ptp->lock, flags);
}

/**
 * igbx_ptp_reset_done() - the device was reset: restart the clock where it
 *	would be now, and time stamping as it was configured
 * @adapter: port
 *
 * A reset stops SYSTIM (TIMINCA is cleared) and clears the time sync
 * registers; the clock continues from the saved time plus the time the
 * reset took, by the system's monotonic clock (and whatever settime or
 * adjtime did meanwhile), at the frequency it had.
 */
void igbx_ptp_reset_done(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;
	unsigned long flags;

	if (!ptp->clock)
		return;
	igbx_wr32(&adapter->hw, IGBX_TIMINCA, IGBX_PTP_TIMINCA);
	spin_lock_irqsave(&ptp->lock, flags);
	timecounter_init(&ptp->tc, &ptp->cc, igbx_ptp_offline_ns(ptp));
	clear_bit(IGBX_PTP_OFFLINE, &ptp->flags);
	spin_unlock_irqrestore(&ptp->lock, flags);
	igbx_ptp_hw_apply(adapter);
}

/**
 * igbx_ptp_init() - start the clock and register the PHC
 * @adapter: port, registered with the stack
 *
 * A port without a PHC still works; it offers software time stamps only.
 */
void igbx_ptp_init(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;

	spin_lock_init(&ptp->lock);
	ptp->cc = (struct cyclecounter){
		.read = igbx_ptp_cc_read,
		.mask = CYCLECOUNTER_MASK(64),
		.mult = IGBX_PTP_MULT,
		.shift = IGBX_PTP_SHIFT,
	};
	ptp->cfg = (struct igbx_tstamp_cfg){ .tx_type = HWTSTAMP_TX_OFF,
					     .rx_filter = HWTSTAMP_FILTER_NONE };
	ptp->info = (struct ptp_clock_info){
		.owner = THIS_MODULE,
		.max_adj = IGBX_PTP_MAX_ADJ,
		.adjfine = igbx_ptp_adjfine,
		.adjtime = igbx_ptp_adjtime,
		.gettimex64 = igbx_ptp_gettimex,
		.settime64 = igbx_ptp_settime,
		.do_aux_work = igbx_ptp_aux_work,
	};
	strscpy(ptp->info.name, adapter->netdev->name, sizeof(ptp->info.name));
	igbx_ptp_start(ptp, ktime_get_real_ns());
	igbx_ptp_hw_apply(adapter);
	ptp->next_tick = jiffies + IGBX_PTP_TICK;

	ptp->clock = ptp_clock_register(&ptp->info, &adapter->pdev->dev);
	if (IS_ERR_OR_NULL(ptp->clock)) {
		netdev_warn(adapter->netdev,
			    "no PTP clock (%pe): software time stamps only\n",
			    ptp->clock);
		ptp->clock = NULL;
		return;
	}
	ptp_schedule_worker(ptp->clock, IGBX_PTP_TICK);
}

/**
 * igbx_ptp_stop() - unregister the PHC and drop an awaited TX stamp
 * @adapter: port
 */
void igbx_ptp_stop(struct igbx_adapter *adapter)
{
	struct igbx_ptp *ptp = &adapter->ptp;

	if (!ptp->clock)
		return;
	ptp_clock_unregister(ptp->clock);
	ptp->clock = NULL;
	igbx_ptp_tx_done(ptp, NULL);
}
