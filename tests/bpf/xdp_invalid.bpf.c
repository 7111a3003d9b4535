// SPDX-License-Identifier: GPL-2.0
/*
 * An action that does not exist (42) for UDP to the test port: the driver
 * must treat it as XDP_ABORTED (bpf_warn_invalid_xdp_action(), dropped).
 */
#include "xdp_test.h"

#define XDP_INVALID_ACTION 42

SEC("xdp")
int xdp_invalid_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	return XDP_INVALID_ACTION;
}

char _license[] SEC("license") = "GPL";
