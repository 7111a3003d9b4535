// SPDX-License-Identifier: GPL-2.0
/* xdp_pass as a multi-buffer ("xdp.frags") program. */
#define XDP_SEC "xdp.frags"
#include "xdp_pass.bpf.c"
