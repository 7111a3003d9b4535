#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# A Tx hang (debugfs tx_stall: the driver stops cleaning the TX rings) is
# detected by the driver, the port is reset, and traffic resumes.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 8
dmesg_mark txhang

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
knob=/sys/kernel/debug/igbx/$IGBX_PCI/tx_stall

# Configuration the reset must restore.
ip link set "$IF" mtu 9000
in_peer ip link set "$PEER_IF" mtu 9000
ethtool -X "$IF" equal 1
resets0=$(ethtool_stat "$IF" port_resets)
nq=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')

stall_all() {
	local q

	for q in $(seq 0 $((nq - 1))); do
		echo "$q" >"$knob" || return 1
	done
	[ -n "$(tr -d ' \n' <"$knob")" ]
}
check "tx_stall knob stalls every TX queue" stall_all
ping -c 20 -i 0.1 -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
hang_seen() { dmesg_since txhang | grep -q "TX queue [0-9]* hung"; }
check "the hang is detected within 10 s" wait_for 10 hang_seen
check "the port is reset (port_resets went up)" \
	wait_for 10 sh -c "[ \$(ethtool -S $IF | awk '\$1 == \"port_resets:\" { print \$2 }') -gt $resets0 ]"
wait
check "the reset cleared the knob" test -z "$(tr -d ' \n' <"$knob")"
check "traffic resumes after the reset" \
	wait_for 15 ping -c 1 -W 1 "$REMOTE_V4"
check "after the reset: MTU 9000 frames still pass" \
	ping -c 2 -W 2 -s 8972 -M do "$REMOTE_V4"
check "after the reset: the user's RSS table is still there" \
	sh -c "ethtool -x $IF | awk '/^ *[0-9]+:/ { for (i = 2; i <= NF; i++) if (\$i != 0) exit 1 }'"
ip link set "$IF" mtu 1500
in_peer ip link set "$PEER_IF" mtu 1500
ethtool -X "$IF" default
no_splat() { ! dmesg_splats_since txhang; }
check "no kernel splat (no stack watchdog)" no_splat
ktap_finished
