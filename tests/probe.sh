#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# igbx binds the emulated 82576 (and nothing else), registers a net_device
# with the MAC address from the NVM, and identifies itself to ethtool.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 10

igbx_unload
dmesg_mark probe

check "insmod igbx.ko" igbx_load
check "igbx is bound to the 82576 at $IGBX_PCI" \
	test "$(pci_driver "$IGBX_PCI")" = igbx
ifname=$(igbx_ifname)
check "a net_device is registered for it ($ifname)" test -n "$ifname"
check "MAC address is the one QEMU put in the NVM ($IGBX_MAC)" \
	test "$(cat "/sys/class/net/$ifname/address" 2>/dev/null)" = "$IGBX_MAC"
check "permanent address is the NVM's too" \
	test "$(ethtool -P "$ifname" 2>/dev/null)" = "Permanent address: $IGBX_MAC"

drvinfo_ok() {
	local info

	info=$(ethtool -i "$ifname") || return 1
	echo "$info" | grep -qx "driver: igbx" &&
		echo "$info" | grep -qx "bus-info: $IGBX_PCI" &&
		echo "$info" | grep -q "^version: [0-9]"
}
check "ethtool -i reports driver igbx, version and bus-info" drvinfo_ok

defaults_ok() {
	local c

	c=$(ethtool -c "$ifname") || return 1
	echo "$c" | grep -q "^Adaptive RX: off  TX: off" &&
		echo "$c" | grep -qE "^rx-usecs:[[:space:]]+50$" &&
		[ "$(rx_ring_size "$ifname")" = 256 ]
}
check "defaults: fixed 50 us moderation, 256 RX descriptors" defaults_ok

only_ours() {
	local bound

	bound=$(cd /sys/bus/pci/drivers/igbx && ls -d 0000:* 2>/dev/null)
	[ "$bound" = "$IGBX_PCI" ]
}
check "igbx is bound to no other PCI device" only_ours

# The virtio NIC is not an 82576: an explicit bind must be refused and the
# device must stay with its own driver.
virtio_refused() {
	local dev

	for dev in /sys/bus/pci/drivers/virtio-pci/0000:*; do
		dev=$(basename "$dev")
		if echo "$dev" >/sys/bus/pci/drivers/igbx/bind 2>/dev/null; then
			return 1
		fi
		[ "$(pci_driver "$dev")" = virtio-pci ] || return 1
	done
}
check "binding a virtio device to igbx is refused" virtio_refused

no_splat() { ! dmesg_splats_since probe; }
check "no kernel splat during probe" no_splat
ktap_finished
