#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# The receive path the driver promises, seen from the kernel's side:
#   igbx's vector fires (irq:irq_handler_entry), NET_RX_SOFTIRQ runs on that
#   CPU (irq:softirq_entry vec=3), net_rx_action polls igbx's NAPI instance
#   with the budget it hands out (napi:napi_poll), the stack counts the
#   frames in that CPU's softnet_data (/proc/net/softnet_stat), and a
#   lowered net.core.netdev_budget makes net_rx_action stop early
#   (time_squeeze).  igbx's own tracepoints (src/trace.h) must agree with
#   the kernel's.  Everything is read from a private ftrace instance.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 12
dmesg_mark netrx

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
TRACEFS=/sys/kernel/tracing
[ -d "$TRACEFS/events" ] || mount -t tracefs nodev "$TRACEFS" 2>/dev/null
if [ ! -d "$TRACEFS/events/napi" ]; then
	ktap_exit_fail_msg "no tracefs with the napi events at $TRACEFS"
fi
INST=$TRACEFS/instances/igbx-netrx
rmdir "$INST" 2>/dev/null
mkdir "$INST" || ktap_exit_fail_msg "cannot create an ftrace instance"
RUN=$(mktemp -d)
budget0=$(sysctl -n net.core.netdev_budget)
cleanup() {
	sysctl -qw net.core.netdev_budget="$budget0"
	echo 0 >"$INST/tracing_on" 2>/dev/null
	rmdir "$INST" 2>/dev/null
	rm -rf "$RUN"
}
trap cleanup EXIT

# --- 1. igbx's own events exist -----------------------------------------------
own_events() {
	local e

	for e in igbx_irq igbx_poll_start igbx_poll_end igbx_rx_refill \
		 igbx_doorbell igbx_reset; do
		[ -f "$TRACEFS/events/igbx/$e/format" ] || {
			echo "no event igbx:$e"
			return 1
		}
	done
}
check "tracefs lists igbx's six tracepoints" own_events

# --- one traced window of TCP receive -------------------------------------------
ev() { echo "$2" >"$INST/events/$1/enable"; }
filter() { echo "$2" >"$INST/events/$1/filter"; }
echo 0 >"$INST/tracing_on"
echo 4096 >"$INST/buffer_size_kb"
filter irq/irq_handler_entry "name ~ \"$IF-TxRx-*\""
filter igbx/igbx_irq "vector != 0"	# MSI-X vector 0: other causes
filter irq/softirq_entry "vec == 3"
filter irq/softirq_exit "vec == 3"
filter napi/napi_poll "dev_name == \"$IF\""
for e in irq/irq_handler_entry irq/softirq_entry irq/softirq_exit \
	 napi/napi_poll igbx; do
	ev "$e" 1
done
echo > "$INST/trace"
echo 1 >"$INST/tracing_on"
iperf3_run -t 1 -R >"$RUN/bytes"
echo 0 >"$INST/tracing_on"
cat "$INST/trace" >"$RUN/trace"
ktap_print_msg "traced $(cat "$RUN/bytes") bytes received, $(grep -vc '^#' "$RUN/trace") events"

# field NAME: the value of NAME=... on the current awk line
FIELD='function field(n,   i) { for (i = 3; i <= NF; i++) if (index($i, n "=") == 1) return substr($i, length(n) + 2); return "" }'

# parse: one line per event, "CPU EVENT key=value..." (napi_poll's words made
# key=value too), the trace's own header dropped
awk '
/^#/ { next }
{
	cpu = -1; ev = ""
	for (i = 1; i <= NF; i++) {
		if (cpu < 0 && $i ~ /^\[[0-9]+\]$/)
			cpu = substr($i, 2, length($i) - 2) + 0
		else if ($i ~ /^[0-9]+\.[0-9]+:$/) {
			ev = $(i + 1); sub(/:$/, "", ev); first = i + 2; break
		}
	}
	if (ev == "") next
	out = cpu " " ev
	if (ev == "napi_poll") {
		for (i = first; i <= NF; i++) {
			if ($i == "struct") out = out " napi=" $(i + 1)
			if ($i == "device") out = out " dev=" $(i + 1)
			if ($i == "work") out = out " work=" $(i + 1)
			if ($i == "budget") out = out " budget=" $(i + 1)
		}
	} else {
		for (i = first; i <= NF; i++)
			if ($i ~ /=/) out = out " " $i
	}
	print out
}' "$RUN/trace" >"$RUN/all"

# The filter above keeps napi_poll events by device name, but another
# namespace may hold a device of the same name (the virtio peer is eth0 in
# its own): keep only the polls of the NAPI instances igbx's poll events
# name (both print the napi_struct pointer with %p, which hashes alike).
awk "$FIELD"'
NR == FNR { if ($2 ~ /^igbx_poll_(start|end)$/) ours[field("napi")] = 1; next }
$2 == "napi_poll" && !(field("napi") in ours) { others++; next }
{ print }
END { print others + 0 >"/dev/stderr" }' "$RUN/all" "$RUN/all" >"$RUN/events" 2>"$RUN/others"
ktap_print_msg "napi_poll events of other NAPI instances named $IF, left out: $(cat "$RUN/others")"

# IGBX_TRACE_SAVE=DIR keeps the raw trace and the parsed events there (in
# the rig, $VM_RUN_DIR is writable)
[ -z "${IGBX_TRACE_SAVE:-}" ] || cp "$RUN/trace" "$RUN/events" "$IGBX_TRACE_SAVE/"

# --- 2-3. net_rx_action's budget ------------------------------------------------
polls=$(awk '$2 == "napi_poll"' "$RUN/events" | wc -l)
bad_budget=$(awk "$FIELD"' $2 == "napi_poll" && field("budget") != 64' "$RUN/events" | wc -l)
ktap_print_msg "napi_poll events for $IF: $polls"
check "napi:napi_poll: net_rx_action polls igbx's NAPI, budget 64 each time" \
	test "$polls" -ge 10 -a "$bad_budget" -eq 0
over=$(awk "$FIELD"' $2 == "napi_poll" && field("work") + 0 > field("budget") + 0' "$RUN/events" | wc -l)
busy=$(awk "$FIELD"' $2 == "napi_poll" && field("work") + 0 > 0' "$RUN/events" | wc -l)
check "napi:napi_poll: work never above budget ($busy polls found work)" \
	test "$over" -eq 0 -a "$busy" -gt 0

# --- 4. IRQ -> NET_RX_SOFTIRQ -> poll, on one CPU --------------------------------
# After the hard IRQ of an igbx vector on a CPU (irq_handler_entry, then
# igbx_irq naming the vector), the next poll of that vector's NAPI on that
# CPU must run inside NET_RX_SOFTIRQ (between softirq_entry and exit), and
# so must every napi_poll of igbx's NAPI instances.  A vector may fire again
# before its poll: the datasheet's EIAM auto-mask holds it off until NAPI
# re-arms it, but the model does not implement auto-masking (napi_schedule()
# of a scheduled NAPI does nothing), so one poll answers them all.
awk "$FIELD"'
$2 == "softirq_entry" { in_rx[$1] = 1 }
$2 == "softirq_exit" { in_rx[$1] = 0 }
$2 == "irq_handler_entry" { irqs++; hard[$1] = 1 }
$2 == "igbx_irq" && hard[$1] { hard[$1] = 0; pending[$1, field("vector")]++ }
$2 == "igbx_poll_start" && pending[$1, field("vector")] {
	if (in_rx[$1]) ok += pending[$1, field("vector")]; else bad++
	pending[$1, field("vector")] = 0
}
$2 == "napi_poll" && !in_rx[$1] { bad++ }
END { print irqs + 0, ok + 0, bad + 0 }' "$RUN/events" >"$RUN/order"
read -r irqs ordered disordered <"$RUN/order"
nvec=$(grep -c "$IF-TxRx-" /proc/interrupts)
ktap_print_msg "igbx hard IRQs $irqs: followed by their poll in NET_RX_SOFTIRQ $ordered; polls outside it $disordered"
check "irq_handler_entry for igbx's vectors is followed by NET_RX_SOFTIRQ and the vector's poll on that CPU" \
	test "$ordered" -ge 1 -a "$disordered" -eq 0 \
	-a "$ordered" -ge $((irqs - nvec * $(nproc)))

# --- 5-8. igbx's tracepoints agree with the kernel's ----------------------------
own_irqs=$(awk '$2 == "igbx_irq"' "$RUN/events" | wc -l)
ktap_print_msg "igbx_irq events $own_irqs, irq_handler_entry events $irqs"
check "igbx_irq: one event per hard IRQ of igbx's vectors" \
	test "$own_irqs" -ge 1 -a $((irqs - own_irqs)) -le "$(nproc)" \
	-a $((own_irqs - irqs)) -le "$(nproc)"
starts=$(awk "$FIELD"' $2 == "igbx_poll_start" && field("dev") == "'"$IF"'"' "$RUN/events" | wc -l)
ends=$(awk "$FIELD"' $2 == "igbx_poll_end" && field("dev") == "'"$IF"'"' "$RUN/events" | wc -l)
# each napi_poll is preceded on its CPU by igbx_poll_end with the same budget
awk "$FIELD"'
$2 == "igbx_poll_end" { b[$1] = field("budget"); have[$1] = 1 }
$2 == "napi_poll" { if (have[$1] && b[$1] == field("budget")) ok++; else bad++; have[$1] = 0 }
END { print ok + 0, bad + 0 }' "$RUN/events" >"$RUN/pairs"
read -r paired unpaired <"$RUN/pairs"
ktap_print_msg "igbx_poll_start $starts, igbx_poll_end $ends, napi_poll $polls; paired $paired, unpaired $unpaired"
check "igbx_poll_start/end: one pair per napi_poll, with net_rx_action's budget" \
	test "$paired" -ge 10 -a "$unpaired" -le 1 \
	-a $((starts - ends)) -le "$(nproc)" -a $((ends - starts)) -le "$(nproc)"
over_own=$(awk "$FIELD"' $2 == "igbx_poll_end" && field("rx_frames") + 0 > field("budget") + 0' "$RUN/events" | wc -l)
rx_frames=$(awk "$FIELD"' $2 == "igbx_poll_end" { n += field("rx_frames") } END { print n + 0 }' "$RUN/events")
ktap_print_msg "RX frames in the traced polls: $rx_frames"
check "igbx_poll_end: RX frames never above budget, and frames were received" \
	test "$over_own" -eq 0 -a "$rx_frames" -gt 0
# a refill that gave N buffers is followed by an RX doorbell of N descriptors
awk "$FIELD"'
$2 == "igbx_rx_refill" && field("given") + 0 > 0 { want[$1] = field("queue") " " field("given") }
$2 == "igbx_doorbell" && field("ring") == "rx" && want[$1] != "" {
	if (want[$1] == field("queue") " " field("descs")) ok++; else bad++
	want[$1] = ""
}
END { print ok + 0, bad + 0 }' "$RUN/events" >"$RUN/refill"
read -r rung misrung <"$RUN/refill"
ktap_print_msg "RX refills rung with their own count $rung, otherwise $misrung"
check "igbx_rx_refill: each refill is one RX doorbell of exactly the buffers given" \
	test "$rung" -ge 1 -a "$misrung" -eq 0
tx_descs=$(awk "$FIELD"' $2 == "igbx_doorbell" && field("ring") == "tx" { n += field("descs") } END { print n + 0 }' "$RUN/events")
check "igbx_doorbell: TX doorbells hand the device descriptors ($tx_descs)" \
	test "$tx_descs" -gt 0

for e in irq/irq_handler_entry irq/softirq_entry irq/softirq_exit \
	 napi/napi_poll igbx; do
	ev "$e" 0
done

# --- 10. softnet_stat on the CPUs that took igbx's RX work --------------------
# vector_irqs: "queue irqs-on-cpu0 irqs-on-cpu1 ..." per igbx queue vector
vector_irqs() {
	awk -v p="$IF-TxRx-" 'NR == 1 { n = NF; next }
		index($NF, p) == 1 { q = substr($NF, length(p) + 1); o = q
			for (i = 1; i <= n; i++) o = o " " $(i + 1); print o }' \
		/proc/interrupts | sort -n
}
# rx_packets: "queue packets" per RX queue (ethtool -S rx-Q.packets)
rx_packets() {
	ethtool -S "$IF" | awk '$1 ~ /^rx-[0-9]+\.packets:$/ {
		q = $1; sub(/^rx-/, "", q); sub(/\..*/, "", q); print q, $2 }' | sort -n
}
# softnet COLUMN: that column of /proc/net/softnet_stat (hex), one line per CPU
softnet() {
	local f

	while read -r -a f; do
		echo $((16#${f[$1 - 1]}))
	done </proc/net/softnet_stat
}
vector_irqs >"$RUN/irq0"
rx_packets >"$RUN/rxq0"
softnet 1 >"$RUN/proc0"
iperf3_run -t 2 -R >/dev/null
vector_irqs >"$RUN/irq1"
rx_packets >"$RUN/rxq1"
softnet 1 >"$RUN/proc1"
# the CPUs that polled received frames: those whose interrupts came from the
# vector of an RX queue that received, one line "cpu processed-delta"
paste "$RUN/proc0" "$RUN/proc1" | awk '{ print NR - 1, $2 - $1 }' >"$RUN/processed"
awk 'FILENAME == ARGV[1] { r0[$1] = $2; next }
     FILENAME == ARGV[2] { if ($2 > r0[$1]) rx[$1] = 1; next }
     FILENAME == ARGV[3] { for (i = 2; i <= NF; i++) i0[$1, i] = $i; next }
     rx[$1] { for (i = 2; i <= NF; i++) if ($i > i0[$1, i]) print i - 2 }' \
	"$RUN/rxq0" "$RUN/rxq1" "$RUN/irq0" "$RUN/irq1" | sort -u >"$RUN/rxcpus"
ktap_print_msg "CPUs polling received frames: $(tr '\n' ' ' <"$RUN/rxcpus"); softnet processed per CPU: $(awk '{ printf "cpu%s +%s ", $1, $2 }' "$RUN/processed")"
check "softnet_stat: processed grows on every CPU whose igbx vectors polled received frames" \
	awk 'FILENAME == ARGV[1] { want[$1] = 1; n++; next }
	     ($1 in want) && $2 <= 0 { bad++ }
	     END { exit !(n > 0 && !bad) }' "$RUN/rxcpus" "$RUN/processed"

# --- 11. a lowered netdev_budget: time_squeeze --------------------------------
squeeze() { softnet 3 | awk '{ n += $1 } END { print n + 0 }'; }
s0=$(squeeze)
iperf3_run -t 1 -R >/dev/null
s1=$(squeeze)
sysctl -qw net.core.netdev_budget=1
iperf3_run -t 1 -R >/dev/null
s2=$(squeeze)
sysctl -qw net.core.netdev_budget="$budget0"
ktap_print_msg "time_squeeze: +$((s1 - s0)) with netdev_budget $budget0, +$((s2 - s1)) with 1"
check "softnet_stat: netdev_budget 1 makes time_squeeze grow" \
	test $((s2 - s1)) -gt 0

no_splat() { ! dmesg_splats_since netrx; }
check "no kernel splat" no_splat
ktap_finished
