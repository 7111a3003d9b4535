#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Hot-unplug under traffic and hot-plug back (QEMU device_del/device_add
# through the monitor): remove() finishes while frames are in flight, a
# new device is bound and passes traffic.  This is an orderly (ACPI)
# unplug; a surprise removal with all-ones reads is not covered here.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 6
dmesg_mark hotplug

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi

gone() { [ ! -e "/sys/bus/pci/devices/$IGBX_PCI" ]; }
ping -i 0.05 -c 100 -W 1 "$REMOTE_V4" >/dev/null 2>&1 &
sleep 1
vm_monitor "device_del $IGBX_QEMU_ID" >/dev/null
check "device_del under traffic: the device is removed within 10 s" wait_for 10 gone
check "no igbx net_device is left" \
	sh -c "! ls -l /sys/class/net/ | grep -q '$IGBX_PCI'"
wait

vm_monitor "device_add igb,netdev=n0,id=$IGBX_QEMU_ID,mac=$IGBX_MAC,addr=3" >/dev/null
bound() { [ "$(pci_driver "$IGBX_PCI")" = igbx ] && [ -n "$(igbx_ifname)" ]; }
check "device_add: igbx binds the new device" wait_for 10 bound
check "the new device has the NVM's MAC address" \
	sh -c "[ \"\$(cat /sys/class/net/$(igbx_ifname)/address)\" = $IGBX_MAC ]"
check "traffic passes on the new device" igbx_setup
no_splat() { ! dmesg_splats_since hotplug; }
check "no kernel splat" no_splat
ktap_finished
