/* SPDX-License-Identifier: GPL-2.0 */
/*
 * 82576 advanced descriptor formats (datasheet 7.1.5 receive, 7.2.3
 * transmit).  All fields are little-endian as the device writes them.
 */
#ifndef _IGBX_DESC_H_
#define _IGBX_DESC_H_

#include <linux/bits.h>
#include <linux/build_bug.h>
#include <linux/types.h>

/* --- Receive, advanced one-buffer ---------------------------------------- */

/**
 * union igbx_rx_desc - advanced receive descriptor
 * @read: as software hands it to the device
 * @read.pkt_addr: packet buffer address
 * @read.hdr_addr: header buffer address (bit 0 is DD once written back)
 * @wb: as the device writes it back
 * @wb.info: RSS type, packet type, header length
 * @wb.rss_hash: RSS hash (RXCSUM.PCSD set)
 * @wb.status_error: status (low bits) and errors (high bits)
 * @wb.length: bytes in this descriptor's buffer
 * @wb.vlan: stripped VLAN tag when status VP is set
 */
union igbx_rx_desc {
	struct {
		__le64 pkt_addr;
		__le64 hdr_addr;
	} read;
	struct {
		__le32 info;
		__le32 rss_hash;
		__le32 status_error;
		__le16 length;
		__le16 vlan;
	} wb;
};

static_assert(sizeof(union igbx_rx_desc) == 16);

#define IGBX_RXD_INFO_RSSTYPE		GENMASK(3, 0)
#define   IGBX_RSSTYPE_NONE		0
#define   IGBX_RSSTYPE_TCPV4		1
#define   IGBX_RSSTYPE_IPV4		2
#define   IGBX_RSSTYPE_TCPV6		3
#define   IGBX_RSSTYPE_IPV6_EX		4
#define   IGBX_RSSTYPE_IPV6		5
#define   IGBX_RSSTYPE_TCPV6_EX		6
#define   IGBX_RSSTYPE_UDPV4		7
#define   IGBX_RSSTYPE_UDPV6		8
#define   IGBX_RSSTYPE_UDPV6_EX		9

#define IGBX_RXD_STAT_DD		BIT(0)	/* descriptor done */
#define IGBX_RXD_STAT_EOP		BIT(1)	/* end of packet */
#define IGBX_RXD_STAT_VP		BIT(3)	/* VLAN tag stripped */
#define IGBX_RXD_STAT_UDPCS		BIT(4)	/* UDP checksum computed */
#define IGBX_RXD_STAT_L4CS		BIT(5)	/* L4 checksum computed */
#define IGBX_RXD_STAT_IPCS		BIT(6)	/* IPv4 checksum computed */
#define IGBX_RXD_STAT_TS		BIT(16)	/* IEEE 1588 time stamped */
#define IGBX_RXD_ERR_HBO		BIT(23)	/* header buffer overflow */
#define IGBX_RXD_ERR_L4E		BIT(29)	/* L4 checksum error */
#define IGBX_RXD_ERR_IPE		BIT(30)	/* IPv4 checksum error */
#define IGBX_RXD_ERR_RXE		BIT(31)	/* MAC/PHY receive error */
/* errors that mean the frame itself is bad, not just a checksum */
#define IGBX_RXD_ERR_FRAME		(IGBX_RXD_ERR_RXE | IGBX_RXD_ERR_HBO)

/* --- Transmit ------------------------------------------------------------ */

/**
 * struct igbx_tx_desc - advanced transmit data descriptor
 * @addr: buffer address
 * @cmd_type_len: length, descriptor type and command bits
 * @olinfo_status: offload options, payload length; DD on write-back
 */
struct igbx_tx_desc {
	__le64 addr;
	__le32 cmd_type_len;
	__le32 olinfo_status;
};

static_assert(sizeof(struct igbx_tx_desc) == 16);

/**
 * struct igbx_tx_ctx_desc - advanced transmit context descriptor
 * @vlan_macip_lens: IP header length, MAC header length, VLAN tag
 * @seqnum_seed: unused by igbx
 * @type_tucmd_mlhl: descriptor type and L3/L4 type
 * @mss_l4len_idx: TSO segment size, L4 header length, context index
 */
struct igbx_tx_ctx_desc {
	__le32 vlan_macip_lens;
	__le32 seqnum_seed;
	__le32 type_tucmd_mlhl;
	__le32 mss_l4len_idx;
};

static_assert(sizeof(struct igbx_tx_ctx_desc) == 16);

#define IGBX_TXD_LEN			GENMASK(15, 0)
#define IGBX_TXD_MAC_TSTAMP		BIT(19)	/* IEEE 1588 time stamp */
#define IGBX_TXD_DTYP			GENMASK(23, 20)
#define   IGBX_TXD_DTYP_CTXT		2
#define   IGBX_TXD_DTYP_DATA		3
#define IGBX_TXD_CMD_EOP		BIT(24)	/* end of packet */
#define IGBX_TXD_CMD_IFCS		BIT(25)	/* insert FCS */
#define IGBX_TXD_CMD_RS			BIT(27)	/* report status */
#define IGBX_TXD_CMD_DEXT		BIT(29)	/* advanced format */
#define IGBX_TXD_CMD_VLE		BIT(30)	/* insert VLAN tag */
#define IGBX_TXD_CMD_TSE		BIT(31)	/* TCP segmentation */

#define IGBX_TXD_STAT_DD		BIT(0)	/* in olinfo_status */
#define IGBX_TXD_POPTS_IXSM		BIT(8)	/* insert IPv4 checksum */
#define IGBX_TXD_POPTS_TXSM		BIT(9)	/* insert L4 checksum */
#define IGBX_TXD_PAYLEN			GENMASK(31, 14)

#define IGBX_TXCTX_IPLEN		GENMASK(8, 0)
#define IGBX_TXCTX_MACLEN		GENMASK(15, 9)
#define IGBX_TXCTX_VLAN			GENMASK(31, 16)
#define IGBX_TXCTX_TUCMD_IPV4		BIT(10)
#define IGBX_TXCTX_TUCMD_L4T		GENMASK(12, 11)
#define   IGBX_L4T_UDP			0
#define   IGBX_L4T_TCP			1
#define   IGBX_L4T_SCTP			2
#define IGBX_TXCTX_L4LEN		GENMASK(15, 8)
#define IGBX_TXCTX_MSS			GENMASK(31, 16)

/* One data descriptor carries at most this much (DTALEN is 16 bits). */
#define IGBX_TXD_MAX_DATA		(16 * 1024)

#endif /* _IGBX_DESC_H_ */
