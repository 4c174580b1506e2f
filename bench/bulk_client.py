"""Reads one bulk stream to its end and prints MB/s (bench/proxy.sh)."""
import socket
import sys
import time

s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
start, total = time.monotonic(), 0
while True:
    data = s.recv(1 << 20)
    if not data:
        break
    total += len(data)
print(f"{total / (1 << 20) / (time.monotonic() - start):.0f}")
