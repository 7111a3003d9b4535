# SPDX-License-Identifier: GPL-2.0
# shellcheck shell=bash
#
# Shared helpers for igbx's kselftests.  They run as root inside the QEMU rig
# (scripts/vm) and use the kernel's own KTAP helpers
# (tools/testing/selftests/kselftest/ktap_helpers.sh).

IGBX_TESTS_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

# The project tree: tests/ in the source, or .cache/kselftest-KVER/igbx/ when
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

# What the rig gives the igb device (scripts/vm): 00:03.0 on the default
# machine, behind a root port on q35 (VM_MACHINE=q35).
igbx_find_pci() {
	local d

	for d in /sys/bus/pci/devices/*; do
		[ "$(cat "$d/vendor" 2>/dev/null)" = 0x8086 ] &&
			[ "$(cat "$d/device" 2>/dev/null)" = 0x10c9 ] &&
			basename "$d" && return 0
	done
	echo 0000:00:03.0
}
IGBX_PCI=${IGBX_PCI:-$(igbx_find_pci)}
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

dmesg_since() {
	dmesg | sed -n "/igbx-test: mark $1\$/,\$p"
}

dmesg_splats_since() {
	dmesg_since "$1" |
		grep -E 'BUG:|WARNING:|Oops|general protection|list_del corruption|refcount_t|DMA-API|igbx.*[Tt]imeout'
}

vm_monitor() {
	"$IGBX_TOP/scripts/vm-monitor" "$@"
}

# --- datapath helpers -------------------------------------------------------
# The virtio peer lives in network namespace $PEER_NS; documentation-range
# addresses only.
LOCAL_V4=192.0.2.1
REMOTE_V4=192.0.2.2
LOCAL_V6=2001:db8::1
REMOTE_V6=2001:db8::2

in_peer() {
	ip netns exec "$PEER_NS" "$@"
}

# The virtio NIC, in the default namespace or already in the peer's.
peer_ifname() {
	local d

	for d in /sys/class/net/* ; do
		[ "$(basename "$(readlink -f "$d/device/driver" 2>/dev/null)")" = virtio_net ] &&
			basename "$d" && return 0
	done
	in_peer ls /sys/class/net | grep -v '^lo$' | head -n 1
}

# igbx_setup: igbx loaded and up with addresses, the peer in its namespace,
# and a ping answered.  Sets IF and PEER_IF.
igbx_setup() {
	igbx_load || return 1
	IF=$(igbx_ifname)
	[ -n "$IF" ] || return 1
	if ! ip netns list | grep -qw "$PEER_NS"; then
		PEER_IF=$(peer_ifname)
		ip netns add "$PEER_NS" || return 1
		ip link set "$PEER_IF" netns "$PEER_NS" || return 1
		in_peer ip link set lo up
		in_peer sysctl -qw net.ipv6.conf.all.accept_dad=0
		in_peer ip addr add "$REMOTE_V4/24" dev "$PEER_IF"
		in_peer ip addr add "$REMOTE_V6/64" dev "$PEER_IF" nodad
		in_peer ip link set "$PEER_IF" up
	fi
	PEER_IF=$(in_peer ls /sys/class/net | grep -v '^lo$' | head -n 1)
	ip addr flush dev "$IF"
	ip link set "$IF" mtu 1500
	in_peer ip link set "$PEER_IF" mtu 1500
	ip addr add "$LOCAL_V4/24" dev "$IF"
	ip addr add "$LOCAL_V6/64" dev "$IF" nodad
	ip link set "$IF" up
	wait_for 10 carrier_is "$IF" 1 &&
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
}

# jumbo_vlan_up: MTU 9000 on both ends and VLAN 10 between them ($IF.10
# 198.51.100.1, the peer's v10 198.51.100.2).
jumbo_vlan_up() {
	ip link set "$IF" mtu 9000 && in_peer ip link set "$PEER_IF" mtu 9000 &&
		ip link add link "$IF" name "$IF.10" type vlan id 10 &&
		ip addr add 198.51.100.1/24 dev "$IF.10" &&
		ip link set "$IF.10" up &&
		in_peer ip link add link "$PEER_IF" name v10 type vlan id 10 &&
		in_peer ip addr add 198.51.100.2/24 dev v10 &&
		in_peer ip link set v10 up
}

# ethtool_stat IF NAME: one counter from ethtool -S.
ethtool_stat() {
	ethtool -S "$1" | awk -v n="$2:" '$1 == n { print $2; f = 1 } END { if (!f) print -1 }'
}

# queues_sum IF DIR FIELD: one per-queue counter summed over the queues,
# e.g. queues_sum eth1 rx packets.
queues_sum() {
	ethtool -S "$1" |
		awk -v p="^$2-[0-9]+[.]$3:\$" '$1 ~ p { t += $2 } END { print t + 0 }'
}

# rx_ring_size IF: the RX ring size in use (ethtool -g, "Current").
rx_ring_size() {
	ethtool -g "$1" | awk '/^Current/ { c = 1 } c && /^RX:/ { print $2; exit }'
}

sysfs_stat() {
	cat "/sys/class/net/$1/statistics/$2"
}

# iperf3_run [ARGS...]: one bounded iperf3 run against the peer; prints the
# bytes the receiver got (0 on failure).  IPERF3_HOST picks the address.
iperf3_run() {
	local out

	in_peer iperf3 -s -1 -D -p 5201 >/dev/null 2>&1
	sleep 0.5
	out=$(timeout 60 iperf3 -c "${IPERF3_HOST:-$REMOTE_V4}" -p 5201 -J "$@" 2>/dev/null) || {
		echo 0
		return 1
	}
	echo "$out" | /usr/bin/python3 -c 'import json,sys; print(int(json.load(sys.stdin)["end"]["sum_received"]["bytes"]))' 2>/dev/null ||
		echo 0
}

# ynl ARGS...: the kernel's YNL CLI on the netdev netlink family.  The spec
# is 6.12's, extended with what newer kernels added to the NAPI object
# (include/uapi/linux/netdev.h of 6.13+: NETDEV_A_NAPI_DEFER_HARD_IRQS = 5,
# GRO_FLUSH_TIMEOUT, IRQ_SUSPEND_TIMEOUT, THREADED; NETDEV_CMD_NAPI_SET =
# 14, after BIND_RX), so that the same requests work on every kernel;
# attributes the spec does not know are shown as UnknownAttr(N).
YNL_SRC=$IGBX_TOP/.cache/linux-source-6.12
YNL_SPEC=${TMPDIR:-/tmp}/igbx-netdev.yaml
ynl_spec() {
	[ -s "$YNL_SPEC" ] && return 0
	/usr/bin/python3 - "$YNL_SRC/Documentation/netlink/specs/netdev.yaml" \
		"$YNL_SPEC" <<-'PY'
	import sys, yaml
	spec = yaml.safe_load(open(sys.argv[1]))
	napi = next(s for s in spec["attribute-sets"] if s["name"] == "napi")
	have = [a["name"] for a in napi["attributes"]]
	assert have == ["ifindex", "id", "irq", "pid"], have
	napi["attributes"] += [
	    {"name": n, "type": t, "doc": n} for n, t in (
	        ("defer-hard-irqs", "u32"), ("gro-flush-timeout", "uint"),
	        ("irq-suspend-timeout", "uint"), ("threaded", "u32"))
	]
	ops = spec["operations"]["list"]
	assert ops[-1]["name"] == "bind-rx", ops[-1]["name"]
	for op in ops:
	    if op["name"] == "napi-get":
	        for kind in ("do", "dump"):
	            reply = op[kind]["reply"]["attributes"]
	            if "threaded" not in reply:  # do and dump may share it
	                reply += ["defer-hard-irqs", "gro-flush-timeout",
	                          "irq-suspend-timeout", "threaded"]
	ops.append({"name": "napi-set", "attribute-set": "napi",
	            "doc": "Set configurable NAPI instance settings.",
	            "flags": ["admin-perm"],
	            "do": {"request": {"attributes": [
	                "id", "defer-hard-irqs", "gro-flush-timeout",
	                "irq-suspend-timeout", "threaded"]}}})
	with open(sys.argv[2] + ".tmp", "w") as out:
	    out.write(open(sys.argv[1]).readline())  # the SPDX line ynl wants
	    yaml.safe_dump(spec, out)
	PY
	mv "$YNL_SPEC.tmp" "$YNL_SPEC"
}
ynl_netdev() {
	ynl_spec || return 1
	# no schema validation: it costs seconds under TCG, and the spec is
	# the kernel's own plus the attributes above
	/usr/bin/python3 "$YNL_SRC/tools/net/ynl/cli.py" --process-unknown \
		--no-schema --spec "$YNL_SPEC" "$@"
}

# Run NET_RX softirq once on every CPU (a loopback ping pinned to it).  Freed
# skbs are parked on the CPU that allocated them (skb_attempt_defer_free)
# and only really freed when that CPU next runs net_rx_action: on an idle
# CPU, pages of a page pool whose driver has gone can wait there for ever.
softirq_kick() {
	local c

	for c in $(seq 0 $(($(nproc) - 1))); do
		taskset -c "$c" ping -c 1 -W 1 127.0.0.1 >/dev/null 2>&1
	done
}

# Abort the TCP sockets to the peer.  Once the port has gone, a socket that
# was closing through it (an orphan in FIN_WAIT or CLOSING) retransmits into
# nowhere for minutes and keeps what it queued: a FIN received after
# close() sits in its receive queue, in a page_pool page (seen in stress.sh:
# iperf3's control connection, "CLOSING Recv-Q 1", holding one page for
# more than 90 s).  Needs CONFIG_INET_DIAG_DESTROY (Debian: y).
peer_sockets_abort() {
	ss -K -t dst "$REMOTE_V4" >/dev/null 2>&1
	ss -K -t dst "[$REMOTE_V6]" >/dev/null 2>&1
}

# page_pools_drained: no page of any page pool lent out any more.  For use
# once the port is gone: sockets to the peer are aborted, softirqs kicked.
page_pools_drained() {
	peer_sockets_abort
	softirq_kick
	[ "$(page_pool_inflight)" = 0 ]
}

# page_pools_report: KTAP comments on what still holds pages - the pools,
# and the sockets that may keep received pages queued.
page_pools_report() {
	ktap_print_msg "page pools: $(ynl_netdev --dump page-pool-get 2>&1 | tr -s ' \n' ' ')"
	ktap_print_msg "sockstat: $(tr '\n' ' ' </proc/net/sockstat)"
	ss -tanemoi | sed 's/^/# ss: /'
}

# Pages igbx's page pools still lend out (0 when none), from netlink: the
# pools of igbx's interface while it exists, and pools whose driver has
# destroyed them (detach-time set) but which still wait for pages - in the
# rig, after igbx went, only igbx's.  Other drivers' live pools do not
# count: on 7.x virtio_net has page pools too, and moving the peer's NIC to
# its namespace re-homes them to the loopback device (no ifindex).  Prints
# nothing when the kernel has no page-pool netlink (before 6.8).
page_pool_inflight() {
	local ifname ifx=

	ifname=$(igbx_ifname)
	[ -z "$ifname" ] || ifx=$(cat "/sys/class/net/$ifname/ifindex")
	ynl_netdev --dump page-pool-get --output-json 2>/dev/null |
		/usr/bin/python3 -c '
import json, sys
ifx = int(sys.argv[1]) if sys.argv[1] else None
print(sum(p.get("inflight", 0) for p in json.load(sys.stdin)
          if "detach-time" in p or (ifx is not None and p.get("ifindex") == ifx)))' "$ifx"
}

# netdev_nl_has OP: the running kernel answers the netdev netlink family's
# dump OP (page-pool-get and queue-get 6.8+, qstats-get 6.9+; 6.1 has no
# netdev family at all).
netdev_nl_has() {
	ynl_netdev --dump "$1" >/dev/null 2>&1
}

PP_NO_NETLINK="the kernel reports no page pools over netlink (6.8+)"

# check_pools_drained: one KTAP result, after rmmod: every page igbx's page
# pools lent out came back within 30 s (skips where the kernel has no
# page-pool netlink).  Pools are released asynchronously (deferred work,
# once every page is back); each netlink probe costs seconds of python
# start-up under TCG.  A real leak never drains (the kernel warns after
# 60 s).
check_pools_drained() {
	if ! netdev_nl_has page-pool-get; then
		ktap_test_skip "page_pool pages in flight: $PP_NO_NETLINK"
	elif wait_for 30 page_pools_drained; then
		ktap_test_pass "no page_pool pages in flight after rmmod"
	else
		page_pools_report
		ktap_test_fail "no page_pool pages in flight after rmmod"
	fi
}

# ethtool_fails ARGS...: ethtool refuses (non-zero exit).
ethtool_fails() {
	! ethtool "$@" >/dev/null 2>&1
}

# --- XDP programs' counters (tests/bpf/xdp_test.h) --------------------------
# The id of the XDP program on DEV (empty if none).
xdp_prog_id() {
	ip -d link show dev "${1:-$IF}" 2>/dev/null |
		sed -n 's,.*prog/xdp id \([0-9]*\).*,\1,p' | head -n 1
}

# prog_map PROGID NAME: the id of the program's map called NAME.
prog_map() {
	local m

	for m in $(bpftool prog show id "$1" 2>/dev/null |
		   sed -n 's/.*map_ids \([0-9,]*\).*/\1/p' | tr , ' '); do
		if bpftool map show id "$m" 2>/dev/null | grep -q "name $2 "; then
			echo "$m"
			return 0
		fi
	done
	return 1
}

# map_u64 MAPID KEY: the u64 at KEY (< 256) of an array map, -1 if none.
map_u64() {
	local hex

	hex=$(bpftool -j map lookup id "$1" key "$2" 0 0 0 2>/dev/null |
		grep -o '"value":\[[^]]*\]' | grep -o '0x[0-9a-f]*' |
		sed 's/^0x//' | tac | tr -d '\n')
	if [ -z "$hex" ]; then
		echo -1
		return 1
	fi
	echo $((16#$hex))
}

# stats_of DEV: the stats map of the XDP program on DEV.
stats_of() { prog_map "$(xdp_prog_id "$1")" stats; }
