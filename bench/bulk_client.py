"""Reads one bulk stream to its end and prints MB/s (bench/proxy.sh); into one buffer, so Python's
own copying costs as little as it can."""
import socket
import sys
import time

s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
buf = memoryview(bytearray(1 << 20))
start, total = time.monotonic(), 0
while True:
    n = s.recv_into(buf)
    if not n:
        break
    total += n
print(f"{total / (1 << 20) / (time.monotonic() - start):.0f}")
