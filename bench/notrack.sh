# Sourced by the bench scripts: exempts their loopback ports from conntrack while they run.
# With Docker running the kernel tracks every loopback connection; a closed one stays in the table
# for 10 s, so at bench rates the table fills and the kernel drops every new SYN on the machine.
# usage: NOTRACK_PORTS=1300,1301 . bench/notrack.sh; notrack_start   (removed again by notrack_stop)
notrack_rules() { # -I or -D
  local proto
  for proto in tcp udp; do
    iptables -t raw "$1" PREROUTING -i lo -p "$proto" -m multiport --ports "$NOTRACK_PORTS" -j CT --notrack || return 1
    iptables -t raw "$1" OUTPUT -o lo -p "$proto" -m multiport --ports "$NOTRACK_PORTS" -j CT --notrack || return 1
  done
}
notrack_inserted=""
notrack_start() {
  [ -e /proc/sys/net/netfilter/nf_conntrack_count ] || return 0  # nothing tracks connections here
  if ! command -v iptables >/dev/null; then
    echo "bench: the kernel tracks connections here and iptables is missing, so ports $NOTRACK_PORTS cannot be exempted: the table would fill and drop SYNs, so nothing is measured" >&2
    exit 1
  fi
  notrack_inserted=1
  notrack_rules -I 2>/dev/null || {
    notrack_stop
    echo "bench: the kernel tracks connections here and iptables cannot exempt ports $NOTRACK_PORTS (needs root and xt_CT): the table would fill and drop SYNs, so nothing is measured" >&2
    exit 1
  }
}
notrack_stop() {
  [ -n "$notrack_inserted" ] || return 0
  notrack_inserted=""
  # Deletes each inserted rule once; a rule that -I never got to is simply not found.
  local proto chain
  for proto in tcp udp; do
    for chain in "PREROUTING -i lo" "OUTPUT -o lo"; do
      # shellcheck disable=SC2086
      iptables -t raw -D $chain -p "$proto" -m multiport --ports "$NOTRACK_PORTS" -j CT --notrack 2>/dev/null || true
    done
  done
}
