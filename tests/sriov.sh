#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# SR-IOV: igbx as the physical function for VFs driven by the kernel's own
# igbvf (make check runs this in the q35 boot: SR-IOV needs PCIe extended
# configuration space).  Two VFs, each in a network namespace of its own:
# traffic to the wire, VF to VF and PF to VF; the administrator's MAC,
# VLAN and link state; multicast and jumbo frames on a VF; per-VF counters;
# a VF playing the mailbox wrong (vfmbx) is refused and counted while the
# others go on; VF counts changed under traffic, a PF reset under the VFs,
# XDP on the PF in both orders, and rmmod with VFs enabled.
#
# IGBX_STRESS=full (make stress): 20 rounds of 0 -> 2 -> 7 -> 0 VFs.
. "$(dirname "$0")/lib.sh"

ktap_print_header
SYSDEV=/sys/bus/pci/devices/$IGBX_PCI
if ! igbx_load || ! [ -e "$SYSDEV/sriov_numvfs" ]; then
	ktap_skip_all "needs the q35 rig (VM_MACHINE=q35): SR-IOV lives in PCIe extended config space"
	exit "$KSFT_SKIP"
fi
if ! modinfo igbvf >/dev/null 2>&1; then
	ktap_skip_all "the guest kernel has no igbvf module"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 20
dmesg_mark sriov
if [ "${IGBX_STRESS:-quick}" = full ]; then rounds=20; else rounds=2; fi
VFMBX=$IGBX_TESTS_DIR/vfmbx
ADMIN_MAC=02:00:00:00:5f:00

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

stat() { ethtool_stat "$IF" "$1"; }
vf_pci() { basename "$(readlink -f "$SYSDEV/virtfn$1")"; }
# the VF's netdev, wherever it is
vf_if() {
	local d=/sys/bus/pci/devices/$(vf_pci "$1")/net

	ls "$d" 2>/dev/null | head -n 1
}
in_vf() { local n=$1; shift; ip netns exec "vf$n" "$@"; }
vf_ifname() { in_vf "$1" ls /sys/class/net | grep -v '^lo$' | head -n 1; }
vf_field() {	# vf_field N FIELD: from ip -s link show (rx_packets, ...)
	ip -s -j link show "$IF" | /usr/bin/python3 -c '
import json, sys
n, f = int(sys.argv[1]), sys.argv[2]
vf = json.load(sys.stdin)[0]["vfinfo_list"][n]
d, k = f.split("_", 1)
s = vf["stats"][d]
print(s[k] if k in s else s[d + "_" + k])' "$1" "$2"
}
vf_mac() { ip -j link show "$IF" | /usr/bin/python3 -c '
import json, sys
print(json.load(sys.stdin)[0]["vfinfo_list"][int(sys.argv[1])]["address"])' "$1"; }

# VF N into namespace vfN with 192.0.2.(10 + N); waits for its link
vf_ns_up() {
	local n=$1 vif

	vif=$(vf_if "$n")
	[ -n "$vif" ] || return 1
	ip netns add "vf$n" 2>/dev/null
	ip link set "$vif" netns "vf$n" || return 1
	in_vf "$n" ip link set lo up
	in_vf "$n" ip addr add "192.0.2.$((10 + n))/24" dev "$vif"
	in_vf "$n" ip link set "$vif" up
	wait_for 30 in_vf "$n" sh -c "[ \"\$(cat /sys/class/net/$vif/carrier)\" = 1 ]"
}
vfs_on() {	# vfs_on COUNT: enable, bind igbvf, namespaces for VF 0 and 1
	local n

	echo "$1" >"$SYSDEV/sriov_numvfs" || return 1
	modprobe igbvf || return 1
	for n in 0 1; do
		[ "$n" -lt "$1" ] || break
		wait_for 10 sh -c "[ -n \"\$(ls /sys/bus/pci/devices/$(vf_pci $n)/net 2>/dev/null)\" ]" ||
			return 1
		vf_ns_up "$n" || return 1
	done
}
vfs_off() {
	ip netns del vf0 2>/dev/null
	ip netns del vf1 2>/dev/null
	echo 0 >"$SYSDEV/sriov_numvfs"
}
vf_ping() {	# vf_ping N DEST [ping args]
	local n=$1 dst=$2

	shift 2
	wait_for 20 in_vf "$n" ping -c 1 -W 1 "$@" "$dst" >/dev/null
}

# --- 1. enabling -----------------------------------------------------------------
enable_ok() {
	# pool 7 is the PF's: seven VFs offered, eight refused, nothing changes
	[ "$(cat "$SYSDEV/sriov_totalvfs")" = 7 ] || { echo "totalvfs $(cat "$SYSDEV/sriov_totalvfs")"; return 1; }
	if echo 8 >"$SYSDEV/sriov_numvfs" 2>/dev/null; then
		echo "8 VFs accepted"; return 1
	fi
	[ "$(cat "$SYSDEV/sriov_numvfs")" = 0 ] || return 1
	ip link set "$IF" vf 0 mac "$ADMIN_MAC" 2>/dev/null && { echo "vf mac without VFs"; return 1; }
	echo 2 >"$SYSDEV/sriov_numvfs" || return 1
	# the PF keeps one queue pair (its pool) and its traffic
	ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { exit v != 1 }' &&
		ping -c 3 -i 0.2 -W 1 "$REMOTE_V4" >/dev/null
}
check "7 VFs at most (8 refused); 2 enabled, the PF keeps one queue pair and its traffic" enable_ok

# --- 2. the administrator's MAC, then igbvf ---------------------------------------
admin_mac() {
	ip link set "$IF" vf 0 mac "$ADMIN_MAC" || return 1
	# another function's address is refused
	ip link set "$IF" vf 1 mac "$ADMIN_MAC" 2>/dev/null && { echo "duplicate accepted"; return 1; }
	modprobe igbvf || return 1
	wait_for 10 test -d "/sys/bus/pci/devices/$(vf_pci 0)/net" &&
		wait_for 10 test -d "/sys/bus/pci/devices/$(vf_pci 1)/net" || return 1
	local m0 m1

	m0=$(cat "/sys/bus/pci/devices/$(vf_pci 0)/net/$(vf_if 0)/address")
	m1=$(cat "/sys/bus/pci/devices/$(vf_pci 1)/net/$(vf_if 1)/address")
	ktap_print_msg "VF 0 $m0 (set $ADMIN_MAC), VF 1 $m1 (PF chose $(vf_mac 1))"
	[ "$m0" = "$ADMIN_MAC" ] && [ "$m1" = "$(vf_mac 1)" ] &&
		! dmesg_since sriov | grep -q "PF still"
}
check "igbvf binds both VFs: VF 0 takes the administrator's MAC, VF 1 the PF's" admin_mac

# --- 3. traffic --------------------------------------------------------------------
traffic() {
	vf_ns_up 0 && vf_ns_up 1 || { echo "VF links did not come up"; return 1; }
	vf_ping 0 "$REMOTE_V4" && vf_ping 1 "$REMOTE_V4" || { echo "VF to wire"; return 1; }
	vf_ping 0 192.0.2.11 || { echo "VF to VF"; return 1; }
	wait_for 20 ping -c 1 -W 1 192.0.2.10 >/dev/null || { echo "PF to VF"; return 1; }
	vf_ping 1 192.0.2.1 || { echo "VF to PF"; return 1; }
}
check "VF to the wire (both), VF to VF and PF to VF inside the NIC" traffic

counters() {
	local rx0 tx0 rx1 tx1 got

	rx0=$(vf_field 0 rx_packets) tx0=$(vf_field 0 tx_packets)
	got=$(in_vf 0 ping -c 20 -i 0.1 -W 1 "$REMOTE_V4" 2>/dev/null |
	      sed -n 's/.* \([0-9]*\) received.*/\1/p')
	sleep 1.2	# the PF folds pool counters every second
	rx1=$(vf_field 0 rx_packets) tx1=$(vf_field 0 tx_packets)
	ktap_print_msg "VF 0: $got of 20 pings answered; its counters rx +$((rx1 - rx0)), tx +$((tx1 - tx0))"
	[ "${got:-0}" -gt 0 ] &&
		[ $((rx1 - rx0)) -ge "$got" ] && [ $((rx1 - rx0)) -le $((got + 10)) ] &&
		[ $((tx1 - tx0)) -ge "$got" ] && [ $((tx1 - tx0)) -le 30 ]
}
check "per-VF counters (ip -s link) count a VF's pings each way" counters

throughput() {
	local vf pf

	vf=$(IPERF3_HOST=$REMOTE_V4 in_vf 0 bash -c ". $IGBX_TESTS_DIR/lib.sh; PEER_NS=$PEER_NS iperf3_run -t 2")
	pf=$(iperf3_run -t 2)
	ktap_print_msg "TCP to the peer, 2 s: VF 0 $((vf * 8 / 2000000)) Mbit/s, PF $((pf * 8 / 2000000)) Mbit/s (same rig)"
	[ "$vf" -gt 0 ] && [ "$pf" -gt 0 ]
}
check "TCP from a VF and from the PF (iperf3)" throughput

# --- 4. administration ------------------------------------------------------------
own_mac_refused() {
	local vif r0

	vif=$(vf_ifname 0)
	r0=$(stat vf_mbx_refused)
	in_vf 0 ip link set "$vif" address 02:00:00:00:5f:99 2>/dev/null &&
		{ echo "VF changed its administrator's MAC"; return 1; }
	[ "$(in_vf 0 cat "/sys/class/net/$vif/address")" = "$ADMIN_MAC" ] &&
		[ "$(stat vf_mbx_refused)" -gt "$r0" ] && vf_ping 0 "$REMOTE_V4"
}
check "a VF cannot change the MAC its administrator set (refused, counted)" own_mac_refused

admin_vlan() {
	local ok=0

	in_peer ip link add link "$PEER_IF" name v20 type vlan id 20
	in_peer ip addr add 198.51.100.2/24 dev v20
	in_peer ip link set v20 up
	ip link set "$IF" vf 1 vlan 20 qos 3 || return 1
	ip link show "$IF" | grep -q "vf 1 .*vlan 20, qos 3" || { echo "not listed"; ok=1; }
	in_vf 1 ip addr add 198.51.100.11/24 dev "$(vf_ifname 1)"
	vf_ping 1 198.51.100.2 || { echo "no traffic on the administrative VLAN"; ok=1; }
	# the untagged peer is out of reach now
	in_vf 1 ip neigh flush all
	in_vf 1 ping -c 2 -W 1 "$REMOTE_V4" >/dev/null && { echo "untagged traffic reached the VF"; ok=1; }
	ip link set "$IF" vf 1 vlan 0
	in_vf 1 ip addr del 198.51.100.11/24 dev "$(vf_ifname 1)"
	in_peer ip link del v20
	[ $ok = 0 ] && vf_ping 1 "$REMOTE_V4"
}
check "administrative VLAN: the VF's frames leave tagged, untagged ones do not reach it" admin_vlan

link_state() {
	local vif

	vif=$(vf_ifname 1)
	ip link set "$IF" vf 1 state disable || return 1
	wait_for 15 in_vf 1 sh -c "[ \"\$(cat /sys/class/net/$vif/carrier)\" = 0 ]" ||
		{ echo "VF link stayed up"; return 1; }
	ip link set "$IF" vf 1 state auto || return 1
	wait_for 30 in_vf 1 sh -c "[ \"\$(cat /sys/class/net/$vif/carrier)\" = 1 ]" &&
		vf_ping 1 "$REMOTE_V4"
}
check "link state disable takes the VF's link down, auto brings it back" link_state

admin_readback() {
	ip link set "$IF" vf 1 spoofchk off && ip link set "$IF" vf 1 trust on || return 1
	ip link show "$IF" | grep -q "vf 1 .*spoof checking off, link-state auto, trust on" || return 1
	ip link set "$IF" vf 1 spoofchk on && ip link set "$IF" vf 1 trust off &&
		ip link show "$IF" | grep -q "vf 1 .*spoof checking on, link-state auto, trust off" || return 1
	# a transmit limit (not modelled by QEMU: set and listed only)
	ip link set "$IF" vf 1 max_tx_rate 100 &&
		ip link show "$IF" | grep -q "vf 1 .*max_tx_rate 100Mbps" || { echo "max_tx_rate"; return 1; }
	ip link set "$IF" vf 1 min_tx_rate 10 2>/dev/null && { echo "min_tx_rate accepted"; return 1; }
	ip link set "$IF" vf 1 max_tx_rate 2000 2>/dev/null && { echo "2000 Mbit/s accepted"; return 1; }
	ip link set "$IF" vf 1 max_tx_rate 0 && vf_ping 1 "$REMOTE_V4"
}
check "spoof checking, trust and a transmit limit set and listed (ip link show); min rate, over-speed refused" admin_readback

multicast() {
	local m0 m1

	in_vf 0 ip maddr add 01:00:5e:01:02:03 dev "$(vf_ifname 0)" || return 1
	m0=$(vf_field 0 rx_multicast)
	in_peer ping -c 5 -i 0.1 -W 1 -I "$PEER_IF" 239.1.2.3 >/dev/null 2>&1
	sleep 1.2
	m1=$(vf_field 0 rx_multicast)
	ktap_print_msg "VF 0 multicast received: +$((m1 - m0))"
	[ $((m1 - m0)) -ge 5 ]
}
check "multicast a VF joined reaches it" multicast

jumbo() {
	local vif

	vif=$(vf_ifname 0)
	in_peer ip link set "$PEER_IF" mtu 9000
	in_vf 0 ip link set "$vif" mtu 9000 || return 1
	vf_ping 0 "$REMOTE_V4" -s 8972 -M do
	local rc=$?
	in_vf 0 ip link set "$vif" mtu 1500
	in_peer ip link set "$PEER_IF" mtu 1500
	return $rc
}
check "jumbo frames (MTU 9000) on a VF" jumbo

# --- 5. a VF that plays the mailbox wrong -----------------------------------------
abuse() {
	local pci r0 out rc=0

	pci=$(vf_pci 1)
	ip netns del vf1
	echo "$pci" >/sys/bus/pci/drivers/igbvf/unbind || return 1
	out=$("$VFMBX" "$pci" reset) || { echo "reset handshake: $out"; return 1; }
	ktap_print_msg "vfmbx reset: $out"
	r0=$(stat vf_mbx_refused)
	# NACK expected: 31 hashes, unknown type, VLAN 5000, VF 0's MAC, reply flags
	for m in "0x001f0003" "0x7f" "0x00010004 5000" "0x2 0x00000002 0x005f" \
		 "0x80000002 0x00000002 0x015f"; do
		# shellcheck disable=SC2086
		out=$("$VFMBX" "$pci" msg $m) || { echo "timeout on $m"; rc=1; continue; }
		[ $((out & 0x40000000)) != 0 ] || { echo "$m answered $out"; rc=1; }
	done
	[ "$(stat vf_mbx_refused)" -ge $((r0 + 5)) ] || { echo "not counted: $r0 -> $(stat vf_mbx_refused)"; rc=1; }
	out=$("$VFMBX" "$pci" flood 300) || { echo "flood: $out"; rc=1; }
	ktap_print_msg "flood of 300 messages: $out; refused $r0 -> $(stat vf_mbx_refused)"
	echo "$out" | grep -q "nacked [1-9]" || rc=1
	sleep 1.5	# the flood's second is over: VF 1 is served again
	# the PF and the other VF never noticed
	vf_ping 0 "$REMOTE_V4" && ping -c 2 -W 1 "$REMOTE_V4" >/dev/null || { echo "others disturbed"; rc=1; }
	dmesg_since sriov | grep -q "VF 1: message .* refused" || { echo "not logged"; rc=1; }
	echo "$pci" >/sys/bus/pci/drivers/igbvf/bind || rc=1
	vf_ns_up 1 && vf_ping 1 "$REMOTE_V4" || { echo "VF 1 not back with igbvf"; rc=1; }
	return $rc
}
check "garbage, out-of-range, another VF's MAC and a flood from a VF: refused and counted, nobody else disturbed" abuse

# --- 6. lifetime ------------------------------------------------------------------
vf_flr() {
	local pci r0 rc=0

	pci=$(vf_pci 1)
	r0=$(stat vf_resets)
	echo 1 >"/sys/bus/pci/devices/$pci/reset" || { echo "no FLR"; return 1; }
	wait_for 5 sh -c "[ \$(ethtool -S $IF | awk '\$1 == \"vf_resets:\" { print \$2 }') -gt $r0 ]" ||
		{ echo "the PF did not see the VF's reset"; rc=1; }
	vf_ping 0 "$REMOTE_V4" && ping -c 2 -W 1 "$REMOTE_V4" >/dev/null ||
		{ echo "others disturbed"; rc=1; }
	# igbvf knows nothing of the FLR: bound again, it takes the VF back
	ip netns del vf1
	echo "$pci" >/sys/bus/pci/drivers/igbvf/unbind &&
		echo "$pci" >/sys/bus/pci/drivers/igbvf/bind || rc=1
	vf_ns_up 1 && vf_ping 1 "$REMOTE_V4" || { echo "VF 1 not back"; rc=1; }
	return $rc
}
check "a VF's function level reset: seen by the PF (vf_resets), nobody else disturbed, the VF works again" vf_flr

pf_reset() {
	local r0 knob=/sys/kernel/debug/igbx/$IGBX_PCI/tx_stall

	ethtool -L "$IF" combined 2 2>/dev/null && { echo "-L 2 accepted with VFs"; return 1; }
	# down/up: the VFs lose the link meanwhile, and get it back
	ip link set "$IF" down && ip link set "$IF" up || return 1
	wait_for 20 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null && vf_ping 0 "$REMOTE_V4" ||
		{ echo "no traffic after down/up"; return 1; }
	# a TX hang: the reset task resets the controller, and so every VF
	r0=$(stat port_resets)
	echo 0 >"$knob" || return 1
	ping -c 20 -i 0.1 -W 1 "$REMOTE_V4" >/dev/null 2>&1
	wait_for 15 sh -c "[ \$(ethtool -S $IF | awk '\$1 == \"port_resets:\" { print \$2 }') -gt $r0 ]" ||
		{ echo "no reset"; return 1; }
	wait_for 20 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null || { echo "PF did not come back"; return 1; }
	# the VFs reset themselves (igbvf waits up to 10 s) and pass traffic
	vf_ping 0 "$REMOTE_V4" -w 40 && vf_ping 1 "$REMOTE_V4" -w 40 || return 1
	# the reset cleared the pool counters: theirs did not jump
	[ "$(vf_field 0 rx_packets)" -lt 100000 ] && [ "$(vf_field 0 tx_bytes)" -lt 100000000 ] ||
		{ echo "VF 0 counters after the reset: $(vf_field 0 rx_packets) packets, $(vf_field 0 tx_bytes) bytes"; return 1; }
}
check "PF down/up and a PF reset (TX hang) under the VFs: all pass traffic after; -L 2 refused" pf_reset

xdp_both_orders() {
	local prog=$IGBX_TESTS_DIR/xdp_pass.o rc=0

	[ -f "$prog" ] || { echo "no $prog"; return 1; }
	ip link set "$IF" xdp obj "$prog" sec xdp || return 1
	ping -c 2 -W 1 "$REMOTE_V4" >/dev/null && vf_ping 0 "$REMOTE_V4" || rc=1
	vfs_off
	ping -c 2 -W 1 "$REMOTE_V4" >/dev/null || rc=1
	vfs_on 2 || rc=1
	ping -c 2 -W 1 "$REMOTE_V4" >/dev/null && vf_ping 0 "$REMOTE_V4" || rc=1
	ip link set "$IF" xdp off
	return $rc
}
check "XDP on the PF with VFs enabled, and VFs enabled under XDP" xdp_both_orders

toggle() {
	local i pid rc=0

	ping -i 0.05 -W 1 "$REMOTE_V4" >"$VM_RUN_DIR/sriov.ping" 2>&1 &
	pid=$!
	for i in $(seq "$rounds"); do
		vfs_off
		echo 2 >"$SYSDEV/sriov_numvfs" || rc=1
		echo 0 >"$SYSDEV/sriov_numvfs" || rc=1
		# the PF's side only: igbvf does not probe these seven
		echo 0 >"$SYSDEV/sriov_drivers_autoprobe"
		echo 7 >"$SYSDEV/sriov_numvfs" || rc=1
		echo 1 >"$SYSDEV/sriov_drivers_autoprobe"
		[ "$(ls -d "$SYSDEV"/virtfn* | wc -l)" = 7 ] || rc=1
	done
	kill -INT "$pid"
	wait "$pid" 2>/dev/null
	ktap_print_msg "$rounds rounds 0 -> 2 -> 0 -> 7 VFs; PF pings meanwhile: $(grep -o '[0-9]* packets transmitted, [0-9]* received' "$VM_RUN_DIR/sriov.ping")"
	vfs_off
	vfs_on 2 && vf_ping 0 "$REMOTE_V4" || rc=1
	wait_for 20 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null || rc=1
	return $rc
}
check "VF counts changed under PF traffic ($rounds rounds), VFs work after" toggle

rmmod_with_vfs() {
	igbx_unload || { echo "rmmod failed"; return 1; }
	[ ! -e "$SYSDEV/virtfn0" ] || { echo "VFs left behind"; return 1; }
	ip netns del vf0 2>/dev/null
	ip netns del vf1 2>/dev/null
	return 0
}
check "rmmod igbx with VFs enabled: the VFs go first" rmmod_with_vfs
check_pools_drained

# orderly hot-unplug (q35: the root port's slot) with VFs passing traffic
unplug_with_vfs() {
	local rc=0 pid

	igbx_setup && vfs_on 2 && vf_ping 0 "$REMOTE_V4" || { echo "setup"; return 1; }
	in_vf 0 ping -i 0.05 -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
	pid=$!
	vm_monitor "device_del $IGBX_QEMU_ID" >/dev/null
	wait_for 20 sh -c "[ ! -e $SYSDEV ]" || { echo "not removed"; rc=1; }
	kill "$pid" 2>/dev/null
	wait "$pid" 2>/dev/null
	ip netns del vf0 2>/dev/null
	ip netns del vf1 2>/dev/null
	vm_monitor "device_add igb,netdev=n0,id=$IGBX_QEMU_ID,mac=$IGBX_MAC,bus=rp1" >/dev/null
	wait_for 20 sh -c "[ -e $SYSDEV/net ]" && igbx_setup || { echo "not back"; rc=1; }
	return $rc
}
check "hot-unplug of the PF with VFs enabled and busy, then plugged back" unplug_with_vfs

no_splat() { ! dmesg_splats_since sriov; }
check "no warning, oops or leak report" no_splat

ktap_finished
