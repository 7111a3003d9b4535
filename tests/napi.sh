#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# NAPI configuration through the netdev netlink family.  Where the kernel
# keeps NAPI configuration per slot (netif_napi_add_config(), 6.13+), each
# queue pair's NAPI keeps its ID and the settings made with napi-set
# (defer-hard-irqs, gro-flush-timeout, and threaded where the kernel has
# it per NAPI, 6.17+) across ethtool -L and down/up; threaded NAPI is set
# per instance.  On older kernels the cases skip with the reason read off
# the running kernel's napi-get reply.
. "$(dirname "$0")/lib.sh"

ktap_print_header
ktap_set_plan 10
dmesg_mark napi

if ! igbx_setup; then
	ktap_exit_fail_msg "igbx or the peer did not come up"
fi
nq=$(ethtool -l "$IF" | awk '/^Combined:/ { v = $2 } END { print v }')
ifindex=$(cat "/sys/class/net/$IF/ifindex")

# napis: one line per RX queue, "queue napi-id defer-hard-irqs
# gro-flush-timeout threaded pid" ("-" for what the kernel does not report)
napis() {
	{ ynl_netdev --dump queue-get --json "{\"ifindex\": $ifindex}" --output-json &&
	  echo '@@' &&
	  ynl_netdev --dump napi-get --json "{\"ifindex\": $ifindex}" --output-json
	} 2>/dev/null | /usr/bin/python3 -c '
import json, sys
q, n = sys.stdin.read().split("@@")
napi = {x["id"]: x for x in json.loads(n)}
for x in sorted(json.loads(q), key=lambda x: x["id"]):
    if x.get("type") != "rx":
        continue
    m = napi.get(x.get("napi-id"), {})
    print(x["id"], x.get("napi-id", "-"),
          *(m.get(k, "-") for k in ("defer-hard-irqs", "gro-flush-timeout",
                                    "threaded")), m.get("pid", 0))'
}
# field QUEUE N: field N (1-based, after the queue) of QUEUE's line
field() { napis | awk -v q="$1" -v f="$2" '$1 == q { print $(f + 1) }'; }
napi_set() { ynl_netdev --do napi-set --json "$1" >/dev/null 2>&1; }

before=$(napis)
ktap_print_msg "NAPIs: $(echo "$before" | tr '\n' ';')"
why=
if [ -z "$before" ]; then
	why="the kernel has no netdev NAPI objects (queue-get/napi-get, 6.8+)"
elif [ "$(echo "$before" | awk 'NR == 1 { print $2 }')" = - ]; then
	why="the kernel links no NAPI to the queues"
elif [ "$(echo "$before" | awk 'NR == 1 { print $3 }')" = - ]; then
	why="the kernel keeps no per-NAPI settings (napi-get without defer-hard-irqs, 6.13+)"
fi
if [ -n "$why" ]; then
	for d in "napi-set: settings read back" \
		 "-L 1 / -L max: NAPI IDs kept" "-L 1 / -L max: settings kept" \
		 "down/up: NAPI IDs kept" "down/up: settings kept" \
		 "threaded on one NAPI" "threaded NAPI passes traffic" \
		 "threaded kept across -L and down/up" "threaded off again"; do
		ktap_test_skip "$d: $why"
	done
else
	id0=$(echo "$before" | awk '$1 == 0 { print $2 }')
	last=$((nq - 1))
	idl=$(echo "$before" | awk -v q=$last '$1 == q { print $2 }')
	napi_set "{\"id\": $id0, \"defer-hard-irqs\": 7, \"gro-flush-timeout\": 20000}"
	[ "$last" -eq 0 ] ||
		napi_set "{\"id\": $idl, \"defer-hard-irqs\": 3, \"gro-flush-timeout\": 50000}"
	settings_ok() {
		local now

		now=$(napis)
		echo "$now" | grep -q "^0 $id0 7 20000 " &&
			{ [ "$last" -eq 0 ] || echo "$now" | grep -q "^$last $idl 3 50000 "; }
	}
	ids() { napis | awk '{ print $1, $2 }'; }
	ids_before=$(echo "$before" | awk '{ print $1, $2 }')
	check "napi-set: per-NAPI settings read back (queue 0: 7/20000, queue $last: 3/50000)" \
		settings_ok
	ethtool -L "$IF" combined 1 && ethtool -L "$IF" combined "$nq"
	wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
	ktap_print_msg "after -L 1 / -L $nq: $(napis | tr '\n' ';')"
	check "-L 1 / -L $nq: every queue keeps its NAPI ID" test "$(ids)" = "$ids_before"
	check "-L 1 / -L $nq: the settings are kept" settings_ok
	ip link set "$IF" down && ip link set "$IF" up
	wait_for 10 carrier_is "$IF" 1 && wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
	check "down/up: every queue keeps its NAPI ID" test "$(ids)" = "$ids_before"
	check "down/up: the settings are kept" settings_ok

	# threaded per NAPI: on the last queue pair only
	if [ "$(field 0 4)" = - ]; then
		for d in "threaded on one NAPI" "threaded NAPI passes traffic" \
			 "threaded kept across -L and down/up" "threaded off again"; do
			ktap_test_skip "$d: the kernel has no per-NAPI threaded setting (6.17+)"
		done
	else
		napi_set "{\"id\": $idl, \"threaded\": 1}"
		threaded_ok() {
			local pid

			pid=$(field "$last" 5)
			[ "$(field "$last" 4)" = 1 ] && [ "${pid:-0}" -gt 0 ] &&
				grep -q "^napi/" "/proc/$pid/comm" &&
				{ [ "$last" -eq 0 ] || [ "$(field 0 4)" = 0 ]; }
		}
		check "threaded on queue $last's NAPI only: a napi/ kthread runs it" threaded_ok
		ktap_print_msg "kthread: $(cat "/proc/$(field "$last" 5)/comm" 2>/dev/null)"
		check "threaded NAPI passes traffic" \
			test "$(iperf3_run -t 2 -R -P "$nq")" -gt 0
		ethtool -L "$IF" combined 1 && ethtool -L "$IF" combined "$nq"
		ip link set "$IF" down && ip link set "$IF" up
		wait_for 10 carrier_is "$IF" 1
		wait_for 10 ping -c 1 -W 1 "$REMOTE_V4" >/dev/null
		check "threaded is kept across -L 1 / -L $nq and down/up" threaded_ok
		napi_set "{\"id\": $idl, \"threaded\": 0}"
		check "threaded off again: no kthread" \
			test "$(field "$last" 4)/$(field "$last" 5)" = 0/0
	fi
	for q in $(seq 0 "$last"); do
		id=$(napis | awk -v q="$q" '$1 == q { print $2 }')
		napi_set "{\"id\": $id, \"defer-hard-irqs\": 0, \"gro-flush-timeout\": 0}"
	done
fi

no_splat() { ! dmesg_splats_since napi; }
check "no kernel splat" no_splat
ktap_finished
