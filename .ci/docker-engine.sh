#!/usr/bin/env bash
# Make sure a Docker engine answers on this machine; idempotent, bounded, never hangs.
#
# Why this exists: dev/CI machines ship only the docker *client*; no engine runs and
# nothing is kept between machines, so every session/CI run may have to provision it.
# Order of attempts (first that answers `docker info` wins):
#   1. an engine that already runs            -> nothing to do
#   2. dockerd with its defaults (overlay2 + iptables)
#   3. --iptables=false  (kernels/sandboxes without netfilter; -p still works via docker-proxy)
#   4. + --storage-driver=vfs (when overlayfs cannot be mounted; slow but always works)
# Env: DOCKERD_LOG (default /tmp/dockerd.log), DOCKER_WAIT_SECS per attempt (default 30).
set -euo pipefail

LOG=${DOCKERD_LOG:-/tmp/dockerd.log}
WAIT=${DOCKER_WAIT_SECS:-30}

engine_up() { timeout 10 docker info >/dev/null 2>&1; }

if engine_up; then echo "docker-engine: already running"; exit 0; fi

if ! command -v dockerd >/dev/null 2>&1; then
  echo "docker-engine: installing docker.io (apt)"
  # quiet but bounded: a stuck apt lock must not hang CI forever
  timeout 600 apt-get update -qq
  DEBIAN_FRONTEND=noninteractive timeout 900 apt-get install -y -qq docker.io >/dev/null
fi
# docker.io depends on containerd; dockerd starts its own if none runs.

# A zombie passes `kill -0` (PID 1 here reaps late): look at the process state instead.
alive() { local st; st=$(awk '{print $3}' "/proc/$1/stat" 2>/dev/null); [[ -n $st && $st != Z ]]; }

stop_pidfile() {  # stop what a pid file names unless dead/zombie, then drop the file
  local pid i
  pid=$(cat "$1" 2>/dev/null) || return 0
  if alive "$pid"; then
    kill "$pid" 2>/dev/null || true
    for ((i = 0; i < 15; i++)); do alive "$pid" || break; sleep 1; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$1"
}

# Only called while no engine answers: a dockerd that died hard (or hangs) leaves its pid file and
# its managed containerd behind, and a new dockerd then refuses to start or waits on the old
# containerd until it times out.
stale_cleanup() {
  stop_pidfile /var/run/docker.pid
  stop_pidfile /var/run/docker/containerd/containerd.pid
}

try_start() {  # $@ = extra dockerd flags
  local i
  stale_cleanup
  echo "docker-engine: starting dockerd $* (log: $LOG)"
  # setsid+nohup: survive the caller's shell/job-control ending; stdin closed so it never blocks.
  setsid nohup dockerd "$@" </dev/null >>"$LOG" 2>&1 &
  local pid=$!
  for ((i = 0; i < WAIT; i++)); do
    if engine_up; then echo "docker-engine: up after ${i}s (pid $pid)"; return 0; fi
    alive "$pid" || break   # died early (bad flag for this kernel): no point waiting
    sleep 1
  done
  kill "$pid" 2>/dev/null || true
  for ((i = 0; i < 10; i++)); do alive "$pid" || break; sleep 1; done
  kill -9 "$pid" 2>/dev/null || true
  return 1
}

try_start && exit 0
try_start --iptables=false && exit 0
try_start --iptables=false --storage-driver=vfs && exit 0

echo "docker-engine: FAILED to start dockerd; last log lines from $LOG:" >&2
tail -n 30 "$LOG" >&2 || true
exit 1
