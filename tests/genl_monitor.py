#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""Print the command number of every message of a generic netlink family's
multicast group, for SECONDS: "ready" once subscribed, then "cmd N" per
message.  For notifications newer than the ynl specs the tests carry.

  genl_monitor.py FAMILY GROUP SECONDS
"""
import socket
import struct
import sys
import time

NETLINK_GENERIC = 16
SOL_NETLINK = 270
NETLINK_ADD_MEMBERSHIP = 1
GENL_ID_CTRL = 0x10
CTRL_CMD_GETFAMILY = 3
CTRL_ATTR_FAMILY_ID = 1
CTRL_ATTR_FAMILY_NAME = 2
CTRL_ATTR_MCAST_GROUPS = 7
CTRL_ATTR_MCAST_GRP_NAME = 1
CTRL_ATTR_MCAST_GRP_ID = 2
NLM_F_REQUEST = 1
NLA_TYPE_MASK = 0x3fff


def attrs(buf):
    """(type, payload) of each netlink attribute in buf"""
    while len(buf) >= 4:
        alen, atype = struct.unpack_from("=HH", buf)
        if alen < 4:
            break
        yield atype & NLA_TYPE_MASK, buf[4:alen]
        buf = buf[(alen + 3) & ~3:]


def group_id(sock, family, group):
    name = family.encode() + b"\0"
    nla = struct.pack("=HH", 4 + len(name), CTRL_ATTR_FAMILY_NAME) + name
    nla += b"\0" * (-len(nla) % 4)
    genl = struct.pack("=BBH", CTRL_CMD_GETFAMILY, 1, 0)
    msg = struct.pack("=IHHII", 16 + len(genl) + len(nla), GENL_ID_CTRL,
                      NLM_F_REQUEST, 1, 0) + genl + nla
    sock.send(msg)
    reply = sock.recv(65536)
    for atype, val in attrs(reply[20:]):
        if atype != CTRL_ATTR_MCAST_GROUPS:
            continue
        for _, grp in attrs(val):
            g = dict(attrs(grp))
            if g.get(CTRL_ATTR_MCAST_GRP_NAME, b"").rstrip(b"\0") == group.encode():
                return struct.unpack("=I", g[CTRL_ATTR_MCAST_GRP_ID][:4])[0]
    sys.exit(f"{family}: no multicast group {group}")


def main(family, group, seconds):
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, NETLINK_GENERIC)
    sock.bind((0, 0))
    sock.setsockopt(SOL_NETLINK, NETLINK_ADD_MEMBERSHIP,
                    group_id(sock, family, group))
    print("ready", flush=True)
    end = time.monotonic() + float(seconds)
    while (left := end - time.monotonic()) > 0:
        sock.settimeout(left)
        try:
            data = sock.recv(65536)
        except socket.timeout:
            break
        while len(data) >= 20:
            mlen = struct.unpack_from("=I", data)[0]
            print("cmd", data[16], flush=True)
            data = data[(mlen + 3) & ~3:] if mlen else b""


if __name__ == "__main__":
    main(*sys.argv[1:])
