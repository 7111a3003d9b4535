#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# IEEE 1588: igbx's PTP hardware clock (PHC) and hardware time stamps.
#   - ethtool -T shows the PHC and exactly what the 82576 can stamp;
#   - the PHC follows phc_ctl's set, adj and freq (the rate measured
#     against CLOCK_REALTIME over 3 s), and refuses a frequency beyond
#     max_adj;
#   - SIOCSHWTSTAMP (hwstamp_ctl) takes the L2 PTPv2 filters and refuses
#     the rest with the settings left as they were;
#   - SO_TIMESTAMPING (tstamp, built from tstamp.c next to this script):
#     every PTP frame sent gets a TX stamp between the PHC's time before
#     the send and after it; every Sync received gets an RX stamp, in
#     order and never in the PHC's future, and no other frame gets one;
#     the Sync-only and Delay_Req-only filters stamp just those;
#   - a device-bound XDP program reads the same RX stamps with
#     bpf_xdp_metadata_rx_timestamp() (kernels whose igbx build has XDP
#     metadata ops, 6.7+);
#   - the clock keeps its time and the settings across device resets
#     (ethtool -t offline, the reset task after a TX hang), ethtool -L and
#     down/up;
#   - ptp4l on igbx, slave with hardware time stamps, locks to a software
#     master on the virtio peer: that needs RX stamps of Sync and TX stamps
#     of Delay_Req;
#   - an RX stamp whose frame was dropped (debugfs rx_bad_len) is released
#     and counted, and stamping goes on;
#   - phc2sys disciplines the PHC to CLOCK_REALTIME: it steps the clock,
#     its servo locks, and the PHC then reads the system's time.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 19
dmesg_mark ptp

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
for t in ptp4l phc_ctl hwstamp_ctl; do
	command -v "$t" >/dev/null ||
		ktap_exit_fail_msg "$t not found (linuxptp; scripts/deps installs it)"
done
RUN=$(mktemp -d)
cleanup() {
	pkill -f "ptp4l.*igbx-ptp" 2>/dev/null
	# leave the port as the other tests expect it: no time stamping
	hwstamp_ctl -i "$IF" -t 0 -r 0 >/dev/null 2>&1
	[ -z "${VM_RUN_DIR:-}" ] || cp "$RUN"/master "$RUN"/slave "$VM_RUN_DIR/" 2>/dev/null
	rm -rf "$RUN"
}
trap cleanup EXIT

# --- 1-2. ethtool -T and the PHC device ---------------------------------------
ethtool -T "$IF" >"$RUN/ts" 2>&1
phc=$(awk -F': ' '/PTP Hardware Clock/ { print $2 }' "$RUN/ts")
ts_caps() {
	local w

	[ -n "$phc" ] && [ "$phc" -ge 0 ] 2>/dev/null || { echo "no PHC index"; return 1; }
	for w in hardware-transmit hardware-receive hardware-raw-clock \
		 ptpv2-l2-event ptpv2-l2-sync ptpv2-l2-delay-req; do
		grep -qw -- "$w" "$RUN/ts" || { echo "ethtool -T lacks $w"; return 1; }
	done
	# what the device cannot stamp is not offered
	! grep -qwE -- 'all|ptpv2-event|ptpv1-l4-event|ptpv2-l4-event' "$RUN/ts"
}
check "ethtool -T: PHC $phc, hardware TX/RX, the L2 PTPv2 filters and no others" ts_caps
[ -n "$phc" ] || phc=-1
PHC=/dev/ptp$phc
phc_dev() {
	[ -c "$PHC" ] && [ -d "/sys/class/net/$IF/device/ptp/ptp$phc" ] &&
		[ "$(cat "/sys/class/ptp/ptp$phc/clock_name")" = "$IF" ]
}
check "$PHC is the PCI function's clock, named $IF" phc_dev

# --- 3-6. the clock -------------------------------------------------------------
# offset_ns: PHC minus CLOCK_REALTIME, as phc_ctl measures it
offset_ns() {
	phc_ctl "$PHC" cmp 2>/dev/null |
		sed -n 's/.*offset from CLOCK_REALTIME is \(-\?[0-9]*\)ns.*/\1/p' |
		awk '{ printf "%.0f\n", -$1 }'	# phc_ctl prints REALTIME - PHC
}
# offset_at: "MONOTONIC-NS OFFSET-NS", phc_ctl's own log time (ms) of the
# measurement and the offset, so that process start-up does not count
offset_at() {
	phc_ctl "$PHC" cmp 2>/dev/null |
		sed -n 's/^phc_ctl\[\([0-9.]*\)\]: offset from CLOCK_REALTIME is \(-\?[0-9]*\)ns.*/\1 \2/p' |
		awk '{ printf "%.0f %.0f\n", $1 * 1000000000, -$2 }'
}
abs() { echo "${1#-}"; }
set_to_sys() {
	local o

	phc_ctl "$PHC" set >/dev/null 2>&1 || return 1
	o=$(offset_ns)
	ktap_print_msg "after set: PHC - REALTIME = ${o} ns"
	[ -n "$o" ] && [ "$(abs "$o")" -lt 5000000 ]
}
check "phc_ctl set: the PHC reads CLOCK_REALTIME (within 5 ms)" set_to_sys

adj_step() {
	local o1 o2

	phc_ctl "$PHC" adj 10 >/dev/null 2>&1 || return 1
	o1=$(offset_ns)
	phc_ctl "$PHC" -- adj -10 >/dev/null 2>&1 || return 1
	o2=$(offset_ns)
	ktap_print_msg "adj +10 s: ${o1} ns; adj -10 s: ${o2} ns"
	[ -n "$o1" ] && [ -n "$o2" ] &&
		[ "$(abs $((o1 - 10000000000)))" -lt 5000000 ] &&
		[ "$(abs "$o2")" -lt 5000000 ]
}
check "phc_ctl adj: +10 s and back" adj_step

# rate PPB: set the frequency, return the measured drift against
# CLOCK_REALTIME over about three seconds, in ppb
rate() {
	local t1 o1 t2 o2

	phc_ctl "$PHC" -- freq "$1" >/dev/null 2>&1 || return 1
	read -r t1 o1 < <(offset_at)
	sleep 3
	read -r t2 o2 < <(offset_at)
	[ -n "$o1" ] && [ -n "$o2" ] && [ "$t2" -gt "$t1" ] || return 1
	echo $(((o2 - o1) * 1000000000 / (t2 - t1)))
}
# within VALUE WANT: VALUE is WANT within +-10 %
within() { [ "$(abs $(($1 - $2)))" -le "$(abs $(($2 / 10)))" ]; }
freq_rate() {
	local up down up100 down100 zero

	up=$(rate 50000000) && down=$(rate -50000000) &&
		up100=$(rate 100000) && down100=$(rate -100000) &&
		zero=$(rate 0) || return 1
	ktap_print_msg "measured drift (ppb): freq +5 %: $up, -5 %: $down, +100 ppm: $up100, -100 ppm: $down100, 0: $zero"
	within "$up" 50000000 && within "$down" -50000000 &&
		within "$up100" 100000 && within "$down100" -100000 &&
		[ "$(abs "$zero")" -lt 10000 ]
}
check "phc_ctl freq: +-5 % and +-100 ppm move the PHC against CLOCK_REALTIME by that much (+-10 %), 0 by none" freq_rate
# phc_ctl exits 0 whatever the kernel said
freq_limit() {
	phc_ctl "$PHC" freq 600000000 2>&1 | grep -q 'failed to adjust.*out of range'
}
check "phc_ctl freq beyond max_adj (6e8 ppb) is refused" freq_limit

# --- 7-8. SIOCSHWTSTAMP -----------------------------------------------------------
# hwstamp_ctl's filter numbers: 9 PTP_V2_L2_EVENT, 1 ALL, 12 PTP_V2_EVENT
# (L2 and L4), 3 PTP_V1_L4_EVENT
hw_current() { hwstamp_ctl -i "$IF" 2>&1 | tr -s ' \n' ' '; }
hwts_set() {
	hwstamp_ctl -i "$IF" -t 1 -r 9 >/dev/null 2>&1 &&
		[ "$(hw_current)" = "current settings: tx_type 1 rx_filter 9 " ]
}
check "hwstamp_ctl: TX on, PTPv2 L2 event filter applied and read back" hwts_set
hwts_refuse() {
	local f

	for f in "-t 1 -r 1" "-t 1 -r 12" "-t 1 -r 3" "-t 2 -r 9"; do
		# shellcheck disable=SC2086
		if hwstamp_ctl -i "$IF" $f >/dev/null 2>&1; then
			echo "hwstamp_ctl $f was accepted"
			return 1
		fi
	done
	[ "$(hw_current)" = "current settings: tx_type 1 rx_filter 9 " ]
}
check "hwstamp_ctl: ALL, L4, PTPv1 and one-step refused; settings unchanged" hwts_refuse

# --- 9-11. SO_TIMESTAMPING ----------------------------------------------------------
TSTAMP=$(cd "$(dirname "$0")" && pwd)/tstamp
[ -x "$TSTAMP" ] || ktap_exit_fail_msg "no $TSTAMP (make -C tests)"
tx_stamps() {
	local out

	out=$("$TSTAMP" tx "$IF" "$PHC" 20) || { echo "$out" | tail -n 5; return 1; }
	ktap_print_msg "$out"
	[ "$out" = "tx stamped 20 of 20, bad 0" ]
}
check "SO_TIMESTAMPING TX: 20 PTP frames, each stamped between the PHC before the send and after" tx_stamps

# rx_window FILE SECONDS: tstamp rx on igbx for SECONDS, output in FILE
rx_window() {
	"$TSTAMP" rx "$IF" "$PHC" "$2" >"$1" 2>&1 &
	sleep 1
}
# rx_count FILE KIND FIELD: "frames" or "stamped" of that line
rx_count() {
	awk -v k="$2" -v f="$3" '$1 == "rx" && $2 == k { for (i = 3; i < NF; i++) if ($i == f) print $(i + 1) }' "$1"
}
rx_event() {
	local out=$RUN/rx-event

	rx_window "$out" 6
	in_peer "$TSTAMP" send "$PEER_IF" 0 10 200 &
	ping -c 8 -i 0.2 -W 1 "$REMOTE_V4" >/dev/null
	wait
	ktap_print_msg "$(tr '\n' ';' <"$out")"
	[ "$(rx_count "$out" ptp0 frames)" = 10 ] &&
		[ "$(rx_count "$out" ptp0 stamped)" = 10 ] &&
		[ "$(rx_count "$out" other frames)" -gt 0 ] &&
		[ "$(rx_count "$out" other stamped)" = 0 ] &&
		grep -qx 'rx order ok' "$out"
}
check "SO_TIMESTAMPING RX (ptpv2-l2-event): 10 Syncs stamped in order, no other frame stamped" rx_event
# rx_filter FILTER: Sync and Delay_Req from the peer; prints "SYNC DELAY_REQ"
# (how many of each, out of five, came stamped)
rx_filter() {
	local out=$RUN/rx-$1

	hwstamp_ctl -i "$IF" -t 1 -r "$1" >/dev/null 2>&1 || return 1
	rx_window "$out" 5
	in_peer "$TSTAMP" send "$PEER_IF" 0 5 100
	in_peer "$TSTAMP" send "$PEER_IF" 1 5 100
	wait
	echo "$(rx_count "$out" ptp0 stamped) $(rx_count "$out" ptp1 stamped)"
}
rx_filters() {
	local sync dreq

	sync=$(rx_filter 10) && dreq=$(rx_filter 11) || return 1
	hwstamp_ctl -i "$IF" -t 1 -r 9 >/dev/null 2>&1
	ktap_print_msg "stamped Sync, Delay_Req: ptpv2-l2-sync $sync; ptpv2-l2-delay-req $dreq"
	[ "$sync" = "5 0" ] && [ "$dreq" = "0 5" ]
}
check "RX filters: ptpv2-l2-sync stamps Sync only, ptpv2-l2-delay-req Delay_Req only" rx_filters

# --- 12. XDP: the same RX stamp through bpf_xdp_metadata_rx_timestamp() ---------
HERE=$(cd "$(dirname "$0")" && pwd)
# phc_ns: the PHC's time now, in ns
phc_ns() {
	phc_ctl "$PHC" get 2>/dev/null |
		sed -n 's/.*clock time is \([0-9]*\)\.\([0-9]*\) .*/\1 \2/p' |
		awk '{ printf "%.0f\n", $1 * 1000000000 + $2 }'
}
xdp_rxts() {
	local desc="XDP: bpf_xdp_metadata_rx_timestamp() gives each of 10 Syncs its stamp, in order, and no other frame one"
	local stats t a5 a3 a2 a4 last now

	if ! "$HERE/xdp_load" -b "$IF" "$HERE/xdp_rxts.o" xdp_rxts_prog \
		>/dev/null 2>"$RUN/xdp-err"; then
		ktap_test_skip "$desc: the device-bound load failed ($(tr '\n' ' ' <"$RUN/xdp-err"))"
		return
	fi
	wait_for 10 carrier_is "$IF" 1
	stats=$(stats_of "$IF")
	# no socket joins the PTP group here: join it for the frames to pass
	ip maddr add 01:1b:19:00:00:00 dev "$IF"
	in_peer "$TSTAMP" send "$PEER_IF" 0 10 100
	ping -c 3 -i 0.2 -W 1 "$REMOTE_V4" >/dev/null
	now=$(phc_ns)
	t=$(map_u64 "$stats" 1) a5=$(map_u64 "$stats" 6) a3=$(map_u64 "$stats" 4)
	a2=$(map_u64 "$stats" 3) a4=$(map_u64 "$stats" 5) last=$(map_u64 "$stats" 2)
	ip maddr del 01:1b:19:00:00:00 dev "$IF"
	ip link set dev "$IF" xdpdrv off
	wait_for 10 carrier_is "$IF" 1
	ktap_print_msg "xdp_rxts: PTP frames $t, stamped $a5, out of order $a3, other frames stamped $a2, -errno $a4; last stamp $(((now - last) / 1000000)) ms before the PHC's now"
	if [ "$a4" = 95 ]; then
		ktap_test_skip "$desc: this kernel's igbx offers no XDP metadata ops (needs 6.7+)"
		return
	fi
	if [ "$t" = 10 ] && [ "$a5" = 10 ] && [ "$a3" = 0 ] && [ "$a2" = 0 ] &&
	   [ "$last" -le "$now" ] && [ $((now - last)) -lt 10000000000 ]; then
		ktap_test_pass "$desc"
	else
		ktap_test_fail "$desc"
	fi
}
xdp_rxts

# --- 13. the clock through resets and reconfiguration ----------------------------
tx_hang_reset() {
	local r0=$(ethtool_stat "$IF" port_resets) q

	for q in $(seq 0 $(($(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }') - 1))); do
		echo "$q" >"/sys/kernel/debug/igbx/$IGBX_PCI/tx_stall" || return 1
	done
	ping -c 30 -i 0.1 -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
	wait_for 20 test_resets_above "$r0"
	local rc=$?
	wait
	return $rc
}
test_resets_above() { [ "$(ethtool_stat "$IF" port_resets)" -gt "$1" ]; }
survive() {
	local o0 o1

	set_to_sys >/dev/null || return 1
	o0=$(offset_ns)
	ethtool -t "$IF" offline >/dev/null 2>&1
	wait_for 10 carrier_is "$IF" 1
	tx_hang_reset || { echo "no reset after a TX hang"; return 1; }
	ethtool -L "$IF" combined 1 && ethtool -L "$IF" combined "$(nproc)"
	ip link set "$IF" down && ip link set "$IF" up
	o1=$(offset_ns)
	ktap_print_msg "PHC - REALTIME before: ${o0} ns, after ethtool -t offline, a TX-hang reset, -L, down/up: ${o1} ns"
	[ -n "$o0" ] && [ -n "$o1" ] && [ "$(abs $((o1 - o0)))" -lt 10000000 ] &&
		[ "$(hw_current)" = "current settings: tx_type 1 rx_filter 9 " ]
}
check "the PHC keeps its time (within 10 ms) and the settings across resets, -L and down/up" survive
wait_for 10 carrier_is "$IF" 1

# --- 14-16. ptp4l: igbx as a hardware-stamping slave -------------------------------
ptp_stat() { ethtool_stat "$IF" "$1"; }
tx0=$(ptp_stat tx_hwtstamps)
in_peer ptp4l -2 -S -i "$PEER_IF" -m -q --uds_address=/run/igbx-ptp-master \
	--logSyncInterval=0 --logAnnounceInterval=-1 --priority1=1 \
	>"$RUN/master" 2>&1 &
ptp4l -2 -H -s -i "$IF" -m -q --uds_address=/run/igbx-ptp-slave \
	--tx_timestamp_timeout=500 --sanity_freq_limit=0 \
	>"$RUN/slave" 2>&1 &
locked() { [ "$(grep -c ' s2 freq' "$RUN/slave")" -ge 5 ]; }
slave_locks() {
	wait_for 90 locked || { tail -n 15 "$RUN/slave"; return 1; }
	grep -q 'to SLAVE on MASTER_CLOCK_SELECTED' "$RUN/slave" &&
		! grep -qE 'timed out while polling for tx timestamp|without timestamp' "$RUN/slave"
}
check "ptp4l -H slave on igbx reaches SLAVE with its servo locked (s2)" slave_locks
ktap_print_msg "slave: $(grep ' s2 freq' "$RUN/slave" | tail -n 1)"
tx_stamped() {
	local n=$(($(ptp_stat tx_hwtstamps) - tx0))

	ktap_print_msg "TX time stamps delivered: $n, skipped $(ptp_stat tx_hwtstamp_skipped), timed out $(ptp_stat tx_hwtstamp_timeouts)"
	[ "$n" -gt 0 ] && [ "$(ptp_stat tx_hwtstamp_timeouts)" -eq 0 ]
}
check "TX time stamps delivered (Delay_Req), none timed out" tx_stamped
offsets_small() {
	# the last five offsets of the locked servo: a software master under
	# TCG jitters by milliseconds, so this catches gross errors (units,
	# epoch), not precision
	grep ' s2 freq' "$RUN/slave" | tail -n 5 |
		awk '{ for (i = 1; i < NF; i++) if ($i == "offset") { o = $(i + 1); if (o < 0) o = -o; if (o > 100000000) bad++ } }
		     END { exit bad > 0 }'
}
check "ptp4l slave: the last offsets to the master are under 0.1 s" offsets_small

# --- 17. a stamped frame dropped: the RX latch is released -------------------------
rx_stale() {
	local c0 n0 p0 p1 knob=/sys/kernel/debug/igbx/$IGBX_PCI/rx_bad_len

	[ -w "$knob" ] || { echo "no $knob"; return 1; }
	c0=$(ptp_stat rx_hwtstamp_cleared)
	# drop about three seconds of whatever arrives: the master's Sync
	# comes once a second, so that holds at least one stamped Sync
	p0=$(queues_sum "$IF" rx packets)
	sleep 1
	p1=$(queues_sum "$IF" rx packets)
	echo $(((p1 - p0) * 3 + 10)) >"$knob"
	wait_for 30 cleared_above "$c0"
	n0=$(grep -c 'master offset' "$RUN/slave")
	ktap_print_msg "rx_hwtstamp_cleared: $c0 -> $(ptp_stat rx_hwtstamp_cleared)"
	[ "$(ptp_stat rx_hwtstamp_cleared)" -gt "$c0" ] || return 1
	# the servo measures again: new stamped Syncs reach ptp4l.  The
	# drop may also have cost Announces, so ptp4l can go through
	# LISTENING and UNCALIBRATED (s0, s1) before it locks again.
	wait_for 60 offsets_more $((n0 + 2)) || { tail -n 12 "$RUN/slave"; return 1; }
}
cleared_above() { [ "$(ptp_stat rx_hwtstamp_cleared)" -gt "$1" ]; }
offsets_more() { [ "$(grep -c 'master offset' "$RUN/slave")" -gt "$1" ]; }
check "a held RX latch whose frame was dropped is released and counted; ptp4l measures again" rx_stale

pkill -f "ptp4l.*igbx-ptp"
wait

# --- 18. phc2sys: the PHC disciplined to the system clock --------------------------
phc_follows() {
	local o

	# away from the system's time first, so that phc2sys has to step it
	phc_ctl "$PHC" set 1000000 >/dev/null 2>&1 || return 1
	timeout 12 phc2sys -s CLOCK_REALTIME -c "$IF" -O 0 -R 4 -m -q \
		>"$RUN/phc2sys" 2>&1
	o=$(offset_ns)
	ktap_print_msg "phc2sys: $(grep -c ' s2 freq' "$RUN/phc2sys") locked samples, last: $(grep ' s2 freq' "$RUN/phc2sys" | tail -n 1 | sed 's/^.*offset/offset/'); PHC - REALTIME after: ${o} ns"
	# locked for at least 3 s of its 4 samples a second; the PHC then
	# reads the system's time (within 10 ms: the step alone was 10^9 s)
	[ "$(grep -c ' s2 freq' "$RUN/phc2sys")" -ge 12 ] &&
		[ -n "$o" ] && [ "$(abs "$o")" -lt 10000000 ]
}
check "phc2sys steps the PHC to CLOCK_REALTIME and its servo locks" phc_follows

no_splat() { ! dmesg_splats_since ptp; }
check "no kernel splat" no_splat
ktap_finished
