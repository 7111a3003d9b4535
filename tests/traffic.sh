#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Traffic across the emulated wire: ping v4/v6, TCP both ways with the
# counters matching what iperf3 moved, jumbo frames, RSS over the queues.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 19
dmesg_mark traffic

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

check "ping IPv4" ping -c 3 -W 2 "$REMOTE_V4"
check "ping IPv6" ping -6 -c 3 -W 2 "$REMOTE_V6"

# within DELTA of BYTES: at least the payload, at most 15% header overhead
bytes_match() {
	[ "$1" -gt 0 ] && [ "$2" -ge "$1" ] && [ "$2" -le $(($1 * 115 / 100)) ]
}

tx0=$(sysfs_stat "$IF" tx_bytes)
sent=$(iperf3_run -t 3)
tx1=$(sysfs_stat "$IF" tx_bytes)
ktap_print_msg "TCP TX: iperf3 $sent bytes, tx_bytes +$((tx1 - tx0))"
check "TCP transmit moves data (iperf3 -t 3)" test "$sent" -gt 0
check "tx_bytes matches what iperf3 sent" bytes_match "$sent" $((tx1 - tx0))

rx0=$(sysfs_stat "$IF" rx_bytes)
got=$(iperf3_run -t 3 -R)
rx1=$(sysfs_stat "$IF" rx_bytes)
ktap_print_msg "TCP RX: iperf3 $got bytes, rx_bytes +$((rx1 - rx0))"
check "TCP receive moves data (iperf3 -R)" test "$got" -gt 0
check "rx_bytes matches what iperf3 received" bytes_match "$got" $((rx1 - rx0))

tso6() {
	ethtool -k "$IF" | grep -q "tx-tcp6-segmentation: on" &&
		[ "$(IPERF3_HOST=$REMOTE_V6 iperf3_run -t 2)" -gt 0 ]
}
check "TCP over IPv6 transmit with TSO6 on" tso6
check "TCP over IPv6 receive" test "$(IPERF3_HOST=$REMOTE_V6 iperf3_run -t 2 -R)" -gt 0

jumbo() {
	ip link set "$IF" mtu 9000 && in_peer ip link set "$PEER_IF" mtu 9000 &&
		ping -c 2 -W 2 -s 8972 -M do "$REMOTE_V4" >/dev/null &&
		in_peer ping -c 2 -W 2 -s 8972 -M do "$LOCAL_V4" >/dev/null
}
check "MTU 9000: 9000-byte frames both ways" jumbo
check "MTU 9000: TCP receive" test "$(iperf3_run -t 2 -R)" -gt 0
ip link set "$IF" mtu 1500
in_peer ip link set "$PEER_IF" mtu 1500

nq=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')
busy_queues() {
	ethtool -S "$IF" | awk '$1 ~ /^rx-[0-9]+[.]packets:$/ && $2 > 100 { n++ } END { print n + 0 }'
}
if [ "${nq:-1}" -ge 2 ]; then
	iperf3_run -t 3 -R -P 8 >/dev/null
	check "8 flows land on at least 2 RX queues ($(busy_queues) busy of $nq)" \
		test "$(busy_queues)" -ge 2
else
	ktap_test_skip "only one queue pair: no RSS spread to check"
fi

indir_all_zero() {
	ethtool -x "$IF" | awk '/^ *[0-9]+:/ { for (i = 2; i <= NF; i++) if ($i != 0) bad = 1; n++ } END { exit !(n > 0 && !bad) }'
}
set_indir_survives() {
	ethtool -X "$IF" equal 1 && indir_all_zero &&
		ip link set "$IF" down && ip link set "$IF" up && indir_all_zero
}
check "ethtool -X equal 1 is applied and survives down/up" set_indir_survives
ethtool -X "$IF" default
wait_for 10 carrier_is "$IF" 1

# The measurement load_unload.sh relies on to find leaks sees our pools.
pp=$(page_pool_inflight)
ktap_print_msg "page_pool pages in flight while up: $pp"
if netdev_nl_has page-pool-get; then
	check "page pools are visible over netlink while up" test "${pp:-0}" -gt 0
else
	ktap_test_skip "page pools over netlink: $PP_NO_NETLINK"
fi
# queue <-> NAPI <-> IRQ linkage (netif_queue_set_napi, netif_napi_set_irq)
linkage_ok() {
	local ifindex

	ifindex=$(cat "/sys/class/net/$IF/ifindex")
	{ ynl_netdev --dump queue-get --json "{\"ifindex\": $ifindex}" --output-json &&
	  echo '@@' &&
	  ynl_netdev --dump napi-get --json "{\"ifindex\": $ifindex}" --output-json
	} 2>/dev/null | /usr/bin/python3 -c '
import json, re, sys
q, n = sys.stdin.read().split("@@")
queues, napis = json.loads(q), json.loads(n)
irqs = {}
for line in open("/proc/interrupts"):
    m = re.match(r"\s*(\d+):.*\s(\S+-TxRx-(\d+))$", line.strip("\n"))
    if m:
        irqs[int(m.group(3))] = int(m.group(1))
napi_irq = {x["id"]: x.get("irq") for x in napis}
nq = int(sys.argv[1])
ok = len(queues) == 2 * nq and all("napi-id" in x for x in queues)
for x in queues:
    ok = ok and napi_irq.get(x["napi-id"]) == irqs.get(x["id"])
sys.exit(0 if ok else 1)' "$nq"
}
if netdev_nl_has queue-get; then
	check "netlink: every queue has its NAPI, every NAPI its vector's IRQ" linkage_ok
else
	ktap_test_skip "netlink queue/NAPI linkage: the kernel has no queue-get (6.8+)"
fi

mtu_bounds() {
	! ip link set "$IF" mtu 67 2>/dev/null && ! ip link set "$IF" mtu 9217 2>/dev/null &&
		ip link set "$IF" mtu 68 && ip link set "$IF" mtu 9216 &&
		ip link set "$IF" mtu 1500 && wait_for 5 carrier_is "$IF" 1
}
check "MTU 68 and 9216 accepted, 67 and 9217 refused, link kept" mtu_bounds

new_mac() {
	ip link set "$IF" address 02:11:22:33:44:55 &&
		in_peer ip neigh flush dev "$PEER_IF" &&
		ping -c 2 -W 2 "$REMOTE_V4" >/dev/null &&
		in_peer ip neigh show "$LOCAL_V4" | grep -q 02:11:22:33:44:55
}
check "a new MAC address is used on the wire (RAR 0)" new_mac
ip link set "$IF" address "$IGBX_MAC"
in_peer ip neigh flush dev "$PEER_IF"

groups_ok() {
	local out

	out=$(ethtool -S "$IF" --groups eth-mac rmon) || return 1
	echo "$out" | grep -Eq "FramesReceivedOK: [1-9]" &&
		echo "$out" | grep -Eq "OctetsTransmittedOK: [1-9]" &&
		echo "$out" | grep -Eq "etherStatsPkts1024to1522Octets: [1-9]" ||
		return 1
	# no pause or symbol errors here, but the groups must be reported
	out=$(ethtool -S "$IF" --groups eth-ctrl eth-phy) || return 1
	echo "$out" | grep -Eq "MACControlFramesReceived: [0-9]" &&
		echo "$out" | grep -Eq "UnsupportedOpcodesReceived: [0-9]" &&
		echo "$out" | grep -Eq "SymbolErrorDuringCarrier: [0-9]"
}
check "structured stats: eth-mac/rmon count the traffic, eth-ctrl/eth-phy reported" groups_ok
check "no port reset and no hang during traffic" \
	test "$(ethtool_stat "$IF" port_resets)" -eq 0
no_splat() { ! dmesg_splats_since traffic; }
check "no kernel splat" no_splat
ktap_finished
