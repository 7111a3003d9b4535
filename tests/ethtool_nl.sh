#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# RSS through ethtool netlink, as a current ethtool does it: Debian
# unstable's ethtool (from the chroot scripts/deps --newest sets up) talks
# netlink where the kernel has the request (RSS_SET, 6.17+; bookworm's
# ethtool 6.1 always uses the ioctl).  The indirection table, the key and
# the hashed fields are set and read back, the kernel's RSS notifications
# follow each change, and bookworm's ethtool (ioctl) reads the same.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 7
dmesg_mark ethtool_nl

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
nq=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')
sid=$IGBX_TOP/.cache/sid
NEW="chroot $sid /usr/sbin/ethtool"
ETHTOOL_MSG_RSS_SET=48		# include/uapi/linux/ethtool_netlink_generated.h
ETHTOOL_MSG_RSS_NTF=50

# table ETHTOOL...: the indirection table as one line, from -x (bookworm's
# ethtool has no --json for it)
table() {
	"$@" -x "$IF" 2>/dev/null |
		awk '/^ *[0-9]+:/ { for (i = 2; i <= NF; i++) printf "%s%s", n++ ? " " : "", $i }
		     END { print "" }'
}
# key ETHTOOL...: the hash key, from -x (the line after "RSS hash key:")
key() { "$@" -x "$IF" | sed -n '/^RSS hash key:/{n;p}'; }

# fields: how many L4 fields UDP over IPv4 hashes; flow_hash: -N sd, then
# sdfn, each read back
fields() { $NEW -n "$IF" rx-flow-hash udp4 | grep -c '^L4 bytes'; }
flow_hash() {
	$NEW -N "$IF" rx-flow-hash udp4 sd && [ "$(fields)" = 0 ] &&
		$NEW -N "$IF" rx-flow-hash udp4 sdfn && [ "$(fields)" = 2 ]
}

# rss_xfrm: the kernel knows the RSS input transformation (6.8+; struct
# ethtool_rxfh has input_xfrm in the running kernel's BTF).  Older kernels
# refuse in the ioctl core, before any driver, the -X request a current
# ethtool sends when there is no netlink RSS_SET: it fills the field that
# was reserved there.
rss_xfrm() {
	bpftool btf dump file /sys/kernel/btf/vmlinux format raw 2>/dev/null |
		grep -q "'input_xfrm' "
}

if [ ! -x "$sid/usr/sbin/ethtool" ]; then
	for d in "netlink -x" "netlink -X equal 1" "netlink -X hkey" \
		 "RSS notifications" "netlink -X default" "netlink -N rx-flow-hash"; do
		ktap_test_skip "$d: no unstable chroot with ethtool (scripts/deps --newest)"
	done
elif ! rss_xfrm; then
	ktap_print_msg "$($NEW --version)"
	check "current ethtool -x: 128 entries over the $nq queues, as the ioctl reads them" \
		test "$(table $NEW)" = "$(table ethtool)" -a \
		"$(table ethtool | wc -w)" = 128
	for d in "current ethtool -X equal 1" "current ethtool -X hkey" \
		 "RSS notifications" "current ethtool -X default"; do
		ktap_test_skip "$d: the kernel predates RSS input_xfrm (6.8) and refuses a current ethtool's -X in its ioctl core, before the driver (config.sh covers -X with bookworm's ethtool)"
	done
	check "current ethtool -N rx-flow-hash udp4 sd / sdfn: read back" flow_hash
else
	ktap_print_msg "$($NEW --version)"
	spread=$(table ethtool)
	ones=$(printf '0 %.0s' $(seq 128))
	ones=${ones% }
	check "current ethtool -x: 128 entries over the $nq queues, as the ioctl reads them" \
		test -n "$spread" -a "$(table $NEW)" = "$spread" -a \
		"$(echo "$spread" | wc -w)" = 128
	mon=$VM_RUN_DIR/ethtool-monitor.out
	/usr/bin/python3 "$IGBX_TESTS_DIR/genl_monitor.py" ethtool monitor 30 >"$mon" 2>&1 &
	mpid=$!
	wait_for 20 grep -q '^ready$' "$mon"
	$NEW -X "$IF" equal 1
	check "current ethtool -X equal 1: every entry 0, for both ethtools" \
		test "$(table $NEW)" = "$ones" -a "$(table ethtool)" = "$ones"
	hkey=$(printf '%02x:' $(seq 1 40))
	hkey=${hkey%:}
	$NEW -X "$IF" hkey "$hkey"
	check "current ethtool -X hkey: read back, for both ethtools" \
		test "$(key $NEW)" = "$hkey" -a "$(key ethtool)" = "$hkey"
	$NEW -X "$IF" default
	sleep 1
	kill "$mpid" 2>/dev/null
	wait "$mpid" 2>/dev/null
	ntf=$(grep -c "^cmd $ETHTOOL_MSG_RSS_NTF\$" "$mon")
	ktap_print_msg "RSS notifications seen: $ntf"
	if genl ctrl get name ethtool | grep -q "ID-0x$(printf %x $ETHTOOL_MSG_RSS_SET) "; then
		check "an RSS notification follows each of the 3 changes" test "$ntf" -ge 3
	else
		ktap_test_skip "RSS notifications: the kernel has no RSS_SET/RSS_NTF (6.17+)"
	fi
	check "current ethtool -X default: the spread table again" test "$(table $NEW)" = "$spread"
	check "current ethtool -N rx-flow-hash udp4 sd / sdfn: read back" flow_hash
fi

no_splat() { ! dmesg_splats_since ethtool_nl; }
check "no kernel splat" no_splat
ktap_finished
