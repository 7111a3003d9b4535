// SPDX-License-Identifier: GPL-2.0
/*
 * igbx: SR-IOV, the physical function's side (datasheet 7.8
 * "Virtualization").
 *
 * With VFs enabled the receive path runs in VMDq mode (MRQC = VMDq): every
 * received frame goes to one or more pools by its destination address (RAR
 * POOLSEL), its VLAN (VLVF POOLSEL) and each pool's own acceptance rules
 * (VMOLR: broadcast, hashed multicast, untagged, longest frame).  Pool n is
 * VF n's (queues n and n + 8, which the VF programs through its own BAR);
 * the PF keeps pool IGBX_PF_POOL and, in it, one queue pair.  Transmit goes
 * through the switch (DTXSWC): a frame for another pool's address loops
 * back inside the NIC.  Each pool receives and transmits only while its
 * VFRE/VFTE bit is set: for a VF, from its reset handshake on (mbx.c).
 *
 * The VFs' state and the pool registers are under igbx_sriov::lock (taken
 * after RTNL where both are held); the VFs' multicast hashes also under
 * igbx_sriov::mc_lock for igbx_rx_mode_write(), which runs atomic.
 */
#include <linux/etherdevice.h>
#include <linux/if_link.h>

#include "igbx.h"

/* The PF's VMOLR: its pool takes broadcast, hashed multicast, untagged. */
static u32 igbx_pf_vmolr(struct igbx_adapter *adapter,
			 netdev_features_t features)
{
	u32 frame = adapter->netdev->mtu + IGBX_RX_FRAME_OVERHEAD;
	u32 vmolr = IGBX_VMOLR_BAM | IGBX_VMOLR_ROMPE | IGBX_VMOLR_AUPE |
		    IGBX_VMOLR_LPE | FIELD_PREP(IGBX_VMOLR_RLPML, frame);

	if (features & NETIF_F_HW_VLAN_CTAG_RX)
		vmolr |= IGBX_VMOLR_STRVLAN;
	return vmolr;
}

/**
 * igbx_sriov_pf_vmolr_write() - program the PF pool's receive options
 * @adapter: port with VFs
 * @features: the net_device features to apply (VLAN stripping)
 */
void igbx_sriov_pf_vmolr_write(struct igbx_adapter *adapter,
			       netdev_features_t features)
{
	igbx_wr32(&adapter->hw, IGBX_VMOLR(IGBX_PF_POOL),
		  igbx_pf_vmolr(adapter, features));
}

/* VF @n's pool options: it always gets its VLAN tags stripped. */
static u32 igbx_vf_vmolr(const struct igbx_vf *vf)
{
	u32 vmolr = IGBX_VMOLR_BAM | IGBX_VMOLR_STRVLAN | IGBX_VMOLR_LPE |
		    FIELD_PREP(IGBX_VMOLR_RLPML, vf->max_frame);

	/* an administrative VLAN: only frames tagged with it */
	if (!vf->pf_vlan)
		vmolr |= IGBX_VMOLR_AUPE;
	if (vf->mc_count)
		vmolr |= IGBX_VMOLR_ROMPE;
	return vmolr;
}

/**
 * igbx_sriov_vf_write() - program everything of VF @n's pool but its enables
 * @adapter: port with VFs
 * @n: VF
 */
void igbx_sriov_vf_write(struct igbx_adapter *adapter, unsigned int n)
{
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	struct igbx_hw *hw = &adapter->hw;
	u32 vmvir = 0;

	igbx_rar_set(hw, vf->mac, IGBX_VF_RAR(n), BIT(n));
	igbx_wr32(hw, IGBX_VMOLR(n), igbx_vf_vmolr(vf));
	if (vf->pf_vlan)
		vmvir = FIELD_PREP(IGBX_VMVIR_VLANA, IGBX_VMVIR_VLANA_DEFAULT) |
			FIELD_PREP(IGBX_VMVIR_VLAN, vf->pf_vlan |
				   (u16)vf->pf_qos << VLAN_PRIO_SHIFT);
	igbx_wr32(hw, IGBX_VMVIR(n), vmvir);
}

/**
 * igbx_sriov_enables_write() - program the pools' RX/TX enables and the
 *	transmit switch
 * @adapter: port with VFs
 *
 * A VF's pool is enabled once it finished its reset handshake.
 */
void igbx_sriov_enables_write(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	u32 pools = BIT(IGBX_PF_POOL), spoof = 0;
	struct igbx_hw *hw = &adapter->hw;
	unsigned int n;

	for (n = 0; n < sriov->num_vfs; n++) {
		if (sriov->vf[n].cts)
			pools |= BIT(n);
		if (sriov->vf[n].spoofchk)
			spoof |= BIT(n);
	}
	igbx_wr32(hw, IGBX_DTXSWC, IGBX_DTXSWC_LOOPBACK_EN |
				  FIELD_PREP(IGBX_DTXSWC_MAC_SPOOF, spoof) |
				  FIELD_PREP(IGBX_DTXSWC_VLAN_SPOOF, spoof));
	igbx_wr32(hw, IGBX_VFRE, pools);
	igbx_wr32(hw, IGBX_VFTE, pools);
}

/*
 * VF @n's transmit limit on its queue n (datasheet 7.8.x, 8.12.x): the
 * rate factor is link speed / limit, fixed point with 14 fraction bits, so
 * it follows the link speed.  Without a link the limit waits for one.
 */
static void igbx_vf_rate_write(struct igbx_adapter *adapter, unsigned int n)
{
	u32 limit = adapter->sriov.vf[n].max_rate, bcnrc = 0;
	int speed = READ_ONCE(adapter->link.speed);
	u64 rf;

	if (limit && speed > 0) {
		rf = div_u64((u64)speed << 14, limit);
		bcnrc = IGBX_RTTBCNRC_RS_ENA |
			FIELD_PREP(IGBX_RTTBCNRC_RF_INT, rf >> 14) |
			FIELD_PREP(IGBX_RTTBCNRC_RF_DEC, rf);
	}
	igbx_wr32(&adapter->hw, IGBX_RTTDQSEL, n);
	igbx_wr32(&adapter->hw, IGBX_RTTBCNRC, bcnrc);
}

/**
 * igbx_sriov_rates_write() - program every VF's transmit limit
 * @adapter: port with VFs (igbx_sriov::lock); after a reset or a change
 *	of link speed
 */
void igbx_sriov_rates_write(struct igbx_adapter *adapter)
{
	unsigned int n;

	for (n = 0; n < adapter->sriov.num_vfs; n++)
		igbx_vf_rate_write(adapter, n);
}

/* Add pool @pool to VLAN @vid's VLVF entry in @vlvf, or take a new one. */
static int igbx_vlvf_add(u32 *vlvf, unsigned int *used, u16 vid,
			 unsigned int pool)
{
	unsigned int i;

	for (i = 0; i < *used; i++) {
		if (FIELD_GET(IGBX_VLVF_VLANID, vlvf[i]) == vid) {
			vlvf[i] |= FIELD_PREP(IGBX_VLVF_POOLSEL, BIT(pool));
			return 0;
		}
	}
	if (*used == IGBX_VLVF_ENTRIES)
		return -ENOSPC;
	vlvf[(*used)++] = IGBX_VLVF_EN | FIELD_PREP(IGBX_VLVF_VLANID, vid) |
			  FIELD_PREP(IGBX_VLVF_POOLSEL, BIT(pool));
	return 0;
}

/**
 * igbx_sriov_vlvf_write() - program which pools each VLAN goes to
 * @adapter: port (igbx_sriov::lock)
 *
 * The table is built from what the PF and the VFs joined (a VF with an
 * administrative VLAN: only that one).  Without VFs it is left alone.
 *
 * Return: 0, or -ENOSPC (nothing written) when more VLANs are wanted than
 * the table has entries.
 */
int igbx_sriov_vlvf_write(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	u32 vlvf[IGBX_VLVF_ENTRIES] = {};
	unsigned int used = 0, n, i;
	unsigned long vid;
	int err;

	if (!sriov->num_vfs)
		return 0;
	for_each_set_bit(vid, adapter->active_vlans, VLAN_N_VID) {
		err = igbx_vlvf_add(vlvf, &used, vid, IGBX_PF_POOL);
		if (err)
			return err;
	}
	for (n = 0; n < sriov->num_vfs; n++) {
		struct igbx_vf *vf = &sriov->vf[n];

		if (vf->pf_vlan) {
			err = igbx_vlvf_add(vlvf, &used, vf->pf_vlan, n);
			if (err)
				return err;
			continue;
		}
		for_each_set_bit(vid, vf->vlans, VLAN_N_VID) {
			err = igbx_vlvf_add(vlvf, &used, vid, n);
			if (err)
				return err;
		}
	}
	for (i = 0; i < IGBX_VLVF_ENTRIES; i++)
		igbx_wr32(&adapter->hw, IGBX_VLVF(i), vlvf[i]);
	return 0;
}

/**
 * igbx_sriov_vfta_word() - the VFs' VLANs in VLAN filter table word @i
 * @adapter: port
 * @i: VFTA word
 *
 * Return: VLAN bits to accept for the VFs.
 */
u32 igbx_sriov_vfta_word(struct igbx_adapter *adapter, unsigned int i)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	unsigned int n, b;
	u32 w = 0;

	for (n = 0; n < sriov->num_vfs; n++) {
		struct igbx_vf *vf = &sriov->vf[n];

		if (vf->pf_vlan) {
			if (vf->pf_vlan / 32 == i)
				w |= BIT(vf->pf_vlan % 32);
			continue;
		}
		for (b = 0; b < 32; b++)
			if (test_bit(32 * i + b, vf->vlans))
				w |= BIT(b);
	}
	return w;
}

/**
 * igbx_sriov_mta() - add the VFs' multicast hashes to the table
 * @adapter: port
 * @mta: the Multicast Table Array being built
 *
 * Atomic context (the address list lock may be held).
 */
void igbx_sriov_mta(struct igbx_adapter *adapter, u32 *mta)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	unsigned long flags;
	unsigned int n, i;

	spin_lock_irqsave(&sriov->mc_lock, flags);
	for (n = 0; n < sriov->num_vfs && sriov->vf; n++) {
		struct igbx_vf *vf = &sriov->vf[n];

		for (i = 0; i < vf->mc_count; i++)
			mta[vf->mc_hash[i] >> 5] |= BIT(vf->mc_hash[i] & 0x1f);
	}
	spin_unlock_irqrestore(&sriov->mc_lock, flags);
}

/* igbx_sriov_hw_write() with igbx_sriov::lock held */
static void __igbx_sriov_hw_write(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	struct igbx_hw *hw = &adapter->hw;
	unsigned int n;

	if (!sriov->num_vfs)
		return;
	igbx_wr32(hw, IGBX_VT_CTL,
		  FIELD_PREP(IGBX_VT_CTL_DEF_PL, IGBX_PF_POOL) |
		  IGBX_VT_CTL_REPL_EN);
	igbx_sriov_pf_vmolr_write(adapter, adapter->netdev->features);
	for (n = 0; n < sriov->num_vfs; n++)
		igbx_sriov_vf_write(adapter, n);
	if (igbx_sriov_vlvf_write(adapter))
		netdev_err(adapter->netdev, "VLAN pool filters do not fit\n");
	igbx_vfta_write(adapter);
	igbx_sriov_rates_write(adapter);
	igbx_sriov_enables_write(adapter);
	igbx_wr32(hw, IGBX_MBVFIMR, GENMASK(sriov->num_vfs - 1, 0));
	igbx_wr32(hw, IGBX_CTRL_EXT,
		  igbx_rd32(hw, IGBX_CTRL_EXT) | IGBX_CTRL_EXT_PFRSTD);
	igbx_flush(hw);
}

/**
 * igbx_sriov_hw_write() - program the pools for the VFs there are
 * @adapter: port, receive off or about to be reprogrammed
 *
 * VMDq control, every pool's address, options and VLANs, the switch and
 * the enables; then PF reset done (CTRL_EXT.PFRSTD), which a VF waits for
 * before it starts its reset handshake.  Nothing without VFs.
 */
void igbx_sriov_hw_write(struct igbx_adapter *adapter)
{
	mutex_lock(&adapter->sriov.lock);
	__igbx_sriov_hw_write(adapter);
	mutex_unlock(&adapter->sriov.lock);
}

/**
 * igbx_sriov_reset_done() - the controller was reset under the VFs
 * @adapter: port
 *
 * A PF reset resets every VF (datasheet 7.8.2): their pools are disabled
 * until each VF does its reset handshake again, which the control message
 * sent here asks for.
 */
void igbx_sriov_reset_done(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	unsigned int n;

	mutex_lock(&sriov->lock);
	__igbx_sriov_hw_write(adapter);
	igbx_sriov_stats_fold(adapter);	/* the reset cleared the counters */
	for (n = 0; n < sriov->num_vfs; n++) {
		if (!sriov->vf[n].cts)
			continue;
		sriov->vf[n].cts = false;
		igbx_mbx_control(adapter, n, true);
	}
	if (sriov->num_vfs)
		igbx_sriov_enables_write(adapter);
	mutex_unlock(&sriov->lock);
}

/**
 * igbx_sriov_link_changed() - tell the VFs the port's link changed
 * @adapter: port (igbx_sriov::lock)
 *
 * Each VF reads the link from its STATUS register; the control message
 * makes it look now.
 */
void igbx_sriov_link_changed(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	unsigned int n;

	igbx_sriov_rates_write(adapter);	/* the factors follow the speed */
	for (n = 0; n < sriov->num_vfs; n++)
		if (sriov->vf[n].cts)
			igbx_mbx_control(adapter, n, false);
	if (sriov->num_vfs)
		igbx_mbx_look(adapter);
}

/*
 * Fold VF @n's per-pool counters into 64-bit ones.  They are 32 bits wide
 * and this runs at least once a second (the mailbox task), long before
 * one could wrap (the byte counters need 34 s at line rate): a counter
 * below its last value was cleared by a reset and counts from zero.
 */
static void igbx_vf_stats_fold(struct igbx_adapter *adapter, unsigned int n)
{
	static const u32 regs[IGBX_VF_NCOUNTERS] = {
		[IGBX_VF_RX_PACKETS] = IGBX_PVFGPRC(0),
		[IGBX_VF_TX_PACKETS] = IGBX_PVFGPTC(0),
		[IGBX_VF_RX_BYTES] = IGBX_PVFGORC(0),
		[IGBX_VF_TX_BYTES] = IGBX_PVFGOTC(0),
		[IGBX_VF_MULTICAST] = IGBX_PVFMPRC(0),
	};
	struct igbx_vf *vf = &adapter->sriov.vf[n];
	unsigned int i;
	u32 now;

	if (test_bit(IGBX_STATE_OFFLINE, adapter->state) ||
	    igbx_removed(&adapter->hw))
		return;
	for (i = 0; i < IGBX_VF_NCOUNTERS; i++) {
		now = igbx_rd32(&adapter->hw, regs[i] + 0x100 * n);
		vf->stats[i] += now >= vf->last[i] ? now - vf->last[i] : now;
		vf->last[i] = now;
	}
}

/**
 * igbx_sriov_stats_fold() - fold every VF's counters
 * @adapter: port (igbx_sriov::lock)
 */
void igbx_sriov_stats_fold(struct igbx_adapter *adapter)
{
	unsigned int n;

	for (n = 0; n < adapter->sriov.num_vfs; n++)
		igbx_vf_stats_fold(adapter, n);
}

/* --- enabling and disabling VFs ------------------------------------------ */

/* The PF's queue pairs move to (or back from) its pool: port stopped. */
static void igbx_sriov_layout(struct igbx_adapter *adapter, unsigned int n)
{
	struct igbx_q_vector *qv;
	unsigned int v;

	adapter->sriov.num_vfs = n;
	for (v = 0; v < adapter->num_qp; v++) {
		qv = adapter->q_vector[v];
		qv->tx.reg_idx = igbx_qp_reg(adapter, v);
		qv->rx.reg_idx = igbx_qp_reg(adapter, v);
		qv->xdp.reg_idx = IGBX_XDP_TXQ_BASE + igbx_qp_reg(adapter, v);
	}
}

static int igbx_sriov_enable(struct igbx_adapter *adapter, int num_vfs)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	struct net_device *netdev = adapter->netdev;
	struct pci_dev *pdev = adapter->pdev;
	unsigned int saved_qp, n;
	struct igbx_vf *vf;
	bool running;
	int err;

	if (adapter->irq_mode != IGBX_IRQ_MSIX) {
		dev_err(&pdev->dev, "VFs need MSI-X for the mailbox interrupt\n");
		return -EOPNOTSUPP;
	}
	if (num_vfs > IGBX_MAX_VFS) {
		dev_err(&pdev->dev, "at most %d VFs: pool %d is the PF's\n",
			IGBX_MAX_VFS, IGBX_PF_POOL);
		return -ERANGE;
	}
	vf = kcalloc(num_vfs, sizeof(*vf), GFP_KERNEL);
	if (!vf)
		return -ENOMEM;
	for (n = 0; n < num_vfs; n++) {
		eth_random_addr(vf[n].mac);
		vf[n].spoofchk = true;
		vf[n].link_state = IFLA_VF_LINK_STATE_AUTO;
		vf[n].max_frame = IGBX_VF_DEFAULT_FRAME;
	}

	rtnl_lock();
	if (!netif_device_present(netdev)) {
		err = -EBUSY;
		dev_err(&pdev->dev, "port is suspended or in reset\n");
		goto err_unlock;
	}
	saved_qp = adapter->num_qp;
	err = igbx_set_num_qp(adapter, 1);
	if (err)
		goto err_unlock;
	running = netif_running(netdev);
	if (running)
		igbx_down(adapter);
	mutex_lock(&sriov->lock);
	spin_lock_bh(&sriov->mc_lock);
	sriov->vf = vf;
	spin_unlock_bh(&sriov->mc_lock);
	sriov->saved_qp = saved_qp;
	igbx_sriov_layout(adapter, num_vfs);
	__igbx_sriov_hw_write(adapter);
	for (n = 0; n < num_vfs; n++) {	/* counting starts now */
		igbx_vf_stats_fold(adapter, n);
		memset(vf[n].stats, 0, sizeof(vf[n].stats));
	}
	sriov->active = true;
	mutex_unlock(&sriov->lock);
	if (running)
		igbx_up(adapter);
	rtnl_unlock();

	/* igbvf may bind at once and start its reset handshake */
	mod_delayed_work(system_unbound_wq, &sriov->mbx_task, 0);
	err = pci_enable_sriov(pdev, num_vfs);
	if (err) {
		dev_err(&pdev->dev, "cannot enable %d VFs (%d)\n", num_vfs,
			err);
		igbx_sriov_teardown(adapter);
		return err;
	}
	dev_info(&pdev->dev, "%d VFs enabled; the PF keeps pool %d\n",
		 num_vfs, IGBX_PF_POOL);
	return num_vfs;

err_unlock:
	rtnl_unlock();
	kfree(vf);
	return err;
}

/**
 * igbx_sriov_teardown() - leave VMDq mode once the VFs are gone
 * @adapter: port; no VF function exists any more
 *
 * Stops the mailbox task, resets the controller out of VMDq mode and gives
 * the port back the queue pairs it had.  Safe without VFs.
 */
void igbx_sriov_teardown(struct igbx_adapter *adapter)
{
	struct igbx_sriov *sriov = &adapter->sriov;
	struct net_device *netdev = adapter->netdev;
	bool running, present;
	struct igbx_vf *vf;

	mutex_lock(&sriov->lock);
	sriov->active = false;
	mutex_unlock(&sriov->lock);
	cancel_delayed_work_sync(&sriov->mbx_task);

	rtnl_lock();
	if (!sriov->num_vfs)
		goto out;
	/* a port detached (PCI error, suspend) or gone is down already */
	present = !test_bit(IGBX_STATE_OFFLINE, adapter->state) &&
		  !igbx_removed(&adapter->hw);
	running = present && netif_running(netdev);
	if (running)
		igbx_down(adapter);
	mutex_lock(&sriov->lock);
	igbx_sriov_layout(adapter, 0);
	spin_lock_bh(&sriov->mc_lock);
	vf = sriov->vf;
	sriov->vf = NULL;
	spin_unlock_bh(&sriov->mc_lock);
	mutex_unlock(&sriov->lock);
	kfree(vf);
	/*
	 * A reset is the one way back to every VMDq register's default.  A
	 * detached port keeps one queue pair: its way back (igbx_online())
	 * resets it anyway.
	 */
	if (!present)
		goto out;
	if (igbx_adapter_reset(adapter))
		netdev_err(netdev, "reset after disabling VFs failed\n");
	if (running) {
		igbx_up(adapter);
		igbx_link_start(adapter);
	}
	if (igbx_set_num_qp(adapter, sriov->saved_qp))
		netdev_warn(netdev, "staying at one queue pair\n");
out:
	rtnl_unlock();
}

/**
 * igbx_sriov_configure() - pci_driver.sriov_configure: set the VF count
 * @pdev: the PF
 * @num_vfs: VFs wanted (0: disable them)
 *
 * Return: @num_vfs on success, or a negative errno (nothing changed).
 */
int igbx_sriov_configure(struct pci_dev *pdev, int num_vfs)
{
	struct igbx_adapter *adapter = pci_get_drvdata(pdev);

	if (!num_vfs) {
		if (pci_vfs_assigned(pdev)) {
			dev_err(&pdev->dev, "VFs are assigned to guests; not disabling them\n");
			return -EBUSY;
		}
		pci_disable_sriov(pdev);
		igbx_sriov_teardown(adapter);
		return 0;
	}
	return igbx_sriov_enable(adapter, num_vfs);
}

/**
 * igbx_sriov_init() - set up the SR-IOV bookkeeping
 * @adapter: port, at probe
 */
void igbx_sriov_init(struct igbx_adapter *adapter)
{
	mutex_init(&adapter->sriov.lock);
	spin_lock_init(&adapter->sriov.mc_lock);
	INIT_DELAYED_WORK(&adapter->sriov.mbx_task, igbx_mbx_task);
}

/**
 * igbx_sriov_remove() - disable the VFs before the PF goes away
 * @adapter: port, at remove
 */
void igbx_sriov_remove(struct igbx_adapter *adapter)
{
	struct pci_dev *pdev = adapter->pdev;

	if (!pci_num_vf(pdev) && !adapter->sriov.num_vfs)
		return;
	if (pci_vfs_assigned(pdev))
		dev_warn(&pdev->dev, "VFs still assigned to guests are removed with the PF\n");
	pci_disable_sriov(pdev);
	igbx_sriov_teardown(adapter);
}

/* --- ip link set <pf> vf N ... ------------------------------------------ */

/**
 * igbx_sriov_mac_in_use() - another function uses this address
 * @adapter: port
 * @mac: address
 * @self: the VF asking (-1: none)
 *
 * Return: true if the PF or another VF has @mac.
 */
bool igbx_sriov_mac_in_use(struct igbx_adapter *adapter, const u8 *mac,
			   int self)
{
	unsigned int n;

	if (ether_addr_equal(mac, adapter->netdev->dev_addr))
		return true;
	for (n = 0; n < adapter->sriov.num_vfs; n++)
		if (n != self && ether_addr_equal(mac, adapter->sriov.vf[n].mac))
			return true;
	return false;
}

/*
 * These come under RTNL; a VF's state is also the mailbox task's, so each
 * holds igbx_sriov::lock (igbx_vf_lock()) while it reads or changes it.
 */
static struct igbx_vf *igbx_vf_lock(struct igbx_adapter *adapter, int n)
{
	mutex_lock(&adapter->sriov.lock);
	if (n >= 0 && n < adapter->sriov.num_vfs)
		return &adapter->sriov.vf[n];
	mutex_unlock(&adapter->sriov.lock);
	return NULL;
}

/**
 * igbx_set_vf_mac() - ndo_set_vf_mac: the administrator sets a VF's address
 * @netdev: the PF
 * @n: VF
 * @mac: the address; all zeros gives the choice back to the driver
 *
 * Return: 0 or a negative errno.
 */
int igbx_set_vf_mac(struct net_device *netdev, int n, u8 *mac)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	bool admin = !is_zero_ether_addr(mac);
	struct igbx_vf *vf;
	int err = 0;

	if (admin && !is_valid_ether_addr(mac)) {
		netdev_err(netdev, "VF %d: %pM is not a unicast address\n", n,
			   mac);
		return -EINVAL;
	}
	vf = igbx_vf_lock(adapter, n);
	if (!vf)
		return -EINVAL;
	if (admin && igbx_sriov_mac_in_use(adapter, mac, n)) {
		netdev_err(netdev, "VF %d: %pM is in use by another function\n",
			   n, mac);
		err = -EADDRINUSE;
		goto unlock;
	}
	vf->mac_admin = admin;
	if (admin)
		ether_addr_copy(vf->mac, mac);
	else
		eth_random_addr(vf->mac);
	igbx_sriov_vf_write(adapter, n);
	/* a running VF takes the address with a reset */
	if (vf->cts) {
		vf->cts = false;
		igbx_sriov_enables_write(adapter);
		igbx_mbx_control(adapter, n, true);
		igbx_mbx_look(adapter);
	}
	netdev_info(netdev, "VF %d: MAC address %pM%s\n", n, vf->mac,
		    admin ? " (administrator's)" : "");
unlock:
	mutex_unlock(&adapter->sriov.lock);
	return err;
}

/**
 * igbx_set_vf_vlan() - ndo_set_vf_vlan: an administrative VLAN for a VF
 * @netdev: the PF
 * @n: VF
 * @vid: VLAN ID, 0: none
 * @qos: priority
 * @proto: 802.1Q only
 *
 * Return: 0 or a negative errno.
 */
int igbx_set_vf_vlan(struct net_device *netdev, int n, u16 vid, u8 qos,
		     __be16 proto)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf;
	u16 old_vid;
	u8 old_qos;
	int err;

	if (proto != htons(ETH_P_8021Q))
		return -EPROTONOSUPPORT;
	if (vid >= VLAN_N_VID || qos > 7)
		return -EINVAL;
	if (!vid && qos) {
		netdev_err(netdev, "VF %d: a priority needs a VLAN ID\n", n);
		return -EINVAL;
	}
	vf = igbx_vf_lock(adapter, n);
	if (!vf)
		return -EINVAL;
	old_vid = vf->pf_vlan;
	old_qos = vf->pf_qos;
	vf->pf_vlan = vid;
	vf->pf_qos = qos;
	err = igbx_sriov_vlvf_write(adapter);
	if (err) {
		vf->pf_vlan = old_vid;
		vf->pf_qos = old_qos;
		netdev_err(netdev, "VF %d: no VLAN pool filter left\n", n);
	} else {
		igbx_vfta_write(adapter);
		igbx_sriov_vf_write(adapter, n);
	}
	mutex_unlock(&adapter->sriov.lock);
	return err;
}

/**
 * igbx_set_vf_spoofchk() - ndo_set_vf_spoofchk: transmit anti-spoofing
 * @netdev: the PF
 * @n: VF
 * @on: check the VF's source MAC and VLAN
 *
 * Return: 0 or -EINVAL.
 */
int igbx_set_vf_spoofchk(struct net_device *netdev, int n, bool on)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf = igbx_vf_lock(adapter, n);

	if (!vf)
		return -EINVAL;
	vf->spoofchk = on;
	igbx_sriov_enables_write(adapter);
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}

/**
 * igbx_set_vf_trust() - ndo_set_vf_trust: may the VF change an
 *	administrator's address
 * @netdev: the PF
 * @n: VF
 * @on: trusted
 *
 * Return: 0 or -EINVAL.
 */
int igbx_set_vf_trust(struct net_device *netdev, int n, bool on)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf = igbx_vf_lock(adapter, n);

	if (!vf)
		return -EINVAL;
	vf->trusted = on;
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}

/**
 * igbx_set_vf_link_state() - ndo_set_vf_link_state: auto, enable or disable
 * @netdev: the PF
 * @n: VF
 * @state: IFLA_VF_LINK_STATE_*
 *
 * Return: 0 or -EINVAL.
 */
int igbx_set_vf_link_state(struct net_device *netdev, int n, int state)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf;

	if (state != IFLA_VF_LINK_STATE_AUTO &&
	    state != IFLA_VF_LINK_STATE_ENABLE &&
	    state != IFLA_VF_LINK_STATE_DISABLE)
		return -EINVAL;
	vf = igbx_vf_lock(adapter, n);
	if (!vf)
		return -EINVAL;
	vf->link_state = state;
	if (vf->cts) {
		igbx_mbx_control(adapter, n, false);
		igbx_mbx_look(adapter);
	}
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}

/**
 * igbx_set_vf_rate() - ndo_set_vf_rate: a VF's transmit limit
 * @netdev: the PF
 * @n: VF
 * @min_rate: must be 0: the 82576 limits, it does not guarantee
 * @max_rate: Mbit/s, up to 1000; 0: no limit
 *
 * Return: 0 or -EINVAL.
 */
int igbx_set_vf_rate(struct net_device *netdev, int n, int min_rate,
		     int max_rate)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf;

	if (min_rate) {
		netdev_err(netdev, "VF %d: no minimum rate: the 82576 only limits\n",
			   n);
		return -EINVAL;
	}
	if (max_rate < 0 || max_rate > SPEED_1000) {
		netdev_err(netdev, "VF %d: %d Mbit/s is beyond the link's 1000\n",
			   n, max_rate);
		return -EINVAL;
	}
	vf = igbx_vf_lock(adapter, n);
	if (!vf)
		return -EINVAL;
	vf->max_rate = max_rate;
	igbx_vf_rate_write(adapter, n);
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}

/**
 * igbx_get_vf_config() - ndo_get_vf_config: what ip link show lists
 * @netdev: the PF
 * @n: VF
 * @ivi: filled in
 *
 * Return: 0 or -EINVAL.
 */
int igbx_get_vf_config(struct net_device *netdev, int n,
		       struct ifla_vf_info *ivi)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf = igbx_vf_lock(adapter, n);

	if (!vf)
		return -EINVAL;
	ivi->vf = n;
	ether_addr_copy(ivi->mac, vf->mac);
	ivi->vlan = vf->pf_vlan;
	ivi->qos = vf->pf_qos;
	ivi->vlan_proto = htons(ETH_P_8021Q);
	ivi->spoofchk = vf->spoofchk;
	ivi->trusted = vf->trusted;
	ivi->linkstate = vf->link_state;
	ivi->max_tx_rate = vf->max_rate;
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}

/**
 * igbx_get_vf_stats() - ndo_get_vf_stats: the VF pool's counters
 * @netdev: the PF
 * @n: VF
 * @st: filled in
 *
 * Return: 0 or -EINVAL.
 */
int igbx_get_vf_stats(struct net_device *netdev, int n,
		      struct ifla_vf_stats *st)
{
	struct igbx_adapter *adapter = netdev_priv(netdev);
	struct igbx_vf *vf = igbx_vf_lock(adapter, n);

	if (!vf)
		return -EINVAL;
	igbx_vf_stats_fold(adapter, n);
	st->rx_packets = vf->stats[IGBX_VF_RX_PACKETS];
	st->tx_packets = vf->stats[IGBX_VF_TX_PACKETS];
	st->rx_bytes = vf->stats[IGBX_VF_RX_BYTES];
	st->tx_bytes = vf->stats[IGBX_VF_TX_BYTES];
	st->multicast = vf->stats[IGBX_VF_MULTICAST];
	mutex_unlock(&adapter->sriov.lock);
	return 0;
}
