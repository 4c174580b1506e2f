#!/usr/bin/env bash
# Gives the docker-tagged tests an engine and their images: installs Debian's docker.io when no engine
# answers, starts dockerd in the background (left running), and builds the local FROM-scratch images.
# It never fails CI: when Docker can't be had it says why, and the tests skip with that reason.
# Idempotent: a running engine is reused, an installed package is not reinstalled.
set -uo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive

LOG_DIR=/tmp/daytime-harness-dockerd
LOG="$LOG_DIR/dockerd.log"
START_WAIT=60      # seconds for dockerd to answer `docker info`
BUILD_WAIT=900     # seconds for the jar and all images

say() { echo "ci/docker: $*"; }
give_up() { say "Docker unavailable: $* — the docker-tagged tests will skip"; exit 0; }

engine_answers() { timeout 10 docker info >/dev/null 2>&1; }

install_engine() {
  if command -v dockerd >/dev/null 2>&1; then
    say "dockerd is installed ($(dockerd --version 2>/dev/null))"
    return 0
  fi
  [ "$(id -u)" = 0 ] || give_up "no dockerd, and installing one needs root"
  say "installing docker.io (Debian) ..."
  # docker.io also brings a docker CLI in /usr/bin; a newer one in /usr/local/bin stays first on
  # PATH, and both speak to this engine (the CLI negotiates the API version down to 1.41).
  local apt=(apt-get -y -q --no-install-recommends -o DPkg::Lock::Timeout=300)
  if ! timeout 600 "${apt[@]}" install docker.io >"$LOG_DIR/apt.log" 2>&1; then
    timeout 300 apt-get -q -o DPkg::Lock::Timeout=300 update >>"$LOG_DIR/apt.log" 2>&1
    timeout 600 "${apt[@]}" install docker.io >>"$LOG_DIR/apt.log" 2>&1 ||
      give_up "apt-get install docker.io failed (see $LOG_DIR/apt.log)"
  fi
  say "installed $(dockerd --version 2>/dev/null)"
}

# Starts dockerd with FLAGS..., waits at most START_WAIT seconds for it to answer.
start_dockerd() {
  say "starting dockerd ${*:-with default flags} (log: $LOG)"
  echo "=== dockerd $* ($(date -u +%FT%TZ))" >>"$LOG"
  setsid nohup dockerd --host unix:///var/run/docker.sock "$@" >>"$LOG" 2>&1 </dev/null &
  local pid=$! waited=0
  echo "$pid" >"$LOG_DIR/dockerd.pid"
  while [ $waited -lt $START_WAIT ]; do
    engine_answers && { say "dockerd answers after ${waited}s (pid $pid)"; return 0; }
    kill -0 "$pid" 2>/dev/null || { say "dockerd $* exited: $(tail -1 "$LOG")"; return 1; }
    sleep 1
    waited=$((waited + 1))
  done
  say "dockerd $* did not answer within ${START_WAIT}s: $(tail -1 "$LOG")"
  kill "$pid" 2>/dev/null
  return 1
}

stop_our_dockerd() {
  local pid
  pid="$(cat "$LOG_DIR/dockerd.pid" 2>/dev/null)" || return 0
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || return 0; sleep 1; done
  kill -9 "$pid" 2>/dev/null
}

# A container really runs (overlay2 can start yet fail at the first mount): xinetd -version.
container_runs() {
  [ -x /usr/sbin/xinetd ] || return 0  # nothing small to run: trust `docker info`
  timeout 120 docker/build-local.sh xinetd >/dev/null 2>&1 &&
    timeout 60 docker run --rm daytime-harness/xinetd:local -version >/dev/null 2>&1
}

# Flag sets from best to most degraded. overlay2 needs kernel overlayfs over the data root; vfs
# always works (copies layers). Without iptables, published ports still reach loopback through
# docker-proxy (the userland proxy), which is what Testcontainers' mapped ports use.
bring_up_engine() {
  local -a attempts=(
    ""
    "--storage-driver=vfs"
    "--storage-driver=vfs --iptables=false --ip6tables=false"
  )
  local flags
  for flags in "${attempts[@]}"; do
    # shellcheck disable=SC2086
    if start_dockerd $flags; then
      container_runs && { say "a container runs (xinetd -version)"; return 0; }
      say "dockerd $flags starts, but a container does not run: trying the next flags"
    fi
    stop_our_dockerd
  done
  return 1
}

mkdir -p "$LOG_DIR"
# xinetd: the third-party daytime server image (the package only; its service is never started).
if [ ! -x /usr/sbin/xinetd ] && [ "$(id -u)" = 0 ]; then
  say "installing xinetd (Debian) ..."
  timeout 600 apt-get -y -q --no-install-recommends -o DPkg::Lock::Timeout=300 install xinetd \
    >>"$LOG_DIR/apt.log" 2>&1 || say "apt-get install xinetd failed: its image will be missing"
fi
if engine_answers; then
  say "a Docker engine is running: $(docker version -f 'server {{.Server.Version}}, API {{.Server.APIVersion}}' 2>/dev/null)"
else
  install_engine
  command -v docker >/dev/null 2>&1 || give_up "no docker CLI on PATH"
  bring_up_engine || give_up "dockerd would not run a container here (see $LOG)"
  say "engine up: $(docker info -f 'dockerd {{.ServerVersion}}, storage {{.Driver}}' 2>/dev/null)"
fi

# The images are built from this checkout's jar, so the tests see what this commit builds.
say "building the jar (./mvnw -B -q package -DskipTests) ..."
start=$SECONDS
if ! timeout $BUILD_WAIT ./mvnw -B -q package -DskipTests >"$LOG_DIR/package.log" 2>&1; then
  tail -20 "$LOG_DIR/package.log"
  give_up "the jar did not build (see $LOG_DIR/package.log)"
fi
say "jar built in $((SECONDS - start))s; building the images ..."
timeout $BUILD_WAIT docker/build-local.sh || say "some images did not build (above); their tests will skip"
docker images --filter 'reference=daytime-harness/*' --format 'ci/docker: image {{.Repository}}:{{.Tag}} {{.Size}}'
exit 0
