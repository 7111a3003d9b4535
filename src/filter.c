// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: receive filtering and steering: unicast (RAR), multicast (MTA
 * hash), promiscuous modes, frame size limit, and RSS (MRQC/RETA/RSSRK).
 */
#include <linux/if_vlan.h>

#include "igbx.h"

/*
 * Multicast Table Array hash with RCTL.MO = 0 (datasheet 8.10.x): bits
 * 47:36 of the destination address pick one of 4096 bits.
 */
static u32 igbx_mta_hash(const u8 *addr)
{
	return ((addr[4] >> 4) | ((u32)addr[5] << 4)) & 0xfff;
}

/**
 * igbx_mta_write() - program the Multicast Table Array
 * @netdev: our net_device
 *
 * The PF's multicast addresses and the hashes its VFs asked for share the
 * one table.  Called with the address list lock held.
 */
void igbx_mta_write(struct net_device *netdev)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u32 mta[IGBX_MTA_REGS] = { };
	struct netdev_hw_addr *ha;
	unsigned int i;
	u32 hash;

	netdev_for_each_mc_addr(ha, netdev) {
		hash = igbx_mta_hash(ha->addr);
		mta[hash >> 5] |= BIT(hash & 0x1f);
	}
	igbx_sriov_mta(adapter, mta);
	for (i = 0; i < IGBX_MTA_REGS; i++)
		igbx_wr32(&adapter->hw, IGBX_MTA(i), mta[i]);
}

/**
 * igbx_rx_mode_write() - program address filters for a feature set
 * @netdev: our net_device
 * @features: features to apply (VLAN filtering); netdev->features, or the
 *	new set from ndo_set_features before the core stores it
 *
 * RAR 0 holds the device address; further unicast addresses take RAR 1..15
 * (unicast promiscuous beyond that); multicast addresses set MTA bits.
 * Called with the address list lock held (atomic).
 */
void igbx_rx_mode_write(struct net_device *netdev, netdev_features_t features)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	u32 pools = igbx_pf_pools(adapter);
	struct igbx_hw *hw = &adapter->hw;
	struct netdev_hw_addr *ha;
	unsigned int rar = 1;
	u32 rctl;

	rctl = igbx_rd32(hw, IGBX_RCTL) &
	       ~(IGBX_RCTL_UPE | IGBX_RCTL_MPE | IGBX_RCTL_VFE);
	if (netdev->flags & IFF_PROMISC)
		rctl |= IGBX_RCTL_UPE | IGBX_RCTL_MPE;
	/* Promiscuous means every VLAN too. */
	else if (features & NETIF_F_HW_VLAN_CTAG_FILTER)
		rctl |= IGBX_RCTL_VFE;
	if (netdev->flags & IFF_ALLMULTI)
		rctl |= IGBX_RCTL_MPE;

	if (netdev_uc_count(netdev) >= IGBX_RAR_ENTRIES) {
		rctl |= IGBX_RCTL_UPE;
	} else {
		netdev_for_each_uc_addr(ha, netdev)
			igbx_rar_set(hw, ha->addr, rar++, pools);
	}
	for (; rar < IGBX_RAR_ENTRIES; rar++)
		igbx_rar_clear(hw, rar);
	igbx_mta_write(netdev);

	igbx_wr32(hw, IGBX_RCTL, rctl);
	igbx_flush(hw);
}

/**
 * igbx_set_rx_mode() - ndo_set_rx_mode: program address filters
 * @netdev: our net_device
 */
void igbx_set_rx_mode(struct net_device *netdev)
{
	igbx_rx_mode_write(netdev, netdev->features);
}

/**
 * igbx_set_rlpml() - accept frames up to the MTU (plus two VLAN tags)
 * @adapter: port
 */
void igbx_set_rlpml(struct igbx_adapter *adapter)
{
	u32 max = adapter->netdev->mtu + IGBX_RX_FRAME_OVERHEAD;

	/* with pools, each pool has its own limit (VMOLR.RLPML) */
	if (adapter->sriov.num_vfs) {
		max = IGBX_MAX_MTU + IGBX_RX_FRAME_OVERHEAD;
		igbx_sriov_pf_vmolr_write(adapter, adapter->netdev->features);
	}

	igbx_wr32(&adapter->hw, IGBX_RLPML, FIELD_PREP(IGBX_RLPML_LEN, max));
}

/**
 * igbx_rss_default() - spread the indirection table over the queues
 * @adapter: port
 *
 * Leaves a table the user set alone (ethtool -X; "-X default" hands the
 * table back to the driver).
 */
void igbx_rss_default(struct igbx_adapter *adapter)
{
	unsigned int i, n = adapter->num_qp;

	if (netif_is_rxfh_configured(adapter->netdev))
		return;
	for (i = 0; i < IGBX_RETA_ENTRIES; i++)
		adapter->rss_indir[i] = ethtool_rxfh_indir_default(i, n);
}

/**
 * igbx_rss_write() - program the RSS key, table and hash types
 * @adapter: port
 */
void igbx_rss_write(struct igbx_adapter *adapter)
{
	struct igbx_hw *hw = &adapter->hw;
	unsigned int i;

	for (i = 0; i < IGBX_RSS_KEY_SIZE / 4; i++)
		igbx_wr32(hw, IGBX_RSSRK(i),
			  get_unaligned_le32(&adapter->rss_key[4 * i]));
	for (i = 0; i < IGBX_RETA_ENTRIES / 4; i++)
		igbx_wr32(hw, IGBX_RETA(i),
			  get_unaligned_le32(&adapter->rss_indir[4 * i]));
	/* with VFs: pools, one queue each (see igbx.rst, SR-IOV) */
	if (adapter->sriov.num_vfs) {
		igbx_wr32(hw, IGBX_MRQC, FIELD_PREP(IGBX_MRQC_MRQE,
						    IGBX_MRQC_MRQE_VMDQ));
		return;
	}
	igbx_wr32(hw, IGBX_MRQC,
		  FIELD_PREP(IGBX_MRQC_MRQE, IGBX_MRQC_MRQE_RSS) |
		  IGBX_MRQC_IPV4 | IGBX_MRQC_TCPIPV4 |
		  IGBX_MRQC_IPV6 | IGBX_MRQC_TCPIPV6 |
		  (adapter->rss_udp4 ? IGBX_MRQC_UDPIPV4 : 0) |
		  (adapter->rss_udp6 ? IGBX_MRQC_UDPIPV6 : 0));
}

/**
 * igbx_features_write() - program receive offloads for a feature set
 * @adapter: port
 * @features: the net_device features to apply
 *
 * RXCSUM.PCSD stays set so that descriptors carry the RSS hash.
 */
void igbx_features_write(struct igbx_adapter *adapter,
			 netdev_features_t features)
{
	struct igbx_hw *hw = &adapter->hw;
	u32 rxcsum = IGBX_RXCSUM_PCSD;
	u32 ctrl, rctl;

	if (features & NETIF_F_RXCSUM)
		rxcsum |= IGBX_RXCSUM_IPOFLD | IGBX_RXCSUM_TUOFLD;
	igbx_wr32(hw, IGBX_RXCSUM, rxcsum);

	/* rx-fcs keeps the CRC (no RCTL.SECRC); rx-all stores bad frames. */
	rctl = igbx_rd32(hw, IGBX_RCTL) & ~(IGBX_RCTL_SECRC | IGBX_RCTL_SBP);
	if (!(features & NETIF_F_RXFCS))
		rctl |= IGBX_RCTL_SECRC;
	if (features & NETIF_F_RXALL)
		rctl |= IGBX_RCTL_SBP;
	igbx_wr32(hw, IGBX_RCTL, rctl);

	ctrl = igbx_rd32(hw, IGBX_CTRL);
	if (features & NETIF_F_HW_VLAN_CTAG_RX)
		ctrl |= IGBX_CTRL_VME;
	else
		ctrl &= ~IGBX_CTRL_VME;
	igbx_wr32(hw, IGBX_CTRL, ctrl);
	/* with pools, stripping is the pool's (VMOLR.STRVLAN) */
	if (adapter->sriov.num_vfs)
		igbx_sriov_pf_vmolr_write(adapter, features);
}

/* VFTA word @i: VLAN IDs 32 * i .. 32 * i + 31 (datasheet 8.10). */
static u32 igbx_vfta_word(struct igbx_adapter *adapter, unsigned int i)
{
	unsigned int b;
	u32 w = 0;

	for (b = 0; b < 32; b++)
		if (test_bit(32 * i + b, adapter->active_vlans))
			w |= BIT(b);
	return w | igbx_sriov_vfta_word(adapter, i);
}

/**
 * igbx_vfta_write() - program the VLAN filter table from active_vlans
 * @adapter: port
 */
void igbx_vfta_write(struct igbx_adapter *adapter)
{
	unsigned int i;

	for (i = 0; i < IGBX_VFTA_REGS; i++)
		igbx_wr32(&adapter->hw, IGBX_VFTA(i), igbx_vfta_word(adapter, i));
}

static void igbx_vfta_write_one(struct igbx_adapter *adapter, u16 vid)
{
	unsigned int i = vid / 32;

	igbx_wr32(&adapter->hw, IGBX_VFTA(i), igbx_vfta_word(adapter, i));
}

/**
 * igbx_vlan_rx_add_vid() - ndo_vlan_rx_add_vid: accept a VLAN ID
 * @netdev: our net_device
 * @proto: 802.1Q
 * @vid: VLAN ID
 *
 * Return: 0, or -ENOSPC when VFs use every VLAN pool filter.
 */
int igbx_vlan_rx_add_vid(struct net_device *netdev, __be16 proto, u16 vid)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	int err;

	mutex_lock(&adapter->sriov.lock);
	set_bit(vid, adapter->active_vlans);
	/* with VFs the pool table routes the VLAN to the PF's pool too */
	err = igbx_sriov_vlvf_write(adapter);
	if (err)
		clear_bit(vid, adapter->active_vlans);
	else
		igbx_vfta_write_one(adapter, vid);
	mutex_unlock(&adapter->sriov.lock);
	if (err)
		netdev_err(netdev, "no VLAN pool filter left for VLAN %u\n", vid);
	return err;
}

/**
 * igbx_vlan_rx_kill_vid() - ndo_vlan_rx_kill_vid: drop a VLAN ID
 * @netdev: our net_device
 * @proto: 802.1Q
 * @vid: VLAN ID
 *
 * Return: 0.
 */
int igbx_vlan_rx_kill_vid(struct net_device *netdev, __be16 proto, u16 vid)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);

	mutex_lock(&adapter->sriov.lock);
	clear_bit(vid, adapter->active_vlans);
	igbx_sriov_vlvf_write(adapter);
	igbx_vfta_write_one(adapter, vid);
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}
