#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Without MSI/MSI-X (guest booted with pci=nomsi, as make check does in a
# second boot) igbx falls back to one INTx line and one queue pair, and
# everything still works: traffic both ways, link changes.
. "$(dirname "$0")/lib.sh"

ktap_print_header
if ! grep -qw "pci=nomsi" /proc/cmdline; then
	ktap_skip_all "needs a guest booted with pci=nomsi (make check's second boot)"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 8
dmesg_mark intx
igbx_unload

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
check "dmesg says INTx with one queue pair" \
	sh -c "dmesg | grep -q 'MSI-X unavailable, using INTx with one queue pair'"
check "ethtool -l: one combined channel, no other" \
	sh -c "ethtool -l $IF | tail -n 4 | grep -q 'Combined:.*1' &&
	       ethtool -l $IF | tail -n 4 | grep -Eq 'Other:[[:space:]]+(0|n/a)$'"
irqs=$(irq_count "$IF")
check "ping IPv4" ping -c 5 -W 2 "$REMOTE_V4"
check "the INTx line $IF fired" test "$(irq_count "$IF")" -gt "$irqs"
check "TCP transmit" test "$(iperf3_run -t 2)" -gt 0
check "TCP receive" test "$(iperf3_run -t 2 -R)" -gt 0
vm_monitor "set_link $IGBX_QEMU_ID off" >/dev/null
down=$(wait_for 5 carrier_is "$IF" 0 && echo ok)
vm_monitor "set_link $IGBX_QEMU_ID on" >/dev/null
link_back() { [ "$down" = ok ] && wait_for 5 carrier_is "$IF" 1; }
check "carrier follows set_link off and on" link_back
no_splat() { ! dmesg_splats_since intx; }
check "no kernel splat" no_splat
ktap_finished
