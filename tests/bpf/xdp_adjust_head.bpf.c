// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_xdp_adjust_head(): UDP to the test port loses the first ADJ_HEAD
 * bytes of its payload: the Ethernet, IPv4 and UDP headers move ADJ_HEAD
 * bytes up and the frame's start follows them.  The socket gets the
 * datagram without its first ADJ_HEAD bytes.  ST_AUX: frames cut;
 * ST_AUX2: frames that could not be (passed unchanged).
 */
#include "xdp_test.h"

#define ADJ_HEAD 8
#define HDRS (sizeof(struct ethhdr) + sizeof(struct iphdr) + sizeof(struct udphdr))

SEC("xdp")
int xdp_adjust_head_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct udphdr *udp;
	struct iphdr *ip;
	char hdr[HDRS];
	void *data;

	stat_inc(ST_FRAMES);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_PASS;
	stat_inc(ST_TEST);
	if (bpf_xdp_get_buff_len(ctx) != sizeof(*eth) + bpf_ntohs(ip->tot_len) ||
	    bpf_ntohs(udp->len) < sizeof(*udp) + ADJ_HEAD) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	__builtin_memcpy(hdr, eth, HDRS);	/* test_udp checked HDRS bytes */
	if (bpf_xdp_adjust_head(ctx, ADJ_HEAD)) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	data = (void *)(long)ctx->data;
	if (data + HDRS > (void *)(long)ctx->data_end)
		return XDP_DROP;	/* the payload was long enough: cannot happen */
	__builtin_memcpy(data, hdr, HDRS);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_DROP;
	udp_shrink(ip, udp, ADJ_HEAD);
	stat_inc(ST_AUX);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
