#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# PCIe AER recovery (make check boots the rig as q35, VM_MACHINE=q35, with
# the igb behind a PCIe root port for this): correctable errors are counted
# and change nothing; non-fatal and fatal uncorrectable errors go through
# error_detected -> slot_reset -> resume and the port comes back with its
# configuration; a second error during a recovery causes no hang.
#
# Errors come from the kernel's aer_inject (the igb as the source, as its
# own error message would say) and, for one fatal error, from QEMU's
# pcie_aer_inject_error on the root port: QEMU's igb model cannot send
# error messages itself (its Device Control error reporting bits are
# read-only zero).
. "$(dirname "$0")/lib.sh"

ktap_print_header
if ! [ -e "/sys/bus/pci/devices/$IGBX_PCI/aer_dev_fatal" ] ||
   ! dmesg | grep -q 'AER: enabled with IRQ'; then
	ktap_skip_all "needs the q35 rig (VM_MACHINE=q35): a root port with AER above the igb"
	exit "$KSFT_SKIP"
fi
ktap_set_plan 9
dmesg_mark aer
SYSDEV=/sys/bus/pci/devices/$IGBX_PCI

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

# aer_inject cor|unc STATUS: one error with the igb as its source; struct
# aer_error_inj (bus, dev, fn, pad, uncor_status, cor_status, header_log[4],
# domain) in one write.
le32() {
	printf '\\x%02x\\x%02x\\x%02x\\x%02x' $(($1 & 255)) $(($1 >> 8 & 255)) \
		$(($1 >> 16 & 255)) $(($1 >> 24 & 255))
}
aer_inject() {
	local d=${IGBX_PCI%%:*} b dev f r unc=0 cor=0

	r=${IGBX_PCI#*:}
	b=${r%%:*}
	r=${r#*:}
	dev=${r%%.*}
	f=${r#*.}
	if [ "$1" = unc ]; then unc=$2; else cor=$2; fi
	# shellcheck disable=SC2059
	printf "$(printf '\\x%02x\\x%02x\\x%02x\\x00' $((16#$b)) $((16#$dev)) $((16#$f)))$(le32 "$unc")$(le32 "$cor")$(le32 0)$(le32 0)$(le32 0)$(le32 0)$(le32 $((16#$d)))" \
		>/dev/aer_inject
}

stat() { ethtool_stat "$IF" "$1" 2>/dev/null; }
recoveries_above() { [ "$(stat pci_error_recoveries)" -gt "$1" ]; }
back() {
	wait_for 20 carrier_is "$IF" 1 &&
		wait_for 20 ping -c 1 -W 1 -s 8972 -M do "$REMOTE_V4" >/dev/null
}
# recovered FROM: one more recovery than FROM, the port passes traffic again
recovered() {
	local t0=$(date +%s%N)

	wait_for 30 recoveries_above "$1" || { echo "no recovery counted"; return 1; }
	back || { echo "no traffic after the recovery"; return 1; }
	ktap_print_msg "recovered, passing jumbo frames again $((($(date +%s%N) - t0) / 1000000)) ms after the injection"
}

# a configuration the recovery must keep
ip link set "$IF" mtu 9000
in_peer ip link set "$PEER_IF" mtu 9000
ethtool -G "$IF" rx 256
settings() {
	ethtool -g "$IF" | sed -n '/^Current/,$p'
	ip link show "$IF" | grep -o 'mtu [0-9]*'
}
settings >"$VM_RUN_DIR/aer.before" 2>&1

# --- 1. from the device side: QEMU injects on the root port ---------------------
# (before aer_inject is loaded: it takes over the root port's AER registers)
qemu_fatal() {
	local r0 out

	r0=$(stat pci_error_recoveries)
	out=$(vm_monitor 'pcie_aer_inject_error rp1 MALF_TLP' 2>&1)
	echo "$out" | grep -q 'OK id: rp1' || { echo "monitor: $out"; return 1; }
	recovered "$r0"
}
check "fatal error injected by QEMU on the root port: the port below recovers" qemu_fatal

# --- 2-6. aer_inject: errors with the igb as their source -----------------------
INJ=1
modprobe aer_inject 2>/dev/null && [ -c /dev/aer_inject ] || INJ=0
# icheck DESC FUNC: check, or skip where the kernel has no aer_inject
icheck() {
	if [ "$INJ" = 1 ]; then
		check "$@"
	else
		ktap_test_skip "$1: the kernel has no aer_inject module"
	fi
}
# correctable -------------------------------------------------------------
c0=$(stat pci_correctable_errors)
if [ "$c0" = -1 ] && [ "$INJ" = 1 ]; then
	ktap_test_skip "correctable errors counted: this kernel does not report them to drivers (no cor_error_detected)"
else
	cor_counted() {
		local r0

		r0=$(stat pci_error_recoveries)
		aer_inject cor 0x1 || return 1	# receiver error
		wait_for 10 sh -c "[ \$(ethtool -S $IF | awk '\$1 == \"pci_correctable_errors:\" { print \$2 }') -gt $c0 ]" || return 1
		ktap_print_msg "pci_correctable_errors $c0 -> $(stat pci_correctable_errors)"
		ping -c 3 -i 0.2 -W 1 "$REMOTE_V4" >/dev/null &&
			[ "$(stat pci_error_recoveries)" = "$r0" ] && carrier_is "$IF" 1
	}
	icheck "a correctable error is counted (ethtool -S) and logged; traffic goes on, no recovery" cor_counted
fi

# uncorrectable non-fatal and fatal -------------------------------------
nonfatal() {
	local r0

	r0=$(stat pci_error_recoveries)
	aer_inject unc 0x1000 || return 1	# poisoned TLP: non-fatal
	recovered "$r0"
}
icheck "non-fatal error (poisoned TLP): detected, reset, resumed; traffic passes" nonfatal
fatal() {
	local r0

	r0=$(stat pci_error_recoveries)
	aer_inject unc 0x40000 || return 1	# malformed TLP: fatal
	recovered "$r0" &&
		dmesg_since aer | grep -q 'igbx.*PCIe error (channel frozen)'
}
icheck "fatal error (malformed TLP): frozen channel, secondary bus reset, slot_reset, resume; traffic passes" fatal
same() {
	settings >"$VM_RUN_DIR/aer.after" 2>&1
	cmp -s "$VM_RUN_DIR/aer.before" "$VM_RUN_DIR/aer.after"
}
check "after the recoveries: MTU and ring size unchanged" same

# a second error during the recovery -----------------------------------------
double() {
	local r0

	r0=$(stat pci_error_recoveries)
	aer_inject unc 0x40000 || return 1
	sleep 0.2
	aer_inject unc 0x40000 || return 1
	recovered "$r0" || return 1
	# the second error's recovery may still be running: let it end
	sleep 3
	back
}
icheck "a second fatal error during the recovery: no hang, the port comes back" double

# --- 6-8. settled state -------------------------------------------------------------
icheck "the kernel's AER counters saw the igb's errors" \
	sh -c "[ \$(awk '/TOTAL_ERR_NONFATAL/ { print \$2 }' $SYSDEV/aer_dev_nonfatal) -gt 0 ]"
unload_clean() {
	ip link set "$IF" mtu 1500
	in_peer ip link set "$PEER_IF" mtu 1500
	igbx_unload || return 1
	! grep -q "$IF" /proc/interrupts
}
check "rmmod: no vector of the port left" unload_clean
no_splat() { ! dmesg_splats_since aer; }
check "no kernel splat" no_splat
ktap_finished
