"""A bulk-stream server for bench/proxy.sh: each connection gets MIB MiB (default 256), then a close."""
import socket
import sys
import threading

CHUNK = b"x" * (1 << 20)
TOTAL_MB = int(sys.argv[2]) if len(sys.argv) > 2 else 256


def serve(conn):
    with conn:
        try:
            for _ in range(TOTAL_MB):
                conn.sendall(CHUNK)
        except OSError:
            pass  # the reader left early: nothing to measure


def main():
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", int(sys.argv[1])))
    s.listen(16)
    while True:
        conn, _ = s.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


main()
