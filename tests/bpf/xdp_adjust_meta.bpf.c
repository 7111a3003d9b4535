// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_xdp_adjust_meta(): UDP to the test port gets 8 bytes of metadata in
 * front of the frame (META_MAGIC and a sequence number) and passes; the
 * frame itself is unchanged.  tc_probe finds the metadata in the skb if the
 * driver kept it (skb_metadata_set()).  ST_AUX: metadata written;
 * ST_AUX2: the helper failed.
 */
#include "xdp_test.h"

SEC("xdp")
int xdp_adjust_meta_prog(struct xdp_md *ctx)
{
	struct ethhdr *eth;
	struct iphdr *ip;
	__u32 *meta;
	void *data;

	stat_inc(ST_FRAMES);
	if (!xdp_test_udp(ctx, &eth, &ip))
		return XDP_PASS;
	stat_inc(ST_TEST);
	if (bpf_xdp_adjust_meta(ctx, -(int)(2 * sizeof(__u32)))) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	meta = (void *)(long)ctx->data_meta;
	data = (void *)(long)ctx->data;
	if ((void *)(meta + 2) > data) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	meta[0] = META_MAGIC;
	meta[1] = ctx->rx_queue_index;
	stat_inc(ST_AUX);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
