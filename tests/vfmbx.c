// SPDX-License-Identifier: GPL-2.0
/*
 * vfmbx: play an 82576 VF's side of the PF mailbox through the VF's BAR 0
 * (sysfs resource0), for sriov.sh's abuse tests.  The VF must have no
 * driver bound.
 *
 *   vfmbx PCI reset          VF reset handshake; prints the reply and MAC
 *   vfmbx PCI msg W0 [W1..]  one message (16 words, zero padded); prints
 *                            the reply's word 0
 *   vfmbx PCI flood N        N valid multicast messages back to back;
 *                            prints how many were ACKed and NACKed
 *
 * Exit status: 0 when every exchange completed (whatever the PF answered),
 * 1 on a mailbox timeout, 2 on a usage or access error.
 */
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#define VF_CTRL		0x0000
#define   CTRL_RST	(1u << 26)
#define VF_VMBMEM	0x0800
#define VF_V2PMAILBOX	0x0C40
#define   V2P_REQ	0x01
#define   V2P_ACK	0x02
#define   V2P_VFU	0x04
#define   V2P_PFSTS	0x10
#define   V2P_PFACK	0x20
#define   V2P_RSTI	0x40
#define   V2P_RSTD	0x80
#define MBX_WORDS	16
#define MSG_NACK	0x40000000u

static volatile uint32_t *bar;
static uint32_t sticky;	/* PFSTS/PFACK/RSTD clear on read: keep them */

static uint32_t rd(uint32_t reg)
{
	return bar[reg / 4];
}

static void wr(uint32_t reg, uint32_t val)
{
	bar[reg / 4] = val;
}

static uint32_t v2p(void)
{
	uint32_t v = rd(VF_V2PMAILBOX);

	sticky |= v & (V2P_PFSTS | V2P_PFACK | V2P_RSTD);
	return v | sticky;
}

static void pause_us(long us)
{
	struct timespec ts = { 0, us * 1000 };

	nanosleep(&ts, NULL);
}

/* wait up to 2 s for @bit; consumes it */
static int wait_bit(uint32_t bit)
{
	int i;

	for (i = 0; i < 20000; i++) {
		if (v2p() & bit) {
			sticky &= ~bit;
			return 0;
		}
		pause_us(100);
	}
	return -1;
}

static int lock_vfu(void)
{
	int i;

	for (i = 0; i < 2000; i++) {
		wr(VF_V2PMAILBOX, V2P_VFU);
		if (v2p() & V2P_VFU)
			return 0;
		pause_us(1000);
	}
	return -1;
}

/* send @msg, wait for the PF's ACK and reply; reply words into @reply */
static int exchange(const uint32_t *msg, uint32_t *reply)
{
	int i;

	if (lock_vfu())
		return -1;
	sticky &= ~(V2P_PFSTS | V2P_PFACK);
	for (i = 0; i < MBX_WORDS; i++)
		wr(VF_VMBMEM + 4 * i, msg[i]);
	wr(VF_V2PMAILBOX, V2P_REQ);	/* also lets go of VFU */
	if (wait_bit(V2P_PFACK) || wait_bit(V2P_PFSTS) || lock_vfu())
		return -1;
	for (i = 0; i < MBX_WORDS; i++)
		reply[i] = rd(VF_VMBMEM + 4 * i);
	wr(VF_V2PMAILBOX, V2P_ACK);
	return 0;
}

int main(int argc, char **argv)
{
	uint32_t msg[MBX_WORDS] = { 0 }, reply[MBX_WORDS];
	char path[256];
	int fd, i;

	if (argc < 3) {
		fprintf(stderr, "usage: vfmbx PCI reset|msg W0 [W1..]|flood N\n");
		return 2;
	}
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/resource0",
		 argv[1]);
	fd = open(path, O_RDWR | O_SYNC);
	if (fd < 0) {
		perror(path);
		return 2;
	}
	bar = mmap(NULL, 0x4000, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (bar == MAP_FAILED) {
		perror("mmap");
		return 2;
	}

	if (!strcmp(argv[2], "reset")) {
		wr(VF_CTRL, CTRL_RST);
		for (i = 0; i < 1000 && (v2p() & (V2P_RSTI | V2P_RSTD)); i++) {
			sticky &= ~V2P_RSTD;
			pause_us(1000);
		}
		msg[0] = 0x01;
		if (exchange(msg, reply))
			goto timeout;
		printf("%#010x %02x:%02x:%02x:%02x:%02x:%02x\n", reply[0],
		       reply[1] & 0xff, reply[1] >> 8 & 0xff,
		       reply[1] >> 16 & 0xff, reply[1] >> 24,
		       reply[2] & 0xff, reply[2] >> 8 & 0xff);
	} else if (!strcmp(argv[2], "msg")) {
		for (i = 3; i < argc && i - 3 < MBX_WORDS; i++)
			msg[i - 3] = strtoul(argv[i], NULL, 0);
		if (exchange(msg, reply))
			goto timeout;
		printf("%#010x\n", reply[0]);
	} else if (!strcmp(argv[2], "flood") && argc == 4) {
		long n = strtol(argv[3], NULL, 0), acked = 0, nacked = 0;

		for (i = 0; i < n; i++) {
			memset(msg, 0, sizeof(msg));
			msg[0] = 0x03;	/* SET_MULTICAST, no hashes */
			if (exchange(msg, reply))
				goto timeout;
			if (reply[0] & MSG_NACK)
				nacked++;
			else
				acked++;
		}
		printf("acked %ld nacked %ld\n", acked, nacked);
	} else {
		fprintf(stderr, "vfmbx: unknown command %s\n", argv[2]);
		return 2;
	}
	return 0;

timeout:
	fprintf(stderr, "vfmbx: mailbox timeout (V2PMAILBOX %#x)\n", v2p());
	return 1;
}
