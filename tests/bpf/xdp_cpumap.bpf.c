// SPDX-License-Identifier: GPL-2.0
/*
 * XDP_REDIRECT of UDP to the test port into a cpumap: the frame becomes an
 * skb on CPU 0's kthread (cpu_map[0] holds the queue size, written by the
 * test with bpftool).  No entry: XDP_ABORTED.
 */
#include "xdp_test.h"

struct {
	__uint(type, BPF_MAP_TYPE_CPUMAP);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} cpu_map SEC(".maps");

SEC("xdp")
int xdp_cpumap_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	return bpf_redirect_map(&cpu_map, 0, XDP_ABORTED);
}

char _license[] SEC("license") = "GPL";
