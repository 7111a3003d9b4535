#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Native XDP (xdpdrv) on igbx, with the BPF programs of tests/bpf/ (built
# into NAME.o next to this script by tests/Makefile): PASS at MTU 1500 and
# multi-buffer PASS at MTU 9000, DROP, TX (a reflector, byte-exact at the
# peer), REDIRECT igbx -> veth and veth -> igbx (ndo_xdp_xmit) through a
# devmap and to a CPU through a cpumap, bpf_xdp_adjust_head/tail/meta,
# ABORTED and an invalid action, the RX hash kfunc against the skb's hash,
# program replace / attach / detach under ping, ethtool -G/-L with a program
# attached.  The programs act only on IPv4/UDP to port 7777 and count in a
# "stats" map read with bpftool; the peer sends with xdp_udp (xdp_udp.c).
#
# IGBX_XDP_DRIVER=igb runs the same test against the in-tree igb (to check
# the test itself): the ethtool -S counter checks are igbx's and skip there,
# and so do the multi-buffer cases when the driver refuses a frags program.
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
DRV=${IGBX_XDP_DRIVER:-igbx}
UDP=$HERE/xdp_udp
LOAD=$HERE/xdp_load
PORT=7777		# TEST_PORT in bpf/xdp_test.h
N=50			# datagrams per case
VA=xdpva		# veth pair for the redirect cases
VB=xdpvb
# stats[] slots (bpf/xdp_test.h)
ST_FRAMES=0 ST_TEST=1 ST_AUX=2 ST_AUX2=3 ST_AUX3=4 ST_AUX4=5 ST_AUX5=6

ktap_print_header
for t in bpftool tc ss; do
	if ! command -v $t >/dev/null; then
		ktap_skip_all "$t is missing (scripts/deps installs it)"
		exit "$KSFT_SKIP"
	fi
done
for f in "$UDP" "$LOAD" "$HERE"/xdp_pass.o; do
	if [ ! -e "$f" ]; then
		ktap_skip_all "$f is missing: build it with 'make -C tests'"
		exit "$KSFT_SKIP"
	fi
done
ktap_set_plan 40
dmesg_mark xdp

if [ "$DRV" != igbx ]; then
	igbx_unload
	has_netdev() { [ -n "$(igbx_ifname)" ]; }
	igbx_load() {
		[ -d "/sys/module/$DRV" ] || modprobe "$DRV" || return 1
		wait_for 10 has_netdev
	}
fi
if ! igbx_setup; then
	ktap_exit_fail_msg "$DRV or the peer did not come up"
fi
PEER_MAC=$(in_peer cat "/sys/class/net/$PEER_IF/address")
RING0=$(rx_ring_size "$IF")
CH0=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')
tmp=$(mktemp -d)
bg_pids=()

cleanup() {
	local pid

	for pid in "${bg_pids[@]}"; do
		kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	ip link set dev "$IF" xdpdrv off 2>/dev/null
	tc qdisc del dev "$IF" clsact 2>/dev/null
	ip link del "$VA" 2>/dev/null
	[ "$(cat "/sys/class/net/$IF/mtu")" = 1500 ] || ip link set "$IF" mtu 1500
	in_peer ip link set "$PEER_IF" mtu 1500
	[ "$(rx_ring_size "$IF")" = "$RING0" ] || ethtool -G "$IF" rx "$RING0"
	[ -z "$CH0" ] || ethtool -L "$IF" combined "$CH0" 2>/dev/null
	rm -rf "$tmp"
	if [ "$DRV" != igbx ]; then
		ip link set "$IF" down
		rmmod "$DRV"
	fi
}
trap cleanup EXIT

# --- helpers ------------------------------------------------------------
# (xdp_prog_id, prog_map, map_u64, stats_of: lib.sh)
# map_set_u32 MAPID KEY VALUE: one entry of a devmap/cpumap.
map_set_u32() {
	local v=$3

	bpftool map update id "$1" key "$2" 0 0 0 \
		value $((v & 255)) $((v >> 8 & 255)) $((v >> 16 & 255)) $((v >> 24 & 255))
}

# attach OBJ [SEC [DEV]]: OBJ.o in driver mode on DEV (default IF), replacing
# what is there; sets STATS (its stats map) when DEV is IF.
attach() {
	local dev=${3:-$IF} id

	if ! ip -force link set dev "$dev" xdpdrv obj "$HERE/$1.o" sec "${2:-xdp}" \
	     2>"$tmp/err"; then
		ktap_print_msg "attach $1.o (${2:-xdp}) to $dev refused: $(tr '\n' ' ' <"$tmp/err")"
		return 1
	fi
	id=$(xdp_prog_id "$dev")
	[ -n "$id" ] || return 1
	[ "$dev" != "$IF" ] || STATS=$(prog_map "$id" stats)
}

detach() {
	ip link set dev "${1:-$IF}" xdpdrv off
}

st() { map_u64 "$STATS" "$1"; }

# peer_send COUNT [XDP_UDP OPTIONS]: datagrams from the peer to our port.
peer_send() {
	local n=$1

	shift
	in_peer "$UDP" send -g 1000 "$@" "$LOCAL_V4" "$PORT" "$n" >/dev/null
}

udp_bound() { ss -Hlun "sport = :$PORT" | grep -q .; }
peer_udp_bound() { in_peer ss -Hlun "sport = :$PORT" | grep -q .; }

# recv_start [XDP_UDP RECV OPTIONS] COUNT: a listener on our port, in the
# background; recv_wait: wait for it and set GOT and EXACT.
recv_start() {
	"$UDP" recv "$@" >"$tmp/recv" 2>&1 &
	recv_pid=$!
	bg_pids+=("$recv_pid")
	wait_for 5 udp_bound
}

recv_wait() {
	wait "$recv_pid"
	GOT=$(awk '{ print $4 }' "$tmp/recv")
	EXACT=$(awk '{ print $6 }' "$tmp/recv")
	GOT=${GOT:-0}
	EXACT=${EXACT:-0}
	ktap_print_msg "listener: $(cat "$tmp/recv")"
}

# udp_case COUNT [RECV OPTIONS]: the peer sends COUNT datagrams of UDP_LEN
# (1000) bytes to a listener expecting COUNT; sets GOT, EXACT.
udp_case() {
	local n=$1

	shift
	recv_start "$@" "$PORT" "$n"
	peer_send "$n" -l "${UDP_LEN:-1000}"
	recv_wait
}

xdp_sum() { queues_sum "$IF" rx "xdp_$1"; }
xdp_tx_sum() { queues_sum "$IF" xdp "$1"; }

# igbx_check DESC CMD...: a check on igbx's own counters, skipped for others.
igbx_check() {
	if [ "$DRV" = igbx ]; then
		check "$@"
	else
		ktap_test_skip "$1: ethtool -S XDP counters are igbx's, not $DRV's"
	fi
}

# qstats_rx_tx: the device's netdev qstats "rx-packets tx-packets" (igbx
# only: the in-tree igb has no qstats).
qstats_rx_tx() {
	[ "$DRV" = igbx ] || { echo "0 0"; return; }
	ynl_netdev --dump qstats-get --output-json 2>/dev/null | /usr/bin/python3 -c '
import json, sys
d = [x for x in json.load(sys.stdin) if x.get("ifindex") == int(sys.argv[1])]
print(sum(x.get("rx-packets", 0) for x in d), sum(x.get("tx-packets", 0) for x in d))' \
		"$(cat "/sys/class/net/$IF/ifindex")"
}

ping_ok() { ping -c 2 -W 2 "$REMOTE_V4" >/dev/null; }
delta_ge() { [ "$1" -ge "$2" ]; }
all_of() { [ "$GOT" -eq "$1" ] && [ "$EXACT" -eq "$1" ]; }
# counted SLOT BEFORE COUNT: the program's counter went up by COUNT.
counted() { [ "$(($(st "$1") - $2))" -eq "$3" ]; }
# all_counted SLOT BEFORE: the listener got all N exact, the counter +N.
all_counted() { all_of "$N" && counted "$1" "$2" "$N"; }
# none_counted: the listener got none, the (fresh) program counted N.
none_counted() { [ "$GOT" -eq 0 ] && counted $ST_TEST 0 "$N"; }

# --- PASS, MTU 1500 -------------------------------------------------------
check "PASS: xdp_pass attaches in driver mode (xdpdrv)" attach xdp_pass
check "PASS: ping with the program attached" ping_ok
tcp_both() {
	[ "$(iperf3_run -t 2)" -gt 0 ] && [ "$(iperf3_run -t 2 -R)" -gt 0 ]
}
check "PASS: TCP both ways (iperf3 -t 2, -R)" tcp_both
p0=$(xdp_sum pass)
c0=$(st $ST_TEST)
udp_case $N
c1=$(st $ST_TEST)
ktap_print_msg "PASS: program counted $((c1 - c0)) of $N, frames seen $(st $ST_FRAMES)"
check "PASS: the program counts exactly the $N datagrams sent" test $((c1 - c0)) -eq $N
check "PASS: the stack receives all $N, byte-exact" all_of $N
igbx_check "PASS: rx-N.xdp_pass counts them (+$(($(xdp_sum pass) - p0)))" \
	delta_ge $(($(xdp_sum pass) - p0)) $N

# --- multi-buffer: MTU 9000 -----------------------------------------------
mtu_refused() {
	! ip link set "$IF" mtu 9000 2>"$tmp/err" &&
		[ "$(cat "/sys/class/net/$IF/mtu")" = 1500 ]
}
check "MTU 9000 refused while a single-buffer program is attached" mtu_refused
ktap_print_msg "refusal: $(tr '\n' ' ' <"$tmp/err")"
detach
ip link set "$IF" mtu 9000
in_peer ip link set "$PEER_IF" mtu 9000
wait_for 10 carrier_is "$IF" 1
wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
not_attach() { ! attach "$@"; }
check "MTU 9000: a single-buffer program is refused" not_attach xdp_pass
if attach xdp_pass_frags xdp.frags; then
	ktap_test_pass "MTU 9000: an xdp.frags program attaches"
	frags=1
elif [ "$DRV" != igbx ]; then
	ktap_test_skip "MTU 9000: an xdp.frags program attaches: $DRV has no multi-buffer XDP"
	frags=0
else
	ktap_test_fail "MTU 9000: an xdp.frags program attaches"
	frags=0
fi
if [ "$frags" = 1 ]; then
	wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
	UDP_LEN=8500 udp_case 5 -l 8500
	ktap_print_msg "frags: largest frame $(st $ST_AUX) bytes, linear part $(st $ST_AUX2), counted $(st $ST_TEST)"
	check "MTU 9000: five 8500-byte datagrams reach the stack byte-exact" all_of 5
	check "MTU 9000: the program sees whole frames (bpf_xdp_get_buff_len >= 8000)" \
		test "$(st $ST_AUX)" -ge 8000
	jping() { ping -c 2 -W 2 -s 8972 -M "do" "$REMOTE_V4" >/dev/null; }
	check "MTU 9000: 9000-byte pings with the frags program" jping
	# adjust_tail on the last frag, after bpf_xdp_load_bytes() read it
	attach xdp_adjust_tail_frags xdp.frags
	UDP_LEN=8500 udp_case 5 -l 8484
	ktap_print_msg "frags adjust_tail: trimmed $(st $ST_AUX), not trimmed $(st $ST_AUX2), tail read back right $(st $ST_AUX3)"
	frag_tail() { all_of 5 && [ "$(st $ST_AUX)" = 5 ] && [ "$(st $ST_AUX3)" = 5 ]; }
	check "MTU 9000: load_bytes + adjust_tail -16 on the last frag: 8484 bytes arrive exact" frag_tail
	attach xdp_tx_frags xdp.frags
	out=$(in_peer "$UDP" echo -s 6000 -l 8500 -g 1000 -w 3000 "$LOCAL_V4" "$PORT" 5)
	ktap_print_msg "frags TX: peer: $out; program counted $(st $ST_TEST)"
	check "MTU 9000: XDP_TX of 8500-byte frames: the peer gets all 5 back byte-exact" \
		test "$(echo "$out" | awk '{ print $6 }')" = 5
	ip link set "$IF" mtu 1500 || ktap_print_msg "MTU 1500 refused with the frags program"
	detach
else
	for d in "five 8500-byte datagrams reach the stack" "the program sees whole frames" \
		 "9000-byte pings with the frags program" "adjust_tail on the last frag" \
		 "XDP_TX of 8500-byte frames"; do
		ktap_test_skip "MTU 9000: $d: no frags program attached"
	done
	detach
fi
ip link set "$IF" mtu 1500
in_peer ip link set "$PEER_IF" mtu 1500
wait_for 10 carrier_is "$IF" 1
wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null

# --- DROP -----------------------------------------------------------------
attach xdp_drop
read -r qrx0 _ < <(qstats_rx_tx)
d0=$(xdp_sum drop)
c0=$(st $ST_TEST)
udp_case $N -w 2000
ktap_print_msg "DROP: program counted $(($(st $ST_TEST) - c0)), rx-N.xdp_drop +$(($(xdp_sum drop) - d0))"
dropped() { [ "$GOT" -eq 0 ] && counted $ST_TEST "$c0" $N; }
check "DROP: none of $N datagrams reaches the socket, all $N counted" dropped
igbx_check "DROP: rx-N.xdp_drop counts them" delta_ge $(($(xdp_sum drop) - d0)) $N
ping_tcp() { ping_ok && [ "$(iperf3_run -t 2 -R)" -gt 0 ]; }
check "DROP: ping and TCP still pass" ping_tcp

# --- TX: the reflector ----------------------------------------------------
read -r qrx1 qtx1 < <(qstats_rx_tx)
attach xdp_tx
t0=$(xdp_sum tx)
x0=$(xdp_tx_sum packets)
c0=$(st $ST_TEST)
out=$(in_peer "$UDP" echo -s 6000 -g 1000 -w 3000 "$LOCAL_V4" "$PORT" $N)
ktap_print_msg "TX: peer: $out; program counted $(($(st $ST_TEST) - c0))"
reflected() { [ "$(echo "$out" | awk '{ print $6 }')" = $N ] && counted $ST_TEST "$c0" $N; }
check "TX: the peer gets all $N datagrams back (addresses, ports swapped), byte-exact" reflected
tx_counted() {
	[ $(($(xdp_sum tx) - t0)) -ge $N ] && [ $(($(xdp_tx_sum packets) - x0)) -ge $N ]
}
igbx_check "TX: rx-N.xdp_tx and xdp-N.packets count them" tx_counted
ktap_print_msg "TX: rx-N.xdp_tx +$(($(xdp_sum tx) - t0)), xdp-N.packets +$(($(xdp_tx_sum packets) - x0)), xdp-N.full $(xdp_tx_sum full)"
read -r _ qtx2 < <(qstats_rx_tx)
ktap_print_msg "qstats: rx-packets +$((qrx1 - qrx0)) over DROP, tx-packets +$((qtx2 - qtx1)) over TX"
qstats_ok() { [ $((qrx1 - qrx0)) -ge "$N" ] && [ $((qtx2 - qtx1)) -ge "$N" ]; }
if [ "$DRV" = igbx ] && ! netdev_nl_has qstats-get; then
	ktap_test_skip "qstats: the kernel has no netdev qstats (6.9+)"
else
	igbx_check "qstats: dropped frames count in rx-packets, XDP_TX frames in tx-packets" qstats_ok
fi

# --- REDIRECT -------------------------------------------------------------
ip link add "$VA" type veth peer name "$VB"
ip link set "$VA" up
ip link set "$VB" up
# frames redirected into a veth are received by its peer only with XDP there
attach xdp_pass xdp "$VB"
attach xdp_redirect
map_set_u32 "$(prog_map "$(xdp_prog_id)" tx_port)" 0 "$(cat "/sys/class/net/$VA/ifindex")"
r0=$(xdp_sum redirect)
vbstats=$(stats_of "$VB")
vb0=$(map_u64 "$vbstats" $ST_TEST)
udp_case $N -w 2000
vbn=$(($(map_u64 "$vbstats" $ST_TEST) - vb0))
ktap_print_msg "REDIRECT igbx->veth: $VB's program got $vbn, rx-N.xdp_redirect +$(($(xdp_sum redirect) - r0)), redirect_err $(xdp_sum redirect_err)"
check "REDIRECT: igbx -> veth (devmap): all $N arrive at the veth, none at our socket" \
	test "$vbn" -eq $N -a "$GOT" -eq 0
igbx_check "REDIRECT: rx-N.xdp_redirect counts them" \
	delta_ge $(($(xdp_sum redirect) - r0)) $N

# veth -> igbx: igbx as the ndo_xdp_xmit target (the in-tree igb is a target
# only with a program attached: give it one either way)
attach xdp_pass
detach "$VB"
attach xdp_redirect xdp "$VA"
map_set_u32 "$(prog_map "$(xdp_prog_id "$VA")" tx_port)" 0 "$(cat "/sys/class/net/$IF/ifindex")"
x0=$(xdp_tx_sum packets)
in_peer "$UDP" recv -w 4000 "$PORT" $N >"$tmp/peer" 2>&1 &
bg_pids+=("$!")
wait_for 5 peer_udp_bound
"$UDP" raw -i "$VB" -d "$PEER_MAC" -S "$LOCAL_V4" -g 1000 "$REMOTE_V4" "$PORT" $N >/dev/null
wait $!
ktap_print_msg "REDIRECT veth->igbx: peer: $(cat "$tmp/peer"), xdp-N.packets +$(($(xdp_tx_sum packets) - x0))"
check "REDIRECT: veth -> igbx (ndo_xdp_xmit): the peer gets all $N, byte-exact" \
	grep -q "exact $N " "$tmp/peer"
igbx_check "REDIRECT: xdp-N.packets counts what igbx sent for the veth" \
	delta_ge $(($(xdp_tx_sum packets) - x0)) $N
detach "$VA"
ip link del "$VA"

attach xdp_cpumap
map_set_u32 "$(prog_map "$(xdp_prog_id)" cpu_map)" 0 192
c0=$(st $ST_TEST)
udp_case $N
check "REDIRECT: cpumap to CPU 0: all $N reach the stack byte-exact" \
	all_counted $ST_TEST "$c0"

# --- adjust head / tail / meta --------------------------------------------
attach xdp_adjust_tail
udp_case $N -l 984
ktap_print_msg "adjust_tail: trimmed $(st $ST_AUX), not trimmed $(st $ST_AUX2)"
check "adjust_tail -16: the socket gets $N datagrams of 984 bytes, the first 984 sent" \
	all_counted $ST_AUX 0
attach xdp_adjust_head
udp_case $N -l 992 -o 8
ktap_print_msg "adjust_head: cut $(st $ST_AUX), not cut $(st $ST_AUX2)"
check "adjust_head +8: the socket gets $N datagrams without their first 8 bytes" \
	all_counted $ST_AUX 0
tc qdisc add dev "$IF" clsact 2>/dev/null
tc_probe() {
	tc filter replace dev "$IF" ingress pref 1 handle 1 bpf da obj "$HERE/tc_probe.o" sec tc &&
		TCSTATS=$(prog_map "$(tc filter show dev "$IF" ingress |
			sed -n 's/.* id \([0-9]*\) .*/\1/p' | head -n 1)" stats)
}
tc_probe
attach xdp_adjust_meta
udp_case $N
ktap_print_msg "adjust_meta: written $(st $ST_AUX), failed $(st $ST_AUX2); tc saw $(map_u64 "$TCSTATS" $ST_TEST) frames, $(map_u64 "$TCSTATS" $ST_AUX2) with the metadata"
check "adjust_meta -8: all $N frames pass unchanged" \
	all_counted $ST_AUX 0
check "adjust_meta: the skbs carry the metadata (tc sees it in $N)" \
	test "$(map_u64 "$TCSTATS" $ST_AUX2)" -eq $N

# --- ABORTED, invalid action ------------------------------------------------
a0=$(xdp_sum aborted)
attach xdp_aborted
udp_case $N -w 2000
check "ABORTED: none of $N reaches the socket, all counted" none_counted
attach xdp_invalid
udp_case $N -w 2000
check "invalid action 42: none of $N reaches the socket, all counted" none_counted
ktap_print_msg "ABORTED + invalid: rx-N.xdp_aborted +$(($(xdp_sum aborted) - a0))"
igbx_check "ABORTED + invalid: rx-N.xdp_aborted counts both" \
	delta_ge $(($(xdp_sum aborted) - a0)) $((2 * N))

# --- RX metadata: the hash kfunc --------------------------------------------
detach
tc_probe	# fresh counters
if "$LOAD" -b "$IF" "$HERE/xdp_rxhash.o" xdp_rxhash_prog >/dev/null 2>"$tmp/err"; then
	ktap_test_pass "metadata: a device-bound program calling bpf_xdp_metadata_rx_hash() attaches"
	STATS=$(stats_of "$IF")
	peer_send 10 -s 6001
	sleep 1
	hash=$(st $ST_AUX)
	type=$(st $ST_AUX2)
	err=$(st $ST_AUX4)
	ktap_print_msg "rx_hash: ok $(st $ST_AUX5) of $(st $ST_TEST), hash $(printf 0x%x "$hash"), type $type, differing $(st $ST_AUX3), -errno $err; skb->hash $(printf 0x%x "$(map_u64 "$TCSTATS" $ST_AUX)") (differing $(map_u64 "$TCSTATS" $ST_AUX3))"
	if [ "$err" = 95 ] && [ "$DRV" != igbx ]; then
		ktap_test_skip "metadata: rx_hash of one flow: $DRV has no xmo_rx_hash (EOPNOTSUPP)"
		ktap_test_skip "metadata: rx_hash equals skb->hash: $DRV has no xmo_rx_hash"
	else
		# IPv4 (1) or IPv4/UDP (41): the 82576 hashes UDP on addresses only by default
		hash_ok() {
			[ "$(st $ST_AUX5)" -eq 10 ] && [ "$hash" -ne 0 ] &&
				[ "$(st $ST_AUX3)" -eq 0 ] && { [ "$type" = 1 ] || [ "$type" = 41 ]; }
		}
		check "metadata: rx_hash of one flow: 10 of 10, nonzero, constant, type IPv4 or IPv4/UDP" hash_ok
		skb_hash_same() {
			[ "$(map_u64 "$TCSTATS" $ST_TEST)" -eq 10 ] &&
				[ "$(map_u64 "$TCSTATS" $ST_AUX)" = "$hash" ] &&
				[ "$(map_u64 "$TCSTATS" $ST_AUX3)" = 0 ]
		}
		check "metadata: rx_hash equals skb->hash for the same flow" skb_hash_same
	fi
	detach
else
	why=$(tr '\n' ' ' <"$tmp/err")
	ktap_print_msg "xdp_load: $why"
	for d in "a device-bound program calling bpf_xdp_metadata_rx_hash() attaches" \
		 "rx_hash of one flow" "rx_hash equals skb->hash"; do
		ktap_test_skip "metadata: $d: the dev-bound load failed ($why)"
	done
fi
tc qdisc del dev "$IF" clsact 2>/dev/null

# --- replace, attach, detach under ping -------------------------------------
# (attaching may reconfigure the port; replacing must not disturb it)
replace_ok=1
ids=" "
attach xdp_pass || replace_ok=0
wait_for 10 carrier_is "$IF" 1
wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
ping -q -i 0.1 -c 80 -W 1 "$REMOTE_V4" >"$tmp/ping" 2>&1 &
ping_pid=$!
bg_pids+=("$ping_pid")
for i in $(seq 10); do
	if [ $((i % 2)) = 1 ]; then attach xdp_drop; else attach xdp_pass; fi || replace_ok=0
	id=$(xdp_prog_id)
	case $ids in *" $id "*) replace_ok=0 ;; esac
	ids="$ids$id "
	sleep 0.3
done
wait "$ping_pid"
rcvd=$(sed -n 's/.* \([0-9]*\) received.*/\1/p' "$tmp/ping")
ktap_print_msg "replace x10 (ids$ids): ping $(grep -o '[0-9]* received, [0-9.]*% packet loss' "$tmp/ping")"
check "replace x10 while pinging: every replace took, ping lost at most 10%" \
	test "$replace_ok" = 1 -a "${rcvd:-0}" -ge 72

ping -q -i 0.2 -c 1000 -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
ping_pid=$!
bg_pids+=("$ping_pid")
attach_ok=1
for i in $(seq 5); do
	detach || attach_ok=0
	wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null || attach_ok=0
	attach xdp_pass || attach_ok=0
	wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null || attach_ok=0
done
kill "$ping_pid" 2>/dev/null
wait "$ping_pid" 2>/dev/null
check "detach/attach x5 while pinging: ping answered within 10 s after each" \
	test "$attach_ok" = 1

# --- ethtool -G / -L with a program attached --------------------------------
still_works() {
	local id=$1 c0

	[ "$(xdp_prog_id)" = "$id" ] || { ktap_print_msg "program $id gone: $(xdp_prog_id)"; return 1; }
	wait_for 10 carrier_is "$IF" 1 && wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null || return 1
	c0=$(st $ST_TEST)
	udp_case 20
	all_of 20 && counted $ST_TEST "$c0" 20
}
attach xdp_pass
id=$(xdp_prog_id)
ring=512
[ "$RING0" != 512 ] || ring=1024
ring_ok() { ethtool -G "$IF" rx $ring && still_works "$id"; }
check "ethtool -G rx $ring with a program attached: it stays, traffic passes it" ring_ok
ethtool -G "$IF" rx "$RING0"
if [ "${CH0:-1}" -ge 2 ]; then
	chan_ok() {
		ethtool -L "$IF" combined 1 && still_works "$id" &&
			ethtool -L "$IF" combined "$CH0" && still_works "$id"
	}
	check "ethtool -L combined 1 and back to $CH0 with a program attached" chan_ok
else
	ktap_test_skip "ethtool -L with a program attached: only one channel"
fi
detach

no_splat() { ! dmesg_splats_since xdp; }
check "no kernel splat" no_splat
ktap_finished
