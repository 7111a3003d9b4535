// SPDX-License-Identifier: GPL-2.0
/* igbx: the tracepoints of src/trace.h, instantiated once. */
#include "igbx.h"

#define CREATE_TRACE_POINTS
#include "trace.h"
