/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Intel 82576 register map, as used by igbx.
 *
 * Offsets and field layouts follow the Intel 82576EB Gigabit Ethernet
 * Controller datasheet, chapter 8 ("Programming Interface").  Every field is
 * a GENMASK()/BIT() so that code uses FIELD_PREP()/FIELD_GET() and never
 * open-coded shifts.  Registers are grouped in the datasheet's order.
 */
#ifndef _IGBX_REGS_H_
#define _IGBX_REGS_H_

#include <linux/bits.h>

/* --- General registers (datasheet 8.2) ---------------------------------- */

#define IGBX_CTRL			0x00000	/* Device Control */
#define   IGBX_CTRL_FD			BIT(0)	/* full duplex (forced mode) */
#define   IGBX_CTRL_GIO_MASTER_DISABLE	BIT(2)
#define   IGBX_CTRL_SLU			BIT(6)	/* set link up */
#define   IGBX_CTRL_SPEED		GENMASK(9, 8)
#define   IGBX_CTRL_FRCSPD		BIT(11)
#define   IGBX_CTRL_FRCDPX		BIT(12)
#define   IGBX_CTRL_ADVD3WUC		BIT(20)	/* advertise D3cold wake-up */
#define   IGBX_CTRL_RST			BIT(26)	/* software reset, self-clearing */
#define   IGBX_CTRL_RFCE		BIT(27)	/* receive flow control enable */
#define   IGBX_CTRL_TFCE		BIT(28)	/* transmit flow control enable */
#define   IGBX_CTRL_VME			BIT(30)	/* VLAN mode enable */
#define   IGBX_CTRL_PHY_RST		BIT(31)

#define IGBX_STATUS			0x00008	/* Device Status */
#define   IGBX_STATUS_FD		BIT(0)
#define   IGBX_STATUS_LU		BIT(1)	/* link up */
#define   IGBX_STATUS_LAN_ID		GENMASK(3, 2)
#define   IGBX_STATUS_TXOFF		BIT(4)
#define   IGBX_STATUS_SPEED		GENMASK(7, 6)
#define     IGBX_STATUS_SPEED_10	0
#define     IGBX_STATUS_SPEED_100	1
/*	    values 2 and 3 both mean 1000 Mb/s */
#define   IGBX_STATUS_PHYRA		BIT(10)	/* PHY reset asserted */
#define   IGBX_STATUS_GIO_MASTER_ENABLE	BIT(19)

#define IGBX_EECD			0x00010	/* EEPROM/Flash Control */
#define   IGBX_EECD_SK			BIT(0)	/* SPI clock */
#define   IGBX_EECD_CS			BIT(1)	/* SPI chip select (1: deselected) */
#define   IGBX_EECD_DI			BIT(2)	/* SPI data to the NVM */
#define   IGBX_EECD_DO			BIT(3)	/* SPI data from the NVM */
#define   IGBX_EECD_REQ			BIT(6)	/* software asks for the pins */
#define   IGBX_EECD_GNT			BIT(7)	/* ... and gets them */
#define   IGBX_EECD_PRES		BIT(8)	/* NVM present */
#define   IGBX_EECD_AUTO_RD		BIT(9)	/* NVM auto-read done */
#define   IGBX_EECD_ADDR_BITS		BIT(10)	/* 16-bit (1) or 8-bit SPI address */

/* SPI EEPROM commands and status (serial EEPROM parts the datasheet lists) */
#define IGBX_SPI_WRITE			0x02
#define IGBX_SPI_RDSR			0x05	/* read status register */
#define IGBX_SPI_WREN			0x06	/* write enable */
#define IGBX_SPI_A8			0x08	/* 9th address bit, 8-bit parts */
#define   IGBX_SPI_SR_BUSY		BIT(0)	/* write cycle in progress */

#define IGBX_EERD			0x00014	/* EEPROM Read */
#define   IGBX_EERD_START		BIT(0)
#define   IGBX_EERD_DONE		BIT(1)
#define   IGBX_EERD_ADDR		GENMASK(15, 2)
#define   IGBX_EERD_DATA		GENMASK(31, 16)

#define IGBX_CTRL_EXT			0x00018	/* Extended Device Control */
#define   IGBX_CTRL_EXT_IRCA		BIT(0)	/* IRQ credits (MSI/INTx) */
#define   IGBX_CTRL_EXT_PFRSTD		BIT(14)	/* PF reset done (to VFs) */
#define   IGBX_CTRL_EXT_LINK_MODE	GENMASK(23, 22)
#define     IGBX_LINK_MODE_COPPER	0
#define   IGBX_CTRL_EXT_DRV_LOAD	BIT(28)	/* driver loaded (to firmware) */

#define IGBX_MDIC			0x00020	/* MDI Control */
#define   IGBX_MDIC_DATA		GENMASK(15, 0)
#define   IGBX_MDIC_REGADD		GENMASK(20, 16)
#define   IGBX_MDIC_PHYADD		GENMASK(25, 21)
#define   IGBX_MDIC_OP			GENMASK(27, 26)
#define     IGBX_MDIC_OP_WRITE		1
#define     IGBX_MDIC_OP_READ		2
#define   IGBX_MDIC_READY		BIT(28)
#define   IGBX_MDIC_INT_EN		BIT(29)
#define   IGBX_MDIC_ERROR		BIT(30)

#define IGBX_LEDCTL			0x00E00	/* LED control, 8 bits per LED */
#define   IGBX_LEDCTL_MODE(n)		(GENMASK(3, 0) << (8 * (n)))
#define     IGBX_LED_MODE_ON		0xE
#define     IGBX_LED_MODE_OFF		0xF
#define   IGBX_LEDCTL_IVRT(n)		BIT(8 * (n) + 6)
#define   IGBX_LEDCTL_BLINK(n)		BIT(8 * (n) + 7)
#define IGBX_LEDS			3

#define IGBX_EEMNGCTL			0x01010	/* MNG EEPROM Control */
#define   IGBX_EEMNGCTL_CFG_DONE0	BIT(18)	/* port 0 config done */
#define   IGBX_EEMNGCTL_CFG_DONE1	BIT(19)	/* port 1 config done */

/* --- Interrupt registers (datasheet 8.8) -------------------------------- */

/*
 * The 82576 decodes the ICR block both at 0x01500..0x01510 and at the
 * 8254x-compatible offsets below; igbx uses the compatible ones, which every
 * igb-class part (and QEMU's model, which lacks the 0x015xx aliases) decodes.
 */
#define IGBX_ICR			0x000C0	/* Interrupt Cause Read */
#define IGBX_ICS			0x000C8	/* Interrupt Cause Set */
#define IGBX_IMS			0x000D0	/* Interrupt Mask Set/Read */
#define IGBX_IMC			0x000D8	/* Interrupt Mask Clear */
#define IGBX_IAM			0x000E0	/* Interrupt Ack Auto Mask */
#define   IGBX_ICR_TXDW			BIT(0)	/* TX descriptor written back */
#define   IGBX_ICR_LSC			BIT(2)	/* link status change */
#define   IGBX_ICR_RXDMT0		BIT(4)	/* RX descriptor min threshold */
#define   IGBX_ICR_RXO			BIT(6)	/* receiver overrun */
#define   IGBX_ICR_RXDW			BIT(7)	/* RX descriptor written back */
#define   IGBX_ICR_VMMB			BIT(8)	/* VF mailbox or VF reset */
#define   IGBX_ICR_MDAC			BIT(9)	/* MDI access complete */
#define   IGBX_ICR_DRSTA		BIT(30)	/* device reset asserted */
#define   IGBX_ICR_INT_ASSERTED		BIT(31)

#define IGBX_GPIE			0x01514	/* General Purpose Intr Enable */
#define   IGBX_GPIE_NSICR		BIT(0)	/* non-selective ICR clear on read */
#define   IGBX_GPIE_MSIX_MODE		BIT(4)	/* multiple MSI-X vectors */
#define   IGBX_GPIE_EIAME		BIT(30)	/* extended auto-mask enable */
#define   IGBX_GPIE_PBA			BIT(31)	/* PBA support (MSI-X) */

#define IGBX_EICS			0x01520	/* Extended Interrupt Cause Set */
#define IGBX_EIMS			0x01524	/* Extended Intr Mask Set/Read */
#define IGBX_EIMC			0x01528	/* Extended Intr Mask Clear */
#define IGBX_EIAC			0x0152C	/* Extended Intr Auto Clear */
#define IGBX_EIAM			0x01530	/* Extended Intr Auto Mask */
#define IGBX_EICR			0x01580	/* Extended Intr Cause Read */
/* In MSI-X mode EICR/EIMS/... bit n is MSI-X vector n; 25 vectors exist. */
#define   IGBX_EICR_MSIX_MASK		GENMASK(24, 0)
#define IGBX_EICR_VECTORS		25

#define IGBX_EITR(n)			(0x01680 + 4 * (n)) /* Intr Throttle */
#define   IGBX_EITR_INTERVAL		GENMASK(14, 2)	/* in 1 us units */
#define   IGBX_EITR_CNT_IGNR		BIT(31)

/* IVAR: one byte per cause; each byte is a vector number plus a valid bit. */
#define IGBX_IVAR(n)			(0x01700 + 4 * (n))
#define IGBX_IVAR_MISC			0x01740
#define   IGBX_IVAR_VECTOR		GENMASK(4, 0)
#define   IGBX_IVAR_VALID		BIT(7)
#define   IGBX_IVAR_MISC_OTHER		GENMASK(15, 8)	/* ICR causes */

#define IGBX_VET			0x00038	/* VLAN Ether Type */

/* --- Flow control (datasheet 3.7.5, 8.2) -------------------------------- */

#define IGBX_FCAL			0x00028	/* pause frame address, low */
#define IGBX_FCAH			0x0002C	/* ... high */
#define IGBX_FCT			0x00030	/* pause frame EtherType */
#define IGBX_FCTTV			0x00170	/* pause time sent in XOFF */
#define IGBX_FCRTL			0x02160	/* RX threshold low (XON) */
#define   IGBX_FCRTL_XONE		BIT(31)	/* send XON at low water */
#define IGBX_FCRTH			0x02168	/* RX threshold high (XOFF) */
#define   IGBX_FCRT_THRESH		GENMASK(15, 4)	/* 16-byte units */
#define IGBX_FCRTV			0x02460	/* XOFF refresh interval */
#define IGBX_RXPBS			0x02404	/* RX packet buffer size */
#define   IGBX_RXPBS_SIZE		GENMASK(6, 0)	/* KiB */

/* --- Receive (datasheet 8.10) ------------------------------------------- */

#define IGBX_RCTL			0x00100	/* Receive Control */
#define   IGBX_RCTL_EN			BIT(1)
#define   IGBX_RCTL_SBP			BIT(2)	/* store bad packets */
#define   IGBX_RCTL_UPE			BIT(3)	/* unicast promiscuous */
#define   IGBX_RCTL_MPE			BIT(4)	/* multicast promiscuous */
#define   IGBX_RCTL_LPE			BIT(5)	/* long packets (RLPML) */
#define   IGBX_RCTL_LBM			GENMASK(7, 6)
#define   IGBX_RCTL_MO			GENMASK(13, 12)	/* MTA offset */
#define   IGBX_RCTL_BAM			BIT(15)	/* accept broadcast */
#define   IGBX_RCTL_VFE			BIT(18)	/* VLAN filter enable */
#define   IGBX_RCTL_SECRC		BIT(26)	/* strip Ethernet CRC */

#define IGBX_RXCSUM			0x05000	/* Receive Checksum Control */
#define   IGBX_RXCSUM_IPOFLD		BIT(8)	/* IPv4 checksum offload */
#define   IGBX_RXCSUM_TUOFLD		BIT(9)	/* TCP/UDP checksum offload */
#define   IGBX_RXCSUM_CRCOFL		BIT(11)	/* SCTP CRC offload */
#define   IGBX_RXCSUM_PCSD		BIT(13)	/* RSS hash instead of csum */
#define IGBX_RLPML			0x05004	/* Long Packet Max Length */
#define   IGBX_RLPML_LEN		GENMASK(13, 0)

#define IGBX_MTA(n)			(0x05200 + 4 * (n)) /* Multicast Table */
#define IGBX_MTA_REGS			128
#define IGBX_VFTA(n)			(0x05600 + 4 * (n)) /* VLAN Filter Table */
#define IGBX_VFTA_REGS			128

#define IGBX_MRQC			0x05818	/* Multiple Receive Queues */
#define   IGBX_MRQC_MRQE		GENMASK(2, 0)
#define     IGBX_MRQC_MRQE_RSS		2
#define     IGBX_MRQC_MRQE_VMDQ		3	/* pools, default pool */
#define   IGBX_MRQC_TCPIPV4		BIT(16)
#define   IGBX_MRQC_IPV4		BIT(17)
#define   IGBX_MRQC_IPV6		BIT(20)
#define   IGBX_MRQC_TCPIPV6		BIT(21)
#define   IGBX_MRQC_UDPIPV4		BIT(22)
#define   IGBX_MRQC_UDPIPV6		BIT(23)
#define IGBX_RETA(n)			(0x05C00 + 4 * (n)) /* 4 entries each */
#define IGBX_RETA_ENTRIES		128
#define IGBX_RSSRK(n)			(0x05C80 + 4 * (n)) /* RSS key */
#define IGBX_RSS_KEY_SIZE		40

/* Per-queue receive registers, queue n = 0..15 */
#define IGBX_RDBAL(n)			(0x0C000 + 0x40 * (n))
#define IGBX_RDBAH(n)			(0x0C004 + 0x40 * (n))
#define IGBX_RDLEN(n)			(0x0C008 + 0x40 * (n))
#define IGBX_SRRCTL(n)			(0x0C00C + 0x40 * (n))
#define   IGBX_SRRCTL_BSIZEPKT		GENMASK(6, 0)	/* 1 KiB units */
#define   IGBX_SRRCTL_BSIZEHDR		GENMASK(11, 8)	/* 64 B units */
#define   IGBX_SRRCTL_DESCTYPE		GENMASK(27, 25)
#define     IGBX_DESCTYPE_ADV_ONEBUF	1
#define   IGBX_SRRCTL_DROP_EN		BIT(31)
#define IGBX_RDH(n)			(0x0C010 + 0x40 * (n))
#define IGBX_RDT(n)			(0x0C018 + 0x40 * (n))
#define IGBX_RXDCTL(n)			(0x0C028 + 0x40 * (n))
/* RXDCTL and TXDCTL share their layout */
#define   IGBX_XDCTL_PTHRESH		GENMASK(4, 0)
#define   IGBX_XDCTL_HTHRESH		GENMASK(12, 8)
#define   IGBX_XDCTL_WTHRESH		GENMASK(20, 16)
#define   IGBX_XDCTL_ENABLE		BIT(25)
#define IGBX_RQDPC(n)			(0x0C030 + 0x40 * (n)) /* drops */

/* --- Transmit (datasheet 8.12) ------------------------------------------ */

#define IGBX_TCTL			0x00400	/* Transmit Control */
#define   IGBX_TCTL_EN			BIT(1)
#define   IGBX_TCTL_PSP			BIT(3)	/* pad short packets */
#define   IGBX_TCTL_CT			GENMASK(11, 4)	/* collision threshold */
#define   IGBX_TCTL_COLD		GENMASK(21, 12)	/* collision distance */
#define   IGBX_TCTL_RTLC		BIT(24)	/* retransmit on late coll */

#define IGBX_TDBAL(n)			(0x0E000 + 0x40 * (n))
#define IGBX_TDBAH(n)			(0x0E004 + 0x40 * (n))
#define IGBX_TDLEN(n)			(0x0E008 + 0x40 * (n))
#define IGBX_TDH(n)			(0x0E010 + 0x40 * (n))
#define IGBX_TDT(n)			(0x0E018 + 0x40 * (n))
#define IGBX_TXDCTL(n)			(0x0E028 + 0x40 * (n))

#define IGBX_MAX_QUEUES			16	/* of each direction */
/* Ring length must be a multiple of 128 bytes: 8 16-byte descriptors. */
#define IGBX_RING_ALIGN_DESC		8

/* --- Statistics (datasheet 8.19), clear on read ------------------------- */

#define IGBX_CRCERRS			0x04000	/* CRC errors */
#define IGBX_ALGNERRC			0x04004	/* alignment errors */
#define IGBX_RXERRC			0x0400C	/* receive (symbol) errors */
#define IGBX_MPC			0x04010	/* missed packets (no room) */
#define IGBX_COLC			0x04028	/* collisions */
#define IGBX_RLEC			0x04040	/* receive length errors */
#define IGBX_XONRXC			0x04048
#define IGBX_XONTXC			0x0404C
#define IGBX_XOFFRXC			0x04050
#define IGBX_XOFFTXC			0x04054
#define IGBX_FCRUC			0x04058	/* unsupported flow-control frames received */
#define IGBX_GPRC			0x04074	/* good packets received */
#define IGBX_BPRC			0x04078	/* broadcast received */
#define IGBX_MPRC			0x0407C	/* multicast received */
#define IGBX_GPTC			0x04080	/* good packets sent */
#define IGBX_GORCL			0x04088	/* good octets rx, low */
#define IGBX_GORCH			0x0408C
#define IGBX_GOTCL			0x04090	/* good octets tx, low */
#define IGBX_GOTCH			0x04094
#define IGBX_RNBC			0x040A0	/* no receive buffers */
#define IGBX_RUC			0x040A4	/* undersize */
#define IGBX_RFC			0x040A8	/* fragments */
#define IGBX_ROC			0x040AC	/* oversize */
#define IGBX_RJC			0x040B0	/* jabber */
#define IGBX_PRC64			0x0405C	/* received by size: 64 */
/*	PRC127, PRC255, PRC511, PRC1023, PRC1522 follow, 4 bytes apart */
#define IGBX_TORL			0x040C0	/* total octets rx, low */
#define IGBX_TPR			0x040D0	/* total packets received */
#define IGBX_PTC64			0x040D8	/* sent by size: 64 */
/*	PTC127 ... PTC1522 follow, 4 bytes apart */
#define IGBX_SIZE_BUCKETS		6
#define IGBX_TPT			0x040D4	/* total packets sent */
#define IGBX_MPTC			0x040F0	/* multicast sent */
#define IGBX_BPTC			0x040F4	/* broadcast sent */
#define IGBX_TSCTC			0x040F8	/* segmentation contexts sent */

/* --- Filters (datasheet 8.10) ------------------------------------------- */

#define IGBX_RAL(n)			(0x05400 + 8 * (n)) /* Receive Addr Low */
#define IGBX_RAH(n)			(0x05404 + 8 * (n)) /* Receive Addr High */
#define   IGBX_RAH_ADDR			GENMASK(15, 0)
#define   IGBX_RAH_AV			BIT(31)	/* address valid */
#define IGBX_RAR_ENTRIES		16
/* RAR 16..23 sit in a second block; RAH.POOLSEL says which pools a match
 * goes to in VMDq mode (datasheet 8.10.x, 7.8.3.x)
 */
#define IGBX_RAL2(n)			(0x054E0 + 8 * ((n) - 16))
#define IGBX_RAH2(n)			(0x054E4 + 8 * ((n) - 16))
#define   IGBX_RAH_POOLSEL		GENMASK(25, 18)
#define IGBX_RAR_ALL			24

/* EType queue filters (datasheet 8.10.x, 7.1.1.3): igbx uses one for PTP */
#define IGBX_ETQF(n)			(0x05CB0 + 4 * (n))
#define   IGBX_ETQF_ETYPE		GENMASK(15, 0)
#define   IGBX_ETQF_FILTER_EN		BIT(26)
#define   IGBX_ETQF_1588		BIT(30)	/* time stamp matching frames */
#define IGBX_ETQF_PTP			3	/* the entry igbx gives to PTP */

/* --- Virtualization: pools, mailboxes, switching (datasheet 7.8, 8.14) --- */

#define IGBX_VMBMEM(n)			(0x00800 + 64 * (n)) /* VF n's mailbox */
#define IGBX_VMBMEM_WORDS		16
#define IGBX_P2VMAILBOX(n)		(0x00C00 + 4 * (n))
#define   IGBX_P2VMAILBOX_STS		BIT(0)	/* PF wrote a message */
#define   IGBX_P2VMAILBOX_ACK		BIT(1)	/* PF read the VF's message */
#define   IGBX_P2VMAILBOX_VFU		BIT(2)	/* buffer taken by the VF (RO) */
#define   IGBX_P2VMAILBOX_PFU		BIT(3)	/* buffer taken by the PF */
#define   IGBX_P2VMAILBOX_RVFU		BIT(4)	/* release the VF's lock */
#define IGBX_MBVFICR			0x00C80	/* mailbox VF cause, W1C */
#define   IGBX_MBVFICR_VFREQ		GENMASK(7, 0)	/* a VF sent a message */
#define   IGBX_MBVFICR_VFACK		GENMASK(23, 16)	/* a VF read ours */
#define IGBX_MBVFIMR			0x00C84	/* mailbox VF interrupt mask */
#define IGBX_VFLRE			0x00C88	/* VF function level reset, W1C */
#define IGBX_VFRE			0x00C8C	/* receive enable, per pool */
#define IGBX_VFTE			0x00C90	/* transmit enable, per pool */
#define IGBX_DTXSWC			0x03500	/* transmit switch control */
#define   IGBX_DTXSWC_MAC_SPOOF		GENMASK(7, 0)	/* per pool */
#define   IGBX_DTXSWC_VLAN_SPOOF	GENMASK(15, 8)	/* per pool */
#define   IGBX_DTXSWC_LOOPBACK_EN	BIT(31)	/* pool to pool switching */
/* per-queue transmit rate limiter: select a queue, then set its factor */
#define IGBX_RTTDQSEL			0x03604	/* queue select */
#define IGBX_RTTBCNRC			0x036B0	/* rate factor of that queue */
#define   IGBX_RTTBCNRC_RF_DEC		GENMASK(13, 0)	/* fraction, /2^14 */
#define   IGBX_RTTBCNRC_RF_INT		GENMASK(27, 14)	/* integer part */
#define   IGBX_RTTBCNRC_RS_ENA		BIT(31)	/* limiting on */
#define IGBX_VMVIR(n)			(0x03700 + 4 * (n)) /* VLAN insert */
#define   IGBX_VMVIR_VLAN		GENMASK(15, 0)	/* the tag (PCP, VID) */
#define   IGBX_VMVIR_VLANA		GENMASK(31, 30)
#define     IGBX_VMVIR_VLANA_DEFAULT	1	/* always insert the tag */
#define IGBX_VT_CTL			0x0581C	/* VMDq control */
#define   IGBX_VT_CTL_DEF_PL		GENMASK(9, 7)	/* default pool */
#define   IGBX_VT_CTL_DIS_DEF_PL	BIT(29)
#define   IGBX_VT_CTL_REPL_EN		BIT(30)	/* replicate bcast/mcast */
#define IGBX_VMOLR(n)			(0x05AD0 + 4 * (n)) /* pool offloads */
#define   IGBX_VMOLR_RLPML		GENMASK(13, 0)	/* longest frame */
#define   IGBX_VMOLR_LPE		BIT(16)	/* RLPML applies */
#define   IGBX_VMOLR_AUPE		BIT(24)	/* accept untagged */
#define   IGBX_VMOLR_ROMPE		BIT(25)	/* accept MTA-hashed mcast */
#define   IGBX_VMOLR_ROPE		BIT(26)	/* accept UTA-hashed ucast */
#define   IGBX_VMOLR_BAM		BIT(27)	/* accept broadcast */
#define   IGBX_VMOLR_MPME		BIT(28)	/* multicast promiscuous */
#define   IGBX_VMOLR_STRVLAN		BIT(30)	/* strip the VLAN tag */
#define IGBX_VLVF(n)			(0x05D00 + 4 * (n)) /* VLAN to pools */
#define   IGBX_VLVF_VLANID		GENMASK(11, 0)
#define   IGBX_VLVF_POOLSEL		GENMASK(19, 12)
#define   IGBX_VLVF_EN			BIT(31)
#define IGBX_VLVF_ENTRIES		32
/* per-pool statistics, free running (datasheet 8.19.x) */
#define IGBX_PVFGPRC(n)			(0x10010 + 0x100 * (n)) /* rx pkts */
#define IGBX_PVFGPTC(n)			(0x10014 + 0x100 * (n)) /* tx pkts */
#define IGBX_PVFGORC(n)			(0x10018 + 0x100 * (n)) /* rx bytes */
#define IGBX_PVFGOTC(n)			(0x10034 + 0x100 * (n)) /* tx bytes */
#define IGBX_PVFMPRC(n)			(0x1003C + 0x100 * (n)) /* rx mcast */

/* --- IEEE 1588 time sync (datasheet 7.9, 8.15) --------------------------- */

#define IGBX_TSYNCRXCFG			0x05F50	/* Rx time sync configuration */
#define   IGBX_TSYNCRXCFG_CTRLT		GENMASK(7, 0)	/* PTPv1 control */
#define   IGBX_TSYNCRXCFG_MSGT		GENMASK(15, 8)	/* PTPv2 messageId */
#define IGBX_SYSTIML			0x0B600	/* read first: latches SYSTIMH */
#define IGBX_SYSTIMH			0x0B604
#define IGBX_TIMINCA			0x0B608	/* increment attributes */
#define   IGBX_TIMINCA_IV		GENMASK(23, 0)	/* added each period */
#define   IGBX_TIMINCA_IP		GENMASK(31, 24)	/* period, 16 ns units */
#define IGBX_TIMADJL			0x0B60C
#define IGBX_TIMADJH			0x0B610
#define IGBX_TSYNCTXCTL			0x0B614	/* Tx time sync control */
#define   IGBX_TSYNCTXCTL_VALID		BIT(0)	/* TXSTMP holds a stamp */
#define   IGBX_TSYNCTXCTL_EN		BIT(4)
#define IGBX_TXSTMPL			0x0B618
#define IGBX_TXSTMPH			0x0B61C	/* read releases the Tx latch */
#define IGBX_TSYNCRXCTL			0x0B620	/* Rx time sync control */
#define   IGBX_TSYNCRXCTL_VALID		BIT(0)	/* RXSTMP holds a stamp */
#define   IGBX_TSYNCRXCTL_TYPE		GENMASK(3, 1)
#define     IGBX_TSYNCRX_L2_V2		0	/* L2 PTPv2, messageId MSGT */
#define     IGBX_TSYNCRX_EVENT_V2	5	/* every PTPv2 event message */
#define   IGBX_TSYNCRXCTL_EN		BIT(4)
#define IGBX_RXSTMPL			0x0B624
#define IGBX_RXSTMPH			0x0B628	/* read releases the Rx latch */
#define IGBX_RXSATRL			0x0B62C	/* stamped frame's source ID */
#define IGBX_RXSATRH			0x0B630	/* ... and sequence ID */

/* PTPv2 messageId values (IEEE 1588-2008 13.3.2.2) */
#define IGBX_PTP_MSG_SYNC		0x0
#define IGBX_PTP_MSG_DELAY_REQ		0x1

/* --- Wake-up (datasheet 5.6; registers 8.20) ---------------------------- */

#define IGBX_WUC			0x05800	/* Wake Up Control */
#define   IGBX_WUC_APME			BIT(0)	/* APM wake-up enable */
#define   IGBX_WUC_PME_EN		BIT(1)	/* PME generation enable */
#define   IGBX_WUC_PME_STATUS		BIT(2)	/* PME asserted (write 1 clears) */
#define IGBX_WUFC			0x05808	/* Wake Up Filter Control */
#define IGBX_WUS			0x05810	/* Wake Up Status, write 1 clears */
/* WUFC enables a wake-up source; WUS reports the one that matched. */
#define   IGBX_WUFC_LNKC		BIT(0)	/* link status change */
#define   IGBX_WUFC_MAG			BIT(1)	/* magic packet */
#define   IGBX_WUFC_EX			BIT(2)	/* directed exact (RAR) */
#define   IGBX_WUFC_MC			BIT(3)	/* directed multicast (MTA) */
#define   IGBX_WUFC_BC			BIT(4)	/* broadcast */

/* --- Software/firmware synchronisation (datasheet 8.19, 4.7) ------------ */

#define IGBX_SWSM			0x05B50	/* Software Semaphore */
#define   IGBX_SWSM_SMBI		BIT(0)	/* semaphore bit */
#define   IGBX_SWSM_SWESMBI		BIT(1)	/* software EEPROM semaphore */
#define IGBX_SW_FW_SYNC			0x05B5C	/* SW/FW resource ownership */
/* Resource bits: software owns bits 4:0, firmware the same bits << 16. */
#define   IGBX_SWFW_EEP			BIT(0)
#define   IGBX_SWFW_PHY0		BIT(1)
#define   IGBX_SWFW_PHY1		BIT(2)
#define   IGBX_SWFW_FW_SHIFT		16

/* --- Internal PHY registers, reached through MDIC ------------------------ */

#define IGBX_PHY_ADDR			1	/* the 82576 internal PHY */

#define IGBX_PHY_BMCR			0x00	/* Control */
#define   IGBX_BMCR_SPEED1000		BIT(6)
#define   IGBX_BMCR_FULLDPLX		BIT(8)
#define   IGBX_BMCR_ANRESTART		BIT(9)
#define   IGBX_BMCR_PDOWN		BIT(11)
#define   IGBX_BMCR_ANENABLE		BIT(12)
#define   IGBX_BMCR_SPEED100		BIT(13)
#define   IGBX_BMCR_LOOPBACK		BIT(14)
#define   IGBX_BMCR_RESET		BIT(15)
#define IGBX_PHY_BMSR			0x01	/* Status */
#define   IGBX_BMSR_LSTATUS		BIT(2)
#define   IGBX_BMSR_ANEGCOMPLETE	BIT(5)
#define IGBX_PHY_ID1			0x02
#define IGBX_PHY_ID2			0x03
#define IGBX_PHY_ANAR			0x04	/* Auto-neg advertisement */
#define   IGBX_ANAR_SELECTOR_8023	0x0001
#define   IGBX_ANAR_10HALF		BIT(5)
#define   IGBX_ANAR_10FULL		BIT(6)
#define   IGBX_ANAR_100HALF		BIT(7)
#define   IGBX_ANAR_100FULL		BIT(8)
#define   IGBX_ANAR_PAUSE		BIT(10)
#define   IGBX_ANAR_ASM_DIR		BIT(11)
#define IGBX_PHY_ANLPAR			0x05	/* Link partner ability */
#define IGBX_PHY_CTRL1000		0x09	/* 1000BASE-T control */
#define   IGBX_CTRL1000_1000FULL	BIT(9)
#define IGBX_PHY_STAT1000		0x0A	/* 1000BASE-T status */

/* --- NVM words (datasheet 6.1) ------------------------------------------ */

#define IGBX_NVM_MAC_ADDR		0x00	/* words 0..2 */
#define IGBX_NVM_CHECKSUM_LAST		0x3F	/* words 0..0x3F sum ... */
#define IGBX_NVM_CHECKSUM_SUM		0xBABA	/* ... to this value */
#define IGBX_NVM_WORDS			1024	/* 16 Kbit minimum part */

#endif /* _IGBX_REGS_H_ */
