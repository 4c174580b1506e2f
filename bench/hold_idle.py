"""Holds N connections to a daytime server open without reading or closing, for S seconds.
usage: python3 bench/hold_idle.py HOST PORT N SECONDS"""
import socket
import struct
import sys
import time

host, port, n, seconds = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
held = []
for _ in range(n):
    s = socket.create_connection((host, port), timeout=5)
    # Reset on close, so the 2,000 leave no TIME_WAIT or conntrack entries behind.
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    held.append(s)
time.sleep(seconds)
for s in held:
    s.close()
