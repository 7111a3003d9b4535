#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Load and unload igbx repeatedly, with the interface up; every cycle must
# register the net_device and every rmmod must leave nothing behind.
. "$(dirname "$0")/lib.sh"

CYCLES=${CYCLES:-20}

ktap_print_header
ktap_set_plan 7

dmesg_mark load_unload
igbx_unload

failed=0
for i in $(seq "$CYCLES"); do
	if ! insmod "$IGBX_KO"; then
		ktap_print_msg "cycle $i: insmod failed"
		failed=$((failed + 1))
		continue
	fi
	ifname=$(igbx_ifname)
	if [ -z "$ifname" ] || ! ip link set "$ifname" up; then
		ktap_print_msg "cycle $i: no interface to bring up"
		failed=$((failed + 1))
	elif [ $((i % 5)) -eq 0 ] && ! wait_for 5 carrier_is "$ifname" 1; then
		ktap_print_msg "cycle $i: no carrier"
		failed=$((failed + 1))
	fi
	if ! rmmod igbx; then
		ktap_print_msg "cycle $i: rmmod failed"
		failed=$((failed + 1))
	fi
done
check "$CYCLES insmod / up / rmmod cycles" test "$failed" -eq 0
check "module is gone" sh -c '! test -d /sys/module/igbx'
check "device is left without a driver" test -z "$(pci_driver "$IGBX_PCI")"
check "no igbx net_device remains" test -z "$(igbx_ifname)"
check "no vectors of ours remain in /proc/interrupts" \
	sh -c "! grep -q -- '-other\$' /proc/interrupts"
# After traffic (earlier tests) and 20 cycles, every page went back.
check_pools_drained
no_splat() { ! dmesg_splats_since load_unload; }
check "no kernel splat" no_splat
ktap_finished
