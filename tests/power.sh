#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Wake-on-LAN settings, function level reset (FLR) under traffic with a
# non-default configuration that must survive it, shutdown (the device is
# left quiet, then a new probe works), and statistics readers running in
# parallel with down/up, -L, -G and FLRs: counters never go backwards.
# System sleep is sleep.sh (a boot of its own), PCIe AER aer.sh (q35 rig).
#
# IGBX_STRESS=full (make stress): 20 FLRs and 100 configuration changes
# instead of 3 and 12.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 12
dmesg_mark power
RUN=${VM_RUN_DIR:-/tmp}/power.$$
mkdir -p "$RUN"
if [ "${IGBX_STRESS:-quick}" = full ]; then
	flrs=20 changes=100
else
	flrs=3 changes=12
fi

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
SYSDEV=/sys/bus/pci/devices/$IGBX_PCI
TRACE=/sys/kernel/tracing

# --- 1. Wake-on-LAN ------------------------------------------------------------
wol_now() { ethtool "$IF" | awk '/^\tWake-on:/ { print $2 }'; }
wol_ok() {
	local sup

	sup=$(ethtool "$IF" | awk '/Supports Wake-on:/ { print $3 }')
	ktap_print_msg "Supports Wake-on: $sup"
	[ "$sup" = pumbg ] || return 1
	ethtool -s "$IF" wol pumbg && [ "$(wol_now)" = pumbg ] &&
		ethtool -s "$IF" wol g && [ "$(wol_now)" = g ] &&
		ethtool_fails -s "$IF" wol s && ethtool_fails -s "$IF" wol a &&
		ethtool_fails -s "$IF" wol f && [ "$(wol_now)" = g ]
}
check "WoL: p, u, m, b, g offered and read back; SecureOn, ARP, filters refused, setting kept" wol_ok

# --- 2-4. FLR under traffic, configuration kept --------------------------------
# The configuration a reset must restore (ring, channels, coalescing, RSS
# table, MTU, VLAN filter, pause, an XDP program, time stamping).
configure() {
	ethtool -L "$IF" combined 2 &&
		ethtool -G "$IF" rx 256 tx 256 &&
		ethtool -C "$IF" adaptive-rx off rx-usecs 100 &&
		ethtool -X "$IF" weight 0 1 &&
		ethtool -A "$IF" autoneg off rx off tx off &&
		jumbo_vlan_up &&
		ethtool -K "$IF" rx-vlan-filter on &&
		ip link set dev "$IF" xdpdrv obj "$(dirname "$0")/xdp_pass_frags.o" sec xdp.frags &&
		hwstamp_ctl -i "$IF" -t 1 -r 9 >/dev/null
}
settings() {
	{
		ethtool -l "$IF" | sed -n '/^Current/,$p'
		ethtool -g "$IF" | sed -n '/^Current/,$p'
		ethtool -c "$IF" | grep -E '^(Adaptive|rx-usecs:)'
		ethtool -x "$IF" | grep -E '^ *[0-9]+:'
		ethtool -a "$IF" | grep -E '^(Autoneg|RX|TX):'
		ethtool -k "$IF" | grep -E '^(rx-vlan-filter|rx-checksumming|generic-receive)'
		ip -d link show "$IF" | grep -oE 'mtu [0-9]+|prog/xdp id [0-9]+'
		hwstamp_ctl -i "$IF" 2>&1 | tr '\n' ' '; echo
	} 2>&1
}
config_ok() { configure && settings >"$RUN/before" && grep -q 'prog/xdp' "$RUN/before"; }
check "a non-default configuration is set (channels, rings, coalescing, RSS, pause, MTU, VLAN, XDP, time stamping)" config_ok
paths_ok() {
	ping -c 1 -W 2 -s 8972 -M do "$REMOTE_V4" >/dev/null &&
		ping -c 1 -W 2 198.51.100.2 >/dev/null
}
same_settings() {
	settings >"$RUN/after"
	diff -u "$RUN/before" "$RUN/after" | sed 's/^/# /'
	cmp -s "$RUN/before" "$RUN/after"
}

flr_loop() {
	local i r0 pid bad=0

	grep -qw flr "$SYSDEV/reset_method" || { echo "no FLR: $(cat "$SYSDEV/reset_method")"; return 1; }
	r0=$(ethtool_stat "$IF" pci_function_resets)
	ping -f -W 1 -w $((flrs * 4 + 10)) "$REMOTE_V4" >"$RUN/flood" 2>&1 &
	pid=$!
	for i in $(seq "$flrs"); do
		sleep 1
		echo 1 >"$SYSDEV/reset" || bad=$((bad + 1))
		wait_for 10 carrier_is "$IF" 1 || bad=$((bad + 1))
		wait_for 10 paths_ok || bad=$((bad + 1))
	done
	kill -INT "$pid" 2>/dev/null
	# a flood ping that does not end is a finding, not a reason to hang
	if ! wait_for 10 sh -c "! kill -0 $pid 2>/dev/null"; then
		echo "the flood ping did not end: state $(awk '/^State/ { print $2 }' "/proc/$pid/status"), wchan $(cat "/proc/$pid/wchan" 2>/dev/null)"
		grep -E '^ *(eth|[a-z]+[0-9]):' /proc/net/dev | sed 's/^/# /'
		tc -s qdisc show dev "$IF" | sed 's/^/# /'
		kill -KILL "$pid"
		bad=$((bad + 1))
	fi
	wait "$pid" 2>/dev/null
	ktap_print_msg "$flrs FLRs under a ping flood: $(grep -E 'packets transmitted' "$RUN/flood"); pci_function_resets $r0 -> $(ethtool_stat "$IF" pci_function_resets)"
	[ "$bad" = 0 ] &&
		[ "$(ethtool_stat "$IF" pci_function_resets)" -eq $((r0 + flrs)) ] &&
		[ "$(dmesg_since power | grep -c 'function reset done, port restored')" -ge "$flrs" ]
}
check "$flrs FLRs from sysfs under a ping flood: each counted and logged; jumbo and VLAN traffic passes after each" flr_loop
check "after the FLRs: every setting reads back identical" same_settings

# --- 5. the PHC across an FLR ----------------------------------------------------
phc=$(ethtool -T "$IF" | awk '/PTP Hardware Clock:/ { print $4 }')
offset_ns() {
	phc_ctl "/dev/ptp$phc" cmp 2>/dev/null |
		sed -n 's/.*offset from CLOCK_REALTIME is \(-\?[0-9]*\)ns.*/\1/p'
}
phc_kept() {
	local o0 o1 d

	phc_ctl "/dev/ptp$phc" set >/dev/null 2>&1 || return 1
	o0=$(offset_ns)
	echo 1 >"$SYSDEV/reset" || return 1
	o1=$(offset_ns)
	[ -n "$o0" ] && [ -n "$o1" ] || return 1
	d=$((o1 - o0))
	ktap_print_msg "PHC - REALTIME before an FLR ${o0#-} ns, after $((o1)) ns"
	[ "${d#-}" -lt 10000000 ]
}
check "the PHC keeps its time across an FLR (within 10 ms)" phc_kept

# undo what the rest does not want
ip link set dev "$IF" xdpdrv off
hwstamp_ctl -i "$IF" -t 0 -r 0 >/dev/null
ip link del "$IF.10"
in_peer ip link del v10
ip link set "$IF" mtu 1500
in_peer ip link set "$PEER_IF" mtu 1500
ethtool -X "$IF" default
ethtool -A "$IF" autoneg on rx on tx on
ethtool -C "$IF" rx-usecs 3
ethtool -G "$IF" rx 1024 tx 1024 2>/dev/null

# --- 6-7. readers in parallel with configuration changes ---------------------
# Four readers: /proc/net/dev, rtnetlink (ip -s), ethtool -S, and netdev
# netlink qstats where the kernel has them (else sysfs statistics).  Each
# logs its samples; none may go backwards.
reader_procfs() {
	while [ ! -e "$RUN/stop" ]; do
		awk -v i="$IF:" '$1 == i { print $2, $3, $10, $11 }' /proc/net/dev
	done >"$RUN/r.procfs"
}
reader_rtnl() {
	while [ ! -e "$RUN/stop" ]; do
		ip -s link show dev "$IF" 2>/dev/null |
			awk '/RX:/ { getline; r = $1 " " $2 } /TX:/ { getline; t = $1 " " $2 }
			     END { if (r != "") print r, t }'
	done >"$RUN/r.rtnl"
}
reader_ethtool() {
	while [ ! -e "$RUN/stop" ]; do
		ethtool -S "$IF" 2>/dev/null |
			awk '$1 == "rx_good_packets:" { r = $2 } $1 == "tx_good_packets:" { t = $2 }
			     END { if (r != "") print r, t }'
	done >"$RUN/r.ethtool"
}
reader_qstats() {
	local ifx

	ifx=$(cat "/sys/class/net/$IF/ifindex")
	if [ "$QSTATS" = 1 ]; then
		while [ ! -e "$RUN/stop" ]; do
			ynl_netdev --dump qstats-get --output-json 2>/dev/null |
				/usr/bin/python3 -c '
import json, sys
for d in json.load(sys.stdin):
    if d.get("ifindex") == int(sys.argv[1]):
        print(d["rx-packets"], d["tx-packets"])' "$ifx" 2>/dev/null
		done >"$RUN/r.qstats"
	else
		while [ ! -e "$RUN/stop" ]; do
			echo "$(sysfs_stat "$IF" rx_packets) $(sysfs_stat "$IF" tx_packets)"
		done >"$RUN/r.qstats"
	fi
}
monotonic() {
	awk '{ for (i = 1; i <= NF; i++) { if (NR > 1 && $i < last[i]) { print "column " i " went back at sample " NR ": " last[i] " -> " $i; bad = 1 } last[i] = $i } }
	     END { exit bad || NR < 2 }' "$1"
}
change() {
	case $(($1 % 4)) in
	0) ip link set "$IF" down && ip link set "$IF" up ;;
	1) ethtool -L "$IF" combined $((1 + $1 % 8 / 4)) ;;
	2) ethtool -G "$IF" rx $((256 << ($1 % 8 / 4))) ;;
	3) echo 1 >"$SYSDEV/reset" ;;
	esac
}
samples() { [ "$(wc -l <"$RUN/r.$1")" -ge "$2" ]; }
readers() {
	local i bad=0 f

	rm -f "$RUN/stop"
	ping -f -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
	local ping_pid=$!
	reader_procfs & reader_rtnl & reader_ethtool & reader_qstats &
	for i in $(seq 0 $((changes - 1))); do
		change "$i" || { echo "change $i failed"; bad=1; }
		wait_for 10 carrier_is "$IF" 1 || { echo "no carrier after change $i"; bad=1; }
	done
	# a netlink sample costs seconds of python start-up under TCG
	wait_for 60 samples qstats 3
	touch "$RUN/stop"
	kill "$ping_pid" 2>/dev/null
	wait
	for f in procfs rtnl ethtool qstats; do
		ktap_print_msg "reader $f: $(wc -l <"$RUN/r.$f") samples"
		monotonic "$RUN/r.$f" || bad=1
	done
	[ "$bad" = 0 ]
}
QSTATS=0
! netdev_nl_has qstats-get || QSTATS=1
check "4 readers (procfs, rtnetlink, ethtool -S, qstats) see no counter go back through $changes down/up, -L, -G and FLRs" readers
check "traffic passes after the changes" wait_for 10 ping -c 1 -W 1 "$REMOTE_V4"

# --- 8-10. shutdown: the device is left quiet; a new probe works ---------------
irqs_of_port() {
	awk -v p="$IF" '$NF ~ "^" p "(-|$)" { for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) s += $i } END { print s + 0 }' /proc/interrupts
}
shutdown_quiet() {
	local cmd i0 i1

	ethtool -s "$IF" wol g || return 1
	echo 1 >"$TRACE/events/igbx/igbx_wol/enable"
	echo >"$TRACE/trace"
	echo 1 >"/sys/kernel/debug/igbx/$IGBX_PCI/shutdown" || return 1
	cmd=$(od -An -tx2 -j4 -N2 "$SYSDEV/config" | tr -d ' ')
	ktap_print_msg "after shutdown: COMMAND $cmd; $(grep -o 'igbx_wol.*' "$TRACE/trace" | tail -n 1)"
	echo 0 >"$TRACE/events/igbx/igbx_wol/enable"
	# bus mastering off, magic packet armed (WUC.PME_EN, WUFC.MAG)
	[ -n "$cmd" ] && [ $((0x$cmd & 0x4)) = 0 ] || return 1
	grep -q 'igbx_wol: dev=[^ ]* armed wuc=0x2 wufc=0x2 ' "$TRACE/trace" || return 1
	# the peer keeps sending: no interrupt reaches any of the port's vectors
	i0=$(irqs_of_port)
	in_peer ping -c 20 -i 0.1 -W 1 "$LOCAL_V4" >/dev/null 2>&1
	in_peer ping -b -c 5 -i 0.1 -W 1 192.0.2.255 >/dev/null 2>&1
	i1=$(irqs_of_port)
	ktap_print_msg "the port's interrupts while the peer sent 25 frames: $i0 -> $i1"
	[ "$i0" = "$i1" ]
}
check "shutdown: bus mastering off, magic-packet wake-up armed, no interrupt while frames arrive" shutdown_quiet
reprobe() {
	echo "$IGBX_PCI" >/sys/bus/pci/drivers/igbx/unbind || return 1
	[ -z "$(pci_driver "$IGBX_PCI")" ] || return 1
	echo "$IGBX_PCI" >/sys/bus/pci/drivers/igbx/bind || return 1
	igbx_setup
}
check "after shutdown: unbind and bind, and the new port passes traffic" reprobe

# --- 11-12. nothing leaked -------------------------------------------------------
unload_clean() {
	igbx_unload || return 1
	! grep -q "$IF" /proc/interrupts
}
check "rmmod: no vector of the port left in /proc/interrupts" unload_clean
check_pools_drained
no_splat() { ! dmesg_splats_since power; }
check "no kernel splat" no_splat
ktap_finished
