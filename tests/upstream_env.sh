#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# usage: tests/upstream_env.sh DRIVER CMD [ARG...]
#
# Guest side (run it inside scripts/vm, as root): prepare the rig's igb
# device for the kernel's upstream drivers/net selftests and exec CMD.
# DRIVER is "igbx" (insmod igbx.ko from the repo root, unless loaded already)
# or "igb" (modprobe the in-tree driver, for comparison).
#
#  - the NIC is the net_device bound to PCI 0000:00:03.0 (IGBX_PCI);
#  - the virtio_net interface on the same emulated wire becomes the "remote"
#    end: it is moved into the network namespace igbxpeer (PEER_NS);
#  - documentation addresses only: 192.0.2.1/24 and 2001:db8::1/64 locally,
#    192.0.2.2/24 and 2001:db8::2/64 on the peer (IPv6 with nodad);
#  - waits (bounded: 15 s carrier, 20 s IPv4 ping, 10 s IPv6 ping) for the
#    link and the peer; on a timeout it only warns and still runs CMD.
#
# The tests' lib (drivers/net/lib/py/env.py) reads its settings from a
# net.config beside the test or, when there is none, from the environment;
# the guest root is read-only, so this exports them (drivers/net/README.rst):
#   NETIF LOCAL_V4 LOCAL_V6 REMOTE_V4 REMOTE_V6 REMOTE_TYPE=netns
#   REMOTE_ARGS=igbxpeer
# plus NETIF_FIND_DRIVER=DRIVER and NETIF_CREATE=no for the forwarding-style
# shell tests (hw/ethtool*.sh, loopback.sh): they want two ports of DRIVER in
# the default namespace and skip ("requires 2 NETIFS") instead of quietly
# testing veth pairs.  Also UPSTREAM_PEER_IF (peer interface name).
# LOCAL_V4/V6 and REMOTE_V4/V6 already in the environment are used as they
# are (keep them in 192.0.2.0/24 and 2001:db8::/64).
#
# Example (host):
#   scripts/ksft-install .cache/kselftest-6.12.118+deb12-amd64
#   scripts/vm --timeout 1500 -- tests/upstream_env.sh igb \
#       .cache/kselftest-6.12.118+deb12-amd64/run_kselftest.sh -o 300 -t drivers/net:ping.py
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=${IGBX_TOP:-$(cd "$here/.." && pwd)}
pci=${IGBX_PCI:-0000:00:03.0}
ns=${PEER_NS:-igbxpeer}

log() { printf 'upstream_env: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

[ $# -ge 2 ] || die "usage: $0 igbx|igb CMD [ARG...]"
driver=$1
shift
[ "$(id -u)" = 0 ] || die "must run as root (in the rig: scripts/vm)"

# wait_for SECONDS COMMAND...: poll COMMAND every 0.1 s until it succeeds.
wait_for() {
	local deadline=$(($(date +%s%N) + $1 * 1000000000))

	shift
	while ! "$@"; do
		[ "$(date +%s%N)" -lt "$deadline" ] || return 1
		sleep 0.1
	done
}

case $driver in
igbx)
	if [ ! -d /sys/module/igbx ]; then
		ko=${IGBX_KO:-$top/igbx.ko}
		[ -f "$ko" ] || die "no $ko (build it: make)"
		insmod "$ko"
	fi
	;;
igb)
	modprobe igb
	;;
*)
	die "unknown driver '$driver' (igbx or igb)"
	;;
esac

netif_of_pci() {
	local d=/sys/bus/pci/devices/$pci/net

	[ -d "$d" ] && [ -n "$(ls "$d" 2>/dev/null)" ]
}
wait_for 10 netif_of_pci || die "no net_device for PCI $pci after loading $driver"
netif=$(ls "/sys/bus/pci/devices/$pci/net" | head -n 1)
bound=$(basename "$(readlink "/sys/bus/pci/devices/$pci/driver")")
[ "$bound" = "$driver" ] || die "$pci is bound to $bound, not $driver"

# The virtio peer: in the default namespace, or in $ns from an earlier run.
peer=
if ! ip netns list | grep -qw "^$ns"; then
	ip netns add "$ns"
fi
for d in /sys/class/net/*; do
	[ -e "$d/device/driver" ] || continue
	case $(basename "$(readlink "$d/device/driver")") in
	virtio_net) peer=${d##*/}; break ;;
	esac
done
if [ -n "$peer" ]; then
	ip link set dev "$peer" netns "$ns"
else
	# Already moved: find it by driver inside the namespace.
	for p in $(ip -n "$ns" -o link show | awk -F': ' '{print $2}' | sed 's/@.*//'); do
		[ "$p" = lo ] && continue
		if ip netns exec "$ns" ethtool -i "$p" 2>/dev/null | grep -q '^driver: virtio_net'; then
			peer=$p
			break
		fi
		peer=
	done
	[ -n "$peer" ] || die "no virtio_net peer interface (neither here nor in netns $ns)"
fi

: "${LOCAL_V4=192.0.2.1}"
: "${REMOTE_V4=192.0.2.2}"
: "${LOCAL_V6=2001:db8::1}"
: "${REMOTE_V6=2001:db8::2}"

# Addresses survive the down/up cycles that tests (ethtool -L, ...) cause.
sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1 \
	"net.ipv6.conf.$netif.keep_addr_on_down=1"
ip netns exec "$ns" sysctl -qw net.ipv6.conf.all.keep_addr_on_down=1 \
	"net.ipv6.conf.$peer.keep_addr_on_down=1"
ip -n "$ns" link set dev lo up

ip addr flush dev "$netif"
ip addr add "$LOCAL_V4/24" dev "$netif"
ip -6 addr add "$LOCAL_V6/64" dev "$netif" nodad
ip link set dev "$netif" up
ip -n "$ns" addr flush dev "$peer"
ip -n "$ns" addr add "$REMOTE_V4/24" dev "$peer"
ip -n "$ns" -6 addr add "$REMOTE_V6/64" dev "$peer" nodad
ip -n "$ns" link set dev "$peer" up

carrier() {
	[ "$(cat "/sys/class/net/$netif/carrier" 2>/dev/null)" = 1 ]
}
# A link or datapath that does not work is for the tests to report (the
# local ones, queues.py and stats.py, do not need traffic): warn, go on.
if ! wait_for 15 carrier; then
	log "warning: $netif ($driver): no carrier within 15 s"
elif ! wait_for 20 ping -q -c 1 -W 1 "$REMOTE_V4" >/dev/null; then
	log "warning: $netif ($driver): $REMOTE_V4 does not answer within 20 s"
elif ! wait_for 10 ping -q -c 1 -W 1 "$REMOTE_V6" >/dev/null; then
	log "warning: $netif ($driver): $REMOTE_V6 does not answer within 10 s"
fi
log "$driver: NETIF=$netif ($LOCAL_V4, $LOCAL_V6) <-> $ns/$peer ($REMOTE_V4, $REMOTE_V6)"

export NETIF=$netif LOCAL_V4 LOCAL_V6 REMOTE_V4 REMOTE_V6
export REMOTE_TYPE=netns REMOTE_ARGS=$ns
export NETIF_FIND_DRIVER=${NETIF_FIND_DRIVER-$driver} NETIF_CREATE=${NETIF_CREATE-no}
export UPSTREAM_PEER_IF=$peer
exec "$@"
