// SPDX-License-Identifier: GPL-2.0
/*
 * XDP_PASS for everything; counts frames and the test port's frames, and
 * records the largest frame seen (bpf_xdp_get_buff_len(): all frags).
 * xdp_pass_frags.bpf.c builds the same program as "xdp.frags".
 */
#include "xdp_test.h"

#ifndef XDP_SEC
#define XDP_SEC "xdp"
#endif

SEC(XDP_SEC)
int xdp_pass_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;

	stat_inc(ST_FRAMES);
	if (xdp_test_udp(ctx, &eth, &ip)) {
		stat_inc(ST_TEST);
		/* ST_AUX: the largest test frame, whole */
		stat_max(ST_AUX, bpf_xdp_get_buff_len(ctx));
		/* ST_AUX2: the largest linear part of one */
		stat_max(ST_AUX2, ctx->data_end - ctx->data);
	}
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
