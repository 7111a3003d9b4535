// SPDX-License-Identifier: GPL-2.0
/*
 * xdp_udp: UDP datagrams with a known payload, for tests/xdp.sh.
 *
 *   xdp_udp send [-s SPORT] [-l LEN] [-g USEC] DSTIP PORT COUNT
 *   xdp_udp echo [-s SPORT] [-l LEN] [-g USEC] [-w MS] DSTIP PORT COUNT
 *   xdp_udp recv [-l LEN] [-o OFF] [-w MS] PORT COUNT
 *   xdp_udp raw  -i IFNAME -d DSTMAC -S SRCIP [-l LEN] [-g USEC] DSTIP PORT COUNT
 *
 * The payload of every datagram is LEN (default 1000) bytes of pattern(i),
 * i = 0..LEN-1.  send: COUNT datagrams from a UDP socket (source port SPORT,
 * default any).  echo: the same, then every datagram that comes back on the
 * socket must equal what was sent, byte for byte.  recv: listen on PORT
 * until COUNT datagrams arrived or MS (default 5000) ms passed; a datagram
 * is "exact" when it is LEN bytes of pattern(OFF + i).  raw: COUNT
 * Ethernet/IPv4/UDP frames through an AF_PACKET socket on IFNAME (source
 * MAC IFNAME's, source port 9999, checksums right).
 *
 * Prints one line "sent N received M exact K [len MIN..MAX]"; exits 0 when
 * every datagram expected arrived exact (send, raw: when all were sent).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_LEN 9000
#define RAW_SPORT 9999

static uint8_t pattern(unsigned int i)
{
	return (i * 31 + 7) & 0xff;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: xdp_udp send [-s SPORT] [-l LEN] [-g USEC] DSTIP PORT COUNT\n"
		"       xdp_udp echo [-s SPORT] [-l LEN] [-g USEC] [-w MS] DSTIP PORT COUNT\n"
		"       xdp_udp recv [-l LEN] [-o OFF] [-w MS] PORT COUNT\n"
		"       xdp_udp raw -i IFNAME -d DSTMAC -S SRCIP [-l LEN] [-g USEC] DSTIP PORT COUNT\n");
	exit(2);
}

static void die(const char *what)
{
	fprintf(stderr, "xdp_udp: %s: %s\n", what, strerror(errno));
	exit(1);
}

static unsigned long num(const char *s, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s || *end || v > max) {
		fprintf(stderr, "xdp_udp: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000LL + ts.tv_nsec / 1000000;
}

static uint32_t csum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;

	for (; len > 1; p += 2, len -= 2)
		sum += (p[0] << 8) | p[1];
	if (len)
		sum += p[0] << 8;
	return sum;
}

static uint16_t csum_fold(uint32_t sum)
{
	while (sum >> 16)
		sum = (sum & 0xffff) + (sum >> 16);
	return ~sum & 0xffff;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/* Ethernet + IPv4 + UDP around the payload; returns the frame length. */
static size_t build_frame(uint8_t *f, const uint8_t *dmac, const uint8_t *smac,
			  struct in_addr sip, struct in_addr dip, uint16_t port,
			  const uint8_t *payload, size_t len, uint16_t id)
{
	uint8_t *ip = f + 14, *udp = ip + 20;
	uint32_t sum;
	uint16_t c;

	memcpy(f, dmac, ETH_ALEN);
	memcpy(f + 6, smac, ETH_ALEN);
	put16(f + 12, ETH_P_IP);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, 20 + 8 + len);
	put16(ip + 4, id);
	put16(ip + 6, 0x4000);			/* DF */
	ip[8] = 64;
	ip[9] = IPPROTO_UDP;
	memcpy(ip + 12, &sip, 4);
	memcpy(ip + 16, &dip, 4);
	put16(ip + 10, csum_fold(csum_add(0, ip, 20)));
	put16(udp, RAW_SPORT);
	put16(udp + 2, port);
	put16(udp + 4, 8 + len);
	put16(udp + 6, 0);
	memcpy(udp + 8, payload, len);
	sum = csum_add(0, ip + 12, 8);
	sum += IPPROTO_UDP + 8 + len;
	c = csum_fold(csum_add(sum, udp, 8 + len));
	put16(udp + 6, c ? c : 0xffff);
	return 14 + 20 + 8 + len;
}

static int parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[ETH_ALEN];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != ETH_ALEN)
		return -1;
	for (i = 0; i < ETH_ALEN; i++)
		mac[i] = b[i];
	return 0;
}

int main(int argc, char **argv)
{
	unsigned long len = 1000, off = 0, count, gap = 0, wait_ms = 5000;
	unsigned long sent = 0, got = 0, exact = 0, minl = ~0UL, maxl = 0;
	static uint8_t buf[MAX_LEN + 64], pay[MAX_LEN + 64], frame[MAX_LEN + 64];
	const char *mode, *ifname = NULL;
	struct sockaddr_in dst = { .sin_family = AF_INET };
	struct sockaddr_in src = { .sin_family = AF_INET };
	uint8_t dmac[ETH_ALEN] = { 0 };
	struct in_addr sip = { 0 };
	int fd, c, have_dmac = 0, have_sip = 0, recv_mode, echo_mode, raw_mode;
	unsigned long i;

	if (argc < 2)
		usage();
	mode = argv[1];
	recv_mode = !strcmp(mode, "recv");
	echo_mode = !strcmp(mode, "echo");
	raw_mode = !strcmp(mode, "raw");
	if (!recv_mode && !echo_mode && !raw_mode && strcmp(mode, "send"))
		usage();
	optind = 2;
	while ((c = getopt(argc, argv, "s:l:g:w:o:i:d:S:")) != -1) {
		switch (c) {
		case 's':
			src.sin_port = htons(num(optarg, 65535));
			break;
		case 'l':
			len = num(optarg, MAX_LEN);
			break;
		case 'g':
			gap = num(optarg, 1000000);
			break;
		case 'w':
			wait_ms = num(optarg, 600000);
			break;
		case 'o':
			off = num(optarg, MAX_LEN);
			break;
		case 'i':
			ifname = optarg;
			break;
		case 'd':
			if (parse_mac(optarg, dmac))
				usage();
			have_dmac = 1;
			break;
		case 'S':
			if (inet_pton(AF_INET, optarg, &sip) != 1)
				usage();
			have_sip = 1;
			break;
		default:
			usage();
		}
	}
	for (i = 0; i < sizeof(pay); i++)
		pay[i] = pattern(i);

	if (recv_mode) {
		long long deadline;

		if (argc - optind != 2)
			usage();
		src.sin_port = htons(num(argv[optind], 65535));
		count = num(argv[optind + 1], ~0UL);
		fd = socket(AF_INET, SOCK_DGRAM, 0);
		if (fd < 0)
			die("socket");
		c = 1 << 22;
		setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &c, sizeof(c));
		if (bind(fd, (struct sockaddr *)&src, sizeof(src)))
			die("bind");
		deadline = now_ms() + wait_ms;
		while (got < count) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			long long left = deadline - now_ms();
			ssize_t n;

			if (left <= 0 || poll(&pfd, 1, left) <= 0)
				break;
			n = recv(fd, buf, sizeof(buf), 0);
			if (n < 0)
				die("recv");
			got++;
			if ((unsigned long)n < minl)
				minl = n;
			if ((unsigned long)n > maxl)
				maxl = n;
			if ((unsigned long)n == len && !memcmp(buf, pay + off, n))
				exact++;
		}
		printf("sent 0 received %lu exact %lu len %lu..%lu\n", got, exact,
		       got ? minl : 0, maxl);
		return exact == count ? 0 : 1;
	}

	if (argc - optind != 3)
		usage();
	if (inet_pton(AF_INET, argv[optind], &dst.sin_addr) != 1)
		usage();
	dst.sin_port = htons(num(argv[optind + 1], 65535));
	count = num(argv[optind + 2], ~0UL);

	if (raw_mode) {
		struct sockaddr_ll sll = { .sll_family = AF_PACKET };
		struct ifreq ifr = { 0 };
		uint8_t smac[ETH_ALEN];
		int one = 1;

		if (!ifname || !have_dmac || !have_sip ||
		    strlen(ifname) >= IFNAMSIZ)
			usage();
		fd = socket(AF_PACKET, SOCK_RAW, 0);
		if (fd < 0)
			die("socket");
		memcpy(ifr.ifr_name, ifname, strlen(ifname));
		if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
			die(ifname);
		memcpy(smac, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
		setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one, sizeof(one));
		sll.sll_ifindex = if_nametoindex(ifname);
		sll.sll_halen = ETH_ALEN;
		memcpy(sll.sll_addr, dmac, ETH_ALEN);
		while (sent < count) {
			size_t flen = build_frame(frame, dmac, smac, sip,
						  dst.sin_addr,
						  ntohs(dst.sin_port), pay, len,
						  sent);

			if (sendto(fd, frame, flen, 0, (struct sockaddr *)&sll,
				   sizeof(sll)) < 0) {
				if (errno != ENOBUFS && errno != EAGAIN)
					die("sendto");
				usleep(100);
				continue;
			}
			sent++;
			if (gap)
				usleep(gap);
		}
		printf("sent %lu received 0 exact 0\n", sent);
		return 0;
	}

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0)
		die("socket");
	c = 1 << 22;
	setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &c, sizeof(c));
	if (bind(fd, (struct sockaddr *)&src, sizeof(src)))
		die("bind");
	if (connect(fd, (struct sockaddr *)&dst, sizeof(dst)))
		die("connect");
	while (sent < count) {
		if (send(fd, pay, len, 0) < 0) {
			if (errno != ENOBUFS && errno != EAGAIN &&
			    errno != ECONNREFUSED)
				die("send");
			usleep(100);
			continue;
		}
		sent++;
		if (gap)
			usleep(gap);
	}
	if (echo_mode) {
		long long deadline = now_ms() + wait_ms;

		while (got < count) {
			struct pollfd pfd = { .fd = fd, .events = POLLIN };
			long long left = deadline - now_ms();
			ssize_t n;

			if (left <= 0 || poll(&pfd, 1, left) <= 0)
				break;
			n = recv(fd, buf, sizeof(buf), 0);
			if (n < 0) {
				if (errno == ECONNREFUSED)
					continue;
				die("recv");
			}
			got++;
			if ((unsigned long)n == len && !memcmp(buf, pay, n))
				exact++;
		}
	}
	printf("sent %lu received %lu exact %lu\n", sent, got, exact);
	return !echo_mode || exact == count ? 0 : 1;
}
