// SPDX-License-Identifier: GPL-2.0
/* The xdp_tx reflector as a multi-buffer ("xdp.frags") program. */
#define XDP_SEC "xdp.frags"
#include "xdp_tx.bpf.c"
