// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: the PF's side of the VF mailboxes (datasheet 7.8.2 "Mailbox",
 * 7.8.2.x "VF reset").
 *
 * Each VF has a 16-word buffer (VMBMEM) and a pair of control registers:
 * the VF's V2PMAILBOX and the PF's P2VMAILBOX.  Whoever writes the buffer
 * first takes it (VFU/PFU: the hardware grants one at a time).  A VF's
 * request (REQ) or acknowledgment shows up in MBVFICR and raises ICR.VMMB;
 * a VF's reset or function level reset sets its VFLRE bit and raises
 * ICR.VMMB too.  The PF reads the request, acknowledges it (ACK) and writes
 * its reply with STS.
 *
 * Messages, as the VF driver (igbvf) speaks them: word 0 holds the message
 * type in bits 15:0, an argument in bits 23:16 and, in the PF's replies,
 * ACK or NACK and CTS ("clear to send": the VF finished its reset
 * handshake and its requests are served).  Every message is checked here
 * before it changes anything; a VF that sends garbage, asks for what is not
 * its own or floods the mailbox is refused, counted and logged with a rate
 * limit, and nothing else is disturbed.
 *
 * The task runs under igbx_sriov::lock, never RTNL: it changes filters the
 * PF's own paths (which hold RTNL, then that lock) also program.  It is
 * kicked by the mailbox interrupt and also polls, so a VF
 * is served while the PF interface is down (no interrupt then).  It is
 * unbound: a VF driver in this same kernel busy-waits for the reply (igbvf
 * polls with udelay), and must not hold the one CPU the reply could come
 * from.
 */
#include <linux/etherdevice.h>
#include <linux/if_link.h>

#include "igbx.h"

/* Message word 0 */
#define IGBX_MBX_TYPE		GENMASK(15, 0)
#define IGBX_MBX_INFO		GENMASK(23, 16)
#define IGBX_MBX_CTS		BIT(29)
#define IGBX_MBX_NACK		BIT(30)
#define IGBX_MBX_ACK		BIT(31)
#define IGBX_MBX_FLAGS		(IGBX_MBX_CTS | IGBX_MBX_NACK | IGBX_MBX_ACK)

/* Message types */
#define IGBX_VF_RESET		0x01	/* reply: words 1-2, the VF's MAC */
#define IGBX_VF_SET_MAC		0x02	/* info 0: words 1-2, the address */
#define   IGBX_VF_MAC_CLEAR	1	/* info: drop extra unicast filters */
#define   IGBX_VF_MAC_ADD	2	/* info: add an extra unicast filter */
#define IGBX_VF_SET_MC		0x03	/* info: count; 16-bit hashes from word 1 */
#define IGBX_VF_SET_VLAN	0x04	/* info: 1 add, 0 remove; word 1: VID */
#define IGBX_VF_SET_LPE		0x05	/* word 1: longest frame */
#define IGBX_PF_CONTROL		0x0100	/* PF to VF: look at your link/reset */

#define IGBX_MBX_POLL		(HZ / 10)	/* without the interrupt */
#define IGBX_MBX_LOCK_TRIES	10
#define IGBX_VF_MSGS_PER_SEC	100	/* beyond that: a flood */
#define IGBX_VF_MIN_FRAME	(ETH_ZLEN + ETH_FCS_LEN)
#define IGBX_VF_MAX_FRAME	(IGBX_MAX_MTU + IGBX_RX_FRAME_OVERHEAD)
#define IGBX_STATS_TICKS	10	/* fold VF counters every 10 polls */

/* Take VF @n's buffer for the PF; false if the VF holds it. */
static bool igbx_mbx_lock(struct igbx_hw *hw, unsigned int n)
{
	unsigned int i;

	for (i = 0; i < IGBX_MBX_LOCK_TRIES; i++) {
		igbx_wr32(hw, IGBX_P2VMAILBOX(n), IGBX_P2VMAILBOX_PFU);
		if (igbx_rd32(hw, IGBX_P2VMAILBOX(n)) & IGBX_P2VMAILBOX_PFU)
			return true;
		usleep_range(100, 200);
	}
	return false;
}

/* Write a message to VF @n and signal it (STS); releases the buffer. */
static int igbx_mbx_write(struct igbx_adapter *adapter, unsigned int n,
			  const u32 *msg, unsigned int words, bool locked)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i;

	if (!locked && !igbx_mbx_lock(hw, n))
		return -EBUSY;
	for (i = 0; i < words; i++)
		igbx_wr32(hw, IGBX_VMBMEM(n) + 4 * i, msg[i]);
	/* STS without PFU: the message is posted and the buffer released */
	igbx_wr32(hw, IGBX_P2VMAILBOX(n), IGBX_P2VMAILBOX_STS);
	return 0;
}

/**
 * igbx_mbx_control() - send VF @n a control message
 * @adapter: port with VFs (igbx_sriov::lock)
 * @n: VF
 * @reset: ask the VF to reset (NACK): after a PF reset, or to take a new
 *	address
 *
 * Otherwise the message says whether the VF may consider its link up
 * (CTS): not while its link state is "disable".
 */
void igbx_mbx_control(struct igbx_adapter *adapter, unsigned int n,
		      bool reset)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	u32 msg = IGBX_PF_CONTROL;

	if (reset)
		msg |= IGBX_MBX_NACK;
	else if (vf->cts && vf->link_state != IFLA_VF_LINK_STATE_DISABLE)
		msg |= IGBX_MBX_CTS;
	if (igbx_mbx_write(adapter, n, &msg, 1, false))
		netdev_dbg(adapter->netdev, "VF %u holds its mailbox\n", n);
}

/**
 * igbx_mbx_look() - make every VF look at its link and mailbox now
 * @adapter: port with VFs
 *
 * CTRL_EXT.PFRSTD sets RSTD in every VF's mailbox (the PF may write it at
 * any time, datasheet 7.8.2.x); a VF re-reads its link state and the PF's
 * last message when it sees it.  For the VFs whose interrupt a control
 * message does not reach in time (igbvf otherwise polls only after one).
 */
void igbx_mbx_look(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;

	igbx_wr32(hw, IGBX_CTRL_EXT,
		  igbx_rd32(hw, IGBX_CTRL_EXT) | IGBX_CTRL_EXT_PFRSTD);
}

/* Forget what VF @n asked for (its reset, or a function level reset). */
static void igbx_vf_clear(struct igbx_adapter *adapter, unsigned int n)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	struct net_device *netdev = adapter->netdev;
	bool had_mc = vf->mc_count;

	vf->cts = false;
	igbx_sriov_enables_write(adapter);
	spin_lock_bh(&adapter->sriov.mc_lock);
	vf->mc_count = 0;
	spin_unlock_bh(&adapter->sriov.mc_lock);
	bitmap_zero(vf->vlans, VLAN_N_VID);
	vf->max_frame = IGBX_VF_DEFAULT_FRAME;
	igbx_sriov_vlvf_write(adapter);
	igbx_vfta_write(adapter);
	igbx_sriov_vf_write(adapter, n);
	if (had_mc) {
		netif_addr_lock_bh(netdev);
		igbx_mta_write(netdev);
		netif_addr_unlock_bh(netdev);
	}
}

/* VF_RESET: the VF starts afresh; give it its address and enable it. */
static int igbx_vf_reset_msg(struct igbx_adapter *adapter, unsigned int n,
			     u32 *reply)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];

	igbx_vf_clear(adapter, n);
	igbx_sriov_stats_fold(adapter);
	vf->cts = true;
	igbx_sriov_enables_write(adapter);
	/* exactly RESET | ACK and the address: igbvf checks word 0 whole */
	reply[0] = IGBX_VF_RESET | IGBX_MBX_ACK;
	reply[1] = get_unaligned_le32(vf->mac);
	reply[2] = get_unaligned_le16(vf->mac + 4);
	return 3;
}

static int igbx_vf_set_mac(struct igbx_adapter *adapter, unsigned int n,
			   const u32 *msg)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	u8 mac[ETH_ALEN];

	switch (FIELD_GET(IGBX_MBX_INFO, msg[0])) {
	case 0:
		break;
	case IGBX_VF_MAC_CLEAR:
		return 0;	/* it has no extra filters */
	case IGBX_VF_MAC_ADD:
		return -EOPNOTSUPP;	/* the VF's own address only */
	default:
		return -EINVAL;
	}
	put_unaligned_le32(msg[1], mac);
	put_unaligned_le16(msg[2], mac + 4);
	if (!is_valid_ether_addr(mac))
		return -EINVAL;
	if (ether_addr_equal(mac, vf->mac))
		return 0;
	if (vf->mac_admin && !vf->trusted) {
		net_info_ratelimited("%s: VF %u may not change the address its administrator set\n",
				     netdev_name(adapter->netdev), n);
		return -EPERM;
	}
	if (igbx_sriov_mac_in_use(adapter, mac, n))
		return -EADDRINUSE;
	ether_addr_copy(vf->mac, mac);
	igbx_sriov_vf_write(adapter, n);
	return 0;
}

static int igbx_vf_set_mc(struct igbx_adapter *adapter, unsigned int n,
			  const u32 *msg)
{
	unsigned int count = FIELD_GET(IGBX_MBX_INFO, msg[0]), i;
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	struct net_device *netdev = adapter->netdev;
	u16 hash[IGBX_VF_MC_MAX];

	if (count > IGBX_VF_MC_MAX)
		return -EINVAL;
	for (i = 0; i < count; i++) {
		hash[i] = (msg[1 + i / 2] >> (16 * (i % 2))) & 0xffff;
		if (hash[i] >= IGBX_MTA_REGS * 32)
			return -EINVAL;
	}
	spin_lock_bh(&adapter->sriov.mc_lock);
	memcpy(vf->mc_hash, hash, count * sizeof(hash[0]));
	vf->mc_count = count;
	spin_unlock_bh(&adapter->sriov.mc_lock);
	igbx_sriov_vf_write(adapter, n);	/* VMOLR.ROMPE */
	netif_addr_lock_bh(netdev);
	igbx_mta_write(netdev);
	netif_addr_unlock_bh(netdev);
	return 0;
}

static int igbx_vf_set_vlan(struct igbx_adapter *adapter, unsigned int n,
			    const u32 *msg)
{
	unsigned int add = FIELD_GET(IGBX_MBX_INFO, msg[0]);
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	u32 vid = msg[1];
	int err;

	if (add > 1 || vid >= VLAN_N_VID)
		return -EINVAL;
	/* an administrative VLAN is all the VF gets */
	if (vf->pf_vlan)
		return -EPERM;
	if (!vid)
		return 0;	/* priority tags pass as untagged */
	if (add == test_bit(vid, vf->vlans))
		return 0;
	if (add)
		set_bit(vid, vf->vlans);
	else
		clear_bit(vid, vf->vlans);
	err = igbx_sriov_vlvf_write(adapter);
	if (err) {
		clear_bit(vid, vf->vlans);
		return err;
	}
	igbx_vfta_write(adapter);
	return 0;
}

static int igbx_vf_set_lpe(struct igbx_adapter *adapter, unsigned int n,
			   const u32 *msg)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];

	if (msg[1] < IGBX_VF_MIN_FRAME || msg[1] > IGBX_VF_MAX_FRAME)
		return -EINVAL;
	vf->max_frame = msg[1];
	igbx_sriov_vf_write(adapter, n);
	return 0;
}

/* True if VF @n sent more than its share of messages this second. */
static bool igbx_vf_flooding(struct igbx_vf *vf)
{
	if (time_after(jiffies, vf->window + HZ)) {
		vf->window = jiffies;
		vf->in_window = 0;
	}
	return ++vf->in_window > IGBX_VF_MSGS_PER_SEC;
}

/* Serve VF @n's request: read, acknowledge, act, reply. */
static void igbx_mbx_serve(struct igbx_adapter *adapter, unsigned int n)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	struct igbx_vf *vf = &sriov->vf[n];
	struct igbx_hw *hw = &adapter->hw;
	u32 msg[IGBX_VMBMEM_WORDS];
	int words = 1, err;
	unsigned int i;
	u32 type;

	if (!igbx_mbx_lock(hw, n)) {
		/* it still writes: come back for it */
		mod_delayed_work(system_unbound_wq, &sriov->mbx_task, 1);
		return;
	}
	for (i = 0; i < IGBX_VMBMEM_WORDS; i++)
		msg[i] = igbx_rd32(hw, IGBX_VMBMEM(n) + 4 * i);
	/* the VF's request is read; keep the buffer for the reply */
	igbx_wr32(hw, IGBX_P2VMAILBOX(n),
		  IGBX_P2VMAILBOX_ACK | IGBX_P2VMAILBOX_PFU);

	type = FIELD_GET(IGBX_MBX_TYPE, msg[0]);
	if (igbx_vf_flooding(vf)) {
		err = -EBUSY;
	} else if (msg[0] & IGBX_MBX_FLAGS) {
		err = -EINVAL;	/* a reply's flags: not a request */
	} else if (type == IGBX_VF_RESET) {
		words = igbx_vf_reset_msg(adapter, n, msg);
		err = 0;
	} else if (!vf->cts) {
		err = -EAGAIN;	/* reset first */
	} else {
		switch (type) {
		case IGBX_VF_SET_MAC:
			err = igbx_vf_set_mac(adapter, n, msg);
			words = 3;
			break;
		case IGBX_VF_SET_MC:
			err = igbx_vf_set_mc(adapter, n, msg);
			break;
		case IGBX_VF_SET_VLAN:
			err = igbx_vf_set_vlan(adapter, n, msg);
			words = 2;
			break;
		case IGBX_VF_SET_LPE:
			err = igbx_vf_set_lpe(adapter, n, msg);
			break;
		default:
			err = -EBADMSG;
			break;
		}
	}

	if (type != IGBX_VF_RESET || err) {
		msg[0] = FIELD_PREP(IGBX_MBX_TYPE, type) |
			 FIELD_PREP(IGBX_MBX_INFO,
				    FIELD_GET(IGBX_MBX_INFO, msg[0]));
		msg[0] |= err ? IGBX_MBX_NACK : IGBX_MBX_ACK;
		if (vf->cts && vf->link_state != IFLA_VF_LINK_STATE_DISABLE)
			msg[0] |= IGBX_MBX_CTS;
	}
	vf->msgs++;
	sriov->msgs++;
	/*
	 * Not counted: requests before the reset handshake (normal after a
	 * PF reset) and extra unicast filters (igbx gives a VF one address).
	 */
	if (err && err != -EAGAIN && err != -EOPNOTSUPP) {
		vf->refused++;
		sriov->refused++;
		net_warn_ratelimited("%s: VF %u: message %#x refused (%d)\n",
				     netdev_name(adapter->netdev), n,
				     type, err);
	}
	trace_igbx_vf_msg(adapter->netdev, n, type, err);
	igbx_mbx_write(adapter, n, msg, words, true);
}

/**
 * igbx_mbx_task() - serve VF function resets and mailbox requests
 * @work: igbx_sriov::mbx_task
 */
void igbx_mbx_task(struct work_struct *work)
{
	struct igbx_adapter *adapter = container_of(to_delayed_work(work),
						    struct igbx_adapter,
						    sriov.mbx_task);
	struct igbx_sriov *sriov = &adapter->sriov;
	struct igbx_hw *hw = &adapter->hw;
	unsigned long pending;
	unsigned int n;
	u32 mask, icr;

	mutex_lock(&sriov->lock);
	if (!sriov->active || !sriov->num_vfs ||
	    test_bit(IGBX_STATE_OFFLINE, adapter->state) || igbx_removed(hw))
		goto out;
	mask = GENMASK(sriov->num_vfs - 1, 0);

	/* function level resets first: a request that follows one is new */
	pending = igbx_rd32(hw, IGBX_VFLRE) & mask;
	if (pending) {
		igbx_wr32(hw, IGBX_VFLRE, pending);
		for_each_set_bit(n, &pending, sriov->num_vfs) {
			sriov->vf_resets++;
			igbx_vf_clear(adapter, n);
		}
	}
	icr = igbx_rd32(hw, IGBX_MBVFICR);
	pending = FIELD_GET(IGBX_MBVFICR_VFREQ, icr) & mask;
	/* the VFs' acknowledgments need nothing from the PF */
	igbx_wr32(hw, IGBX_MBVFICR,
		  icr & (IGBX_MBVFICR_VFREQ | IGBX_MBVFICR_VFACK));
	for_each_set_bit(n, &pending, sriov->num_vfs)
		igbx_mbx_serve(adapter, n);

	if (xchg(&sriov->link_changed, false))
		igbx_sriov_link_changed(adapter);
	if (++sriov->ticks >= IGBX_STATS_TICKS) {
		sriov->ticks = 0;
		igbx_sriov_stats_fold(adapter);
	}
out:
	if (sriov->active)
		queue_delayed_work(system_unbound_wq, &sriov->mbx_task,
				   IGBX_MBX_POLL);
	mutex_unlock(&sriov->lock);
}
