#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Link comes up by auto-negotiation, link changes reach the driver as an
# MSI-X "other causes" interrupt and the carrier follows them both ways.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 12

dmesg_mark link
igbx_load
ifname=$(igbx_ifname)
if [ -z "$ifname" ]; then
	ktap_exit_fail_msg "igbx has no net_device for $IGBX_PCI"
fi
vec="$ifname-other"

ip link set "$ifname" up
check "carrier comes up within 5 s of ip link set up" \
	wait_for 5 carrier_is "$ifname" 1

ksettings_ok() {
	local out

	out=$(ethtool "$ifname") || return 1
	echo "$out" | grep -q "Speed: 1000Mb/s" &&
		echo "$out" | grep -q "Duplex: Full" &&
		echo "$out" | grep -q "Auto-negotiation: on" &&
		echo "$out" | grep -q "Link detected: yes" &&
		echo "$out" | grep -q "1000baseT/Full"
}
check "ethtool: 1000 Mb/s, full duplex, autoneg on, link detected" ksettings_ok
check "one-line link message with speed and duplex" \
	sh -c "dmesg | grep -q '$ifname: link up, 1000 Mb/s, full duplex'"
check "the other-causes vector $vec is registered" \
	test "$(irq_count "$vec")" -ge 0

irqs=$(irq_count "$vec")
vm_monitor "set_link $IGBX_QEMU_ID off" >/dev/null
check "carrier goes down within 5 s of set_link off" \
	wait_for 5 carrier_is "$ifname" 0
check "the link change arrived as an interrupt on $vec" \
	test "$(irq_count "$vec")" -gt "$irqs"
check "ethtool reports no link and unknown speed" \
	sh -c "ethtool $ifname | grep -q 'Link detected: no' &&
	       ethtool $ifname | grep -q 'Speed: Unknown'"

vm_monitor "set_link $IGBX_QEMU_ID on" >/dev/null
check "carrier comes back within 5 s of set_link on" \
	wait_for 5 carrier_is "$ifname" 1

check "ethtool -r restarts auto-negotiation" ethtool -r "$ifname"
check "link is up again after ethtool -r" wait_for 5 carrier_is "$ifname" 1

ip link set "$ifname" down
up_again() {
	ip link set "$ifname" up && wait_for 5 carrier_is "$ifname" 1
}
check "down/up brings the link back within 5 s" up_again

no_splat() { ! dmesg_splats_since link; }
check "no kernel splat" no_splat
ktap_finished
