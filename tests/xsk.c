// SPDX-License-Identifier: GPL-2.0
/*
 * xsk: AF_XDP receive and transmit of known UDP frames, for tests/xsk.sh.
 *
 *   xsk rx IF QUEUE COUNT [--copy|--zc] [--timeout S] [--prog OBJ]
 *   xsk tx IF QUEUE COUNT --dst-mac MAC --src-ip A --dst-ip B [--copy|--zc]
 *          [--timeout S] [--len L] [--burst B] [--gap US] [--no-prog]
 *   xsk udprecv COUNT [--src-ip A] [--timeout S]    (a plain UDP socket)
 *
 * Test frames: Ethernet/IPv4/UDP, ports 4791, IP ID = sequence number, TTL
 * 64, DF, checksums right, L (64) bytes of payload: "IGXS", the be32
 * sequence number, (seq * 13 + i) & 0xff.  rx counts a frame good when it
 * is byte for byte what tx builds from its addresses and number (each
 * number < COUNT once); udprecv checks payload and source.  rx and tx
 * attach OBJ (xsk_redirect.o beside us: UDP to 4791 to the socket of its
 * queue, the rest passes) in driver mode by a bpf_link, which goes with
 * the process; tx sends B frames at most every US us and waits for all
 * completions.  --zc binds XDP_ZEROCOPY, --copy (default) XDP_COPY, never
 * a fallback, with XDP_USE_NEED_WAKEUP.  Prints "bound ..." once bound,
 * "progress N" every second with --progress, then "rx N frames, N good, N
 * bad", "tx N sent, N completed" or "udp N received, N good, N bad".
 * Exit: 0 all COUNT in time, 1 not, 2 usage, 3 setup failed, 4 the --zc
 * bind was refused (errno printed; EOPNOTSUPP: no zero-copy here).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <libgen.h>
#include <linux/if_link.h>
#include <net/ethernet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>
#include <xdp/xsk.h>

#define XSK_PORT	4791
#define NUM_FRAMES	2048	/* UMEM frames, each ring as large */
#define FRAME_SIZE	XSK_UMEM__DEFAULT_FRAME_SIZE
#define HDR_LEN		(14 + 20 + 8)
#define MIN_LEN		8
#define MAX_LEN		1400

enum { EXIT_SHORT = 1, EXIT_USAGE, EXIT_SETUP, EXIT_NOZC };

struct opts {
	const char *ifname, *prog;
	unsigned int queue, count, len, burst, gap_us, timeout;
	int zc, no_prog, progress;
	uint8_t dst_mac[ETH_ALEN];
	struct in_addr sip, dip;
};

struct tally {
	unsigned int frames, good, bad;
	uint8_t *seen;		/* a bit per sequence number */
	double next;		/* of the progress line */
};

struct xsk {
	void *area;
	struct xsk_umem *umem;
	struct xsk_socket *sock;
	struct xsk_ring_prod fq, tx;
	struct xsk_ring_cons cq, rx;
	struct bpf_object *obj;
	int link, map_fd, stats_fd;
};

static volatile sig_atomic_t stop;

static void on_signal(int sig)
{
	(void)sig;
	stop = 1;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress(const struct opts *o, struct tally *t, unsigned int n)
{
	if (o->progress && now() >= t->next) {
		printf("progress %u\n", n);
		t->next = now() + 1;
	}
}

/* One test frame seen: good (and new) or bad. */
static void count(const struct opts *o, struct tally *t, int ok, uint32_t seq)
{
	t->frames++;
	if (ok && seq < o->count && !(t->seen[seq / 8] & (1 << (seq % 8)))) {
		t->seen[seq / 8] |= 1 << (seq % 8);
		t->good++;
	} else {
		t->bad++;
	}
}

static uint32_t csum_add(uint32_t s, const uint8_t *p, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i += 2)
		s += (p[i] << 8) | p[i + 1];
	if (n & 1)
		s += p[n - 1] << 8;
	return s;
}

static void put16(uint8_t *p, uint32_t v)
{
	p[0] = v >> 8;
	p[1] = v;
}

/* Fold, complement and store a checksum. */
static void put_csum(uint8_t *p, uint32_t s, int udp)
{
	while (s >> 16)
		s = (s & 0xffff) + (s >> 16);
	s = ~s & 0xffff;
	put16(p, udp && !s ? 0xffff : s);
}

static void payload_fill(uint8_t *p, uint32_t seq, unsigned int len)
{
	unsigned int i;

	memcpy(p, "IGXS", 4);
	put16(p + 4, seq >> 16);
	put16(p + 6, seq);
	for (i = MIN_LEN; i < len; i++)
		p[i] = (seq * 13 + i) & 0xff;
}

/* 1: @p is the payload of test frame *seq, byte for byte. */
static int payload_ok(const uint8_t *p, unsigned int len, uint32_t *seq)
{
	static uint8_t want[MAX_LEN];

	if (len < MIN_LEN || len > MAX_LEN || memcmp(p, "IGXS", 4))
		return 0;
	*seq = (uint32_t)p[4] << 24 | p[5] << 16 | p[6] << 8 | p[7];
	payload_fill(want, *seq, len);
	return !memcmp(p, want, len);
}

/* Test frame @seq into @f; its length. */
static unsigned int build_frame(uint8_t *f, const uint8_t *dmac,
				const uint8_t *smac, struct in_addr sip,
				struct in_addr dip, uint32_t seq,
				unsigned int len)
{
	uint8_t *ip = f + 14, *udp = ip + 20;

	memcpy(f, dmac, ETH_ALEN);
	memcpy(f + 6, smac, ETH_ALEN);
	put16(f + 12, ETH_P_IP);
	memset(ip, 0, 20);
	ip[0] = 0x45;
	put16(ip + 2, 28 + len);
	put16(ip + 4, seq);
	ip[6] = 0x40;		/* DF */
	ip[8] = 64;
	ip[9] = IPPROTO_UDP;
	memcpy(ip + 12, &sip, 4);
	memcpy(ip + 16, &dip, 4);
	put_csum(ip + 10, csum_add(0, ip, 20), 0);
	put16(udp, XSK_PORT);
	put16(udp + 2, XSK_PORT);
	put16(udp + 4, 8 + len);
	put16(udp + 6, 0);
	payload_fill(udp + 8, seq, len);
	put_csum(udp + 6, csum_add(IPPROTO_UDP + 8 + len, ip + 12, 8) +
		 csum_add(0, udp, 8 + len), 1);
	return HDR_LEN + len;
}

/* 1 and *ok, *seq: @f is a test frame (UDP to XSK_PORT); 0: another. */
static int check_frame(const uint8_t *f, unsigned int n, int *ok,
		       uint32_t *seq)
{
	static uint8_t want[HDR_LEN + MAX_LEN];
	struct in_addr sip, dip;

	if (n < HDR_LEN || f[12] != 0x08 || f[13] || f[14] != 0x45 ||
	    f[23] != IPPROTO_UDP || f[36] != XSK_PORT >> 8 ||
	    f[37] != (XSK_PORT & 0xff))
		return 0;
	*seq = ~0U;
	*ok = n >= HDR_LEN + MIN_LEN && n <= HDR_LEN + MAX_LEN;
	if (*ok) {
		*seq = (uint32_t)f[46] << 24 | f[47] << 16 | f[48] << 8 | f[49];
		memcpy(&sip, f + 26, 4);
		memcpy(&dip, f + 30, 4);
		build_frame(want, f, f + 6, sip, dip, *seq, n - HDR_LEN);
		*ok = !memcmp(f, want, n);
	}
	return 1;
}

/* Attach the redirect program in driver mode, through a bpf_link. */
static int prog_attach(const struct opts *o, struct xsk *x)
{
	LIBBPF_OPTS(bpf_link_create_opts, lo, .flags = XDP_FLAGS_DRV_MODE);
	struct bpf_program *prog;

	x->obj = bpf_object__open_file(o->prog, NULL);
	if (libbpf_get_error(x->obj) || bpf_object__load(x->obj)) {
		fprintf(stderr, "xsk: cannot load %s\n", o->prog);
		return -1;
	}
	prog = bpf_object__find_program_by_name(x->obj, "xsk_redirect_prog");
	x->map_fd = bpf_object__find_map_fd_by_name(x->obj, "xsks_map");
	x->stats_fd = bpf_object__find_map_fd_by_name(x->obj, "xsk_stats");
	if (!prog || x->map_fd < 0) {
		fprintf(stderr, "xsk: %s: no xsk_redirect_prog or xsks_map\n",
			o->prog);
		return -1;
	}
	x->link = bpf_link_create(bpf_program__fd(prog),
				  if_nametoindex(o->ifname), BPF_XDP, &lo);
	if (x->link < 0)
		fprintf(stderr, "xsk: attach XDP (driver mode) to %s: %s\n",
			o->ifname, strerror(errno));
	return x->link;
}

/* The program (unless none), a UMEM and a socket bound to the queue. */
static int xsk_open(struct xsk *x, const struct opts *o, int rx)
{
	struct xsk_umem_config ucfg = {
		.fill_size = NUM_FRAMES, .comp_size = NUM_FRAMES,
		.frame_size = FRAME_SIZE,
	};
	struct xsk_socket_config scfg = {
		.rx_size = NUM_FRAMES, .tx_size = NUM_FRAMES,
		.libxdp_flags = XSK_LIBXDP_FLAGS__INHIBIT_PROG_LOAD,
		.xdp_flags = XDP_FLAGS_DRV_MODE,
		.bind_flags = XDP_USE_NEED_WAKEUP |
			      (o->zc ? XDP_ZEROCOPY : XDP_COPY),
	};
	struct xdp_options xo = { 0 };
	socklen_t ol = sizeof(xo);
	int err, i;

	x->link = -1;
	if (!o->no_prog && prog_attach(o, x) < 0)
		return EXIT_SETUP;
	x->area = mmap(NULL, NUM_FRAMES * FRAME_SIZE, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (x->area == MAP_FAILED) {
		perror("xsk: mmap");
		return EXIT_SETUP;
	}
	/* the pool of a socket just closed on this queue goes asynchronously */
	for (i = 0; i < 50; i++) {
		/* libxdp leaves the cached ring indexes to us */
		memset(&x->fq, 0, sizeof(x->fq));
		memset(&x->cq, 0, sizeof(x->cq));
		err = xsk_umem__create(&x->umem, x->area,
				       NUM_FRAMES * FRAME_SIZE, &x->fq, &x->cq,
				       &ucfg);
		if (err) {
			fprintf(stderr, "xsk: umem: %s\n", strerror(-err));
			return EXIT_SETUP;
		}
		err = xsk_socket__create(&x->sock, o->ifname, o->queue,
					 x->umem, rx ? &x->rx : NULL,
					 rx ? NULL : &x->tx, &scfg);
		if (err != -EBUSY)
			break;
		xsk_umem__delete(x->umem);
		usleep(100000);
	}
	if (err) {
		fprintf(stderr, "xsk: bind %s queue %u %s: %s (errno %d)\n",
			o->ifname, o->queue, o->zc ? "zerocopy" : "copy",
			strerror(-err), -err);
		return o->zc ? EXIT_NOZC : EXIT_SETUP;
	}
	if (getsockopt(xsk_socket__fd(x->sock), SOL_XDP, XDP_OPTIONS, &xo,
		       &ol) || !(xo.flags & XDP_OPTIONS_ZEROCOPY) != !o->zc) {
		fprintf(stderr, "xsk: bound, but not in the mode asked\n");
		return o->zc ? EXIT_NOZC : EXIT_SETUP;
	}
	if (rx && xsk_socket__update_xskmap(x->sock, x->map_fd)) {
		fprintf(stderr, "xsk: cannot put the socket in xsks_map\n");
		return EXIT_SETUP;
	}
	printf("bound %s queue %u %s\n", o->ifname, o->queue,
	       o->zc ? "zerocopy" : "copy");
	return 0;
}

static void xsk_close(struct xsk *x)
{
	uint64_t v[2] = { 0, 0 };
	uint32_t k;

	if (x->rx.ring && x->stats_fd >= 0) {
		for (k = 0; k < 2; k++)
			bpf_map_lookup_elem(x->stats_fd, &k, &v[k]);
		printf("# xdp program: %llu test frames seen, %llu redirected\n",
		       (unsigned long long)v[0],
		       (unsigned long long)v[1]);
	}
	xsk_socket__delete(x->sock);
	xsk_umem__delete(x->umem);
	if (x->link >= 0)
		close(x->link);
	bpf_object__close(x->obj);
}

static int carrier(const char *ifname)
{
	char path[64], c = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/carrier", ifname);
	f = fopen(path, "r");
	if (f) {
		c = fgetc(f);
		fclose(f);
	}
	return c == '1';
}

static void xsk_kick(struct xsk *x)
{
	if (sendto(xsk_socket__fd(x->sock), NULL, 0, MSG_DONTWAIT, NULL,
		   0) < 0 && errno != EAGAIN && errno != EBUSY &&
	    errno != ENOBUFS && errno != ENETDOWN)
		perror("xsk: sendto");
}

static int do_rx(const struct opts *o, struct tally *t)
{
	struct xsk x = { 0 };
	double deadline;
	uint32_t idx, i;
	int ret;

	ret = xsk_open(&x, o, 1);
	if (ret)
		return ret;
	if (xsk_ring_prod__reserve(&x.fq, NUM_FRAMES, &idx) != NUM_FRAMES)
		return EXIT_SETUP;
	for (i = 0; i < NUM_FRAMES; i++)
		*xsk_ring_prod__fill_addr(&x.fq, idx + i) = i * FRAME_SIZE;
	xsk_ring_prod__submit(&x.fq, NUM_FRAMES);

	deadline = now() + o->timeout;
	while (t->good < o->count && !stop && now() < deadline) {
		struct pollfd pfd = {
			.fd = xsk_socket__fd(x.sock), .events = POLLIN,
		};
		uint32_t n, k, ridx, seq;
		int ok;

		progress(o, t, t->good);
		n = xsk_ring_cons__peek(&x.rx, 64, &ridx);
		if (!n) {
			poll(&pfd, 1, 100);	/* wakes the driver up */
			continue;
		}
		/* the fill ring has room for every frame we hold */
		xsk_ring_prod__reserve(&x.fq, n, &idx);
		for (k = 0; k < n; k++) {
			const struct xdp_desc *d =
				xsk_ring_cons__rx_desc(&x.rx, ridx + k);

			if (check_frame(xsk_umem__get_data(x.area, d->addr),
					d->len, &ok, &seq))
				count(o, t, ok, seq);
			*xsk_ring_prod__fill_addr(&x.fq, idx + k) =
				d->addr & ~(uint64_t)(FRAME_SIZE - 1);
		}
		xsk_ring_prod__submit(&x.fq, n);
		xsk_ring_cons__release(&x.rx, n);
	}
	printf("rx %u frames, %u good, %u bad\n", t->frames, t->good, t->bad);
	xsk_close(&x);
	return t->good == o->count ? 0 : EXIT_SHORT;
}

static int do_tx(const struct opts *o, struct tally *t)
{
	static uint64_t pool[NUM_FRAMES];
	unsigned int sent = 0, done = 0, nfree = 0;
	struct ifreq ifr = { 0 };
	double deadline, last = 0;
	struct xsk x = { 0 };
	int fd, ret;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", o->ifname);
	if (fd < 0 || ioctl(fd, SIOCGIFHWADDR, &ifr)) {
		fprintf(stderr, "xsk: no MAC address for %s\n", o->ifname);
		return EXIT_SETUP;
	}
	close(fd);
	ret = xsk_open(&x, o, 0);
	if (ret)
		return ret;
	/* attaching a program may reset the link: no frames into a dead one */
	deadline = now() + o->timeout;
	while (!carrier(o->ifname) && !stop && now() < deadline)
		usleep(10000);
	while (nfree < NUM_FRAMES) {
		pool[nfree] = nfree * FRAME_SIZE;
		nfree++;
	}

	deadline = now() + o->timeout;
	while (done < o->count && !stop && now() < deadline) {
		uint32_t n, k, idx;

		progress(o, t, done);
		n = xsk_ring_cons__peek(&x.cq, NUM_FRAMES, &idx);
		for (k = 0; k < n; k++)
			pool[nfree++] =
				*xsk_ring_cons__comp_addr(&x.cq, idx + k);
		xsk_ring_cons__release(&x.cq, n);
		done += n;

		n = o->count - sent;
		n = n < nfree ? n : nfree;
		n = n < o->burst ? n : o->burst;
		if (o->gap_us && now() - last < o->gap_us / 1e6)
			n = 0;
		if (n && xsk_ring_prod__reserve(&x.tx, n, &idx) == n) {
			for (k = 0; k < n; k++) {
				struct xdp_desc *d =
					xsk_ring_prod__tx_desc(&x.tx, idx + k);

				d->addr = pool[--nfree];
				d->len = build_frame(
					xsk_umem__get_data(x.area, d->addr),
					o->dst_mac,
					(uint8_t *)ifr.ifr_hwaddr.sa_data,
					o->sip, o->dip, sent + k, o->len);
				d->options = 0;
			}
			xsk_ring_prod__submit(&x.tx, n);
			sent += n;
			last = now();
		}
		/* copy mode sends only from sendto() */
		if (sent > done &&
		    (!o->zc || xsk_ring_prod__needs_wakeup(&x.tx)))
			xsk_kick(&x);
		if (!n)
			usleep(100);
	}
	printf("tx %u sent, %u completed\n", sent, done);
	xsk_close(&x);
	return done == o->count ? 0 : EXIT_SHORT;
}

/* The peer's side of the TX test: a plain UDP socket on XSK_PORT. */
static int do_udprecv(const struct opts *o, struct tally *t)
{
	static uint8_t buf[MAX_LEN + 1];
	struct sockaddr_in a = {
		.sin_family = AF_INET, .sin_port = htons(XSK_PORT),
	};
	int fd, sz = 8 << 20, ok;
	double deadline;

	fd = socket(AF_INET, SOCK_DGRAM, 0);
	if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof(a))) {
		perror("xsk: udp socket");
		return EXIT_SETUP;
	}
	setsockopt(fd, SOL_SOCKET, SO_RCVBUFFORCE, &sz, sizeof(sz));
	printf("bound udp port %u\n", XSK_PORT);
	deadline = now() + o->timeout;
	while (t->good < o->count && !stop && now() < deadline) {
		struct pollfd pfd = { .fd = fd, .events = POLLIN };
		socklen_t al = sizeof(a);
		uint32_t seq = ~0U;
		ssize_t n;

		progress(o, t, t->good);
		if (poll(&pfd, 1, 100) <= 0)
			continue;
		n = recvfrom(fd, buf, sizeof(buf), MSG_DONTWAIT,
			     (struct sockaddr *)&a, &al);
		if (n < 0)
			continue;
		ok = payload_ok(buf, n, &seq) &&
		     ntohs(a.sin_port) == XSK_PORT &&
		     (!o->sip.s_addr || a.sin_addr.s_addr == o->sip.s_addr);
		count(o, t, ok, seq);
	}
	printf("udp %u received, %u good, %u bad\n", t->frames, t->good,
	       t->bad);
	return t->good == o->count ? 0 : EXIT_SHORT;
}

static void usage(void)
{
	fprintf(stderr,
		"usage: xsk rx IFNAME QUEUE COUNT [--copy|--zc] [--timeout S] [--prog OBJ]\n"
		"       xsk tx IFNAME QUEUE COUNT --dst-mac MAC --src-ip A --dst-ip B\n"
		"              [--copy|--zc] [--timeout S] [--len L] [--burst B] [--gap USEC]\n"
		"              [--prog OBJ | --no-prog]\n"
		"       xsk udprecv COUNT [--src-ip A] [--timeout S]\n"
		"       (all: [--progress])\n");
	exit(EXIT_USAGE);
}

static unsigned int num(const char *s, unsigned int min, unsigned int max)
{
	char *end;
	unsigned long v = strtoul(s, &end, 0);

	if (!*s || *end || v < min || v > max)
		usage();
	return v;
}

int main(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "copy", no_argument, NULL, 'c' },
		{ "zc", no_argument, NULL, 'z' },
		{ "timeout", required_argument, NULL, 't' },
		{ "prog", required_argument, NULL, 'p' },
		{ "no-prog", no_argument, NULL, 'n' },
		{ "progress", no_argument, NULL, 'P' },
		{ "dst-mac", required_argument, NULL, 'm' },
		{ "src-ip", required_argument, NULL, 's' },
		{ "dst-ip", required_argument, NULL, 'd' },
		{ "len", required_argument, NULL, 'l' },
		{ "burst", required_argument, NULL, 'b' },
		{ "gap", required_argument, NULL, 'g' },
		{ }
	};
	struct opts o = { .len = 64, .burst = 64, .timeout = 10 };
	struct rlimit rl = { RLIM_INFINITY, RLIM_INFINITY };
	static char prog[4096], exe[4000];
	int c, n, mac = 0, nargs;
	struct tally t = { 0 };
	const char *mode;
	uint8_t *m = o.dst_mac;

	while ((c = getopt_long(argc, argv, "", lopts, NULL)) != -1) {
		switch (c) {
		case 'c':
		case 'z':
			o.zc = c == 'z';
			break;
		case 't':
			o.timeout = num(optarg, 1, 3600);
			break;
		case 'p':
			o.prog = optarg;
			break;
		case 'n':
			o.no_prog = 1;
			break;
		case 'P':
			o.progress = 1;
			break;
		case 'm':
			mac = sscanf(optarg, "%hhx:%hhx:%hhx:%hhx:%hhx:%hhx%n",
				     &m[0], &m[1], &m[2], &m[3], &m[4], &m[5],
				     &n) == 6 && !optarg[n];
			if (!mac)
				usage();
			break;
		case 's':
		case 'd':
			if (inet_pton(AF_INET, optarg,
				      c == 's' ? &o.sip : &o.dip) != 1)
				usage();
			break;
		case 'l':
			o.len = num(optarg, MIN_LEN, MAX_LEN);
			break;
		case 'b':
			o.burst = num(optarg, 1, NUM_FRAMES);
			break;
		case 'g':
			o.gap_us = num(optarg, 0, 1000000);
			break;
		default:
			usage();
		}
	}
	if (optind >= argc)
		usage();
	mode = argv[optind++];
	nargs = !strcmp(mode, "udprecv") ? 1 : 3;
	if (argc - optind != nargs)
		usage();
	o.count = num(argv[argc - 1], 1, 1U << 30);
	t.seen = calloc(o.count / 8 + 1, 1);
	if (!t.seen)
		return EXIT_SETUP;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (nargs == 1)
		return do_udprecv(&o, &t);

	o.ifname = argv[optind];
	o.queue = num(argv[optind + 1], 0, 63);
	if (!if_nametoindex(o.ifname)) {
		fprintf(stderr, "xsk: no interface %s\n", o.ifname);
		return EXIT_SETUP;
	}
	if (!o.prog) {
		n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
		exe[n > 0 ? n : 0] = 0;
		snprintf(prog, sizeof(prog), "%s/xsk_redirect.o", dirname(exe));
		o.prog = prog;
	}
	setrlimit(RLIMIT_MEMLOCK, &rl);
	if (!strcmp(mode, "rx") && !o.no_prog)
		return do_rx(&o, &t);
	if (!strcmp(mode, "tx") && mac && o.sip.s_addr && o.dip.s_addr)
		return do_tx(&o, &t);
	usage();
	return EXIT_USAGE;
}
