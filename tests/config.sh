#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ethtool configuration: every setter is read back, its effect checked in
# the device registers (ethtool -d, layout version 1) or in behaviour, and
# bad values are refused with a message and change nothing.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 35
dmesg_mark config

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
nq=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')

# reg INDEX: 32-bit word INDEX of the register dump (see src/ethtool.c).
reg() {
	ethtool -d "$IF" raw on | od -An -v -tu4 -w4 | sed -n "$(($1 + 1))p" | tr -d ' '
}
REG_EITR1=23		# EITR(0) is word 22
REG_Q0=32		# queue 0 block: RDBAL RDBAH RDLEN ... (13 words per queue)
eitr_us() { echo $(( ($(reg $((22 + $1))) >> 2) & 0x1fff )); }
rdlen() { reg $((REG_Q0 + 13 * $1 + 2)); }
tdlen() { reg $((REG_Q0 + 13 * $1 + 9)); }

# refused MSG CMD...: CMD fails and prints MSG (the extack) on stderr.
refused() {
	local msg=$1 out

	shift
	out=$("$@" 2>&1) && return 1
	echo "$out" | grep -q -- "$msg"
}

dump_ok() {
	[ "$(ethtool -d "$IF" raw on | wc -c)" = $(((32 + 8 * 13 + 3) * 4)) ] &&
		[ $(( $(reg 0) & 0x40 )) != 0 ] && [ $(( $(reg 1) & 0x2 )) != 0 ]
}
check "ethtool -d: documented layout, CTRL.SLU and STATUS.LU set" dump_ok
check "ethtool -e: NVM bytes 0-5 are the MAC address" \
	sh -c "ethtool -e $IF offset 0 length 6 raw on | od -An -tx1 | tr -s ' ' |
	       sed 's/^ //; s/ /:/g' | grep -qx '$IGBX_MAC'"

# ethtool -E: the magic must name the device; a write of the byte already
# there either succeeds and leaves the NVM as it was (hardware), or is
# refused because the device does not hand software the SPI pins (QEMU
# models no SPI NVM) - never a corrupted NVM.
nvm() { ethtool -e "$IF" raw on | od -An -tx1 | tr -d ' \n'; }
magic=$(printf '%#x' $(( $(cat "/sys/class/net/$IF/device/device") << 16 |
			 $(cat "/sys/class/net/$IF/device/vendor") )))
nvm0=$(nvm)
dmesg_mark config-nvm
bad_magic() {
	ethtool_fails -E "$IF" magic 0x12345678 offset 0x10 value 0 &&
		dmesg_since config-nvm | grep -q 'NVM write refused: magic'
}
check "ethtool -E: a wrong magic is refused with a message" bad_magic
same_byte() {
	local b

	b=$(ethtool -e "$IF" offset 0x10 length 1 raw on | od -An -tu1 | tr -d ' ')
	if ethtool -E "$IF" magic "$magic" offset 0x10 value "$b" >/dev/null 2>&1; then
		ktap_print_msg "ethtool -E: written"
	else
		dmesg_since config-nvm | grep -q 'did not grant software access' ||
			return 1
		ktap_print_msg "ethtool -E: the device did not grant the SPI pins (QEMU)"
	fi
	[ "$(nvm)" = "$nvm0" ]
}
check "ethtool -E: rewriting a byte leaves the NVM and its checksum as they were" same_byte

# --- rings
rings_set() {
	ethtool -G "$IF" rx 512 tx 1024 &&
		ethtool -g "$IF" | sed -n '/^Current/,$p' | grep -q "^RX:[[:space:]]*512" &&
		ethtool -g "$IF" | sed -n '/^Current/,$p' | grep -q "^TX:[[:space:]]*1024" &&
		[ "$(rdlen 0)" = $((512 * 16)) ] && [ "$(tdlen 0)" = $((1024 * 16)) ]
}
check "ethtool -G rx 512 tx 1024: read back and in RDLEN/TDLEN" rings_set
check "traffic after the ring change" test "$(iperf3_run -t 2 -R)" -gt 0
check "ring size not a multiple of 8 is refused with a message" \
	refused "multiple of 8" ethtool -G "$IF" rx 100
check "ring size above 4096 is refused" ethtool_fails -G "$IF" rx 8192
check "refused ring changes left the rings alone" \
	sh -c "[ $(rdlen 0) = $((512 * 16)) ]"
ethtool -G "$IF" rx 256 tx 256

# --- interrupt moderation
ethtool -C "$IF" adaptive-rx on adaptive-tx on
check "rx-usecs while adaptive-rx stays on is refused with a message" \
	refused "turn adaptive-rx off" ethtool -C "$IF" rx-usecs 77
coal_set() {
	ethtool -C "$IF" adaptive-rx off adaptive-tx off rx-usecs 100 &&
		ethtool -c "$IF" | grep -q "^rx-usecs:[[:space:]]*100" &&
		[ "$(eitr_us 1)" = 100 ]
}
check "ethtool -C rx-usecs 100: read back and in EITR" coal_set
check "rx-usecs above the EITR maximum is refused with a message" \
	refused "maximum" ethtool -C "$IF" rx-usecs 9000
check "rx-frames (not in the hardware) is refused" ethtool_fails -C "$IF" rx-frames 10
check "refused coalescing changes left EITR alone" sh -c "[ $(eitr_us 1) = 100 ]"

# interrupts per received packet at rx-usecs 0 and 1000, same traffic
irq_per_kpkt() {
	local i0 p0 i1 p1

	ethtool -C "$IF" rx-usecs "$1" || return 1
	i0=$(awk -v n="$IF-TxRx" 'index($NF, n) { for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) s += $i } END { print s + 0 }' /proc/interrupts)
	p0=$(sysfs_stat "$IF" rx_packets)
	iperf3_run -t 3 -R >/dev/null
	i1=$(awk -v n="$IF-TxRx" 'index($NF, n) { for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) s += $i } END { print s + 0 }' /proc/interrupts)
	p1=$(sysfs_stat "$IF" rx_packets)
	echo $(( (i1 - i0) * 1000 / (p1 - p0 + 1) ))
}
a=$(irq_per_kpkt 0)
b=$(irq_per_kpkt 1000)
ktap_print_msg "interrupts per 1000 packets: rx-usecs 0: $a, rx-usecs 1000: $b"
check "rx-usecs 1000 gives fewer interrupts per packet than 0" test "$b" -lt "$a"

adaptive() {
	ethtool -C "$IF" adaptive-rx on &&
		ethtool -c "$IF" | grep -q "Adaptive RX: on" &&
		[ "$(iperf3_run -t 3 -R)" -gt 0 ] &&
		ethtool -C "$IF" adaptive-rx off rx-usecs 60 &&
		[ "$(eitr_us 1)" = 60 ]
}
check "adaptive-rx on (DIM) passes traffic; off restores the fixed EITR" adaptive

per_queue() {
	ethtool --per-queue "$IF" queue_mask 0x1 --coalesce rx-usecs 30 &&
		[ "$(eitr_us 1)" = 30 ] &&
		{ [ "$nq" -lt 2 ] || [ "$(eitr_us 2)" = 60 ]; } &&
		ethtool --per-queue "$IF" queue_mask 0x1 --show-coalesce |
		grep -q "^rx-usecs:[[:space:]]*30"
}
check "--per-queue coalescing changes only that queue's EITR" per_queue
ethtool -C "$IF" rx-usecs 50

# --- link settings, identify, flow hash
REG_LEDCTL=$((32 + 8 * 13))
advertise() {
	ethtool -s "$IF" autoneg on advertise 0x008 &&
		ethtool "$IF" | sed -n '/Advertised link modes/,/Advertised pause/p' |
		grep -q "100baseT/Full" &&
		! ethtool "$IF" | sed -n '/Advertised link modes/,/Advertised pause/p' |
		grep -q "1000baseT/Full" &&
		wait_for 10 carrier_is "$IF" 1 &&
		ethtool -s "$IF" autoneg on advertise 0x02f &&
		wait_for 10 carrier_is "$IF" 1 &&
		ethtool "$IF" | grep -q "1000baseT/Full"
}
check "ethtool -s advertise 100baseT/Full only, then all again" advertise
check "ethtool -s speed 1000 autoneg off is refused (clause 40)" \
	ethtool_fails -s "$IF" autoneg off speed 1000 duplex full
led0=$(reg $REG_LEDCTL)
check "ethtool -p blinks and leaves LEDCTL as it was" \
	sh -c "ethtool -p $IF 1 && [ \$(ethtool -d $IF raw on | od -An -v -tu4 -w4 | sed -n '$((REG_LEDCTL + 1))p' | tr -d ' ') = $led0 ]"
flow_hash() {
	ethtool -n "$IF" rx-flow-hash tcp4 | grep -q "L4 bytes 0 & 1" &&
		ethtool -N "$IF" rx-flow-hash udp4 sd &&
		! ethtool -n "$IF" rx-flow-hash udp4 | grep -q "L4 bytes" &&
		ethtool -N "$IF" rx-flow-hash udp4 sdfn &&
		ethtool -n "$IF" rx-flow-hash udp4 | grep -q "L4 bytes 0 & 1"
}
check "ethtool -n/-N rx-flow-hash: udp4 switches between sd and sdfn" flow_hash
# (ethtool 6.1 prints the kernel's refusal but exits 0 for -N)
tcp4_refused() {
	ethtool -N "$IF" rx-flow-hash tcp4 sd 2>&1 | grep -q "Invalid argument" &&
		ethtool -n "$IF" rx-flow-hash tcp4 | grep -q "L4 bytes 0 & 1"
}
check "rx-flow-hash tcp4 other than sdfn is refused, fields unchanged" tcp4_refused

# --- self-test
ethtool -G "$IF" rx 512 tx 512
ip link set "$IF" mtu 4000
check "ethtool -t offline: PASS (registers, NVM, interrupt, PHY loopback, link)" \
	sh -c "ethtool -t $IF offline | grep -q 'result is PASS'"
back_as_before() {
	wait_for 10 carrier_is "$IF" 1 &&
		ethtool -g "$IF" | sed -n '/^Current/,$p' | grep -q "^RX:[[:space:]]*512" &&
		[ "$(cat /sys/class/net/"$IF"/mtu)" = 4000 ] &&
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4"
}
check "after the offline test the port is back as it was (rings, MTU, traffic)" back_as_before
check "ethtool -t online: PASS" sh -c "ethtool -t $IF online | grep -q 'result is PASS'"
ip link set "$IF" mtu 1500
ethtool -G "$IF" rx 256 tx 256
wait_for 10 carrier_is "$IF" 1

# --- flow control
pause_forced() {
	local ctrl

	ethtool -A "$IF" autoneg off rx "$1" tx "$2" || return 1
	ethtool -a "$IF" | grep -q "^RX:[[:space:]]*$1" &&
		ethtool -a "$IF" | grep -q "^TX:[[:space:]]*$2" || return 1
	ctrl=$(reg 0)
	[ $(( (ctrl >> 27) & 1 )) = "$([ "$1" = on ] && echo 1 || echo 0)" ] &&
		[ $(( (ctrl >> 28) & 1 )) = "$([ "$2" = on ] && echo 1 || echo 0)" ]
}
check "ethtool -A autoneg off rx on tx off: CTRL.RFCE set, TFCE clear" pause_forced on off
check "ethtool -A autoneg off rx off tx on: CTRL.RFCE clear, TFCE set" pause_forced off on
check "pause statistics are reported (ethtool -I -a)" \
	sh -c "ethtool -I -a $IF | grep -q 'rx_pause_frames: [0-9]'"
ethtool -A "$IF" autoneg on rx on tx on
wait_for 10 carrier_is "$IF" 1

# --- channels
channels() {
	ethtool -L "$IF" combined 1 && ethtool -l "$IF" | tail -n 4 |
		grep -q "^Combined:[[:space:]]*1" &&
		[ "$(ls -d /sys/class/net/"$IF"/queues/rx-* | wc -l)" = 1 ] &&
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" &&
		ethtool -L "$IF" combined "$nq" && wait_for 10 ping -c 1 -W 1 "$REMOTE_V4"
}
check "ethtool -L combined 1 and back: queues follow, traffic passes" channels
check "more channels than vectors is refused" ethtool_fails -L "$IF" combined $((nq + 8))
stranded() {
	ethtool -X "$IF" equal "$nq" || return 1
	refused "indirection table" ethtool -L "$IF" combined 1
	local rc=$?
	ethtool -X "$IF" default
	[ "$nq" -lt 2 ] || [ "$rc" = 0 ]
}
check "-L that would strand a user RSS table is refused with a message" stranded

# --- under load: the settings change while iperf3 runs (the issue's
# counts: -G up and down 20 times, -L 1 <-> max 10 times, -C and -K too)
in_peer iperf3 -s -1 -D -p 5203 >/dev/null 2>&1
sleep 0.5
iperf3 -c "$REMOTE_V4" -p 5203 -t 120 -J >"$VM_RUN_DIR/config-iperf3.json" 2>&1 &
ipid=$!
sleep 2
fails=0
changes=0
change() {
	changes=$((changes + 1))
	ethtool "$@" >/dev/null 2>&1 || fails=$((fails + 1))
}
for i in $(seq 10); do
	change -G "$IF" rx 1024 tx 1024
	change -G "$IF" rx 256 tx 256
	change -C "$IF" adaptive-rx on
	change -C "$IF" adaptive-rx off rx-usecs $((20 + 10 * i))
	change -K "$IF" tso off
	change -K "$IF" tso on
	if [ "$nq" -ge 2 ]; then
		change -L "$IF" combined 1
		change -L "$IF" combined "$nq"
	fi
done
ethtool -C "$IF" rx-usecs 50
kill -INT "$ipid" 2>/dev/null
wait "$ipid"
check "$changes configuration changes under load all succeeded" test "$fails" -eq 0
moved=$(/usr/bin/python3 -c 'import json,sys; print(int(json.load(open(sys.argv[1]))["end"]["sum_sent"]["bytes"]))' \
	"$VM_RUN_DIR/config-iperf3.json" 2>/dev/null || echo 0)
ktap_print_msg "iperf3 moved $moved bytes during the changes"
check "the iperf3 run kept moving data through the changes" test "$moved" -gt 0
check "no port reset during the changes" test "$(ethtool_stat "$IF" port_resets)" -eq 0

no_splat() { ! dmesg_splats_since config; }
check "no kernel splat" no_splat
ktap_finished
