# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers for igbx's kselftests.  They run as root inside the QEMU rig
# (scripts/vm) and use the kernel's own KTAP helpers
# (tools/testing/selftests/kselftest/ktap_helpers.sh).

IGBX_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The project tree: tests/ in the source, or .cache/kselftest/igbx/ when
# installed by scripts/check.
if [ -z "${IGBX_TOP:-}" ]; then
	for d in "$IGBX_TESTS_DIR/.." "$IGBX_TESTS_DIR/../../.."; do
		if [ -f "$d/Kbuild" ] && [ -d "$d/src" ]; then
			IGBX_TOP=$(cd "$d" && pwd)
			break
		fi
	done
fi
IGBX_KO=${IGBX_KO:-$IGBX_TOP/igbx.ko}

# What the rig gives the igb device (scripts/vm).
IGBX_PCI=${IGBX_PCI:-0000:00:03.0}
IGBX_MAC=${IGBX_MAC:-52:54:00:12:34:56}
IGBX_QEMU_ID=${IGBX_QEMU_ID:-igb0}
PEER_NS=${PEER_NS:-igbxpeer}

for f in "$IGBX_TESTS_DIR/../kselftest/ktap_helpers.sh" \
	 "$IGBX_TOP/.cache/linux-source-6.12/tools/testing/selftests/kselftest/ktap_helpers.sh"; do
	if [ -f "$f" ]; then
		# shellcheck source=/dev/null
		. "$f"
		break
	fi
done
if ! command -v ktap_test_pass >/dev/null; then
	echo "not ok 1 cannot find kselftest/ktap_helpers.sh (run scripts/deps)"
	exit 1
fi

# check DESCRIPTION COMMAND...: one KTAP test result from a command's status.
check() {
	local desc=$1

	shift
	if "$@"; then
		ktap_test_pass "$desc"
	else
		ktap_test_fail "$desc"
	fi
}

# wait_for SECONDS COMMAND...: poll COMMAND every 0.1 s until it succeeds.
wait_for() {
	local deadline=$(($(date +%s%N) + $1 * 1000000000))

	shift
	while ! "$@"; do
		[ "$(date +%s%N)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}

igbx_loaded() {
	[ -d /sys/module/igbx ]
}

igbx_load() {
	igbx_loaded || insmod "$IGBX_KO" "$@"
}

igbx_unload() {
	! igbx_loaded || rmmod igbx
}

# Name of the net_device igbx registered for the rig's igb device.
igbx_ifname() {
	local d=/sys/bus/pci/devices/$IGBX_PCI/net

	[ -d "$d" ] && ls "$d" 2>/dev/null | head -n 1
}

pci_driver() {
	local link=/sys/bus/pci/devices/$1/driver

	[ -e "$link" ] && basename "$(readlink "$link")"
}

carrier_is() {
	[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = "$2" ]
}

# Count of the interrupts of the vector named NAME in /proc/interrupts.
irq_count() {
	awk -v n="$1" '$NF == n { s = 0; for (i = 2; i < NF; i++) if ($i ~ /^[0-9]+$/) s += $i; print s; f = 1 } END { if (!f) print -1 }' /proc/interrupts
}

# Kernel log lines since the mark set by dmesg_mark that would fail the rig.
dmesg_mark() {
	echo "igbx-test: mark $1" >/dev/kmsg
}

dmesg_splats_since() {
	dmesg | sed -n "/igbx-test: mark $1\$/,\$p" |
		grep -E 'BUG:|WARNING:|Oops|general protection|list_del corruption|refcount_t|DMA-API|igbx.*[Tt]imeout'
}

vm_monitor() {
	"$IGBX_TOP/scripts/vm-monitor" "$@"
}
