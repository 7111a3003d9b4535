// SPDX-License-Identifier: GPL-2.0
/* xdp_adjust_tail as a multi-buffer ("xdp.frags") program. */
#define XDP_SEC "xdp.frags"
#include "xdp_adjust_tail.bpf.c"
