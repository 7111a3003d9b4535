#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Offloads on and off still pass traffic: VLAN sub-interfaces with tag
# insertion/stripping in hardware and in software, TSO, TX and RX checksum.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 10
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

no_splat() { ! dmesg_splats_since offload; }
check "no kernel splat" no_splat
ktap_finished
