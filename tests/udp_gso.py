#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""UDP segmentation (UDP_SEGMENT, "UDP GSO") for offload.sh.

  udp_gso.py recv ADDR PORT SECONDS BYTES
                                      print the size of every datagram
                                      received, one per line, after "ready";
                                      stop after SECONDS or BYTES
  udp_gso.py send ADDR PORT GSO N     one sendto() of N * GSO bytes with
                                      UDP_SEGMENT = GSO: the stack (or the
                                      NIC) cuts it into N datagrams
"""
import socket
import sys
import time

UDP_SEGMENT = 103  # include/uapi/linux/udp.h


def family(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def recv(addr, port, seconds, nbytes):
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    s.bind((addr, int(port)))
    print("ready", flush=True)
    end = time.monotonic() + float(seconds)
    got = 0
    while got < int(nbytes) and (left := end - time.monotonic()) > 0:
        s.settimeout(left)
        try:
            n = len(s.recv(65536))
        except socket.timeout:
            break
        got += n
        print(n, flush=True)


def send(addr, port, gso, n):
    s = socket.socket(family(addr), socket.SOCK_DGRAM)
    s.setsockopt(socket.IPPROTO_UDP, UDP_SEGMENT, int(gso))
    payload = bytes(range(256)) * (int(gso) * int(n) // 256 + 1)
    s.sendto(payload[:int(gso) * int(n)], (addr, int(port)))


if __name__ == "__main__":
    {"recv": recv, "send": send}[sys.argv[1]](*sys.argv[2:])
