// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_xdp_adjust_tail(): UDP to the test port loses the last ADJ_TAIL bytes
 * of its payload (lengths and the IPv4 checksum fixed, UDP checksum
 * dropped), so the receiving socket gets a datagram ADJ_TAIL bytes shorter.
 * ST_AUX: frames trimmed; ST_AUX2: frames that could not be (padded, too
 * short, or the helper failed): passed unchanged.
 */
#include "xdp_test.h"

#define ADJ_TAIL 16

SEC("xdp")
int xdp_adjust_tail_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct udphdr *udp;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_PASS;
	stat_inc(ST_TEST);
	if (bpf_xdp_get_buff_len(ctx) != sizeof(*eth) + bpf_ntohs(ip->tot_len) ||
	    bpf_ntohs(udp->len) < sizeof(*udp) + ADJ_TAIL ||
	    bpf_xdp_adjust_tail(ctx, -ADJ_TAIL)) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_DROP;	/* headers are in front: cannot happen */
	udp_shrink(ip, udp, ADJ_TAIL);
	stat_inc(ST_AUX);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
