/* SPDX-License-Identifier: GPL-2.0 */
/* igbx: driver-private structures shared by the driver's files. */
#ifndef _IGBX_H_
#define _IGBX_H_

#include <linux/bitfield.h>
#include <linux/bpf.h>
#include <linux/dim.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include <linux/if_vlan.h>
#include <linux/io.h>
#include <linux/jump_label.h>
#include <linux/netdevice.h>
#include <linux/pci.h>
#include <linux/ptp_clock_kernel.h>
#include <linux/rtnetlink.h>
#include <linux/timecounter.h>
#include <linux/u64_stats_sync.h>
#include <linux/workqueue.h>
#include <net/xdp.h>

#include "igbx_compat.h"
#include "igbx_desc.h"
#include "igbx_regs.h"
#include "trace.h"

#define IGBX_DRV_NAME		"igbx"
#define IGBX_DRV_VERSION	"0.1.0"

/* MSI-X vector 0 takes the "other" causes (link change, ...). */
#define IGBX_MISC_VECTOR	0

/* How often the service task checks on the device when nothing happens. */
#define IGBX_SERVICE_PERIOD	HZ

#define IGBX_MAX_QPAIRS		8	/* MSI-X: 10 vectors = other + 8 + 1 */
#define IGBX_DEFAULT_RING	256
#define IGBX_MIN_RING		64
#define IGBX_MAX_RING		4096
#define IGBX_DEFAULT_ITR_US	50	/* about 20000 interrupts/s */
#define IGBX_MAX_ITR_US		FIELD_MAX(IGBX_EITR_INTERVAL)	/* 8191 */

/*
 * Receive buffers: one page each, the frame starting IGBX_RX_HEADROOM into
 * it and the skb_shared_info at its end (build_skb).  SRRCTL.BSIZEPKT is in
 * KiB, so the device may write IGBX_RX_BUF_LEN bytes; longer frames continue
 * in the next descriptor and become page fragments.
 */
#define IGBX_RX_HEADROOM	(NET_SKB_PAD + NET_IP_ALIGN)
#define IGBX_RX_XDP_HEADROOM	XDP_PACKET_HEADROOM	/* with a program */
#define IGBX_RX_BUF_LEN		SZ_2K
#define IGBX_RX_REFILL_BATCH	16	/* descriptors per RDT write */
#define IGBX_PP_POOL_MAX	16384	/* page_pool recycle ring, pages */
#define IGBX_MAX_MTU		9216
/* a received frame's bytes beyond the MTU: header, two VLAN tags, FCS */
#define IGBX_RX_FRAME_OVERHEAD	(ETH_HLEN + 2 * VLAN_HLEN + ETH_FCS_LEN)

/* Transmit: stop a queue when a worst-case frame may no longer fit. */
#define IGBX_TX_DESC_NEEDED	(MAX_SKB_FRAGS + 4)
#define IGBX_TX_WAKE_THRESH	(2 * IGBX_TX_DESC_NEEDED)
#define IGBX_TX_CLEAN_BUDGET	256

/*
 * XDP transmit: queue pair v's XDP TX ring is the device's TX queue
 * IGBX_XDP_TXQ_BASE + v, one the stack never uses (the 82576 has 16).
 */
#define IGBX_XDP_TXQ_BASE	IGBX_MAX_QPAIRS

/* AF_XDP zero-copy: largest RX buffer igbx gives the device from a pool */
#define IGBX_XSK_BUF_MAX	SZ_16K

struct igbx_adapter;

/* What a transmit buffer holds, and how it goes back on completion. */
enum igbx_tx_type {
	IGBX_TX_SKB,		/* from the stack: consume the skb */
	IGBX_TX_XDP_TX,		/* XDP_TX: our own page_pool pages, not mapped */
	IGBX_TX_XDP_XMIT,	/* ndo_xdp_xmit: mapped here, frame returned */
	IGBX_TX_XSK,		/* AF_XDP zero-copy: the socket's umem */
};

/**
 * struct igbx_tx_buffer - software state of one transmit descriptor
 * @skb: frame, on the first descriptor of a frame only
 * @xdpf: XDP frame (XDP TX rings), on the first descriptor of a frame only
 * @eop: index of the frame's last descriptor (valid with @skb)
 * @gso_segs: segments the frame becomes on the wire
 * @bytecount: bytes the frame becomes on the wire
 * @dma: DMA address of a mapping starting at this descriptor
 * @len: length of that mapping (0: none starts here)
 * @head: the mapping is of the skb's linear part (dma_map_single)
 * @type: enum igbx_tx_type of the frame starting here
 */
struct igbx_tx_buffer {
	union {
		struct sk_buff *skb;
		struct xdp_frame *xdpf;
	};
	u16 eop;
	u16 gso_segs;
	u32 bytecount;
	dma_addr_t dma;
	u32 len;
	bool head;
	u8 type;
};

/**
 * struct igbx_ring_stats - per-ring counters, under the ring's syncp
 * @packets: frames completed
 * @bytes: bytes completed
 * @drops: frames dropped by the driver (bad descriptor, mapping failure)
 * @csum_err: received frames the device found a checksum error in
 * @alloc_fail: buffer or skb allocations that failed
 * @restarts: times a TX queue was stopped for lack of descriptors
 * @len_err: receive descriptors whose length exceeded the buffer, or
 *	frames whose descriptor chain ran past the largest frame the port
 *	accepts (no end-of-packet where there must be one)
 * @dma_err: transmit buffers that could not be DMA-mapped
 *
 * On an XDP TX ring @drops counts frames that found the ring full.
 * @xdp_pass: frames the XDP program passed to the stack
 * @xdp_drop: frames the XDP program dropped
 * @xdp_tx: frames the XDP program sent back out (queued on the XDP TX ring)
 * @xdp_redirect: frames the XDP program redirected
 * @xdp_redirect_err: redirects that failed (frame dropped)
 * @xdp_aborted: XDP_ABORTED and invalid actions (frame dropped)
 */
struct igbx_ring_stats {
	u64 packets;
	u64 bytes;
	u64 drops;
	u64 csum_err;
	u64 alloc_fail;
	u64 restarts;
	u64 len_err;
	u64 dma_err;
	u64 xdp_pass;
	u64 xdp_drop;
	u64 xdp_tx;
	u64 xdp_redirect;
	u64 xdp_redirect_err;
	u64 xdp_aborted;
};

/**
 * struct igbx_xdp_buff - a received frame as XDP sees it
 * @xdp: the frame: first buffer, further buffers as frags
 * @eop: copy of the frame's last descriptor (hash, VLAN, status), for the
 *	metadata kfuncs and the skb
 * @tstamp: the frame's hardware RX time stamp in PHC nanoseconds (0: none),
 *	read from the latch once, for the kfunc and the skb alike
 */
struct igbx_xdp_buff {
	struct xdp_buff xdp;
	union igbx_rx_desc eop;
	u64 tstamp;
};

/**
 * struct igbx_ring - one RX or TX descriptor ring
 * @q_vector: owning vector (NAPI)
 * @netdev: net_device
 * @dev: device for DMA
 * @desc: descriptor memory
 * @tx_buf: TX software state, one per descriptor
 * @rx_page: RX pages, one per descriptor
 * @rx_xsk: RX AF_XDP buffers, one per descriptor (zero-copy ring)
 * @tail: mapped tail (RDT/TDT) register
 * @pp: RX page_pool (NULL on a zero-copy ring)
 * @xsk_pool: AF_XDP buffer pool of a zero-copy RX ring, or of the socket
 *	an XDP TX ring sends for (NULL: none)
 * @rx_xdp: RX frame assembled across descriptors so far (xdp.data set)
 * @xdp_rxq: RX queue as XDP knows it (memory model: the page_pool)
 * @xdp_lock: XDP TX ring: serialises XDP_TX and ndo_xdp_xmit producers
 * @reg_idx: device queue (register set) the ring uses
 * @rx_headroom: RX bytes before the frame in each buffer
 * @rx_buf_len: RX bytes the device may write into each buffer (SRRCTL)
 * @dma: descriptor memory bus address
 * @size: descriptor memory bytes
 * @count: descriptors
 * @index: queue number (also the register set)
 * @next_to_use: next descriptor software fills
 * @next_to_clean: next descriptor software expects back
 * @tail_written: last value written to the tail register (for tracing)
 * @rx_discard: dropping the rest of a bad multi-descriptor frame
 * @stall: debugfs fault knob, stop cleaning this TX ring
 * @hang_seen: TX progress snapshot for hang detection
 * @hang_ticks: consecutive service ticks without progress
 * @syncp: protects @stats
 * @stats: counters
 */
struct igbx_ring {
	struct igbx_q_vector *q_vector;
	struct net_device *netdev;
	struct device *dev;
	void *desc;
	union {
		struct igbx_tx_buffer *tx_buf;
		struct page **rx_page;
		struct xdp_buff **rx_xsk;
	};
	u8 __iomem *tail;
	struct page_pool *pp;
	struct xsk_buff_pool *xsk_pool;
	struct igbx_xdp_buff rx_xdp;
	struct xdp_rxq_info xdp_rxq;
	spinlock_t xdp_lock;	/* XDP TX producers */
	dma_addr_t dma;
	u32 size;
	u16 count;
	u16 index;
	u16 reg_idx;
	u16 rx_headroom;
	u16 rx_buf_len;
	u16 next_to_use;
	u16 next_to_clean;
	u16 tail_written;
	bool rx_discard;
	bool stall;
	u64 hang_seen;
	u8 hang_ticks;
	struct u64_stats_sync syncp;
	struct igbx_ring_stats stats;
};

/**
 * struct igbx_q_vector - one MSI-X vector, its NAPI and its queue pair
 * @adapter: port
 * @napi: NAPI context polled by net_rx_action
 * @v_idx: MSI-X vector number (EICR bit)
 * @itr_us: interrupt throttling interval in microseconds, as programmed
 * @usecs: interval the user asked for (used when not adaptive)
 * @adaptive: interval chosen by DIM from the traffic
 * @events: interrupts handled, for DIM samples
 * @dim: DIM state (adaptive moderation)
 * @tx: transmit ring
 * @xdp: XDP transmit ring (XDP_TX, ndo_xdp_xmit)
 * @rx: receive ring
 * @name: interrupt name
 * @rcu: freed after readers of adapter->q_vector (ndo_get_stats64) are done
 */
struct igbx_q_vector {
	struct igbx_adapter *adapter;
	struct napi_struct napi;
	u16 v_idx;
	u16 itr_us;
	u16 usecs;
	bool adaptive;
	u16 events;
	struct dim dim;
	struct igbx_ring tx;
	struct igbx_ring xdp;
	struct igbx_ring rx;
	char name[IFNAMSIZ + 16];
	struct rcu_head rcu;
};

/**
 * struct igbx_hw_stats - clear-on-read device counters, accumulated
 * @crcerrs: CRC errors
 * @algnerrc: alignment errors
 * @rxerrc: receive errors
 * @mpc: missed packets
 * @colc: collisions
 * @rlec: receive length errors
 * @ruc: undersize frames
 * @roc: oversize frames
 * @rnbc: no receive buffers
 * @mprc: multicast received
 * @gprc: good packets received
 * @gptc: good packets transmitted
 * @xonrxc: XON frames received
 * @xontxc: XON frames sent
 * @xoffrxc: XOFF frames received
 * @xofftxc: XOFF frames sent
 * @fcruc: flow-control frames received with an opcode other than pause
 * @gorc: good octets received
 * @gotc: good octets sent
 * @bprc: broadcast received
 * @mptc: multicast sent
 * @bptc: broadcast sent
 * @rfc: fragments received
 * @rjc: jabbers received
 * @tsctc: segmentation (TSE) contexts sent: one per TCP/UDP segmentation
 *	offload, however many frames it became
 * @prc: received frames by size bucket (64, 65-127, ..., 1024-1522)
 * @ptc: sent frames by size bucket
 */
struct igbx_hw_stats {
	u64 crcerrs;
	u64 algnerrc;
	u64 rxerrc;
	u64 mpc;
	u64 colc;
	u64 rlec;
	u64 ruc;
	u64 roc;
	u64 rnbc;
	u64 mprc;
	u64 gprc;
	u64 gptc;
	u64 xonrxc;
	u64 xontxc;
	u64 xoffrxc;
	u64 xofftxc;
	u64 fcruc;
	u64 gorc;
	u64 gotc;
	u64 bprc;
	u64 mptc;
	u64 bptc;
	u64 rfc;
	u64 rjc;
	u64 tsctc;
	u64 prc[IGBX_SIZE_BUCKETS];
	u64 ptc[IGBX_SIZE_BUCKETS];
};

/**
 * struct igbx_hw - what the register-level code needs to reach the device
 * @hw_addr: BAR0 mapping; NULL once the device has been found gone
 * @dev: the PCI function's struct device, for messages
 * @device_id: PCI device ID
 * @lan_id: port number within the controller (STATUS.LAN_ID)
 * @phy_id: PHY identifier (PHY registers 2 and 3)
 * @perm_addr: MAC address read from the NVM
 * @bus_error: debugfs fault knob: reads return all-ones, as from a device
 *	that has left the bus
 */
struct igbx_hw {
	u8 __iomem *hw_addr;
	bool bus_error;
	struct device *dev;
	u16 device_id;
	u8 lan_id;
	u32 phy_id;
	u8 perm_addr[ETH_ALEN];
};

/* How the port interrupts: MSI-X (normal) or one MSI/INTx line. */
enum igbx_irq_mode {
	IGBX_IRQ_MSIX,
	IGBX_IRQ_MSI,
	IGBX_IRQ_INTX,
};

/* ICR causes that mean queue work when not in MSI-X mode */
#define IGBX_ICR_QUEUE	(IGBX_ICR_TXDW | IGBX_ICR_RXDW | IGBX_ICR_RXDMT0 | \
			 IGBX_ICR_RXO)

/* Bits of igbx_adapter::state */
enum igbx_state {
	IGBX_STATE_DOWN,	/* interface is not running */
	IGBX_STATE_REMOVED,	/* device no longer answers (all-ones reads) */
	IGBX_STATE_RESETTING,	/* reset task owns the device */
	IGBX_STATE_OFFLINE,	/* suspended, or being reset by the PCI core */
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
 * struct igbx_tstamp_cfg - hardware time stamping as SIOCSHWTSTAMP sets it
 * @flags: HWTSTAMP_FLAG_* (kept, not used)
 * @tx_type: HWTSTAMP_TX_OFF or _ON
 * @rx_filter: HWTSTAMP_FILTER_*: the filter in force
 */
struct igbx_tstamp_cfg {
	int flags;
	int tx_type;
	int rx_filter;
};

/* Bits of igbx_ptp::flags */
enum igbx_ptp_flags {
	IGBX_PTP_TX_BUSY,	/* a frame owns the TX time stamp latch */
	IGBX_PTP_OFFLINE,	/* device in reset: time runs on the system's */
};

/**
 * struct igbx_ptp - the port's IEEE 1588 clock and time stamping
 * @info: what the PTP core calls
 * @clock: the registered PHC (NULL: none, no hardware time stamps)
 * @lock: protects @tc and @cc
 * @cc: SYSTIM, a free-running nanosecond counter; its multiplier is the
 *	frequency adjfine sets
 * @tc: SYSTIM to PHC time, with the offset settime/adjtime apply
 * @cfg: time stamping configuration in force
 * @flags: enum igbx_ptp_flags bits
 * @tx_skb: the frame whose TX time stamp is awaited
 * @tx_start: jiffies when @tx_skb was queued
 * @next_tick: jiffies when the aux work next reads the clock
 * @rx_last: jiffies when an RX time stamp was last taken
 * @rx_held: jiffies since the RX latch has been seen held without being
 *	taken (0: not held)
 * @reset_ns: clock time saved before a device reset (or set while it is)
 * @reset_at: ktime of @reset_ns
 * @tx_stamps: TX time stamps delivered
 * @tx_skipped: TX time stamps asked for while the latch was busy
 * @tx_timeouts: TX time stamps that never came
 * @rx_cleared: RX latches released because no frame took them
 */
struct igbx_ptp {
	struct ptp_clock_info info;
	struct ptp_clock *clock;
	spinlock_t lock;	/* tc, cc */
	struct cyclecounter cc;
	struct timecounter tc;
	struct igbx_tstamp_cfg cfg;
	unsigned long flags;
	struct sk_buff *tx_skb;
	unsigned long tx_start;
	unsigned long next_tick;
	unsigned long rx_last;
	unsigned long rx_held;
	u64 reset_ns;
	ktime_t reset_at;
	u64 tx_stamps;
	atomic64_t tx_skipped;
	u64 tx_timeouts;
	u64 rx_cleared;
};

/*
 * SR-IOV (sriov.c, mbx.c; datasheet 7.8).  Pool n (RX/TX queues n and
 * n + 8) belongs to VF n; the PF keeps pool IGBX_PF_POOL, so at most seven
 * VFs.  While VFs exist the PF runs one queue pair on queue 7 (its XDP TX
 * ring on queue 15, the pool's second queue).
 */
#define IGBX_MAX_VFS		7
#define IGBX_PF_POOL		7
#define IGBX_VF_MC_MAX		30	/* hashes one mailbox message holds */
#define IGBX_VF_RAR(vf)		(IGBX_RAR_ENTRIES + (vf)) /* RAR 16..22 */
/* A VF's longest frame until it asks for another (VMOLR.RLPML) */
#define IGBX_VF_DEFAULT_FRAME	(ETH_FRAME_LEN + VLAN_HLEN + ETH_FCS_LEN)
/*
 * VF n takes EICR causes 22 - 3n .. 24 - 3n: with every VF the PF keeps
 * the two it uses (other causes, one queue pair), so enabling VFs never
 * runs out of interrupt causes.
 */
static_assert(IGBX_EICR_VECTORS - 3 * IGBX_MAX_VFS >= 2);

/* What igbx counts per VF (ip -s link: ndo_get_vf_stats) */
enum igbx_vf_counter {
	IGBX_VF_RX_PACKETS,
	IGBX_VF_TX_PACKETS,
	IGBX_VF_RX_BYTES,
	IGBX_VF_TX_BYTES,
	IGBX_VF_MULTICAST,
	IGBX_VF_NCOUNTERS
};

/**
 * struct igbx_vf - one virtual function, as the PF keeps it
 * @mac: its address (RAR IGBX_VF_RAR(n), pool n)
 * @mac_admin: @mac was set by the administrator: the VF may not change it
 * @spoofchk: transmit anti-spoofing (DTXSWC) for its pool
 * @trusted: may change an administrator-set address
 * @cts: reset handshake done ("clear to send"): requests are served
 * @link_state: IFLA_VF_LINK_STATE_*
 * @pf_vlan: administrative VLAN (VMVIR), 0: none
 * @pf_qos: its priority bits
 * @max_frame: longest frame it receives (VMOLR.RLPML)
 * @max_rate: transmit limit in Mbit/s (0: none)
 * @mc_count: multicast hashes in @mc_hash
 * @mc_hash: MTA hashes it asked for
 * @vlans: VLANs it joined
 * @window: jiffies when its current mailbox accounting second began
 * @in_window: messages in that second
 * @msgs: messages served
 * @refused: messages refused (bad, unknown, out of range, flood)
 * @last: per-pool counters as last read
 * @stats: per-pool counters, 64-bit
 */
struct igbx_vf {
	u8 mac[ETH_ALEN];
	bool mac_admin;
	bool spoofchk;
	bool trusted;
	bool cts;
	int link_state;
	u16 pf_vlan;
	u8 pf_qos;
	u16 max_frame;
	u32 max_rate;
	u8 mc_count;
	u16 mc_hash[IGBX_VF_MC_MAX];
	DECLARE_BITMAP(vlans, VLAN_N_VID);
	unsigned long window;
	unsigned int in_window;
	u64 msgs;
	u64 refused;
	u32 last[IGBX_VF_NCOUNTERS];
	u64 stats[IGBX_VF_NCOUNTERS];
};

/**
 * struct igbx_sriov - the PF's side of SR-IOV
 * @num_vfs: VFs enabled (0: none, the port owns every queue)
 * @active: the mailbox task may run
 * @lock: serialises the VFs' state and the pool registers between the
 *	mailbox task (which must not take RTNL: a VF driver in this kernel
 *	may hold it while it waits for the reply) and the PF's paths
 * @vf: @num_vfs of them
 * @mbx_task: serves VF mailboxes and function resets
 * @mc_lock: protects @vf[].mc_hash for igbx_rx_mode_write() (atomic)
 * @saved_qp: the port's queue pairs before VFs took the others
 * @ticks: mailbox task runs since per-pool counters were last folded
 * @link_changed: the port's link changed; the VFs are to be told
 * @msgs: VF messages served, all VFs
 * @refused: VF messages refused, all VFs
 * @vf_resets: VF function level resets seen
 */
struct igbx_sriov {
	unsigned int num_vfs;
	bool active;
	struct mutex lock;	/* vf[], pool registers */
	struct igbx_vf *vf;
	struct delayed_work mbx_task;
	spinlock_t mc_lock;	/* vf[].mc_hash, vf[].mc_count */
	unsigned int saved_qp;
	unsigned int ticks;
	bool link_changed;
	u64 msgs;
	u64 refused;
	u64 vf_resets;
};

/**
 * struct igbx_adapter - one igbx port
 * @netdev: our net_device
 * @pdev: our PCI function
 * @hw: register access
 * @state: enum igbx_state bits
 * @msg_enable: netif_msg_* bits (ethtool msglvl)
 * @irq_mode: MSI-X, or the MSI/INTx fallback with one queue pair
 * @num_vectors: interrupt vectors allocated
 * @num_qp: queue pairs in use (one vector each)
 * @tx_ring_count: descriptors per TX ring
 * @rx_ring_count: descriptors per RX ring
 * @q_vector: the queue-pair vectors, @num_qp of them
 * @link: link state as last reported to the stack
 * @service_task: periodic and on-demand slow-path work (link, stats, hangs)
 * @reset_task: full re-initialisation after a hang
 * @stats_lock: protects @hw_stats
 * @hw_stats: device counters
 * @fc_autoneg: pause modes follow auto-negotiation (ethtool -A autoneg)
 * @fc_rx: pause frames honoured (wanted, or forced without autoneg)
 * @fc_tx: pause frames sent (wanted, or forced without autoneg)
 * @coal_usecs: interrupt interval for new vectors (ethtool -C)
 * @coal_adaptive: adaptive moderation for new vectors (ethtool -C)
 * @ledctl: LEDCTL saved while identifying the port (ethtool -p)
 * @advertising: link modes advertised (ethtool -s)
 * @autoneg: auto-negotiate (ethtool -s autoneg)
 * @forced_speed: speed when not auto-negotiating (10 or 100)
 * @forced_duplex: duplex when not auto-negotiating
 * @rss_udp4: hash UDP/IPv4 on ports too (ethtool -N rx-flow-hash udp4)
 * @rss_udp6: hash UDP/IPv6 on ports too
 * @active_vlans: VLAN IDs registered by the stack (VFTA contents)
 * @rss_key: RSS hash key
 * @rss_indir: RSS indirection table
 * @xdp_prog: XDP program attached (RCU: read once per NAPI poll)
 * @xsk_qps: queue pairs with an AF_XDP zero-copy pool (bit per pair)
 * @base_rx: counters of RX rings that were removed (ethtool -L)
 * @base_tx: counters of TX and XDP TX rings that were removed
 * @fault_rx_alloc: debugfs fault knob: RX buffer allocations left to fail
 * @fault_tx_map: debugfs fault knob: TX DMA mappings left to fail
 * @fault_rx_bad_len: debugfs fault knob: RX descriptors left to read with a
 *	length larger than the buffer
 * @fault_rx_no_eop: debugfs fault knob: RX descriptors left to read with
 *	end-of-packet cleared
 * @test_irqs: interrupts seen by the self-test
 * @restarts: resets done by @reset_task
 * @wol: wake-up sources armed at suspend and shutdown (WAKE_* bits)
 * @pm_resumes: system resumes (and hibernation thaws) the port came back from
 * @pci_resets: function resets (FLR) done by the PCI core
 * @pci_recoveries: PCIe error recoveries the port came back from
 * @pci_cor_errors: PCIe correctable errors reported by AER
 * @debugfs: debugfs directory
 * @ptp: IEEE 1588 clock and time stamping
 * @sriov: virtual functions
 * @misc_name: name of the "other causes" interrupt
 */
struct igbx_adapter {
	struct net_device *netdev;
	struct pci_dev *pdev;
	struct igbx_hw hw;
	DECLARE_BITMAP(state, IGBX_STATE_NBITS);
	u32 msg_enable;
	enum igbx_irq_mode irq_mode;
	unsigned int num_vectors;
	unsigned int num_qp;
	u32 tx_ring_count;
	u32 rx_ring_count;
	struct igbx_q_vector *q_vector[IGBX_MAX_QPAIRS];
	struct igbx_link link;
	struct delayed_work service_task;
	struct work_struct reset_task;
	spinlock_t stats_lock;	/* hw_stats */
	struct igbx_hw_stats hw_stats;
	bool fc_autoneg;
	bool fc_rx;
	bool fc_tx;
	u16 coal_usecs;
	bool coal_adaptive;
	u32 ledctl;
	__ETHTOOL_DECLARE_LINK_MODE_MASK(advertising);
	bool autoneg;
	u32 forced_speed;
	u8 forced_duplex;
	bool rss_udp4;
	bool rss_udp6;
	DECLARE_BITMAP(active_vlans, VLAN_N_VID);
	u8 rss_key[IGBX_RSS_KEY_SIZE];
	u8 rss_indir[IGBX_RETA_ENTRIES];
	struct bpf_prog *xdp_prog;
	unsigned long xsk_qps;
	struct igbx_ring_stats base_rx;
	struct igbx_ring_stats base_tx;
	atomic_t fault_rx_alloc;
	atomic_t fault_tx_map;
	atomic_t fault_rx_bad_len;
	atomic_t fault_rx_no_eop;
	atomic_t test_irqs;
	u64 restarts;
	u32 wol;
	u64 pm_resumes;
	u64 pci_resets;
	u64 pci_recoveries;
	atomic64_t pci_cor_errors;
	struct dentry *debugfs;
	struct igbx_ptp ptp;
	struct igbx_sriov sriov;
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
	if (unlikely(val == ~0U || READ_ONCE(hw->bus_error)))
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

/**
 * igbx_service_schedule() - run the service task as soon as possible
 * @adapter: port
 *
 * Safe from hard-IRQ context.
 */
static inline void igbx_service_schedule(struct igbx_adapter *adapter)
{
	mod_delayed_work(system_wq, &adapter->service_task, 0);
}

DECLARE_STATIC_KEY_FALSE(igbx_faults_armed);	/* debugfs.c */

/*
 * A debugfs fault knob: true while it has injections left (uses one).  A
 * no-op jump until a knob has been armed.
 */
static inline bool igbx_fault(atomic_t *knob)
{
	return IS_ENABLED(CONFIG_DEBUG_FS) &&
	       static_branch_unlikely(&igbx_faults_armed) &&
	       atomic_read(knob) > 0 && atomic_dec_if_positive(knob) >= 0;
}

/* hw.c */
void igbx_link_modes_default(unsigned long *modes);
void igbx_link_modes_to_phy(const unsigned long *modes, u16 *anar,
			    u16 *ctrl1000);
int igbx_hw_reset(struct igbx_hw *hw);
int igbx_nvm_read(struct igbx_hw *hw, u16 offset, u16 count, u16 *data);
int igbx_nvm_validate_checksum(struct igbx_hw *hw);
int igbx_nvm_write(struct igbx_hw *hw, u16 offset, u16 count, const u16 *data);
int igbx_read_mac_addr(struct igbx_hw *hw);
void igbx_rar_set(struct igbx_hw *hw, const u8 *addr, unsigned int index,
		  u32 pools);
void igbx_rar_clear(struct igbx_hw *hw, unsigned int index);
int igbx_phy_read(struct igbx_hw *hw, u32 reg, u16 *val);
int igbx_phy_write(struct igbx_hw *hw, u32 reg, u16 val);
int igbx_phy_init(struct igbx_hw *hw);
int igbx_phy_power(struct igbx_hw *hw, bool on);
int igbx_link_setup(struct igbx_hw *hw, u16 anar, u16 ctrl1000, bool fc_rx,
		    bool fc_tx);
int igbx_link_advertise(struct igbx_hw *hw, u16 anar, u16 ctrl1000);
int igbx_link_force(struct igbx_hw *hw, u32 speed, bool full);
int igbx_link_restart_autoneg(struct igbx_hw *hw);
void igbx_link_read(struct igbx_hw *hw, struct igbx_link *link);
void igbx_hw_release(struct igbx_hw *hw);
int igbx_fc_advertise(struct igbx_hw *hw, bool rx, bool tx);
int igbx_fc_resolve(struct igbx_hw *hw, bool *rx, bool *tx);
void igbx_fc_set(struct igbx_hw *hw, bool rx, bool tx, u32 max_frame);

/**
 * struct igbx_ring_cfg - what a set of rings is built for
 * @tx_count: descriptors per TX ring (and XDP TX ring)
 * @rx_count: descriptors per RX ring
 * @xdp: an XDP program runs on the RX rings (headroom, DMA direction)
 * @xsk_qps: queue pairs whose rings run zero-copy on their AF_XDP pool
 */
struct igbx_ring_cfg {
	u32 tx_count;
	u32 rx_count;
	bool xdp;
	unsigned long xsk_qps;
};

struct igbx_ring_set;

/* rings.c */
int igbx_rings_alloc(struct igbx_adapter *adapter,
		     const struct igbx_ring_cfg *cfg);
void igbx_rings_free(struct igbx_adapter *adapter);
struct igbx_ring_set *igbx_rings_prepare(struct igbx_adapter *adapter,
					 const struct igbx_ring_cfg *cfg);
void igbx_rings_discard(struct igbx_ring_set *set);
void igbx_rings_commit(struct igbx_adapter *adapter,
		       struct igbx_ring_set *set);
void igbx_rings_configure(struct igbx_adapter *adapter);
void igbx_rings_disable(struct igbx_adapter *adapter);
void igbx_rings_clean(struct igbx_adapter *adapter);
struct igbx_q_vector *igbx_q_vector_create(struct igbx_adapter *adapter,
					   unsigned int v);
void igbx_q_vector_destroy(struct igbx_q_vector *qv);
int igbx_q_vectors_alloc(struct igbx_adapter *adapter);
void igbx_q_vectors_free(struct igbx_adapter *adapter);
int igbx_q_vector_rings_alloc(struct igbx_q_vector *qv,
			      const struct igbx_ring_cfg *cfg);
void igbx_q_vector_rings_free(struct igbx_q_vector *qv);

/* coalesce.c */
void igbx_dim_init(struct igbx_q_vector *q_vector);
void igbx_dim_sample(struct igbx_q_vector *q_vector);
void igbx_coal_apply(struct igbx_q_vector *q_vector, u16 usecs,
		     bool adaptive);
int igbx_coal_pick(u16 cur_usecs, bool cur_adaptive,
		   const struct ethtool_coalesce *ec, u16 *usecs,
		   bool *adaptive, struct netlink_ext_ack *extack);

/* XDP verdicts as igbx counts them (struct igbx_ring_stats xdp_*) */
enum igbx_xdp_act {
	IGBX_XDP_PASS,
	IGBX_XDP_DROP,
	IGBX_XDP_TX,
	IGBX_XDP_REDIRECT,
	IGBX_XDP_REDIRECT_ERR,
	IGBX_XDP_ABORTED,
	IGBX_XDP_NACT
};

/**
 * struct igbx_rx_tally - what one RX poll did, added to the ring's counters
 *	once at its end (igbx_rx_tally_add())
 * @frames: complete frames received
 * @bytes: their bytes
 * @drops: frames dropped by the driver
 * @len_err: buffers with impossible lengths
 * @xdp: XDP verdicts (enum igbx_xdp_act)
 * @xdp_tx: the XDP TX ring's doorbell is owed
 * @redirect: xdp_do_flush() is owed
 */
struct igbx_rx_tally {
	unsigned int frames;
	unsigned int bytes;
	unsigned int drops;
	unsigned int len_err;
	unsigned int xdp[IGBX_XDP_NACT];
	bool xdp_tx;
	bool redirect;
};

/* txrx.c */
netdev_tx_t igbx_xmit_frame(struct sk_buff *skb, struct net_device *netdev);
int igbx_poll(struct napi_struct *napi, int budget);
void igbx_rx_refill(struct igbx_ring *ring, u16 count);
void igbx_tx_ring_clean_all(struct igbx_ring *ring);
void igbx_xdp_ring_clean_all(struct igbx_ring *ring);
void igbx_rx_ring_clean_all(struct igbx_ring *ring);
int igbx_xdp_xmit(struct net_device *netdev, int n, struct xdp_frame **frames,
		  u32 flags);
int igbx_xdp_ring_frame(struct igbx_ring *ring, struct xdp_frame *xdpf,
			enum igbx_tx_type type);
void igbx_xdp_ring_kick(struct igbx_ring *ring);
void igbx_rx_fields(struct igbx_ring *ring, const union igbx_rx_desc *desc,
		    u32 status, struct sk_buff *skb);
void igbx_rx_tally_add(struct igbx_ring *ring, const struct igbx_rx_tally *t);
void igbx_rx_poll_end(struct igbx_ring *ring, const struct igbx_rx_tally *t);

/* xsk.c */
u16 igbx_xsk_buf_len(struct xsk_buff_pool *pool);
int igbx_xsk_wakeup(struct net_device *netdev, u32 qid, u32 flags);
void igbx_xsk_refill(struct igbx_ring *ring, u16 count);
int igbx_xsk_clean_rx(struct igbx_ring *ring, int budget);
bool igbx_xsk_xmit(struct igbx_ring *ring, unsigned int budget);
void igbx_xsk_rx_clean_all(struct igbx_ring *ring);

/* sriov.c */
static inline u32 igbx_pf_pools(const struct igbx_adapter *adapter)
{
	return adapter->sriov.num_vfs ? BIT(IGBX_PF_POOL) : 0;
}

/* The device queue that queue pair @v runs on: the PF pool's with VFs. */
static inline u16 igbx_qp_reg(const struct igbx_adapter *adapter,
			      unsigned int v)
{
	return adapter->sriov.num_vfs ? IGBX_PF_POOL : v;
}

/* EICR bits (MSI-X vectors) the PF owns: VF n takes 22 - 3n .. 24 - 3n. */
static inline u32 igbx_pf_eicr_mask(const struct igbx_adapter *adapter)
{
	return GENMASK(IGBX_EICR_VECTORS - 1 - 3 * adapter->sriov.num_vfs, 0);
}

int igbx_sriov_configure(struct pci_dev *pdev, int num_vfs);
void igbx_sriov_init(struct igbx_adapter *adapter);
void igbx_sriov_remove(struct igbx_adapter *adapter);
void igbx_sriov_teardown(struct igbx_adapter *adapter);
int igbx_set_vf_mac(struct net_device *netdev, int n, u8 *mac);
int igbx_set_vf_vlan(struct net_device *netdev, int n, u16 vid, u8 qos,
		     __be16 proto);
int igbx_set_vf_spoofchk(struct net_device *netdev, int n, bool on);
int igbx_set_vf_trust(struct net_device *netdev, int n, bool on);
int igbx_set_vf_link_state(struct net_device *netdev, int n, int state);
int igbx_set_vf_rate(struct net_device *netdev, int n, int min_rate,
		     int max_rate);
void igbx_sriov_rates_write(struct igbx_adapter *adapter);
int igbx_get_vf_config(struct net_device *netdev, int n,
		       struct ifla_vf_info *ivi);
int igbx_get_vf_stats(struct net_device *netdev, int n,
		      struct ifla_vf_stats *st);
void igbx_sriov_hw_write(struct igbx_adapter *adapter);
void igbx_sriov_reset_done(struct igbx_adapter *adapter);
void igbx_sriov_link_changed(struct igbx_adapter *adapter);
void igbx_sriov_pf_vmolr_write(struct igbx_adapter *adapter,
			       netdev_features_t features);
void igbx_sriov_vf_write(struct igbx_adapter *adapter, unsigned int n);
void igbx_sriov_enables_write(struct igbx_adapter *adapter);
int igbx_sriov_vlvf_write(struct igbx_adapter *adapter);
u32 igbx_sriov_vfta_word(struct igbx_adapter *adapter, unsigned int i);
void igbx_sriov_mta(struct igbx_adapter *adapter, u32 *mta);
bool igbx_sriov_mac_in_use(struct igbx_adapter *adapter, const u8 *mac,
			   int self);
void igbx_sriov_stats_fold(struct igbx_adapter *adapter);

/* mbx.c */
void igbx_mbx_task(struct work_struct *work);
void igbx_mbx_control(struct igbx_adapter *adapter, unsigned int n,
		      bool reset);
void igbx_mbx_look(struct igbx_adapter *adapter);

/* xdp.c */
int igbx_bpf(struct net_device *netdev, struct netdev_bpf *bpf);
bool igbx_xdp_mtu_ok(struct igbx_adapter *adapter, const struct bpf_prog *prog,
		     unsigned int mtu, struct netlink_ext_ack *extack);
void igbx_xdp_features_init(struct net_device *netdev);
void igbx_xdp_target_set(struct net_device *netdev, bool on);
bool igbx_xsk_mtu_ok(struct igbx_adapter *adapter, unsigned int mtu);

static inline union igbx_rx_desc *
igbx_rx_desc(const struct igbx_ring *ring, u16 i)
{
	return &((union igbx_rx_desc *)ring->desc)[i];
}

static inline struct igbx_tx_desc *
igbx_tx_desc(const struct igbx_ring *ring, u16 i)
{
	return &((struct igbx_tx_desc *)ring->desc)[i];
}

static inline void igbx_ring_stat_add(struct igbx_ring *ring, u64 *field,
				      u64 n)
{
	u64_stats_update_begin(&ring->syncp);
	*field += n;
	u64_stats_update_end(&ring->syncp);
}

/* "rx", "tx" or "xdp": which of its vector's rings @ring is. */
static inline const char *igbx_ring_kind(const struct igbx_ring *ring)
{
	if (ring == &ring->q_vector->rx)
		return "rx";
	return ring == &ring->q_vector->tx ? "tx" : "xdp";
}

/*
 * Write the tail register (RDT/TDT): the device owns the descriptors
 * before @ntu.  The caller has made them visible (wmb()).
 */
static inline void igbx_ring_tail_write(struct igbx_ring *ring, u16 ntu)
{
	trace_igbx_doorbell(ring, ntu,
			    (ntu < ring->tail_written ? ring->count : 0) +
			    ntu - ring->tail_written);
	ring->tail_written = ntu;
	writel(ntu, ring->tail);
}

/* Hand the device the descriptors before @ntu (RDT/TDT). */
static inline void igbx_ring_doorbell(struct igbx_ring *ring, u16 ntu)
{
	/* Descriptors must be visible before the device may fetch them. */
	wmb();
	igbx_ring_tail_write(ring, ntu);
}

static inline u16 igbx_next(const struct igbx_ring *ring, u16 i)
{
	return ++i == ring->count ? 0 : i;
}

static inline u16 igbx_desc_unused(const struct igbx_ring *ring)
{
	u16 ntc = ring->next_to_clean, ntu = ring->next_to_use;

	return (ntc > ntu ? 0 : ring->count) + ntc - ntu - 1;
}

/* filter.c */
void igbx_set_rx_mode(struct net_device *netdev);
void igbx_rx_mode_write(struct net_device *netdev, netdev_features_t features);
void igbx_mta_write(struct net_device *netdev);
void igbx_rss_default(struct igbx_adapter *adapter);
void igbx_rss_write(struct igbx_adapter *adapter);
void igbx_set_rlpml(struct igbx_adapter *adapter);
void igbx_features_write(struct igbx_adapter *adapter,
			 netdev_features_t features);
void igbx_vfta_write(struct igbx_adapter *adapter);
int igbx_vlan_rx_add_vid(struct net_device *netdev, __be16 proto, u16 vid);
int igbx_vlan_rx_kill_vid(struct net_device *netdev, __be16 proto, u16 vid);

/* stats.c */
void igbx_hw_stats_update(struct igbx_adapter *adapter);
void igbx_hw_stats_snapshot(struct igbx_adapter *adapter,
			    struct igbx_hw_stats *out);
void igbx_get_stats64(struct net_device *netdev,
		      struct rtnl_link_stats64 *stats);
void igbx_stats_init(struct net_device *netdev);
void igbx_stats_fold(struct igbx_adapter *adapter, struct igbx_q_vector *qv);
void igbx_ring_stats_read(struct igbx_ring *ring, struct igbx_ring_stats *out);

/* selftest.c */
int igbx_selftest_count(void);
void igbx_selftest_strings(u8 *data);
void igbx_self_test(struct net_device *netdev, struct ethtool_test *test,
		    u64 *data);

/* debugfs.c */
void igbx_debugfs_init(struct igbx_adapter *adapter);
void igbx_debugfs_exit(struct igbx_adapter *adapter);
void igbx_debugfs_cleanup(void);

/* irq.c */
int igbx_irq_alloc(struct igbx_adapter *adapter);
void igbx_irq_free(struct igbx_adapter *adapter);
int igbx_irq_request(struct igbx_adapter *adapter);
void igbx_irq_release(struct igbx_adapter *adapter);
int igbx_irq_request_qv(struct igbx_q_vector *qv);
void igbx_irq_release_qv(struct igbx_q_vector *qv);
void igbx_irq_enable(struct igbx_adapter *adapter);
void igbx_irq_disable(struct igbx_adapter *adapter);
void igbx_irq_write_itr(struct igbx_q_vector *q_vector);
void igbx_irq_rearm(struct igbx_q_vector *q_vector);
void igbx_irq_kick(struct igbx_q_vector *q_vector);

/* netdev.c */
int igbx_netdev_register(struct igbx_adapter *adapter);
void igbx_fc_apply(struct igbx_adapter *adapter);
void igbx_reset_schedule(struct igbx_adapter *adapter);
int igbx_up(struct igbx_adapter *adapter);
int igbx_open(struct net_device *netdev);
int igbx_stop(struct net_device *netdev);
void igbx_down(struct igbx_adapter *adapter);
int igbx_set_num_qp(struct igbx_adapter *adapter, unsigned int n);
void igbx_ring_cfg_now(struct igbx_adapter *adapter,
		       struct igbx_ring_cfg *cfg);
int igbx_reconfigure(struct igbx_adapter *adapter,
		     const struct igbx_ring_cfg *cfg, struct bpf_prog *prog);
void igbx_netdev_unregister(struct igbx_adapter *adapter);
int igbx_adapter_reset(struct igbx_adapter *adapter);
int igbx_link_start(struct igbx_adapter *adapter);
void igbx_offline(struct igbx_adapter *adapter);
int igbx_online(struct igbx_adapter *adapter, bool reset);
void igbx_service_init(struct igbx_adapter *adapter);
void igbx_service_stop(struct igbx_adapter *adapter);

/* pm.c */
extern const struct dev_pm_ops igbx_pm_ops;
extern const struct pci_error_handlers igbx_err_handlers;
void igbx_shutdown(struct pci_dev *pdev);
void igbx_wol_set(struct igbx_adapter *adapter, u32 wol);
#define IGBX_WOL_MODES	(WAKE_PHY | WAKE_UCAST | WAKE_MCAST | WAKE_BCAST | \
			 WAKE_MAGIC)

/* ethtool.c */
void igbx_set_ethtool_ops(struct net_device *netdev);

/* ptp.c */
void igbx_ptp_init(struct igbx_adapter *adapter);
void igbx_ptp_stop(struct igbx_adapter *adapter);
void igbx_ptp_reset_prepare(struct igbx_adapter *adapter);
void igbx_ptp_reset_done(struct igbx_adapter *adapter);
u32 igbx_ptp_tx_claim(struct igbx_adapter *adapter, struct sk_buff *skb);
void igbx_ptp_tx_queued(struct igbx_adapter *adapter);
void igbx_ptp_tx_abort(struct igbx_adapter *adapter);
void igbx_ptp_tx_flush(struct igbx_adapter *adapter);
u64 igbx_ptp_rx_tstamp(struct igbx_adapter *adapter);
int igbx_ptp_hwtstamp_get(struct net_device *netdev,
			  struct igbx_tstamp_cfg *cfg);
int igbx_ptp_hwtstamp_set(struct net_device *netdev,
			  struct igbx_tstamp_cfg *cfg,
			  struct netlink_ext_ack *extack);
u32 igbx_ptp_ts_info(struct igbx_adapter *adapter, int *phc_index,
		     u32 *tx_types, u32 *rx_filters);

/**
 * igbx_rx_eop() - keep what the metadata kfuncs and the skb need of a
 *	frame's last descriptor: the descriptor, and its time stamp if the
 *	device took one (STAT_TS)
 * @ring: RX ring
 * @desc: the frame's last descriptor, written back
 * @status: its status and error bits
 */
static inline void igbx_rx_eop(struct igbx_ring *ring,
			       const union igbx_rx_desc *desc, u32 status)
{
	ring->rx_xdp.eop = *desc;
	ring->rx_xdp.tstamp = 0;
	if (unlikely(status & IGBX_RXD_STAT_TS))
		ring->rx_xdp.tstamp =
			igbx_ptp_rx_tstamp(ring->q_vector->adapter);
}

#endif /* _IGBX_H_ */
