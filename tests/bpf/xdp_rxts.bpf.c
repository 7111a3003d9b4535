// SPDX-License-Identifier: GPL-2.0
/*
 * XDP RX metadata: bpf_xdp_metadata_rx_timestamp() on every frame, for
 * tests/ptp.sh.  Must be loaded device-bound (tests/xdp_load -b).  Slots:
 * ST_TEST layer-2 PTP frames, ST_AUX5 of them with a time stamp, ST_AUX
 * the last one, ST_AUX3 stamps not above the one before, ST_AUX2 other
 * frames with a time stamp, ST_AUX4 -errno of the last failed call on a
 * PTP frame.  Passes everything.
 */
#include "xdp_test.h"

#define ETH_P_PTP	0x88F7

extern int bpf_xdp_metadata_rx_timestamp(const struct xdp_md *ctx,
					 __u64 *timestamp) __ksym;

SEC("xdp")
int xdp_rxts_prog(struct xdp_md *ctx)
{
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = (void *)(long)ctx->data;
	__u64 ts = 0, *last;
	int ret;

	stat_inc(ST_FRAMES);
	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	ret = bpf_xdp_metadata_rx_timestamp(ctx, &ts);
	if (eth->h_proto != bpf_htons(ETH_P_PTP)) {
		if (!ret)
			stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	stat_inc(ST_TEST);
	if (ret) {
		stat_set(ST_AUX4, -ret);
		return XDP_PASS;
	}
	stat_inc(ST_AUX5);
	last = stat_ptr(ST_AUX);
	if (!last)
		return XDP_PASS;
	if (ts <= *last)
		stat_inc(ST_AUX3);
	*last = ts;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
