// SPDX-License-Identifier: GPL-2.0
/*
 * XDP_REDIRECT of UDP to the test port through a devmap: tx_port[0] holds
 * the target's ifindex (written by the test with bpftool).  No entry: the
 * frame is dropped as XDP_ABORTED.
 */
#include "xdp_test.h"

struct {
	__uint(type, BPF_MAP_TYPE_DEVMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} tx_port SEC(".maps");

SEC("xdp")
int xdp_redirect_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	return bpf_redirect_map(&tx_port, 0, XDP_ABORTED);
}

char _license[] SEC("license") = "GPL";
