#!/usr/bin/env bash
# Installs and starts real third-party daytime servers on loopback high ports, for the tests that
# check the harness against them. Nothing system-wide is configured: each server runs from a
# private config file, and openbsd-inetd and inetutils-inetd (which take ports from /etc/services)
# run in private mount namespaces with their own copy of that file. Writes the endpoints to
# $PEERS_DIR/env. Also installs the classic daytime clients the client tests judge (nc, socat,
# ncat, nmap's daytime script, and mono-mcs for the C# sample client).
#   usage: .ci/peers.sh start|stop
set -euo pipefail
PEERS_DIR=${PEERS_DIR:-/tmp/daytime-peers}
XINETD_PORT=10013
OBSD_PORT=10014
INETUTILS_PORT=10015
export DEBIAN_FRONTEND=noninteractive

wait_for_port() { # host port seconds
  local deadline=$((SECONDS + $3))
  while ((SECONDS < deadline)); do
    if (exec 3<>"/dev/tcp/$1/$2") 2>/dev/null; then return 0; fi
    sleep 0.2
  done
  return 1
}

install_packages() {
  if ! command -v xinetd >/dev/null; then
    # Keep the package's own service from starting: we run xinetd from our own config only.
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
    apt-get install -y -q --no-install-recommends xinetd libwrap0 libevent-2.1-7 libbsd0 >/dev/null
    rm -f /usr/sbin/policy-rc.d
  fi
  # openbsd-inetd and inetutils-inetd conflict with xinetd as packages, so they are unpacked, not installed.
  if [ ! -x "$PEERS_DIR/openbsd-inetd/usr/sbin/inetd" ]; then
    (cd "$PEERS_DIR" && apt-get download -q openbsd-inetd >/dev/null 2>&1 && dpkg -x openbsd-inetd_*.deb openbsd-inetd)
  fi
  if [ ! -x "$PEERS_DIR/inetutils-inetd/usr/sbin/inetutils-inetd" ]; then
    (cd "$PEERS_DIR" && apt-get download -q inetutils-inetd >/dev/null 2>&1 && dpkg -x inetutils-inetd_*.deb inetutils-inetd)
  fi
  # The classic clients ClassicToolsTest judges; their tests skip, saying so, where these are missing.
  local clients=()
  for tool in nc.openbsd:netcat-openbsd socat:socat ncat:ncat nmap:nmap mcs:mono-mcs; do
    command -v "${tool%%:*}" >/dev/null || clients+=("${tool#*:}")
  done
  if ((${#clients[@]})); then
    apt-get install -y -q --no-install-recommends "${clients[@]}" >/dev/null
  fi
}

start_xinetd() {
  cat > "$PEERS_DIR/xinetd.conf" <<CONF
defaults
{
    # xinetd turns a service off for 10 s after 50 connections in a second; the suite's
    # concurrency checks would trip that, so the limit is raised for this private instance.
    cps = 100000 1
    instances = UNLIMITED
}
service daytime
{
    type        = INTERNAL UNLISTED
    id          = daytime-stream
    socket_type = stream
    protocol    = tcp
    port        = $XINETD_PORT
    bind        = 127.0.0.1
    wait        = no
    user        = root
}
service daytime
{
    type        = INTERNAL UNLISTED
    id          = daytime-dgram
    socket_type = dgram
    protocol    = udp
    port        = $XINETD_PORT
    bind        = 127.0.0.1
    wait        = yes
    user        = root
}
CONF
  xinetd -f "$PEERS_DIR/xinetd.conf" -pidfile "$PEERS_DIR/xinetd.pid" -dontfork -stayalive \
    >"$PEERS_DIR/xinetd.log" 2>&1 &
  echo $! > "$PEERS_DIR/xinetd.pid"
}

start_openbsd_inetd() {
  printf 'daytime\t\t%s/tcp\ndaytime\t\t%s/udp\n' "$OBSD_PORT" "$OBSD_PORT" > "$PEERS_DIR/services"
  printf '127.0.0.1:daytime stream tcp nowait root internal\n' > "$PEERS_DIR/inetd.conf"
  mkdir -p "$PEERS_DIR/run"
  # A private /etc/services gives it our port; a private /run keeps its pid file out of the system's.
  # -R raises its limit of 256 connections a minute, which the suite's concurrency checks exceed.
  unshare -m sh -c "mount --bind '$PEERS_DIR/services' /etc/services && mount --bind '$PEERS_DIR/run' /run && exec '$PEERS_DIR/openbsd-inetd/usr/sbin/inetd' -i -R 100000 '$PEERS_DIR/inetd.conf'" \
    >"$PEERS_DIR/openbsd-inetd.log" 2>&1 &
  echo $! > "$PEERS_DIR/openbsd-inetd.pid"
}

start_inetutils_inetd() {
  mkdir -p "$PEERS_DIR/inetutils"
  printf 'daytime\t\t%s/tcp\ndaytime\t\t%s/udp\n' "$INETUTILS_PORT" "$INETUTILS_PORT" > "$PEERS_DIR/inetutils/services"
  printf '127.0.0.1:daytime stream tcp nowait root internal\n127.0.0.1:daytime dgram udp wait root internal\n' \
    > "$PEERS_DIR/inetutils/inetd.conf"
  # -d keeps it in the foreground (it logs each request); -R as for openbsd-inetd.
  unshare -m sh -c "mount --bind '$PEERS_DIR/inetutils/services' /etc/services && exec '$PEERS_DIR/inetutils-inetd/usr/sbin/inetutils-inetd' -d -p '$PEERS_DIR/inetutils/inetd.pid' -R 100000 '$PEERS_DIR/inetutils/inetd.conf'" \
    >"$PEERS_DIR/inetutils-inetd.log" 2>&1 &
  echo $! > "$PEERS_DIR/inetutils-inetd.pid"
}

start() {
  mkdir -p "$PEERS_DIR"
  install_packages
  peers=()
  start_xinetd
  if wait_for_port 127.0.0.1 $XINETD_PORT 10; then
    peers+=("xinetd=127.0.0.1:$XINETD_PORT/udp")
    echo "peers: xinetd daytime on 127.0.0.1:$XINETD_PORT (tcp, udp)"
  else
    echo "peers: xinetd did not start: $(tail -3 "$PEERS_DIR/xinetd.log")"
  fi
  start_openbsd_inetd
  if wait_for_port 127.0.0.1 $OBSD_PORT 10; then
    # Its UDP daytime ignores datagrams from loopback addresses (a guard against loops), so TCP only.
    peers+=("openbsd-inetd=127.0.0.1:$OBSD_PORT")
    echo "peers: openbsd-inetd daytime on 127.0.0.1:$OBSD_PORT (tcp)"
  else
    echo "peers: openbsd-inetd did not start: $(tail -3 "$PEERS_DIR/openbsd-inetd.log")"
  fi
  start_inetutils_inetd
  if wait_for_port 127.0.0.1 $INETUTILS_PORT 10; then
    peers+=("inetutils-inetd=127.0.0.1:$INETUTILS_PORT/udp")
    echo "peers: inetutils-inetd daytime on 127.0.0.1:$INETUTILS_PORT (tcp, udp)"
  else
    echo "peers: inetutils-inetd did not start: $(tail -3 "$PEERS_DIR/inetutils-inetd.log")"
  fi
  (IFS=,; echo "export DAYTIME_PEERS=\"${peers[*]}\"") > "$PEERS_DIR/env"
}

stop() {
  for f in "$PEERS_DIR"/*.pid; do
    [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true
  done
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
