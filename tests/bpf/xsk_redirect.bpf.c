// SPDX-License-Identifier: GPL-2.0
/*
 * For tests/xsk: IPv4/UDP to port XSK_PORT goes to the AF_XDP socket of
 * the queue it arrived on (xsks_map[rx_queue_index]); everything else
 * (ARP, ping, TCP, and test frames on a queue without a socket) passes to
 * the stack.  xsk_stats[0] counts the test frames seen, xsk_stats[1] those
 * redirected; tests/xsk prints both when it ends.
 */
#include <linux/bpf.h>
#include <linux/if_ether.h>
#include <linux/in.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

#define XSK_PORT	4791

struct {
	__uint(type, BPF_MAP_TYPE_XSKMAP);
	__uint(max_entries, 64);
	__type(key, __u32);
	__type(value, __u32);
} xsks_map SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} xsk_stats SEC(".maps");

static __always_inline void count(__u32 k)
{
	__u64 *p = bpf_map_lookup_elem(&xsk_stats, &k);

	if (p)
		__sync_fetch_and_add(p, 1);
}

SEC("xdp")
int xsk_redirect_prog(struct xdp_md *ctx)
{
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;
	struct udphdr *udp;
	struct iphdr *ip;
	long ret;

	if ((void *)(eth + 1) > end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	ip = (void *)(eth + 1);
	if ((void *)(ip + 1) > end || ip->ihl != 5 ||
	    ip->protocol != IPPROTO_UDP || (ip->frag_off & bpf_htons(0x3fff)))
		return XDP_PASS;
	udp = (void *)(ip + 1);
	if ((void *)(udp + 1) > end || udp->dest != bpf_htons(XSK_PORT))
		return XDP_PASS;
	count(0);
	ret = bpf_redirect_map(&xsks_map, ctx->rx_queue_index, XDP_PASS);
	if (ret == XDP_REDIRECT)
		count(1);
	return ret;
}

char _license[] SEC("license") = "GPL";
