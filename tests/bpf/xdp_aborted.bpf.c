// SPDX-License-Identifier: GPL-2.0
/* XDP_ABORTED for UDP to the test port (counted); the rest passes. */
#include "xdp_test.h"

SEC("xdp")
int xdp_aborted_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	return XDP_ABORTED;
}

char _license[] SEC("license") = "GPL";
