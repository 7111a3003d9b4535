// SPDX-License-Identifier: GPL-2.0
/*
 * Reflector: UDP to the test port goes back where it came from (XDP_TX)
 * with MACs, IPv4 addresses and ports swapped.  Swapping keeps both
 * checksums right, so the sender's socket gets its own datagram back.
 * xdp_tx_frags.bpf.c builds the same program as "xdp.frags".
 */
#include "xdp_test.h"

#ifndef XDP_SEC
#define XDP_SEC "xdp"
#endif

SEC(XDP_SEC)
int xdp_tx_prog(struct xdp_md *ctx)
{
	unsigned char mac[ETH_ALEN];
	struct ethhdr *eth;
	struct udphdr *udp;
	struct iphdr *ip;
	__be32 addr;
	__be16 port;

	stat_inc(ST_FRAMES);
	udp = xdp_test_udp(ctx, &eth, &ip);
	if (!udp)
		return XDP_PASS;
	stat_inc(ST_TEST);
	__builtin_memcpy(mac, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, eth->h_source, ETH_ALEN);
	__builtin_memcpy(eth->h_source, mac, ETH_ALEN);
	addr = ip->saddr;
	ip->saddr = ip->daddr;
	ip->daddr = addr;
	port = udp->source;
	udp->source = udp->dest;
	udp->dest = port;
	return XDP_TX;
}

char _license[] SEC("license") = "GPL";
