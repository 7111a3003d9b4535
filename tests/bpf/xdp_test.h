/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared by the BPF programs of tests/xdp.sh.  Each program acts only on
 * IPv4/UDP datagrams to TEST_PORT and passes everything else (ARP, ping,
 * TCP of the test rig), and counts in an array map named "stats" that the
 * test reads with bpftool.  Only uapi and libbpf headers: no vmlinux.h.
 */
#ifndef XDP_TEST_H
#define XDP_TEST_H

#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define TEST_PORT	7777

/* written into the metadata area by xdp_adjust_meta, looked for by tc_probe */
#define META_MAGIC	0x69676278	/* "igbx" */

/* stats[] slots; what ST_AUX.. hold is the program's own business */
enum {
	ST_FRAMES,	/* every frame the program saw */
	ST_TEST,	/* IPv4/UDP frames to TEST_PORT */
	ST_AUX,
	ST_AUX2,
	ST_AUX3,
	ST_AUX4,
	ST_AUX5,
	ST_MAX = 8,
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, ST_MAX);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

static __always_inline __u64 *stat_ptr(__u32 k)
{
	return bpf_map_lookup_elem(&stats, &k);
}

static __always_inline void stat_inc(__u32 k)
{
	__u64 *p = stat_ptr(k);

	if (p)
		__sync_fetch_and_add(p, 1);
}

static __always_inline void stat_set(__u32 k, __u64 v)
{
	__u64 *p = stat_ptr(k);

	if (p)
		*p = v;
}

static __always_inline void stat_max(__u32 k, __u64 v)
{
	__u64 *p = stat_ptr(k);

	if (p && v > *p)
		*p = v;
}

/*
 * The UDP header of an unfragmented IPv4/UDP frame (no IP options) to
 * TEST_PORT in [data, end), or NULL.
 */
static __always_inline struct udphdr *test_udp(void *data, void *end,
					       struct ethhdr **ethp,
					       struct iphdr **ipp)
{
	struct ethhdr *eth = data;
	struct udphdr *udp;
	struct iphdr *ip;

	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return NULL;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || ip->ihl != 5 ||
	    ip->protocol != IPPROTO_UDP ||
	    (ip->frag_off & bpf_htons(0x3fff)))
		return NULL;
	udp = (void *)(ip + 1);
	if ((void *)(udp + 1) > end || udp->dest != bpf_htons(TEST_PORT))
		return NULL;
	*ethp = eth;
	*ipp = ip;
	return udp;
}

static __always_inline struct udphdr *xdp_test_udp(struct xdp_md *ctx,
						   struct ethhdr **ethp,
						   struct iphdr **ipp)
{
	return test_udp((void *)(long)ctx->data, (void *)(long)ctx->data_end,
			ethp, ipp);
}

/* RFC 1624: the header checksum after one 16-bit word went from old to new */
static __always_inline void csum_replace2(__u16 *sum, __u16 old, __u16 new)
{
	__u32 s = (__u16)~*sum + (__u16)~old + new;

	s = (s & 0xffff) + (s >> 16);
	s = (s & 0xffff) + (s >> 16);
	*sum = ~s;
}

/*
 * Shrink the IPv4/UDP datagram by @delta bytes in its headers (total
 * length, UDP length, IPv4 checksum); the UDP checksum is dropped (0 is
 * "none" for IPv4), since the payload changed.
 */
static __always_inline void udp_shrink(struct iphdr *ip, struct udphdr *udp,
				       __u16 delta)
{
	__u16 old = ip->tot_len;

	ip->tot_len = bpf_htons(bpf_ntohs(old) - delta);
	csum_replace2(&ip->check, old, ip->tot_len);
	udp->len = bpf_htons(bpf_ntohs(udp->len) - delta);
	udp->check = 0;
}

#endif
