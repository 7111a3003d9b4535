#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Offloads on and off still pass traffic: VLAN sub-interfaces with tag
# insertion/stripping in hardware and in software, TSO, TX and RX checksum.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 21
dmesg_mark offload

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

ip link add link "$IF" name "$IF.100" type vlan id 100
in_peer ip link add link "$PEER_IF" name vlan100 type vlan id 100
ip addr add 198.51.100.1/24 dev "$IF.100"
in_peer ip addr add 198.51.100.2/24 dev vlan100
ip link set "$IF.100" up
in_peer ip link set vlan100 up

vlan_ping() {
	ethtool -K "$IF" rxvlan "$1" txvlan "$1" >/dev/null 2>&1 &&
		ethtool -k "$IF" | grep -q "rx-vlan-offload: $1" &&
		ping -c 3 -W 2 198.51.100.2 >/dev/null
}
check "VLAN 100 traffic with rx/tx VLAN offload on" vlan_ping on
check "VLAN 100 traffic with rx/tx VLAN offload off" vlan_ping off
ethtool -K "$IF" rxvlan on txvlan on >/dev/null 2>&1
check "TCP over VLAN 100 with offload" \
	test "$(in_peer iperf3 -s -1 -D -p 5202 >/dev/null; sleep 0.5
		timeout 60 iperf3 -c 198.51.100.2 -p 5202 -t 2 -J |
		grep -c '"bits_per_second"')" -gt 0

# VLAN 200 exists only on the peer: its frames must not pass the VLAN
# filter (VFTA) while rx-vlan-filter is on.
in_peer ip link add link "$PEER_IF" name vlan200 type vlan id 200
in_peer ip addr add 203.0.113.2/24 dev vlan200
in_peer ip link set vlan200 up
in_peer ip neigh replace 203.0.113.1 lladdr "$IGBX_MAC" dev vlan200 nud permanent
vlan200_frames() {
	local before

	before=$(queues_sum "$IF" rx packets)
	in_peer ping -c 20 -i 0.05 -W 1 203.0.113.1 >/dev/null 2>&1
	sleep 0.5
	echo $(($(queues_sum "$IF" rx packets) - before))
}
ethtool -K "$IF" rx-vlan-filter on >/dev/null
n=$(vlan200_frames)
ktap_print_msg "VLAN 200 frames received with the filter on: $n"
check "rx-vlan-filter on: frames of an unregistered VLAN are dropped" test "$n" -lt 10
ethtool -K "$IF" rx-vlan-filter off >/dev/null
n=$(vlan200_frames)
ktap_print_msg "VLAN 200 frames received with the filter off: $n"
check "rx-vlan-filter off: they reach the driver" test "$n" -ge 20
ethtool -K "$IF" rx-vlan-filter on >/dev/null
in_peer ip link del vlan200

ip link del "$IF.100"
in_peer ip link del vlan100

# feature_traffic FEATURE on|off: toggle, check it took, move TCP both ways.
feature_traffic() {
	ethtool -K "$IF" "$1" "$2" >/dev/null 2>&1 &&
		ethtool -k "$IF" | grep -q "^$3: $2" &&
		[ "$(iperf3_run -t 2)" -gt 0 ] && [ "$(iperf3_run -t 2 -R)" -gt 0 ]
}
check "TSO off: TCP both ways" feature_traffic tso off tcp-segmentation-offload
check "TSO on: TCP both ways" feature_traffic tso on tcp-segmentation-offload
check "TX checksum off (and so TSO): TCP both ways" feature_traffic tx off tx-checksumming
check "TX checksum on: TCP both ways" feature_traffic tx on tx-checksumming
ethtool -K "$IF" tso on >/dev/null 2>&1
check "RX checksum off: TCP both ways" feature_traffic rx off rx-checksumming
check "RX checksum on: TCP both ways" feature_traffic rx on rx-checksumming

# rx-fcs: the 4-byte FCS stays on every received frame (RCTL.SECRC off).
rx_bytes_10_pings() {
	local before

	before=$(queues_sum "$IF" rx bytes)
	ping -c 10 -i 0.05 -W 1 "$REMOTE_V4" >/dev/null
	echo $(($(queues_sum "$IF" rx bytes) - before))
}
off=$(rx_bytes_10_pings)
ethtool -K "$IF" rx-fcs on >/dev/null
on=$(rx_bytes_10_pings)
ethtool -K "$IF" rx-fcs off >/dev/null
ktap_print_msg "bytes of 10 ping replies: rx-fcs off $off, on $on"
check "rx-fcs on: 10 replies carry 40 more bytes (their FCS)" test $((on - off)) -eq 40
rctl_sbp() { [ $(( ($(ethtool -d "$IF" raw on | od -An -v -tu4 -w4 | sed -n 4p) >> 2) & 1 )) = "$1" ]; }
rx_all() {
	ethtool -K "$IF" rx-all on >/dev/null && rctl_sbp 1 &&
		ping -c 2 -W 2 "$REMOTE_V4" >/dev/null &&
		ethtool -K "$IF" rx-all off >/dev/null && rctl_sbp 0
}
check "rx-all on/off sets and clears RCTL.SBP, traffic passes" rx_all
# --- UDP segmentation offload (tx-udp-segmentation): one UDP_SEGMENT send
# of 8 x 1000 bytes.  The device cuts it into 8 datagrams (82576 datasheet
# 7.2.4), counting one segmentation context (TSCTC); the driver counts the
# 8 frames.  QEMU's igb model does not segment UDP: it sends IPv4 as IP
# fragments of one 8000-byte datagram (hw/net/net_tx_pkt.c), so there the
# datagram sizes cannot be checked and those cases skip, saying so.
GSO=1000 NSEG=8
UDP_GSO="/usr/bin/python3 $IGBX_TESTS_DIR/udp_gso.py"
qemu_model() {
	[ "$(cat "/sys/bus/pci/devices/$IGBX_PCI/subsystem_vendor")" = 0x1af4 ]
}
# uso ADDR: one send to the peer's ADDR; prints "SIZES FRAMES CONTEXTS":
# the datagram sizes the peer got (comma-separated, "none" if none), the
# frames the driver counted and the device's segmentation contexts
uso() {
	local out=$VM_RUN_DIR/uso.out tx0 c0 sizes rpid

	rm -f "$out"
	in_peer $UDP_GSO recv "$1" 9000 10 $((GSO * NSEG)) >"$out" 2>&1 &
	rpid=$!
	wait_for 20 grep -q '^ready$' "$out"
	tx0=$(queues_sum "$IF" tx packets)
	c0=$(ethtool_stat "$IF" tx_segmentation_contexts)
	$UDP_GSO send "$1" 9000 $GSO $NSEG
	wait "$rpid"
	sizes=$(grep -v '^ready$' "$out" | paste -sd, -)
	echo "${sizes:-none} $(($(queues_sum "$IF" tx packets) - tx0))" \
		"$(($(ethtool_stat "$IF" tx_segmentation_contexts) - c0))"
}
segmented="$(printf "$GSO,%.0s" $(seq $NSEG))"
segmented=${segmented%,}
check "tx-udp-segmentation is offered and on" \
	sh -c "ethtool -k $IF | grep -qx 'tx-udp-segmentation: on'"
ethtool -K "$IF" tx-udp-segmentation off
r=$(uso "$REMOTE_V4")
ktap_print_msg "tx-udp-segmentation off, IPv4: sizes/frames/contexts $r"
check "off: the stack sends $NSEG datagrams of $GSO B, no segmentation context" \
	test "$r" = "$segmented $NSEG 0"
ethtool -K "$IF" tx-udp-segmentation on
for a in "$REMOTE_V4" "$REMOTE_V6"; do
	v=IPv4
	[ "$a" = "$REMOTE_V4" ] || v=IPv6
	r=$(uso "$a")
	ktap_print_msg "tx-udp-segmentation on, $v: sizes/frames/contexts $r"
	set -- $r
	check "on, $v: one send, one segmentation context, $NSEG frames counted" \
		test "$3" = 1 -a "$2" -ge "$NSEG"
	if [ "$1" = "$segmented" ]; then
		ktap_test_pass "on, $v: the peer gets $NSEG datagrams of $GSO B"
	elif qemu_model; then
		ktap_test_skip "on, $v: the peer gets $NSEG datagrams of $GSO B: QEMU's igb model does not segment UDP (got: $1)"
	else
		ktap_test_fail "on, $v: the peer gets $NSEG datagrams of $GSO B (got: $1)"
	fi
done
tso_l4() { ethtool -K "$IF" tso off && ethtool -k "$IF" | grep -qx 'tx-udp-segmentation: on'; }
check "tso off leaves tx-udp-segmentation on (a feature of its own)" tso_l4
ethtool -K "$IF" tso on >/dev/null 2>&1

no_splat() { ! dmesg_splats_since offload; }
check "no kernel splat" no_splat
ktap_finished
