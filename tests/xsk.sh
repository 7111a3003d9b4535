#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# AF_XDP on igbx, with tests/xsk (xsk.c) and its XDP program
# (bpf/xsk_redirect.bpf.c, built into xsk_redirect.o next to this script;
# UDP to port 4791 goes to the socket of its queue, the rest passes): in copy
# mode and in zero-copy mode, N frames the peer sends received byte-exact on
# one queue, N frames sent from that queue received byte-exact by the peer;
# TCP through another queue while that queue is bound; kill -9 of the
# programs during traffic, then down/up; rmmod, pools drained, no splat.
#
# The peer sends with "xsk tx" in copy mode on its virtio NIC and receives
# with a UDP socket ("xsk udprecv").  RSS is pointed at the bound queue with
# ethtool -X weight.  A zero-copy bind the driver refuses fails its cases
# unless IGBX_XSK_ZC_OPTIONAL=1 (then they skip).  IGBX_XSK_DRIVER=igb runs
# the same against the in-tree igb, to check the test itself.
. "$(dirname "$0")/lib.sh"

HERE=$(cd "$(dirname "$0")" && pwd)
DRV=${IGBX_XSK_DRIVER:-igbx}
XSK=$HERE/xsk
N=${IGBX_XSK_FRAMES:-1000}
PACE=(--burst 32 --gap 2000)	# the peer and we send 32 frames per 2 ms

ktap_print_header
for f in "$XSK" "$HERE/xsk_redirect.o"; do
	if [ ! -e "$f" ]; then
		ktap_skip_all "$f is missing: build it with 'make -C tests'"
		exit "$KSFT_SKIP"
	fi
done
if ! command -v iperf3 >/dev/null; then
	ktap_skip_all "iperf3 is missing (scripts/deps installs it)"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 10
dmesg_mark xsk

if [ "$DRV" != igbx ]; then
	igbx_unload
	has_netdev() { [ -n "$(igbx_ifname)" ]; }
	igbx_load() {
		[ -d "/sys/module/$DRV" ] || modprobe "$DRV" || return 1
		wait_for 10 has_netdev
	}
	igbx_unload() { ! [ -d "/sys/module/$DRV" ] || rmmod "$DRV"; }
fi
if ! igbx_setup; then
	ktap_exit_fail_msg "$DRV or the peer did not come up"
fi
MAC=$(cat "/sys/class/net/$IF/address")
PEER_MAC=$(in_peer cat "/sys/class/net/$PEER_IF/address")
NQ=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')
NQ=${NQ:-1}
Q=$((NQ - 1))			# the queue the sockets bind to
Q2=$(((Q + 1) % NQ))		# another one (the same if there is one)
tmp=$(mktemp -d)
bg_pids=()

cleanup() {
	local pid

	for pid in "${bg_pids[@]}"; do
		kill -9 "$pid" 2>/dev/null && wait "$pid" 2>/dev/null
	done
	[ ! -d "/sys/class/net/$IF" ] || ethtool -X "$IF" default 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

# steer_to QUEUE: all RSS traffic to QUEUE (indirection table weights).
steer_to() {
	local w=() i

	for i in $(seq 0 $((NQ - 1))); do
		w+=("$([ "$i" = "$1" ] && echo 1 || echo 0)")
	done
	[ "$NQ" -eq 1 ] || ethtool -X "$IF" weight "${w[@]}"
}

# start NAME CMD...: CMD in the background, output in $tmp/NAME; sets PID.
start() {
	local name=$1

	shift
	"$@" >"$tmp/$name" 2>&1 &
	PID=$!
	bg_pids+=("$PID")
}

# bound PID NAME: wait until the program says it is bound; 1 if it ended
# (or took more than 30 s) instead.
bound() {
	local i

	for i in $(seq 300); do
		grep -q '^bound' "$tmp/$2" && return 0
		kill -0 "$1" 2>/dev/null || return 1
		sleep 0.1
	done
	return 1
}

# finish PID NAME: wait for it; its output as KTAP comments; its status.
finish() {
	local rc

	wait "$1"
	rc=$?
	sed "s/^/# $2: /" "$tmp/$2"
	return $rc
}

# Once bound (an XDP program or pool change may restart the queues), the
# port passes traffic again.
port_ready() {
	wait_for 10 carrier_is "$IF" 1 &&
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
}

# peer_tx COUNT [XSK TX OPTIONS]: frames to us from the peer (an XSK TX
# ring in copy mode on its virtio NIC).  Not a function in the background:
# ip netns exec execs, so $! is the sender itself.
PEER_XSK=(ip netns exec "$PEER_NS" "$XSK")
peer_tx() {
	local n=$1

	shift
	"${PEER_XSK[@]}" tx "$PEER_IF" 0 "$n" --copy --no-prog --dst-mac "$MAC" \
		--src-ip "$REMOTE_V4" --dst-ip "$LOCAL_V4" "$@"
}

# xsk_rx MODE: a socket on queue Q receives N frames the peer sends.
xsk_rx() {
	local rc

	steer_to "$Q" || return 1
	start rx "$XSK" rx "$IF" "$Q" "$N" "--$1" --timeout 90
	if ! bound "$PID" rx; then
		finish "$PID" rx
		return
	fi
	port_ready
	peer_tx "$N" "${PACE[@]}" --timeout 60 >"$tmp/peer" 2>&1
	rc=$?
	sed 's/^/# peer: /' "$tmp/peer"
	[ $rc = 0 ] || kill "$PID"
	finish "$PID" rx
}

# xsk_tx MODE: a socket on queue Q sends N frames the peer receives.
xsk_tx() {
	local upid rc

	start udp "${PEER_XSK[@]}" udprecv "$N" --src-ip "$LOCAL_V4" --timeout 90
	upid=$PID
	bound "$upid" udp || return 1
	start tx "$XSK" tx "$IF" "$Q" "$N" "--$1" --dst-mac "$PEER_MAC" \
		--src-ip "$LOCAL_V4" --dst-ip "$REMOTE_V4" "${PACE[@]}" --timeout 60
	finish "$PID" tx
	rc=$?
	[ $rc = 0 ] || kill "$upid"
	finish "$upid" udp || [ $rc != 0 ] || rc=1
	return $rc
}

# zc_result DESC RC: zero-copy is what is tested; a refused bind (xsk exit
# 4) fails, unless IGBX_XSK_ZC_OPTIONAL=1.
ZC_REFUSED=0
zc_result() {
	if [ "$2" = 0 ]; then
		ktap_test_pass "$1"
	elif [ "$2" = 4 ] && [ "${IGBX_XSK_ZC_OPTIONAL:-0}" = 1 ]; then
		ZC_REFUSED=1
		ktap_test_skip "$1: zero-copy bind refused (IGBX_XSK_ZC_OPTIONAL=1)"
	else
		[ "$2" != 4 ] || ZC_REFUSED=1
		ktap_test_fail "$1"
	fi
}

check "copy: $N frames from the peer received byte-exact on queue $Q" xsk_rx copy
check "copy: $N frames sent from queue $Q, received byte-exact by the peer" xsk_tx copy
xsk_rx zc
zc_result "zerocopy: $N frames from the peer received byte-exact on queue $Q" $?
xsk_tx zc
zc_result "zerocopy: $N frames sent from queue $Q, received byte-exact by the peer" $?

# queue_rx QUEUE: packets received on QUEUE (igbx's or igb's ethtool -S name)
queue_rx() {
	ethtool -S "$IF" | awk -v a="rx-$1.packets:" -v b="rx_queue_$1_packets:" \
		'$1 == a || $1 == b { print $2; f = 1 } END { if (!f) print 0 }'
}

# A socket bound to queue Q while TCP flows through queue Q2: the flow
# across the bind, and new flows both ways while bound.
second_queue() {
	local mode=$1 bpid got sent rx0 rx1 ok=0

	steer_to "$Q2" || return 1
	rx0=$(queue_rx "$Q2")
	start tcp iperf3_run -t 8 -R
	bpid=$PID
	sleep 2
	start rx "$XSK" rx "$IF" "$Q" 1 "--$mode" --timeout 60
	if bound "$PID" rx; then
		wait "$bpid"
		got=$(cat "$tmp/tcp")
		sent=$(iperf3_run -t 3)
		rx1=$(queue_rx "$Q2")
		ktap_print_msg "TCP across the bind: $got bytes; while bound: $sent bytes sent; rx-$Q2.packets +$((rx1 - rx0))"
		kill -0 "$PID" && [ "${got:-0}" -gt 0 ] && [ "${sent:-0}" -gt 0 ] &&
			[ $((rx1 - rx0)) -gt 1000 ] && ok=1
		kill "$PID"
	fi
	finish "$PID" rx
	[ $ok = 1 ]
}
mode=zc name=zerocopy
[ "$ZC_REFUSED" = 0 ] || mode=copy name=copy
if [ "$NQ" -lt 2 ]; then
	ktap_test_skip "TCP through another queue while one is bound: only one queue"
else
	check "$name: TCP through queue $Q2 while queue $Q is bound, and across the bind" \
		second_queue $mode
fi

# progressed NAME: the program's last "progress N" line has N > 0.
progressed() {
	[ "$(sed -n 's/^progress //p' "$tmp/$1" | tail -n 1)" -gt 0 ] 2>/dev/null
}

# kill9 MODE: traffic both ways through sockets (RX on Q, TX on Q2: one
# zero-copy pool per queue), kill -9 while frames flow, then down/up and a
# ping.
kill9() {
	local rpid tpid='' ppid ok=1

	steer_to "$Q" || return 1
	start rx "$XSK" rx "$IF" "$Q" 100000000 "--$1" --progress --timeout 120
	rpid=$PID
	if ! bound "$rpid" rx; then
		finish "$rpid" rx
		return
	fi
	port_ready
	start peer "${PEER_XSK[@]}" tx "$PEER_IF" 0 100000000 --copy --no-prog \
		--dst-mac "$MAC" --src-ip "$REMOTE_V4" --dst-ip "$LOCAL_V4" \
		--burst 32 --gap 500 --timeout 120
	ppid=$PID
	if [ "$Q2" != "$Q" ]; then
		start tx "$XSK" tx "$IF" "$Q2" 100000000 "--$1" --no-prog \
			--progress --dst-mac "$PEER_MAC" --src-ip "$LOCAL_V4" \
			--dst-ip "$REMOTE_V4" --burst 32 --gap 500 --timeout 120
		tpid=$PID
		if ! bound "$tpid" tx; then
			kill -9 "$rpid" "$ppid"
			finish "$tpid" tx
			return
		fi
	fi
	wait_for 10 progressed rx || ok=0
	[ -z "$tpid" ] || wait_for 10 progressed tx || ok=0
	sleep 1
	kill -9 "$rpid" $tpid
	wait "$rpid" $tpid 2>/dev/null
	kill "$ppid"
	wait "$ppid"
	ktap_print_msg "rx before kill -9: $(grep -c . "$tmp/rx") lines, last $(tail -n 1 "$tmp/rx")"
	[ -z "$tpid" ] || ktap_print_msg "tx before kill -9: last $(tail -n 1 "$tmp/tx")"
	ktap_print_msg "peer: $(tr '\n' ' ' <"$tmp/peer")"
	[ $ok = 1 ] || ktap_print_msg "no frames flowed before kill -9"
	ip link set "$IF" down && ip link set "$IF" up && port_ready && [ $ok = 1 ]
}
check "copy: kill -9 during traffic, then down/up: the port passes traffic" kill9 copy
kill9 zc
zc_result "zerocopy: kill -9 during traffic, then down/up: the port passes traffic" $?

ethtool -X "$IF" default
check "rmmod after the sockets" igbx_unload
if [ "$DRV" != igbx ]; then
	ktap_test_skip "page pools drained: igbx only"
else
	check_pools_drained
fi
no_splat() { ! dmesg_splats_since xsk; }
check "no kernel splat" no_splat
ktap_finished
