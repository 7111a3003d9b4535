#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Receive filters: frames for another MAC are dropped by the device unless
# the port is promiscuous; multicast arrives only for joined groups.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 6
dmesg_mark rxmode

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

rx_packets() { queues_sum "$IF" rx packets; }

# from_peer_count N CMD...: run CMD in the peer; print how many frames igbx
# received meanwhile.
received_during() {
	local before

	before=$(rx_packets)
	in_peer "$@" >/dev/null 2>&1
	sleep 0.5
	echo $(($(rx_packets) - before))
}

# 20 pings whose frames go to a MAC that is not ours.
FOREIGN=02:00:00:00:00:99
in_peer ip neigh replace "$LOCAL_V4" lladdr "$FOREIGN" dev "$PEER_IF" nud permanent
n=$(received_during ping -c 20 -i 0.05 -W 1 "$LOCAL_V4")
ktap_print_msg "frames to $FOREIGN received, not promiscuous: $n"
check "frames to another MAC are filtered (not promiscuous)" test "$n" -lt 10
ip link set "$IF" promisc on
n=$(received_during ping -c 20 -i 0.05 -W 1 "$LOCAL_V4")
ktap_print_msg "frames to $FOREIGN received, promiscuous: $n"
check "frames to another MAC arrive in promiscuous mode" test "$n" -ge 20
ip link set "$IF" promisc off
n=$(received_during ping -c 20 -i 0.05 -W 1 "$LOCAL_V4")
check "filtered again after promisc off" test "$n" -lt 10
in_peer ip neigh del "$LOCAL_V4" dev "$PEER_IF"

# Multicast to 239.1.2.3 = MAC 01:00:5e:01:02:03.
in_peer ip route replace 239.0.0.0/8 dev "$PEER_IF"
mcast_ping() { in_peer ping -c 20 -i 0.05 -W 1 -t 1 239.1.2.3; }
n=$(received_during ping -c 20 -i 0.05 -W 1 -t 1 239.1.2.3)
ktap_print_msg "multicast frames received before joining: $n"
check "multicast for a group not joined is filtered" test "$n" -lt 10
ip maddr add 01:00:5e:01:02:03 dev "$IF"
n=$(received_during ping -c 20 -i 0.05 -W 1 -t 1 239.1.2.3)
ktap_print_msg "multicast frames received after joining: $n"
check "multicast for a joined group arrives" test "$n" -ge 20
ip maddr del 01:00:5e:01:02:03 dev "$IF"

no_splat() { ! dmesg_splats_since rxmode; }
check "no kernel splat" no_splat
ktap_finished
