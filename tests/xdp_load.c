// SPDX-License-Identifier: GPL-2.0
/*
 * xdp_load: attach an XDP program in native (driver) mode, optionally
 * device-bound, for tests/xdp.sh.  iproute2 6.1 and bpftool 7.1 cannot
 * load a program with BPF_F_XDP_DEV_BOUND_ONLY, which the XDP RX metadata
 * kfuncs (bpf_xdp_metadata_rx_hash()) need.
 *
 *   xdp_load [-b] IFNAME OBJ.o PROGNAME
 *
 * -b: bind the program to IFNAME (prog_ifindex + BPF_F_XDP_DEV_BOUND_ONLY).
 * Replaces a program already attached.  Prints the program's id; the
 * attachment outlives this process (detach with ip link set IFNAME
 * xdpdrv off).
 */
#include <errno.h>
#include <linux/if_link.h>
#include <net/if.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <bpf/bpf.h>
#include <bpf/libbpf.h>

#ifndef BPF_F_XDP_DEV_BOUND_ONLY
#define BPF_F_XDP_DEV_BOUND_ONLY (1U << 6)
#endif

int main(int argc, char **argv)
{
	struct bpf_prog_info info = { 0 };
	__u32 info_len = sizeof(info);
	struct bpf_program *prog;
	struct bpf_object *obj;
	int bind = 0, c, fd, err;
	unsigned int ifindex;

	while ((c = getopt(argc, argv, "b")) != -1) {
		if (c != 'b')
			goto usage;
		bind = 1;
	}
	if (argc - optind != 3)
		goto usage;
	ifindex = if_nametoindex(argv[optind]);
	if (!ifindex) {
		fprintf(stderr, "xdp_load: %s: %s\n", argv[optind], strerror(errno));
		return 1;
	}
	obj = bpf_object__open_file(argv[optind + 1], NULL);
	if (!obj) {
		fprintf(stderr, "xdp_load: open %s: %s\n", argv[optind + 1],
			strerror(errno));
		return 1;
	}
	prog = bpf_object__find_program_by_name(obj, argv[optind + 2]);
	if (!prog) {
		fprintf(stderr, "xdp_load: no program %s in %s\n",
			argv[optind + 2], argv[optind + 1]);
		return 1;
	}
	if (bind) {
		bpf_program__set_ifindex(prog, ifindex);
		bpf_program__set_flags(prog, bpf_program__flags(prog) |
				       BPF_F_XDP_DEV_BOUND_ONLY);
	}
	err = bpf_object__load(obj);
	if (err) {
		fprintf(stderr, "xdp_load: load %s: %s\n", argv[optind + 1],
			strerror(-err));
		return 1;
	}
	fd = bpf_program__fd(prog);
	err = bpf_xdp_attach(ifindex, fd, XDP_FLAGS_DRV_MODE, NULL);
	if (err) {
		fprintf(stderr, "xdp_load: attach to %s: %s\n", argv[optind],
			strerror(-err));
		return 1;
	}
	if (bpf_obj_get_info_by_fd(fd, &info, &info_len) == 0)
		printf("%u\n", info.id);
	return 0;
usage:
	fprintf(stderr, "usage: xdp_load [-b] IFNAME OBJ.o PROGNAME\n");
	return 2;
}
