#!/usr/bin/env python3
"""A correct daytime client over UDP: asks again when no answer comes, gives up by a deadline,
takes one answer only, and refuses one that was cut short.

    python3 examples/correct_udp_client.py HOST PORT

RFC 867: "When a datagram is received, an answering datagram is sent." Datagrams get lost,
duplicated, delayed and cut, so a client must not wait for ever, must not print two answers,
must accept an answer to an earlier try, and must not print a fragment as the time.

Exit codes: 0 the time was printed; 1 no valid answer within the deadline.
"""
import socket
import sys
import time

DEADLINE = 4.0   # seconds for the whole exchange
TRIES = 3        # datagrams sent, one per share of the deadline


def valid(reply):
    """A daytime answer is a line of printable ASCII: without its line ending it was cut short."""
    text = reply.rstrip(b"\r\n")
    return reply.endswith(b"\n") and len(text) > 0 and all(32 <= b < 127 for b in text)


def main():
    if len(sys.argv) != 3:
        print("usage: correct_udp_client.py HOST PORT", file=sys.stderr)
        return 2
    host, port = sys.argv[1], int(sys.argv[2])
    server = socket.getaddrinfo(host, port, type=socket.SOCK_DGRAM)[0]
    end = time.monotonic() + DEADLINE
    rejected = None
    with socket.socket(server[0], socket.SOCK_DGRAM) as s:
        for attempt in range(TRIES):
            s.sendto(b"", server[4])
            try_end = min(end, time.monotonic() + DEADLINE / TRIES)
            while True:
                left = try_end - time.monotonic()
                if left <= 0:
                    break
                s.settimeout(left)
                try:
                    reply, sender = s.recvfrom(4096)
                except socket.timeout:
                    break
                except OSError as e:
                    print("daytime: %s:%d: %s" % (host, port, e.strerror), file=sys.stderr)
                    return 1
                if sender[:2] != server[4][:2]:
                    continue
                if valid(reply):
                    # An answer to any try will do; one answer is all we print.
                    sys.stdout.write(reply.decode("ascii").rstrip("\r\n") + "\n")
                    return 0
                rejected = reply
    if rejected is not None:
        print("daytime: %s:%d sent %d bytes that are not a whole line (cut short?): %r"
              % (host, port, len(rejected), rejected), file=sys.stderr)
    else:
        print("daytime: no answer from %s:%d after %d tries within %.0fs" % (host, port, TRIES, DEADLINE),
              file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
