#!/usr/bin/env python3
"""A correct daytime client: reads until the server closes, with deadlines and a size cap.

    python3 examples/correct_client.py HOST PORT

Exit codes: 0 the time was printed; 1 no valid reply (refused, reset, timeout, empty, too long).
"""
import socket
import sys
import time

DEADLINE = 4.0      # seconds for the whole exchange
MAX_BYTES = 4096    # a daytime reply is one short line


def main():
    if len(sys.argv) != 3:
        print("usage: correct_client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1], int(sys.argv[2])
    end = time.monotonic() + DEADLINE
    reply = b""
    try:
        with socket.create_connection((host, port), timeout=DEADLINE) as s:
            while True:
                left = end - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no end of reply within %.0fs" % DEADLINE)
                s.settimeout(left)
                chunk = s.recv(1024)
                if not chunk:
                    break
                reply += chunk
                if len(reply) > MAX_BYTES:
                    raise ValueError("reply over %d bytes" % MAX_BYTES)
    except (OSError, ValueError) as e:
        print("daytime: %s:%d: %s" % (host, port, e), file=sys.stderr)
        return 1
    text = reply.replace(b"\0", b"").decode("ascii", "replace").strip()
    if not text:
        print("daytime: %s:%d: empty reply" % (host, port), file=sys.stderr)
        return 1
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
