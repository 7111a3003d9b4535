#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# RX buffer allocation failure (debugfs rx_alloc_fail): the failures are
# counted, the port survives an RX ring drained of buffers, and traffic
# recovers once allocations succeed again - also when only receive
# traffic would be left to trigger a refill (the service task kicks NAPI).
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 6
dmesg_mark faults

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
knob=/sys/kernel/debug/igbx/$IGBX_PCI/rx_alloc_fail

bad_counts() {
	! sh -c "echo -1 >$knob" 2>/dev/null &&
		! sh -c "echo 4294967296 >$knob" 2>/dev/null &&
		! sh -c "echo many >$knob" 2>/dev/null &&
		[ "$(cat "$knob")" = 0 ]
}
check "the knob refuses negative, oversized and non-numeric counts" bad_counts
fail0=$(queues_sum "$IF" rx alloc_fail)
echo 100000 >"$knob"
# more frames than both rings hold, from the peer: every refill fails
in_peer ping -c 800 -i 0.002 -W 1 "$LOCAL_V4" >/dev/null 2>&1
fails=$(($(queues_sum "$IF" rx alloc_fail) - fail0))
ktap_print_msg "RX allocation failures counted: $fails"
check "failed RX allocations are counted (rx-N.alloc_fail)" test "$fails" -ge 256
check "the port stays up while its RX rings run dry" carrier_is "$IF" 1

echo 0 >"$knob"
check "traffic recovers within 10 s once allocations succeed" \
	wait_for 10 ping -c 1 -W 1 "$REMOTE_V4"
tcp_rx() { [ "$(iperf3_run -t 2 -R)" -gt 0 ]; }
check "TCP receive works again within 30 s" wait_for 30 tcp_rx
no_splat() { ! dmesg_splats_since faults; }
check "no kernel splat" no_splat
ktap_finished
