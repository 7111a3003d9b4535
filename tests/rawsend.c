// SPDX-License-Identifier: GPL-2.0
/*
 * rawsend: send hand-made Ethernet frames with an AF_PACKET socket, for the
 * igbx tests of bad input from the wire (tests/wire.sh).
 *
 * usage: rawsend [options] IFNAME KIND COUNT
 *
 * KIND is one of
 *   runt        frames of 20..59 bytes (cycling, or -l LEN), EtherType 0x88b5
 *   oversize    an IPv4/UDP frame of -l LEN bytes (default 1600)
 *   goodudp     a correct IPv4/UDP datagram (the control for the bad ones)
 *   badipcsum   IPv4/UDP with a wrong IPv4 header checksum
 *   badudpcsum  IPv4/UDP with a wrong (non-zero) UDP checksum
 *   goodtcp     a correct TCP SYN, a new source port for each
 *   badtcpcsum  a TCP SYN with a wrong TCP checksum
 *   qinq        IPv4/UDP under an 802.1ad tag (-o VID) and an 802.1Q tag
 *               (-i VID)
 *   foreignmac  IPv4/UDP to 02:00:00:00:00:99 (unless -d is given)
 *   flood       64-byte frames (60 without FCS), EtherType 0x88b5, as fast
 *               as the socket takes them; -t SEC bounds the time
 *
 * UDP payloads are text lines that start with the KIND's name, so that a
 * receiver can tell which datagrams arrived.  -g USEC paces the frames.
 *
 * The source MAC is IFNAME's own; frames go out with PACKET_QDISC_BYPASS.
 * Prints one line: how many frames were sent, and how fast.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/if_packet.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define ETH_P_EXP	0x88b5	/* IEEE 802 local experimental EtherType */
#define FRAME_MAX	9216
#define ZLEN		60	/* minimum frame without FCS */
#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))

enum kind {
	K_RUNT, K_OVERSIZE, K_GOODUDP, K_BADIPCSUM, K_BADUDPCSUM, K_GOODTCP,
	K_BADTCPCSUM, K_QINQ, K_FOREIGNMAC, K_FLOOD,
};

static const char * const kind_names[] = {
	[K_RUNT] = "runt",
	[K_OVERSIZE] = "oversize",
	[K_GOODUDP] = "goodudp",
	[K_BADIPCSUM] = "badipcsum",
	[K_BADUDPCSUM] = "badudpcsum",
	[K_GOODTCP] = "goodtcp",
	[K_BADTCPCSUM] = "badtcpcsum",
	[K_QINQ] = "qinq",
	[K_FOREIGNMAC] = "foreignmac",
	[K_FLOOD] = "flood",
};

struct opts {
	uint8_t dst[ETH_ALEN];
	uint8_t src[ETH_ALEN];
	int have_dst;
	struct in_addr sip, dip;
	uint16_t port;
	unsigned int len;		/* 0: the kind's default */
	uint16_t outer_vid, inner_vid;
	double seconds;			/* 0: no time limit */
	unsigned int gap_us;		/* pause after each frame */
};

static void bad_usage(void)
{
	unsigned int i;

	fprintf(stderr,
		"usage: rawsend [-d DSTMAC] [-s SRCIP] [-D DSTIP] [-p PORT] [-l LEN]\n"
		"               [-o OUTERVID] [-i INNERVID] [-t SEC] [-g USEC]\n"
		"               IFNAME KIND COUNT\n"
		"KIND:");
	for (i = 0; i < ARRAY_SIZE(kind_names); i++)
		fprintf(stderr, " %s", kind_names[i]);
	fprintf(stderr, "\n");
	exit(2);
}

static void die(const char *what)
{
	fprintf(stderr, "rawsend: %s: %s\n", what, strerror(errno));
	exit(1);
}

static int parse_mac(const char *s, uint8_t *mac)
{
	unsigned int b[ETH_ALEN];
	int i;

	if (sscanf(s, "%x:%x:%x:%x:%x:%x", &b[0], &b[1], &b[2], &b[3], &b[4],
		   &b[5]) != ETH_ALEN)
		return -1;
	for (i = 0; i < ETH_ALEN; i++) {
		if (b[i] > 0xff)
			return -1;
		mac[i] = b[i];
	}
	return 0;
}

static unsigned long parse_num(const char *s, unsigned long max)
{
	unsigned long v;
	char *end;

	errno = 0;
	v = strtoul(s, &end, 0);
	if (errno || end == s || *end || v > max) {
		fprintf(stderr, "rawsend: bad number '%s'\n", s);
		exit(2);
	}
	return v;
}

/* One's complement sum of @len bytes, folded, not inverted. */
static uint32_t csum_add(uint32_t sum, const void *data, size_t len)
{
	const uint8_t *p = data;

	while (len > 1) {
		sum += (p[0] << 8) | p[1];
		p += 2;
		len -= 2;
	}
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

/* TCP/UDP checksum over the IPv4 pseudo header and @len bytes at @l4. */
static uint16_t l4_csum(const struct opts *o, uint8_t proto, const void *l4,
			size_t len)
{
	uint32_t sum = 0;

	sum = csum_add(sum, &o->sip, 4);
	sum = csum_add(sum, &o->dip, 4);
	sum += proto + len;
	return csum_fold(csum_add(sum, l4, len));
}

/* A checksum that is wrong but not 0 (0 means "none" for UDP). */
static uint16_t corrupt(uint16_t csum)
{
	csum ^= 0x5a5a;
	return csum ? csum : 0x1234;
}

static void put16(uint8_t *p, uint16_t v)
{
	p[0] = v >> 8;
	p[1] = v & 0xff;
}

/*
 * Build IPv4 + UDP (or a TCP SYN) at @p, filling the frame up to @room
 * bytes.  Returns the bytes used.  @seq makes each frame different.
 */
static size_t build_ipv4(const struct opts *o, enum kind k, uint8_t *p,
			 size_t room, uint32_t seq)
{
	int tcp = k == K_GOODTCP || k == K_BADTCPCSUM;
	size_t l4len, tot;
	uint8_t *l4 = p + 20;
	uint16_t c;

	if (tcp) {
		l4len = 20;
	} else {
		/* UDP: header + payload, at least one line of text */
		l4len = room > 20 + 8 + 16 ? room - 20 : 8 + 16;
	}
	tot = 20 + l4len;

	memset(p, 0, tot);
	p[0] = 0x45;
	put16(p + 2, tot);
	put16(p + 4, seq & 0xffff);		/* identification */
	p[8] = 64;				/* TTL */
	p[9] = tcp ? IPPROTO_TCP : IPPROTO_UDP;
	memcpy(p + 12, &o->sip, 4);
	memcpy(p + 16, &o->dip, 4);
	c = csum_fold(csum_add(0, p, 20));
	put16(p + 10, k == K_BADIPCSUM ? corrupt(c) : c);

	if (tcp) {
		put16(l4, 20000 + seq % 40000);		/* source port */
		put16(l4 + 2, o->port);
		put16(l4 + 4, seq >> 16);		/* sequence number */
		put16(l4 + 6, seq & 0xffff);
		l4[12] = 5 << 4;			/* data offset */
		l4[13] = 0x02;				/* SYN */
		put16(l4 + 14, 64240);			/* window */
		c = l4_csum(o, IPPROTO_TCP, l4, l4len);
		put16(l4 + 16, k == K_BADTCPCSUM ? corrupt(c) : c);
	} else {
		size_t n = l4len - 8, i;
		char line[32];

		put16(l4, 40000 + seq % 20000);
		put16(l4 + 2, o->port);
		put16(l4 + 4, l4len);
		/* payload: "rawsend <kind>" padding, one line per datagram */
		snprintf(line, sizeof(line), "%-15.15s", kind_names[k]);
		for (i = 0; i < n; i++)
			l4[8 + i] = line[i % 15];
		l4[8 + n - 1] = '\n';
		c = l4_csum(o, IPPROTO_UDP, l4, l4len);
		if (!c)
			c = 0xffff;
		put16(l4 + 6, k == K_BADUDPCSUM ? corrupt(c) : c);
	}
	return tot;
}

/* Build frame number @seq of kind @k; returns its length (no FCS). */
static size_t build(const struct opts *o, enum kind k, uint8_t *f,
		    uint32_t seq)
{
	static const uint8_t foreign[ETH_ALEN] = { 0x02, 0, 0, 0, 0, 0x99 };
	size_t len, hl = 14;

	memcpy(f, k == K_FOREIGNMAC && !o->have_dst ? foreign : o->dst,
	       ETH_ALEN);
	memcpy(f + 6, o->src, ETH_ALEN);

	switch (k) {
	case K_RUNT:
	case K_FLOOD:
		if (k == K_FLOOD)
			len = o->len ? o->len : ZLEN;
		else
			len = o->len ? o->len : 20 + seq % (ZLEN - 20);
		put16(f + 12, ETH_P_EXP);
		memset(f + 14, 0, len - 14);
		put16(f + 14, seq >> 16);
		put16(f + 16, seq & 0xffff);
		return len;
	case K_QINQ:
		put16(f + 12, ETH_P_8021AD);
		put16(f + 14, o->outer_vid);
		put16(f + 16, ETH_P_8021Q);
		put16(f + 18, o->inner_vid);
		hl = 22;
		break;
	default:
		break;
	}
	put16(f + hl - 2, ETH_P_IP);
	if (k == K_OVERSIZE)
		len = o->len ? o->len : 1600;
	else
		len = o->len ? o->len : ZLEN;
	return hl + build_ipv4(o, k, f + hl, len > hl ? len - hl : 0, seq);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	struct opts o = { .port = 9, .outer_vid = 100, .inner_vid = 200 };
	unsigned long count, sent = 0, busy = 0, loops = 0;
	struct sockaddr_ll sll = { 0 };
	static uint8_t frame[FRAME_MAX];
	unsigned int i, nkinds;
	int fd, c, one = 1;
	struct ifreq ifr;
	double t0, dt;
	enum kind k;

	inet_pton(AF_INET, "192.0.2.2", &o.sip);
	inet_pton(AF_INET, "192.0.2.1", &o.dip);
	while ((c = getopt(argc, argv, "d:s:D:p:l:o:i:t:g:")) != -1) {
		switch (c) {
		case 'd':
			if (parse_mac(optarg, o.dst))
				bad_usage();
			o.have_dst = 1;
			break;
		case 's':
			if (inet_pton(AF_INET, optarg, &o.sip) != 1)
				bad_usage();
			break;
		case 'D':
			if (inet_pton(AF_INET, optarg, &o.dip) != 1)
				bad_usage();
			break;
		case 'p':
			o.port = parse_num(optarg, 65535);
			break;
		case 'l':
			o.len = parse_num(optarg, FRAME_MAX);
			break;
		case 'o':
			o.outer_vid = parse_num(optarg, 4095);
			break;
		case 'i':
			o.inner_vid = parse_num(optarg, 4095);
			break;
		case 't':
			o.seconds = strtod(optarg, NULL);
			break;
		case 'g':
			o.gap_us = parse_num(optarg, 1000000);
			break;
		default:
			bad_usage();
		}
	}
	if (argc - optind != 3)
		bad_usage();

	nkinds = ARRAY_SIZE(kind_names);
	for (i = 0; i < nkinds; i++)
		if (!strcmp(argv[optind + 1], kind_names[i]))
			break;
	if (i == nkinds)
		bad_usage();
	k = i;
	count = parse_num(argv[optind + 2], ~0UL);
	if (!o.have_dst && k != K_FOREIGNMAC) {
		fprintf(stderr, "rawsend: -d DSTMAC is needed for %s\n",
			kind_names[k]);
		exit(2);
	}
	if ((k == K_RUNT && o.len && (o.len < 14 || o.len >= ZLEN)) ||
	    (k == K_FLOOD && o.len && o.len < 18)) {
		fprintf(stderr, "rawsend: bad length %u for %s\n", o.len,
			kind_names[k]);
		exit(2);
	}

	fd = socket(AF_PACKET, SOCK_RAW, 0);	/* send only: no protocol */
	if (fd < 0)
		die("socket");
	memset(&ifr, 0, sizeof(ifr));
	if (strlen(argv[optind]) >= IFNAMSIZ) {
		errno = ENAMETOOLONG;
		die(argv[optind]);
	}
	memcpy(ifr.ifr_name, argv[optind], strlen(argv[optind]));
	if (ioctl(fd, SIOCGIFHWADDR, &ifr) < 0)
		die(argv[optind]);
	memcpy(o.src, ifr.ifr_hwaddr.sa_data, ETH_ALEN);
	if (setsockopt(fd, SOL_PACKET, PACKET_QDISC_BYPASS, &one,
		       sizeof(one)) < 0)
		die("PACKET_QDISC_BYPASS");

	sll.sll_family = AF_PACKET;
	sll.sll_ifindex = if_nametoindex(argv[optind]);
	sll.sll_halen = ETH_ALEN;
	if (!sll.sll_ifindex)
		die(argv[optind]);

	t0 = now();
	while (sent < count) {
		size_t len = build(&o, k, frame, sent);

		memcpy(sll.sll_addr, frame, ETH_ALEN);
		if (sendto(fd, frame, len, 0, (struct sockaddr *)&sll,
			   sizeof(sll)) < 0) {
			if (errno != ENOBUFS && errno != EAGAIN)
				die("sendto");
			/* device queue full: try the same frame again */
			busy++;
			usleep(50);
		} else {
			sent++;
			if (o.gap_us)
				usleep(o.gap_us);
		}
		if (o.seconds > 0 && !(++loops & 63) && now() - t0 >= o.seconds)
			break;
	}
	dt = now() - t0;
	printf("rawsend: %s: sent %lu frames in %.2f s (%.0f/s), %lu retries\n",
	       kind_names[k], sent, dt, dt > 0 ? sent / dt : 0.0, busy);
	close(fd);
	return 0;
}
