// SPDX-License-Identifier: GPL-2.0
/*
 * tc ingress (clsact, direct-action): what the stack got for UDP to the
 * test port.  Slots: ST_TEST frames, ST_AUX the first skb->hash, ST_AUX3
 * frames whose hash differed from the first, ST_AUX2 frames that carried
 * xdp_adjust_meta's metadata (META_MAGIC in front of the frame).
 */
#include "xdp_test.h"

SEC("tc")
int tc_probe_prog(struct __sk_buff *skb)
{
	struct udphdr udp;
	struct iphdr ip;
	__u32 *meta;
	__u64 *first;

	if (skb->protocol != bpf_htons(ETH_P_IP) ||
	    bpf_skb_load_bytes(skb, ETH_HLEN, &ip, sizeof(ip)) ||
	    ip.ihl != 5 || ip.protocol != IPPROTO_UDP ||
	    bpf_skb_load_bytes(skb, ETH_HLEN + sizeof(ip), &udp, sizeof(udp)) ||
	    udp.dest != bpf_htons(TEST_PORT))
		return 0;	/* TC_ACT_OK */
	stat_inc(ST_TEST);
	first = stat_ptr(ST_AUX);
	if (first) {
		if (!*first)
			*first = skb->hash;
		else if (*first != skb->hash)
			stat_inc(ST_AUX3);
	}
	meta = (void *)(long)skb->data_meta;
	if ((void *)(meta + 2) <= (void *)(long)skb->data && meta[0] == META_MAGIC)
		stat_inc(ST_AUX2);
	return 0;
}

char _license[] SEC("license") = "GPL";
