#!/usr/bin/env bash
# Air-gapped image build: no registry is needed, so every image starts FROM scratch and takes its
# userland from this machine — a jlink'd Java runtime, the Debian shared libraries it links, xinetd.
#
# Usage: docker/build-local.sh [IMAGE...]      IMAGE: jre reference xinetd toxiproxy (default: all)
#   daytime-harness/jre:local         jlink'd JRE + its libraries, user 65532 (base of the next two)
#   daytime-harness/reference:local   the reference server: serve --port 13 --udp --bind 0.0.0.0
#   daytime-harness/toxiproxy:local   the embedded Toxiproxy-compatible API on 8474 (if the jar has it)
#   daytime-harness/xinetd:local      Debian's xinetd, INTERNAL daytime on 13/tcp and 13/udp
# Environment: JAR (default target/daytime-harness.jar, built when missing), JLINK_MODULES (extra
# modules, comma-separated), DOCKER (default docker).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DOCKER="${DOCKER:-docker}"
JAR="${JAR:-$root/target/daytime-harness.jar}"
NONROOT=65532
# Only the JVM's own needs: AWT, sound and font libraries serve java.desktop's GUI half, which a
# headless server never loads (the module is there for java.beans), so their X11 deps stay out.
GUI_LIBS='libawt_xawt|libawt|libawt_headless|libfontmanager|libsplashscreen|libjsound|liblcms|libmlib_image|libjavajpeg'

say() { echo "build-local: $*"; }
die() { echo "build-local: $*" >&2; exit 1; }

work="$(mktemp -d /tmp/daytime-harness-image.XXXXXX)"
trap 'rm -rf "$work"' EXIT

# Copies the shared libraries FILE... link against (and the ELF interpreter) into DEST, at the same
# paths as on this machine so the loader's default search path finds them with no ld.so.cache.
copy_libs() {
  local dest="$1"; shift
  local lib
  ldd "$@" 2>/dev/null | awk '/=> \// {print $3} /^[ \t]*\/[^ ]+ \(0x/ {print $1}' | sort -u |
    while read -r lib; do
      case "$lib" in "$dest"*) continue ;; esac
      cp -L --parents "$lib" "$dest/"
    done
  if ldd "$@" 2>/dev/null | grep -v "$dest" | grep -q 'not found'; then
    die "some libraries of $* are not on this machine: $(ldd "$@" | grep 'not found' | sort -u | tr -s ' \t\n' ' ')"
  fi
}

# The files every FROM-scratch image here needs: a user table (the JVM and xinetd look the user up),
# name-service order, and a world-writable /tmp.
base_files() {
  local dest="$1"
  mkdir -p "$dest/etc" "$dest/tmp"
  chmod 1777 "$dest/tmp"
  printf 'root:x:0:0:root:/root:/sbin/nologin\nnonroot:x:%d:%d:nonroot:/home/nonroot:/sbin/nologin\n' \
    "$NONROOT" "$NONROOT" > "$dest/etc/passwd"
  printf 'root:x:0:\nnonroot:x:%d:\n' "$NONROOT" > "$dest/etc/group"
  printf 'passwd: files\ngroup: files\nhosts: files dns\nservices: files\n' > "$dest/etc/nsswitch.conf"
}

has_command() { # has_command NAME: the jar lists NAME as a subcommand (unknown names print root usage)
  java -jar "$JAR" "$1" --help 2>/dev/null | head -1 | grep -q "^Usage: daytime-harness $1 "
}

ensure_jar() {
  if [ ! -f "$JAR" ]; then
    say "no $JAR yet: building it (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests >&2 || die "the jar build failed; run ./mvnw -B package to see why"
  fi
}

build_image() { # build_image TAG CONTEXT
  local start=$SECONDS
  # -q and a log: the only output wanted is the verdict (the CLI also warns that the legacy builder,
  # which needs no registry for FROM scratch, is deprecated).
  if ! "$DOCKER" build -q -t "$1" "$2" > "$work/build.log" 2>&1; then
    cat "$work/build.log" >&2
    die "docker build of $1 failed"
  fi
  say "built $1 in $((SECONDS - start))s ($("$DOCKER" image inspect -f '{{.Size}}' "$1" | awk '{printf "%.0f MB", $1/1e6}'))"
}

image_jre() {
  ensure_jar
  local ctx="$work/jre" modules
  mkdir -p "$ctx/rootfs/opt" "$ctx/home"
  modules="$(jdeps --ignore-missing-deps --print-module-deps --multi-release 17 "$JAR" | tail -1)"
  [ -n "$modules" ] || die "jdeps found no modules in $JAR"
  # jdk.httpserver: the embedded Toxiproxy API; jdk.crypto.ec: TLS, should a target ever need it.
  modules="$modules,jdk.httpserver,jdk.crypto.ec${JLINK_MODULES:+,$JLINK_MODULES}"
  say "jlink: $modules"
  jlink --add-modules "$modules" --strip-debug --no-man-pages --no-header-files --compress=2 \
    --generate-cds-archive --output "$ctx/rootfs/opt/java"
  base_files "$ctx/rootfs"
  copy_libs "$ctx/rootfs" "$ctx/rootfs/opt/java/bin/java" \
    $(find "$ctx/rootfs/opt/java/lib" -name '*.so' | grep -Ev "/($GUI_LIBS)\.so$")
  cat > "$ctx/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
COPY --chown=$NONROOT:$NONROOT home/ /home/nonroot/
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin LANG=C.UTF-8
USER $NONROOT:$NONROOT
WORKDIR /home/nonroot
ENTRYPOINT ["/opt/java/bin/java"]
CMD ["-version"]
EOF
  build_image daytime-harness/jre:local "$ctx"
}

# An image of the jar on the jre image: ENTRYPOINT runs a subcommand, CMD holds its options.
app_image() { # app_image TAG CONTEXT-NAME LABELS EXPOSE ENTRYPOINT-JSON CMD-JSON
  local ctx="$work/$2"
  mkdir -p "$ctx/app"
  cp -p "$JAR" "$ctx/app/daytime-harness.jar"
  cat > "$ctx/Dockerfile" <<EOF
FROM daytime-harness/jre:local
COPY app/ /app/
LABEL $3
EXPOSE $4
ENTRYPOINT $5
CMD $6
EOF
  build_image "$1" "$ctx"
}

java_entry() { # the JVM line every app image uses: a small, quick-starting heap for one small server
  echo "[\"java\", \"-XX:+UseSerialGC\", \"-XX:TieredStopAtLevel=1\", \"-XX:-UsePerfData\", \"-jar\", \"/app/daytime-harness.jar\"${1:-}]"
}

image_reference() {
  ensure_jar
  local serve=absent
  if has_command serve; then
    serve=present
    for opt in --port --udp --bind; do
      java -jar "$JAR" serve --help | grep -q -- "$opt" || say "warning: 'serve' has no $opt option: the image's CMD will fail"
    done
  else
    say "warning: the jar has no 'serve' command yet: the image is built, but its default command fails until it lands (run it with --version to check the image)"
  fi
  app_image daytime-harness/reference:local reference "dev.daytimeharness.serve=$serve" "13/tcp 13/udp" \
    "$(java_entry)" '["serve", "--port", "13", "--udp", "--bind", "0.0.0.0"]'
}

image_toxiproxy() {
  ensure_jar
  if ! has_command toxiproxy; then
    say "skipped daytime-harness/toxiproxy:local: the jar has no 'toxiproxy' command yet (java -jar $JAR toxiproxy --help)"
    return 0
  fi
  # Like ghcr.io/shopify/toxiproxy: the entrypoint is the server, CMD only its options, so
  # Testcontainers' ToxiproxyContainer runs it unchanged.
  app_image daytime-harness/toxiproxy:local toxiproxy "dev.daytimeharness.toxiproxy=embedded" "8474/tcp" \
    "$(java_entry ', "toxiproxy"')" '["--host", "0.0.0.0", "--port", "8474"]'
}

image_xinetd() {
  local xinetd
  xinetd="$(command -v xinetd || true)"
  [ -n "$xinetd" ] || xinetd=/usr/sbin/xinetd
  [ -x "$xinetd" ] || die "no xinetd on this machine (apt-get install -y xinetd; its service need not run)"
  local ctx="$work/xinetd"
  mkdir -p "$ctx/rootfs/usr/sbin"
  base_files "$ctx/rootfs"
  cp -L "$xinetd" "$ctx/rootfs/usr/sbin/xinetd"
  copy_libs "$ctx/rootfs" "$xinetd"
  # xinetd resolves the protocol attribute by name and disables the service when it can't.
  printf 'ip\t0\tIP\ntcp\t6\tTCP\nudp\t17\tUDP\n' > "$ctx/rootfs/etc/protocols"
  # xinetd answers daytime itself (INTERNAL): no program to exec, so the image needs no shell.
  # UNLISTED with an explicit port: no /etc/services lookup. Its logs go to stderr (docker logs).
  cat > "$ctx/rootfs/etc/xinetd.conf" <<'EOF'
defaults
{
    log_type = FILE /dev/stderr
}
service daytime
{
    type        = INTERNAL UNLISTED
    id          = daytime-stream
    socket_type = stream
    protocol    = tcp
    port        = 13
    wait        = no
    user        = nonroot
}
service daytime
{
    type        = INTERNAL UNLISTED
    id          = daytime-dgram
    socket_type = dgram
    protocol    = udp
    port        = 13
    wait        = yes
    user        = nonroot
}
EOF
  cat > "$ctx/Dockerfile" <<EOF
FROM scratch
COPY rootfs/ /
LABEL dev.daytimeharness.server="xinetd $(dpkg-query -W -f='${Version}' xinetd 2>/dev/null || echo unknown)"
USER $NONROOT:$NONROOT
EXPOSE 13/tcp 13/udp
ENTRYPOINT ["/usr/sbin/xinetd", "-dontfork", "-stayalive", "-filelog", "/dev/stderr", "-f", "/etc/xinetd.conf"]
EOF
  build_image daytime-harness/xinetd:local "$ctx"
}

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jre reference toxiproxy xinetd)
for t in "${targets[@]}"; do
  case "$t" in
    jre | reference | toxiproxy | xinetd) ;;
    *) die "unknown image '$t' (choose from: jre reference xinetd toxiproxy)" ;;
  esac
done
for t in "${targets[@]}"; do
  if [ "$t" != jre ] && [ "$t" != xinetd ] && ! "$DOCKER" image inspect daytime-harness/jre:local >/dev/null 2>&1; then
    image_jre
  fi
  "image_$t"
done
