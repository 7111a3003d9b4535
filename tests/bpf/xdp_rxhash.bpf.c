// SPDX-License-Identifier: GPL-2.0
/*
 * XDP RX metadata: bpf_xdp_metadata_rx_hash() on UDP to the test port.
 * Must be loaded device-bound (BPF_F_XDP_DEV_BOUND_ONLY, prog_ifindex):
 * tests/xdp_load does that.  Slots: ST_AUX the first hash, ST_AUX2 its
 * RSS type, ST_AUX3 frames whose hash differed from the first, ST_AUX4
 * -errno of a failed call, ST_AUX5 successful calls.  Passes everything.
 */
#include "xdp_test.h"

/* include/net/xdp.h (kernel-internal, not in the uapi headers) */
enum xdp_rss_hash_type {
	XDP_RSS_L3_IPV4		= 1U << 0,
	XDP_RSS_L3_IPV6		= 1U << 1,
	XDP_RSS_L3_DYNHDR	= 1U << 2,
	XDP_RSS_L4		= 1U << 3,
	XDP_RSS_L4_TCP		= 1U << 4,
	XDP_RSS_L4_UDP		= 1U << 5,
	XDP_RSS_L4_SCTP		= 1U << 6,
	XDP_RSS_L4_IPSEC	= 1U << 7,
	XDP_RSS_L4_ICMP		= 1U << 8,
};

extern int bpf_xdp_metadata_rx_hash(const struct xdp_md *ctx, __u32 *hash,
				    enum xdp_rss_hash_type *rss_type) __ksym;

SEC("xdp")
int xdp_rxhash_prog(struct xdp_md *ctx)
{
	enum xdp_rss_hash_type type = 0;
	struct ethhdr *eth;
	struct iphdr *ip;
	__u32 hash = 0;
	__u64 *first;
	int ret;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	ret = bpf_xdp_metadata_rx_hash(ctx, &hash, &type);
	if (ret) {
		stat_set(ST_AUX4, -ret);
		return XDP_PASS;
	}
	stat_inc(ST_AUX5);
	first = stat_ptr(ST_AUX);
	if (!first)
		return XDP_PASS;
	if (!*first) {
		*first = hash;
		stat_set(ST_AUX2, type);
	} else if (*first != hash) {
		stat_inc(ST_AUX3);
	}
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
