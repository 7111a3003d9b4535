#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Reliability: what production does to a NIC, in a loop.  Each scenario
# runs its iterations, then the port must still pass traffic (ping and a
# short iperf3), the guest log must be free of splats, and memory must be
# back where it was (available memory, skbuff slab objects; page pools are
# checked empty after each teardown).
#
# IGBX_STRESS=quick (default, make check) or full (make stress) picks the
# counts; IGBX_STRESS_ONLY="rmmod flap" runs only the scenarios named.  The last lines are a summary table:
#   scenario  iterations  failures  seconds  leak
. "$(dirname "$0")/lib.sh"

profile=${IGBX_STRESS:-quick}
case $profile in
full)	n_updown=1000 n_flap=100 n_ring=100 n_mtu=50 n_rmmod=5
	n_surprise=6 n_rxfail=20 n_txfail=20 n_garbage=20 n_txhang=20
	n_xdp=50 ;;
*)	profile=quick
	n_updown=20 n_flap=2 n_ring=4 n_mtu=4 n_rmmod=1
	n_surprise=2 n_rxfail=2 n_txfail=1 n_garbage=1 n_txhang=1
	n_xdp=3 ;;
esac

scenarios=(updown flap ring mtu rmmod surprise rxfail txfail garbage txhang
	   xdp badconfig)
ktap_print_header
ktap_set_plan ${#scenarios[@]}
dmesg_mark stress
ktap_print_msg "profile $profile"

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
modprobe pktgen 2>/dev/null
DBG=/sys/kernel/debug/igbx/$IGBX_PCI
RUN=$(mktemp -d)
trap 'load_stop; rm -rf "$RUN"' EXIT

# --- background load ----------------------------------------------------------
# load_start [IPERF3 ARGS]: back-to-back 3 s iperf3 runs until load_stop.
load_start() {
	rm -f "$RUN/stop" "$RUN/load"
	(
		while [ ! -e "$RUN/stop" ]; do
			echo "$(iperf3_run -t 3 "$@")" >>"$RUN/load"
		done
	) &
	LOAD_PID=$!
	sleep 1
}

# load_stop [kill]: wait for the load to end (or end it now, when the
# port went away under it); LOAD_BAD is the number of runs that moved no
# data, LOAD_LAST the bytes of the last one.
load_stop() {
	LOAD_BAD=0
	LOAD_LAST=0
	[ -n "${LOAD_PID:-}" ] || return 0
	touch "$RUN/stop"
	[ "${1:-}" != kill ] || pkill -x iperf3
	wait "$LOAD_PID" 2>/dev/null
	LOAD_PID=
	touch "$RUN/load"
	LOAD_BAD=$(awk '$1 == 0 { n++ } END { print n + 0 }' "$RUN/load")
	LOAD_LAST=$(tail -n 1 "$RUN/load")
	LOAD_LAST=${LOAD_LAST:-0}
}

# --- health and leaks -----------------------------------------------------------
healthy() {
	wait_for 15 carrier_is "$IF" 1 &&
		wait_for 15 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null &&
		[ "$(iperf3_run -t 2)" -gt 0 ]
}

# "Available-kB Slab-kB skbuff-objects", caches dropped and memory
# compacted first.  Available is MemAvailable plus the free pages parked on
# the per-CPU page lists (/proc/zoneinfo "count:"), which MemFree leaves
# out and nothing from user space drains: on 6.1 in the rig each CPU may
# park up to 27 MiB (pcp "high: 6985"), so a scenario that frees a 4096-
# descriptor ring's pages could otherwise look like a 40 MiB leak (seen).
# The whole of /proc/meminfo goes to $RUN/meminfo.$1 (mem_diff reads it).
mem_snapshot() {
	sync
	echo 3 >/proc/sys/vm/drop_caches
	echo 1 >/proc/sys/vm/compact_memory
	{
		cat /proc/meminfo
		awk '$1 == "count:" { n += $2 } END { print "PcpFree:", n * 4, "kB" }' \
		    /proc/zoneinfo
	} >"$RUN/meminfo.$1"
	echo "$(awk '/^(MemAvailable|PcpFree):/ { a += $2 } /^Slab:/ { s = $2 }
		     END { print a, s }' "$RUN/meminfo.$1")" \
	     "$(awk '$1 ~ /^skbuff_/ { n += $2 } END { print n + 0 }' /proc/slabinfo)"
}

# mem_leak BEFORE AFTER: describe growth beyond the noise measured over
# 300 down/up cycles (MemAvailable wanders by about 11 MiB, Slab by 200 kB):
# 32 MiB available, 4 MiB of slab, 512 skbs.
mem_leak() {
	local m0 l0 s0 m1 l1 s1

	read -r m0 l0 s0 <<<"$1"
	read -r m1 l1 s1 <<<"$2"
	if [ $((m0 - m1)) -gt 32768 ]; then
		echo "available memory -$(((m0 - m1) / 1024)) MiB"
	elif [ $((l1 - l0)) -gt 4096 ]; then
		echo "Slab +$(((l1 - l0) / 1024)) MiB"
	elif [ $((s1 - s0)) -gt 512 ]; then
		echo "skbuff objects +$((s1 - s0))"
	fi
}

# mem_diff: the /proc/meminfo lines that moved by more than 2 MiB between
# the last two snapshots, for the report of a leak.
mem_diff() {
	awk 'NR == FNR { v[$1] = $2; next }
	     ($1 in v) && ($2 - v[$1] > 2048 || v[$1] - $2 > 2048) {
		printf "%s %+d MiB; ", $1, ($2 - v[$1]) / 1024 }' \
	    "$RUN/meminfo.before" "$RUN/meminfo.after"
}

# scenario NAME ITERATIONS: run sc_NAME ITERATIONS, which adds to FAILS
# and says what went wrong in NOTE; then the common checks and a table row.
scenario() {
	local name=$1 n=$2 before after leak=no splat t t0=$SECONDS

	if [ -n "${IGBX_STRESS_ONLY:-}" ] &&
	   ! [[ " $IGBX_STRESS_ONLY " == *" $name "* ]]; then
		ktap_test_skip "$name: not in IGBX_STRESS_ONLY"
		return
	fi
	FAILS=0
	NOTE=
	dmesg_mark "stress-$name"
	before=$(mem_snapshot before)
	"sc_$name" "$n"
	if ! healthy; then
		FAILS=$((FAILS + 1))
		NOTE="$NOTE; no traffic afterwards"
		# leave a working port for the next scenario
		igbx_unload
		igbx_setup >/dev/null 2>&1
	fi
	splat=$(dmesg_splats_since "stress-$name" | head -n 3)
	if [ -n "$splat" ]; then
		FAILS=$((FAILS + 1))
		NOTE="$NOTE; $splat"
	fi
	after=$(mem_snapshot after)
	leak=$(mem_leak "$before" "$after")
	# What the kernel frees late (a destroyed page pool waiting for its
	# last pages, RCU callbacks, TIME_WAIT sockets) gets 10 s to go.
	for ((t = 0; t < 5 && ${#leak}; t++)); do
		sleep 2
		after=$(mem_snapshot after)
		leak=$(mem_leak "$before" "$after")
	done
	[ -z "$leak" ] || NOTE="$NOTE; meminfo: $(mem_diff)"
	echo "$name $n $FAILS $((SECONDS - t0)) ${leak:-no}" >>"$RUN/table"
	[ -z "$NOTE" ] || ktap_print_msg "$name:${NOTE#;}"
	if [ "$FAILS" -eq 0 ] && [ -z "$leak" ]; then
		ktap_test_pass "$name: $n iterations, no failure, no leak"
	else
		ktap_test_fail "$name: $n iterations, $FAILS failures, leak: ${leak:-no}"
	fi
}

fail() {
	FAILS=$((FAILS + 1))
	NOTE="$NOTE; $*"
}

# --- scenarios ------------------------------------------------------------------
# Down/up; the first half with the peer pinging (RX while rings go away).
sc_updown() {
	local i pp

	in_peer ping -i 0.01 -q "$LOCAL_V4" >/dev/null 2>&1 &
	pp=$!
	for ((i = 1; i <= $1; i++)); do
		[ "$i" -eq $(($1 / 2)) ] && kill "$pp" 2>/dev/null
		ip link set "$IF" down || fail "down #$i"
		ip link set "$IF" up || fail "up #$i"
	done
	kill "$pp" 2>/dev/null
	wait "$pp" 2>/dev/null
}

# Link flaps from the host (QEMU set_link) under TCP: carrier follows.
sc_flap() {
	local i

	load_start
	for ((i = 1; i <= $1; i++)); do
		vm_monitor "set_link $IGBX_QEMU_ID off" >/dev/null ||
			fail "set_link off #$i"
		wait_for 10 carrier_is "$IF" 0 || fail "carrier stayed up #$i"
		sleep 0.5
		vm_monitor "set_link $IGBX_QEMU_ID on" >/dev/null ||
			fail "set_link on #$i"
		wait_for 10 carrier_is "$IF" 1 || fail "carrier stayed down #$i"
		sleep 1
	done
	load_stop
	# TCP must recover: the load's last run moved data
	[ "$LOAD_LAST" -gt 0 ] || fail "TCP did not recover"
	ktap_print_msg "flap: $LOAD_BAD of $(wc -l <"$RUN/load") iperf3 runs hit a link-down"
}

# Ring sizes and channel counts under TCP load, read back each time.
sc_ring() {
	local i sizes=(64 4096 256 1024 512 128) s ch

	load_start
	for ((i = 1; i <= $1; i++)); do
		s=${sizes[$((i % ${#sizes[@]}))]}
		ethtool -G "$IF" rx "$s" tx "$s" || fail "-G $s #$i"
		[ "$(rx_ring_size "$IF")" = "$s" ] ||
			fail "-g readback $s #$i"
		ch=$((i % 2 + 1))
		ethtool -L "$IF" combined "$ch" || fail "-L $ch #$i"
	done
	ethtool -G "$IF" rx 256 tx 256
	ethtool -L "$IF" combined 2
	load_stop
	[ "$LOAD_BAD" -eq 0 ] || fail "$LOAD_BAD iperf3 runs moved no data"
}

# MTU 1500 <-> 9000 with the port sending TCP; the peer takes jumbo frames.
sc_mtu() {
	local i

	in_peer ip link set "$PEER_IF" mtu 9000
	load_start
	for ((i = 1; i <= $1; i++)); do
		ip link set "$IF" mtu 9000 || fail "mtu 9000 #$i"
		ping -c 1 -W 2 -s 8000 -M do "$REMOTE_V4" >/dev/null ||
			fail "no 8000-byte ping at mtu 9000 #$i"
		ip link set "$IF" mtu 1500 || fail "mtu 1500 #$i"
		sleep 1
	done
	load_stop
	[ "$LOAD_BAD" -eq 0 ] || fail "$LOAD_BAD iperf3 runs moved no data"
	in_peer ip link set "$PEER_IF" mtu 1500
}

# XDP under TCP load: attach/detach and replace N times each, -G and -L
# with a program attached, MTU 1500 <-> 9000 with a frags program, then
# rmmod with the program still attached; the flow survives, pools drain.
xdp_obj() { echo "$IGBX_TESTS_DIR/$1.o"; }
xdp_attach() {
	ip -force link set dev "$IF" xdpdrv obj "$(xdp_obj "$1")" sec "${2:-xdp}"
}
xdp_prog_id() {
	ip -d link show dev "$IF" | awk '/prog\/xdp/ { for (i = 1; i < NF; i++) if ($i == "id") print $(i + 1) }'
}
sc_xdp() {
	local i id

	if [ ! -f "$(xdp_obj xdp_pass)" ] || [ ! -f "$(xdp_obj xdp_pass_frags)" ]; then
		fail "no BPF objects (xdp_pass.o, xdp_pass_frags.o) next to $0"
		return
	fi
	load_start
	for ((i = 1; i <= $1; i++)); do
		xdp_attach xdp_pass || fail "attach #$i"
		[ -n "$(xdp_prog_id)" ] || fail "no program after attach #$i"
		ip link set dev "$IF" xdpdrv off || fail "detach #$i"
		[ -z "$(xdp_prog_id)" ] || fail "program left after detach #$i"
	done
	xdp_attach xdp_pass || fail "attach"
	for ((i = 1; i <= $1; i++)); do
		id=$(xdp_prog_id)
		xdp_attach xdp_pass || fail "replace #$i"
		[ "$(xdp_prog_id)" != "$id" ] || fail "program not replaced #$i"
	done
	for s in 512 128 256; do
		ethtool -G "$IF" rx "$s" tx "$s" || fail "-G $s with a program"
		[ -n "$(xdp_prog_id)" ] || fail "program lost by -G $s"
	done
	for ch in 1 2; do
		ethtool -L "$IF" combined "$ch" || fail "-L $ch with a program"
		[ -n "$(xdp_prog_id)" ] || fail "program lost by -L $ch"
	done
	load_stop
	[ "$LOAD_BAD" -eq 0 ] || fail "$LOAD_BAD iperf3 runs moved no data"

	# multi-buffer: a frags program through MTU changes
	in_peer ip link set "$PEER_IF" mtu 9000
	xdp_attach xdp_pass_frags xdp.frags || fail "attach frags"
	load_start
	for ((i = 1; i <= $1 / 2 + 1; i++)); do
		ip link set "$IF" mtu 9000 || fail "mtu 9000 with frags #$i"
		ping -c 1 -W 2 -s 8000 -M do "$REMOTE_V4" >/dev/null ||
			fail "no 8000-byte ping with frags #$i"
		ip link set "$IF" mtu 1500 || fail "mtu 1500 with frags #$i"
		sleep 0.5
	done
	load_stop
	[ "$LOAD_BAD" -eq 0 ] || fail "$LOAD_BAD iperf3 runs moved no data (frags)"
	in_peer ip link set "$PEER_IF" mtu 1500

	# rmmod with a program attached, under TCP
	load_start
	sleep 1
	timeout 60 rmmod igbx || fail "rmmod with a program"
	load_stop kill
	pools_drain "after rmmod with a program"
	igbx_setup || fail "insmod after rmmod with a program: no traffic"
}

pktgen_start() {
	local pg=/proc/net/pktgen peer_mac

	[ -d $pg ] || return 1
	peer_mac=$(in_peer cat "/sys/class/net/$PEER_IF/address")
	echo rem_device_all >$pg/kpktgend_0
	echo "add_device $IF" >$pg/kpktgend_0
	for c in "count 0" "pkt_size 60" "delay 0" "dst $REMOTE_V4" \
		 "dst_mac $peer_mac" "udp_dst_min 9" "udp_dst_max 9"; do
		echo "$c" >"$pg/$IF"
	done
	echo start >$pg/pgctrl &
	PG_PID=$!
}

# pools_drain WHAT: every page pool drains within 90 s of a teardown.
pools_drain() {
	if [ -z "${PP_NETLINK:-}" ]; then
		PP_NETLINK=no
		netdev_nl_has page-pool-get && PP_NETLINK=yes
		[ "$PP_NETLINK" = yes ] ||
			ktap_print_msg "page pool drain checks skipped: $PP_NO_NETLINK"
	fi
	[ "$PP_NETLINK" = yes ] || return 0
	wait_for 90 page_pools_drained && return
	fail "page pools not drained in 90 s $1"
	page_pools_report
}

# rmmod while TCP and pktgen run; pools drain; insmod and traffic again.
sc_rmmod() {
	local i

	for ((i = 1; i <= $1; i++)); do
		load_start
		pktgen_start || fail "pktgen unavailable"
		sleep 2
		timeout 60 rmmod igbx || fail "rmmod #$i"
		load_stop kill
		wait "$PG_PID" 2>/dev/null
		pools_drain "#$i"
		igbx_setup || fail "insmod #$i: no traffic"
	done
}

# The device leaves the bus under traffic.  Odd iterations: all-ones reads
# (debugfs bus_error, as after a PCIe surprise removal).  Even iterations:
# memory decoding off, which QEMU answers with zeros (a wedged device).
# Either way remove() must finish, free everything, and a rescan binds a
# working port again.
sc_surprise() {
	local i pci=/sys/bus/pci/devices/$IGBX_PCI

	for ((i = 1; i <= $1; i++)); do
		load_start
		dmesg_mark "surprise-$i"
		if [ $((i % 2)) -eq 1 ]; then
			echo 1 >"$DBG/bus_error"
			gone() { dmesg_since "surprise-$i" | grep -q 'device gone'; }
			wait_for 10 gone || fail "device not detected gone #$i"
		else
			printf '\0\0' | dd of="$pci/config" bs=1 seek=4 count=2 \
				conv=notrunc status=none
			sleep 3
		fi
		timeout 60 sh -c "echo 1 >$pci/remove" || fail "remove #$i"
		load_stop kill
		[ -z "$(igbx_ifname)" ] || fail "net_device left #$i"
		pools_drain "#$i"
		echo 1 >/sys/bus/pci/rescan
		wait_for 10 igbx_ifname_present || fail "no rebind #$i"
		igbx_setup || fail "no traffic after rescan #$i"
	done
}

igbx_ifname_present() {
	[ -n "$(igbx_ifname)" ]
}

# RX buffer allocation failing for bursts while the peer sends.
sc_rxfail() {
	local i f0 f1

	for ((i = 1; i <= $1; i++)); do
		f0=$(queues_sum "$IF" rx alloc_fail)
		echo 300 >"$DBG/rx_alloc_fail"
		in_peer ping -c 400 -i 0.002 -W 1 "$LOCAL_V4" >/dev/null 2>&1
		f1=$(queues_sum "$IF" rx alloc_fail)
		[ $((f1 - f0)) -ge 256 ] || fail "alloc_fail +$((f1 - f0)) #$i"
		echo 0 >"$DBG/rx_alloc_fail"
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null ||
			fail "no recovery #$i"
	done
}

# TX DMA mapping failing for a burst under TCP (TSO frames: the unwind of
# partly mapped fragments) and pings (which do not back off like TCP's
# retransmissions): each failure counted once, nothing leaks.
sc_txfail() {
	local i e0 e1

	for ((i = 1; i <= $1; i++)); do
		e0=$(queues_sum "$IF" tx dma_err)
		load_start
		echo 50 >"$DBG/tx_map_fail"
		ping -c 300 -i 0.005 -W 1 "$REMOTE_V4" >/dev/null 2>&1
		wait_for 20 test "$(cat "$DBG/tx_map_fail")" -eq 0 ||
			fail "knob not consumed #$i"
		load_stop
		e1=$(queues_sum "$IF" tx dma_err)
		[ $((e1 - e0)) -eq 50 ] || fail "dma_err +$((e1 - e0)), not 50 #$i"
	done
}

# The device writes garbage: lengths beyond the buffer, and a frame with
# no end-of-packet that runs on past the whole ring.  Static neighbours,
# so that the dropped frames cannot stall ARP.
sc_garbage() {
	local i l0 l1 d0 d1 ring mac pmac

	ring=$(rx_ring_size "$IF")
	mac=$(cat "/sys/class/net/$IF/address")
	pmac=$(in_peer cat "/sys/class/net/$PEER_IF/address")
	ip neigh replace "$REMOTE_V4" lladdr "$pmac" dev "$IF" nud permanent
	in_peer ip neigh replace "$LOCAL_V4" lladdr "$mac" dev "$PEER_IF" nud permanent
	for ((i = 1; i <= $1; i++)); do
		l0=$(queues_sum "$IF" rx len_err)
		d0=$(queues_sum "$IF" rx drops)
		echo 50 >"$DBG/rx_bad_len"
		in_peer ping -c 80 -i 0.005 -W 1 "$LOCAL_V4" >/dev/null 2>&1
		echo $((ring + 64)) >"$DBG/rx_no_eop"
		in_peer ping -c $((ring + 100)) -i 0.005 -W 1 "$LOCAL_V4" >/dev/null 2>&1
		[ "$(cat "$DBG/rx_bad_len")" -eq 0 ] &&
			[ "$(cat "$DBG/rx_no_eop")" -eq 0 ] ||
			fail "descriptors not all read #$i"
		l1=$(queues_sum "$IF" rx len_err)
		d1=$(queues_sum "$IF" rx drops)
		# 50 bad lengths, one overlong chain; each a dropped frame
		[ $((l1 - l0)) -ge 51 ] || fail "len_err +$((l1 - l0)) #$i"
		[ $((d1 - d0)) -ge 51 ] || fail "drops +$((d1 - d0)) #$i"
	done
	ip neigh del "$REMOTE_V4" dev "$IF"
	in_peer ip neigh del "$LOCAL_V4" dev "$PEER_IF"
}

# Tx hang under traffic: detected, reset, traffic flows again.
sc_txhang() {
	local i r0

	for ((i = 1; i <= $1; i++)); do
		r0=$(ethtool_stat "$IF" port_resets)
		load_start
		echo 0 >"$DBG/tx_stall"
		reset_done() { [ "$(ethtool_stat "$IF" port_resets)" -gt "$r0" ]; }
		wait_for 30 reset_done || fail "no reset #$i"
		load_stop
		wait_for 15 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null ||
			fail "no traffic after reset #$i"
	done
}

# Nonsense from the user: refused, and the configuration is untouched.
config_state() {
	ethtool -g "$IF"
	# with adaptive moderation on, rx-usecs and tx-usecs show
	# DIM's current choice, which moves with the traffic: not settings
	ethtool -c "$IF" | awk '/^Adaptive RX: on/ { a = 1 } !(a && /^[rt]x-usecs:/)'
	ethtool -l "$IF"
	ethtool -k "$IF"
	ethtool -a "$IF"
	ethtool -x "$IF"
	ip -o link show "$IF" | grep -o 'mtu [0-9]*'
}

BAD_CONFIG=(
	"ethtool -G IF rx 4104"
	"ethtool -G IF rx 32"
	"ethtool -G IF tx 100"
	"ethtool -G IF rx 0"
	"ethtool -C IF rx-usecs 10001"
	"ethtool -C IF rx-frames 8"
	"ethtool -C IF tx-usecs-irq 5"
	"ethtool -L IF combined 0"
	"ethtool -L IF combined 64"
	"ethtool -L IF rx 1 tx 1"
	"ethtool -X IF equal 9"
	"ethtool -X IF weight 0 0"
	"ethtool -X IF hfunc xor"
	"ethtool -s IF speed 12345 duplex full autoneg off"
	"ethtool -s IF duplex half speed 1000 autoneg off"
	"ethtool -s IF advertise 0x0"
	"ethtool -K IF ntuple on"
	"ethtool -E IF magic 0xdead offset 0 value 0"
	"ip link set IF mtu 67"
	"ip link set IF mtu 9217"
	"ip link set IF address 01:00:5e:00:00:01"
	"ip link set IF address 00:00:00:00:00:00"
)

sc_badconfig() {
	local before cmd

	before=$(config_state)
	for cmd in "${BAD_CONFIG[@]}"; do
		cmd=${cmd//IF/$IF}
		if timeout 20 $cmd >/dev/null 2>&1; then
			fail "accepted: $cmd"
		fi
		[ "$(config_state)" = "$before" ] || {
			fail "configuration changed by: $cmd"
			before=$(config_state)
		}
	done
}

scenario updown "$n_updown"
scenario flap "$n_flap"
scenario ring "$n_ring"
scenario mtu "$n_mtu"
scenario rmmod "$n_rmmod"
scenario surprise "$n_surprise"
scenario rxfail "$n_rxfail"
scenario txfail "$n_txfail"
scenario garbage "$n_garbage"
scenario txhang "$n_txhang"
scenario xdp "$n_xdp"
scenario badconfig ${#BAD_CONFIG[@]}

ktap_print_msg "summary ($profile, $(uname -r)):"
echo "# $(printf '%-10s %10s %9s %8s  %s' scenario iterations failures seconds leak)"
while read -r name n f t leak; do
	echo "# $(printf '%-10s %10s %9s %8s  %s' "$name" "$n" "$f" "$t" "$leak")"
done <"$RUN/table"
ktap_finished
