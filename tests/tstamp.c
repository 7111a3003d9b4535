// SPDX-License-Identifier: GPL-2.0
/*
 * tstamp: layer-2 PTP frames with hardware time stamps, for ptp.sh.
 *
 *   tstamp send IF TYPE COUNT GAP_MS
 *	send COUNT PTPv2 frames of messageType TYPE (0 Sync, 1 Delay_Req)
 *	to the PTP multicast address, GAP_MS apart; no time stamps
 *   tstamp tx IF PHC COUNT
 *	send COUNT Sync frames asking for a hardware TX time stamp each;
 *	every stamp must come back and lie between the PHC's time just
 *	before the send and 100 ms after it returned
 *   tstamp rx IF PHC SECONDS
 *	receive every frame for SECONDS; print one line per PTP messageType
 *	and one for other frames: "rx KIND frames N stamped M", then
 *	"rx order ok|bad" (stamps of PTP frames increase, none lies in the
 *	PHC's future or more than 2 s in its past)
 *
 * Exit status: 0 when the checks of tx held, 1 otherwise; rx only counts.
 */
#include <errno.h>
#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/errqueue.h>
#include <linux/if_ether.h>
#include <linux/if_packet.h>
#include <linux/net_tstamp.h>
#include <net/if.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define PTP_LEN		44	/* PTPv2 header + originTimestamp */
#define CLOCKFD		3
#define FD_TO_CLOCKID(fd)	((clockid_t)((~(unsigned int)(fd) << 3) | CLOCKFD))

static const unsigned char ptp_mcast[ETH_ALEN] = { 0x01, 0x1b, 0x19, 0, 0, 0 };

static void die(const char *what)
{
	perror(what);
	exit(2);
}

static int64_t ts_ns(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

static int64_t phc_now(clockid_t clk)
{
	struct timespec ts;

	if (clock_gettime(clk, &ts))
		die("clock_gettime(PHC)");
	return ts_ns(&ts);
}

static int packet_socket(const char *ifname, int proto, int *ifindex)
{
	struct sockaddr_ll sll = { 0 };
	int fd;

	fd = socket(AF_PACKET, SOCK_RAW, htons(proto));
	if (fd < 0)
		die("socket");
	*ifindex = if_nametoindex(ifname);
	if (!*ifindex)
		die(ifname);
	sll.sll_family = AF_PACKET;
	sll.sll_protocol = htons(proto);
	sll.sll_ifindex = *ifindex;
	if (bind(fd, (struct sockaddr *)&sll, sizeof(sll)))
		die("bind");
	return fd;
}

static void timestamping(int fd, int flags)
{
	if (setsockopt(fd, SOL_SOCKET, SO_TIMESTAMPING, &flags, sizeof(flags)))
		die("SO_TIMESTAMPING");
}

/* a PTPv2 frame of messageType @type, sequenceId @seq */
static size_t ptp_frame(unsigned char *buf, int type, int seq)
{
	unsigned char *ptp = buf + ETH_HLEN;

	memset(buf, 0, ETH_HLEN + PTP_LEN);
	memcpy(buf, ptp_mcast, ETH_ALEN);
	buf[6] = 0x02;			/* source 02:00:00:00:00:00 */
	buf[12] = ETH_P_1588 >> 8;
	buf[13] = ETH_P_1588 & 0xff;
	ptp[0] = type & 0x0f;		/* transportSpecific 0, messageType */
	ptp[1] = 2;			/* versionPTP */
	ptp[2] = 0;
	ptp[3] = PTP_LEN;		/* messageLength */
	ptp[30] = seq >> 8;		/* sequenceId */
	ptp[31] = seq & 0xff;
	return ETH_HLEN + PTP_LEN;
}

static void send_frame(int fd, int ifindex, const unsigned char *buf,
		       size_t len)
{
	struct sockaddr_ll to = { 0 };

	to.sll_family = AF_PACKET;
	to.sll_ifindex = ifindex;
	to.sll_halen = ETH_ALEN;
	memcpy(to.sll_addr, ptp_mcast, ETH_ALEN);
	if (sendto(fd, buf, len, 0, (struct sockaddr *)&to, sizeof(to)) !=
	    (ssize_t)len)
		die("sendto");
}

/* the raw hardware stamp of a control message chain, or -1 */
static int64_t hw_stamp(struct msghdr *msg)
{
	struct cmsghdr *c;

	for (c = CMSG_FIRSTHDR(msg); c; c = CMSG_NXTHDR(msg, c)) {
		if (c->cmsg_level == SOL_SOCKET &&
		    c->cmsg_type == SO_TIMESTAMPING) {
			const struct timespec *ts = (void *)CMSG_DATA(c);

			if (ts[2].tv_sec || ts[2].tv_nsec)
				return ts_ns(&ts[2]);
		}
	}
	return -1;
}

static clockid_t open_phc(const char *path)
{
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		die(path);
	return FD_TO_CLOCKID(fd);
}

static int do_send(const char *ifname, int type, int count, int gap_ms)
{
	unsigned char buf[128];
	int fd, ifindex, i;
	size_t len;

	fd = packet_socket(ifname, ETH_P_1588, &ifindex);
	for (i = 0; i < count; i++) {
		len = ptp_frame(buf, type, i);
		send_frame(fd, ifindex, buf, len);
		usleep(gap_ms * 1000);
	}
	return 0;
}

static int do_tx(const char *ifname, const char *phc, int count)
{
	char data[256], ctrl[512];
	unsigned char buf[128];
	int fd, ifindex, i, got = 0, bad = 0;
	int64_t before, after, ts;
	clockid_t clk = open_phc(phc);
	size_t len;

	fd = packet_socket(ifname, ETH_P_1588, &ifindex);
	timestamping(fd, SOF_TIMESTAMPING_TX_HARDWARE |
			 SOF_TIMESTAMPING_RAW_HARDWARE |
			 SOF_TIMESTAMPING_OPT_TSONLY);
	for (i = 0; i < count; i++) {
		struct pollfd p = { .fd = fd, .events = POLLPRI | POLLERR };
		struct iovec iov = { data, sizeof(data) };
		struct msghdr msg = {
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = ctrl, .msg_controllen = sizeof(ctrl),
		};

		len = ptp_frame(buf, 0, i);
		before = phc_now(clk);
		send_frame(fd, ifindex, buf, len);
		after = phc_now(clk);
		/* the error queue wakes POLLERR; give the stamp 3 s */
		if (poll(&p, 1, 3000) <= 0 ||
		    recvmsg(fd, &msg, MSG_ERRQUEUE) < 0) {
			printf("tx %d: no time stamp\n", i);
			bad++;
			continue;
		}
		ts = hw_stamp(&msg);
		if (ts < 0) {
			printf("tx %d: no hardware time stamp\n", i);
			bad++;
			continue;
		}
		got++;
		if (ts < before || ts > after + 100000000) {
			printf("tx %d: stamp %lld outside [%lld, %lld + 100 ms]\n",
			       i, (long long)ts, (long long)before,
			       (long long)after);
			bad++;
		}
	}
	printf("tx stamped %d of %d, bad %d\n", got, count, bad);
	return bad ? 1 : 0;
}

static int do_rx(const char *ifname, const char *phc, int seconds)
{
	/* [0..15]: PTP messageType; [16]: any other frame */
	int frames[17] = { 0 }, stamped[17] = { 0 }, order_bad = 0;
	int64_t last = -1, now, ts, end;
	char data[2048], ctrl[512];
	clockid_t clk = open_phc(phc);
	struct packet_mreq mr = { 0 };
	struct timespec mono;
	int fd, ifindex, k;

	fd = packet_socket(ifname, ETH_P_ALL, &ifindex);
	/* what ptp4l does: join the PTP multicast address */
	mr.mr_ifindex = ifindex;
	mr.mr_type = PACKET_MR_MULTICAST;
	mr.mr_alen = ETH_ALEN;
	memcpy(mr.mr_address, ptp_mcast, ETH_ALEN);
	if (setsockopt(fd, SOL_PACKET, PACKET_ADD_MEMBERSHIP, &mr, sizeof(mr)))
		die("PACKET_ADD_MEMBERSHIP");
	timestamping(fd, SOF_TIMESTAMPING_RX_HARDWARE |
			 SOF_TIMESTAMPING_RAW_HARDWARE);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	end = ts_ns(&mono) + (int64_t)seconds * 1000000000;
	for (;;) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		struct iovec iov = { data, sizeof(data) };
		struct msghdr msg = {
			.msg_iov = &iov, .msg_iovlen = 1,
			.msg_control = ctrl, .msg_controllen = sizeof(ctrl),
		};
		struct sockaddr_ll from;
		ssize_t n;

		clock_gettime(CLOCK_MONOTONIC, &mono);
		if (ts_ns(&mono) >= end)
			break;
		if (poll(&p, 1, (end - ts_ns(&mono)) / 1000000 + 1) <= 0)
			continue;
		msg.msg_name = &from;
		msg.msg_namelen = sizeof(from);
		n = recvmsg(fd, &msg, 0);
		if (n < 0)
			die("recvmsg");
		if (from.sll_pkttype == PACKET_OUTGOING)
			continue;
		now = phc_now(clk);
		ts = hw_stamp(&msg);
		if (n > ETH_HLEN && ((unsigned char)data[12] << 8 |
				     (unsigned char)data[13]) == ETH_P_1588)
			k = data[ETH_HLEN] & 0x0f;
		else
			k = 16;
		frames[k]++;
		if (ts < 0)
			continue;
		stamped[k]++;
		if (k < 16 && (ts <= last || ts > now ||
			       ts < now - 2000000000LL))
			order_bad++;
		if (k < 16)
			last = ts;
	}
	for (k = 0; k < 16; k++)
		if (frames[k])
			printf("rx ptp%d frames %d stamped %d\n", k, frames[k],
			       stamped[k]);
	printf("rx other frames %d stamped %d\n", frames[16], stamped[16]);
	printf("rx order %s\n", order_bad ? "bad" : "ok");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 6 && !strcmp(argv[1], "send"))
		return do_send(argv[2], atoi(argv[3]), atoi(argv[4]),
			       atoi(argv[5]));
	if (argc == 5 && !strcmp(argv[1], "tx"))
		return do_tx(argv[2], argv[3], atoi(argv[4]));
	if (argc == 5 && !strcmp(argv[1], "rx"))
		return do_rx(argv[2], argv[3], atoi(argv[4]));
	fprintf(stderr, "usage: tstamp send IF TYPE COUNT GAP_MS | tx IF PHC COUNT | rx IF PHC SECONDS\n");
	return 2;
}
