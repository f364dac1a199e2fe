#!/usr/bin/env bash
# Measure the mock server image: size, docker-run-to-healthy latency, user, SIGTERM stop.
#
#   docker/bench-image.sh [IMAGE] [CMD ARGS...]     (IMAGE default livedigital-mock:local, the latest build)
#
# Env: RUNS (5), BENCH_RUN_ARGS (extra `docker run` options, word-split, e.g.
#      "--entrypoint /opt/java/bin/java" to try other JVM flags with CMD ARGS).
# "Ready" is timed from just before `docker run` (so container creation and start count) to the
# first HTTP 200 of /_mock/health on the published 127.0.0.1 port (polled every 10 ms); its "JVM
# part" from the moment Docker started the container's process (State.StartedAt) to that answer,
# the rest being Docker's own. Only 127.0.0.1 is contacted.
# Every container it starts is labelled and removed on exit, even on Ctrl-C or failure.
set -euo pipefail

IMAGE=${1:-livedigital-mock:local}; shift || true
RUNS=${RUNS:-5}
read -r -a RUN_ARGS <<<"${BENCH_RUN_ARGS:-}"
LABEL=ldmock-bench=$$

cleanup() { docker ps -aq --filter "label=$LABEL" | xargs -r docker rm -f >/dev/null 2>&1 || true; }
trap cleanup EXIT

now_ms() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : int((a[NR/2]+a[NR/2+1])/2)}'; }

bytes=$(docker image inspect -f '{{.Size}}' "$IMAGE")
user=$(docker image inspect -f '{{.Config.User}}' "$IMAGE")
echo "image:        $IMAGE"
echo "size:         $((bytes / 1000000)) MB ($bytes bytes)"
# scratch has no `id`: trust the image config, and reject empty/root.
case ${user%%:*} in
  "" | 0 | root) echo "user:         '${user}' -> runs as ROOT (FAIL)"; nonroot=FAIL ;;
  *) echo "user:         $user (non-root, OK)"; nonroot=OK ;;
esac

ready=() jvm=() stops=() codes=()
for i in $(seq 1 "$RUNS"); do
  t0=$(now_ms)
  cid=$(docker run -d --label "$LABEL" -p 127.0.0.1:0:8080 "${RUN_ARGS[@]}" "$IMAGE" "$@")
  port=$(docker port "$cid" 8080/tcp | head -n1 | sed 's/.*://')
  ok=
  while (($(now_ms) - t0 < 30000)); do          # bounded: 30 s
    if curl -fsS -o /dev/null --max-time 1 "http://127.0.0.1:$port/_mock/health" 2>/dev/null; then ok=1; break; fi
    sleep 0.01
  done
  t1=$(now_ms)
  if [[ -z $ok ]]; then
    echo "run $i: not healthy after 30 s; logs:" >&2; docker logs "$cid" >&2 || true; exit 1
  fi
  ready+=($((t1 - t0)))
  jvm+=($((t1 - $(date -d "$(docker inspect -f '{{.State.StartedAt}}' "$cid")" +%s%3N))))
  s0=$(now_ms); docker stop -t 10 "$cid" >/dev/null; s1=$(now_ms)
  stops+=($((s1 - s0)))
  codes+=("$(docker inspect -f '{{.State.ExitCode}}' "$cid")")
  echo "run $i: ready ${ready[-1]} ms (JVM part ${jvm[-1]} ms), stop ${stops[-1]} ms, exit code ${codes[-1]}"
  docker rm "$cid" >/dev/null
done

echo "ready median: $(printf '%s\n' "${ready[@]}" | median) ms   (runs: ${ready[*]})"
echo "JVM part median: $(printf '%s\n' "${jvm[@]}" | median) ms   (runs: ${jvm[*]}; the rest is Docker's)"
echo "stop median:  $(printf '%s\n' "${stops[@]}" | median) ms   (exit codes: ${codes[*]})"
# 143 = 128+SIGTERM: the JVM ran its shutdown hooks and exited on the signal; 137 would mean
# docker had to SIGKILL it after the grace period.
clean=OK
for c in "${codes[@]}"; do [[ $c == 0 || $c == 143 ]] || clean=FAIL; done
echo "non-root: $nonroot; SIGTERM clean exit: $clean"
[[ $nonroot == OK && $clean == OK ]]
