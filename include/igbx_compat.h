/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igbx: the one place where kernel-version differences are handled.
 *
 * Features are detected from the headers being compiled against (macros, and
 * IGBX_HAVE_* flags that Kbuild sets by probing the headers), never from
 * kernel or distribution version numbers.  Code outside this file calls the
 * modern API; this file supplies it, or a harmless stand-in, on older
 * kernels.
 */
#ifndef _IGBX_COMPAT_H_
#define _IGBX_COMPAT_H_

/* 6.12 moved the unaligned accessors out of asm/. */
#ifdef IGBX_HAVE_LINUX_UNALIGNED_H
#include <linux/unaligned.h>
#else
#include <asm/unaligned.h>
#endif

#endif /* _IGBX_COMPAT_H_ */
