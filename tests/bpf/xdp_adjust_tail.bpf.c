// SPDX-License-Identifier: GPL-2.0
/*
 * bpf_xdp_adjust_tail(): UDP to the test port loses the last ADJ_TAIL bytes
 * of its payload (lengths and the IPv4 checksum fixed, UDP checksum
 * dropped), so the receiving socket gets a datagram ADJ_TAIL bytes shorter.
 * Before that, bpf_xdp_load_bytes() reads those bytes wherever they are
 * (in the last frag of a multi-buffer frame) and checks them against
 * xdp_udp's payload pattern.  ST_AUX: frames trimmed; ST_AUX2: frames that
 * could not be (padded, too short, or a helper failed): passed unchanged;
 * ST_AUX3: frames whose last bytes read back right.
 * xdp_adjust_tail_frags.bpf.c builds the same program as "xdp.frags".
 */
#include "xdp_test.h"

#ifndef XDP_SEC
#define XDP_SEC "xdp"
#endif

#define ADJ_TAIL 16

/* the payload xdp_udp sends: byte i is pattern(i) */
static __always_inline __u8 pattern(__u32 i)
{
	return (i * 31 + 7) & 0xff;
}

SEC(XDP_SEC)
int xdp_adjust_tail_prog(struct xdp_md *ctx)
{
	__u32 len = bpf_xdp_get_buff_len(ctx), plen, i;
	__u8 tail[ADJ_TAIL];
	struct ethhdr *eth;
	struct udphdr *udp;
	struct iphdr *ip;
	int good = 1;

	stat_inc(ST_FRAMES);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_PASS;
	stat_inc(ST_TEST);
	plen = bpf_ntohs(udp->len) - sizeof(*udp);
	if (len != sizeof(*eth) + bpf_ntohs(ip->tot_len) ||
	    bpf_ntohs(udp->len) < sizeof(*udp) + ADJ_TAIL ||
	    bpf_xdp_load_bytes(ctx, len - ADJ_TAIL, tail, ADJ_TAIL) ||
	    bpf_xdp_adjust_tail(ctx, -ADJ_TAIL)) {
		stat_inc(ST_AUX2);
		return XDP_PASS;
	}
	for (i = 0; i < ADJ_TAIL; i++)
		if (tail[i] != pattern(plen - ADJ_TAIL + i))
			good = 0;
	if (good)
		stat_inc(ST_AUX3);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_DROP;	/* headers are in front: cannot happen */
	udp_shrink(ip, udp, ADJ_TAIL);
	stat_inc(ST_AUX);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
