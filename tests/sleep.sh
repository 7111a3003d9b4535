#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# System sleep: real S3 suspend-to-RAM and resume cycles with igbx up and
# configured, traffic (iperf3) before and after each; the configuration
# reads back identical, Wake-on-LAN is armed on the way down and disarmed on
# the way up, and a port that was down stays down.
#
# Needs a boot of its own (make check's fourth): QEMU with S3 enabled
# (-global PIIX4_PM.disable_s3=0), the kernel with no_console_suspend, and
# IGBX_SLEEP_BOOT=1.  QEMU resets every device on wake-up, and the 9p
# driver cannot restore its virtqueues, so after the first resume the 9p
# root and the run directory are gone for good.  The test therefore copies
# what it needs after that (busybox, ethtool, ip, ping, iperf3 and their
# libraries) into a tmpfs root, goes on from there, reports its exit status
# on its output ("@@VM-RC=N", which scripts/vm reads) and powers the guest
# off.  The RTC alarm wakes the guest.
#
# IGBX_STRESS=full: 10 cycles instead of 3.
. "$(dirname "$0")/lib.sh"

ktap_print_header
if [ -z "${IGBX_SLEEP_BOOT:-}" ] || ! grep -qw deep /sys/power/mem_sleep 2>/dev/null ||
   ! [ -e /sys/class/rtc/rtc0/wakealarm ]; then
	ktap_skip_all "needs a boot of its own with S3 (make check's sleep boot; IGBX_SLEEP_BOOT=1): resume breaks the rig's 9p root"
	exit "$KSFT_SKIP"
fi
cycles=3
[ "${IGBX_STRESS:-quick}" != full ] || cycles=10
ktap_set_plan $((cycles + 5))
dmesg_mark sleep

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

# --- the tmpfs root everything after the first suspend runs from ----------------
R=/tmp/sleeproot
stage() {
	local f l

	mkdir -p "$R/bin" "$R/x" "$R/lib64" "$R/proc" "$R/sys" "$R/dev" "$R/run/netns" "$R/tmp"
	cp /bin/busybox "$R/bin/"
	for f in sh env awk cat grep sed sleep seq wc cmp diff dmesg head tail tr date; do
		ln -sf busybox "$R/bin/$f"
	done
	for f in /usr/sbin/ethtool /usr/sbin/ip /usr/bin/ping /usr/bin/iperf3; do
		cp "$f" "$R/x/" || return 1
		for l in $(ldd "$f" | awk '$3 ~ /^\// { print $3 } $1 ~ /^\/lib64/ { print $1 }'); do
			mkdir -p "$R$(dirname "$l")"
			cp -L "$l" "$R$l"
		done
	done
	mount --rbind /proc "$R/proc" && mount --rbind /sys "$R/sys" &&
		mount --rbind /dev "$R/dev" && mount --rbind /run/netns "$R/run/netns"
}
inroot() { chroot "$R" /bin/sh -c "$*"; }
check "a tmpfs root with busybox, ethtool, ip, ping and iperf3 for after the resume" stage
inroot "/x/ethtool -i $IF" >/dev/null || ktap_exit_fail_msg "the tools do not run in the tmpfs root"

# --- a configuration the resumes must keep ---------------------------------------
configure() {
	ethtool -L "$IF" combined 1 &&
		ethtool -G "$IF" rx 256 tx 256 &&
		ethtool -C "$IF" adaptive-rx off rx-usecs 100 &&
		ethtool -A "$IF" autoneg off rx off tx off &&
		jumbo_vlan_up &&
		ethtool -s "$IF" wol g
}
configure || ktap_exit_fail_msg "cannot set the configuration"
echo 1 >/sys/kernel/tracing/events/igbx/igbx_wol/enable
echo >/sys/kernel/tracing/trace
# the peer's iperf3 server, binary and libraries from the tmpfs root so
# that it outlives 9p
in_peer "$R/lib64/ld-linux-x86-64.so.2" --library-path "$R/lib/x86_64-linux-gnu" \
	"$R/x/iperf3" -s -D

# From here on only the tmpfs root: the rest of the test is a busybox
# script in it.
cat >"$R/after.sh" <<'EOF'
#!/bin/sh
# variables: IF PEER_NS REMOTE_V4 CYCLES N (the next KTAP test number)
export PATH=/bin TZ=UTC0
# the real tools (busybox sh would run its own applets of the same names)
ip() { /x/ip "$@"; }
ping() { /x/ping "$@"; }
ethtool() { /x/ethtool "$@"; }
iperf3() { /x/iperf3 "$@"; }
pass=0 fail=0
result() {	# result STATUS DESCRIPTION
	if [ "$1" = 0 ]; then
		echo "ok $N $2"
		pass=$((pass + 1))
	else
		echo "not ok $N $2"
		fail=$((fail + 1))
	fi
	N=$((N + 1))
}
stat() { ethtool -S "$IF" 2>/dev/null | awk -v n="$1:" '$1 == n { print $2 }'; }
wait_up() {	# wait_up SECONDS: carrier and a jumbo ping answered
	i=0
	while [ "$i" -lt $(($1 * 2)) ]; do
		[ "$(cat "/sys/class/net/$IF/carrier" 2>/dev/null)" = 1 ] &&
			ping -c 1 -W 1 -s 8972 -M do "$REMOTE_V4" >/dev/null 2>&1 && return 0
		sleep 0.5
		i=$((i + 1))
	done
	return 1
}
iperf_bytes() {
	iperf3 -c "$REMOTE_V4" -t 2 -J 2>/dev/null |
		awk '/"sum_received"/ { r = 1 } r && /"bytes"/ { gsub(/[^0-9]/, "", $2); print $2; exit }'
}
settings() {
	ethtool -l "$IF" | sed -n '/^Current/,$p'
	ethtool -g "$IF" | sed -n '/^Current/,$p'
	ethtool -c "$IF" | grep -E '^(Adaptive|rx-usecs:)'
	ethtool -a "$IF" | grep -E '^(Autoneg|RX|TX):'
	ethtool "$IF" | grep -E 'Wake-on'
	ip link show "$IF" | grep -oE 'mtu [0-9]+'
	ip -d link show "$IF.10" | grep -oE 'vlan protocol 802.1Q id [0-9]+'
}
s3() {	# one suspend to RAM; the RTC alarm wakes the guest
	echo deep >/sys/power/mem_sleep
	echo +3 >/sys/class/rtc/rtc0/wakealarm
	echo mem >/sys/power/state
}

settings >/tmp/before 2>&1
b=$(iperf_bytes)
echo "# iperf3 before the first suspend: ${b:-0} bytes"
r0=$(stat pm_resumes)
k=1
while [ "$k" -le "$CYCLES" ]; do
	s3; rc=$?
	ok=1
	[ "$rc" = 0 ] && wait_up 20 && b=$(iperf_bytes) && [ "${b:-0}" -gt 0 ] &&
		[ "$(stat pm_resumes)" = $((r0 + k)) ] && ok=0
	echo "# cycle $k: suspend rc $rc, pm_resumes $(stat pm_resumes), iperf3 ${b:-0} bytes"
	result $ok "S3 cycle $k: resumed, carrier, jumbo ping, iperf3 passes, pm_resumes counted"
	k=$((k + 1))
done

settings >/tmp/after 2>&1
diff /tmp/before /tmp/after | sed 's/^/# /'
cmp -s /tmp/before /tmp/after
result $? "after $CYCLES cycles: channels, rings, coalescing, pause, WoL, MTU and VLAN read back identical"

t=/sys/kernel/tracing/trace
grep -o 'igbx_wol.*' "$t" | tail -n 2 | sed 's/^/# /'
[ "$(grep -c 'igbx_wol: dev=[^ ]* armed wuc=0x2 wufc=0x2 ' "$t")" -ge "$CYCLES" ] &&
	[ "$(grep -c 'igbx_wol: dev=[^ ]* disarmed wuc=0x0 wufc=0x0 ' "$t")" -ge "$CYCLES" ]
result $? "WoL: magic packet armed at each suspend (WUC.PME_EN, WUFC.MAG), disarmed at each resume"

ip link set "$IF" down
s3
down=0
ip link show "$IF" | grep -q ',UP' && down=1
[ "$(cat "/sys/class/net/$IF/operstate")" = down ] || down=1
ip link set "$IF" up
[ "$down" = 0 ] && wait_up 20
result $? "a port that was down stays down across a suspend, and comes up after"

dmesg | grep -E 'BUG:|WARNING:|Oops|general protection|refcount_t|DMA-API|igbx.*[Tt]imeout' | sed 's/^/# /'
! dmesg | grep -qE 'BUG:|WARNING:|Oops|general protection|refcount_t|DMA-API|igbx.*[Tt]imeout'
result $? "no kernel splat"

echo "# Totals: pass:$((pass + PRE_PASS)) fail:$((fail + PRE_FAIL)) xfail:0 xpass:0 skip:0 error:0"
rc=0
[ $((fail + PRE_FAIL)) = 0 ] || rc=1
echo "@@VM-RC=$rc"
sleep 1
echo o >/proc/sysrq-trigger
EOF
exec chroot "$R" /bin/env -i IF="$IF" PEER_NS="$PEER_NS" REMOTE_V4="$REMOTE_V4" \
	CYCLES="$cycles" N="$KTAP_TESTNO" PRE_PASS="$KTAP_CNT_PASS" \
	PRE_FAIL="$KTAP_CNT_FAIL" /bin/sh /after.sh
