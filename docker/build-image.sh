#!/usr/bin/env bash
# Build the livedigital mock server image.
#
#   docker/build-image.sh [path/to/livedigital-mock-server.jar]
#
# Two recipes, picked by IMAGE_BASE (default auto: local where it can work, i.e. on Linux with a
# JDK that has jlink and jmods; public elsewhere, e.g. on a Mac with Docker Desktop):
#   local  docker/Dockerfile.local, FROM scratch. Needs no registry at all: the Java runtime is
#          jlink'ed from the JDK 17 on this machine and the glibc it links is copied from the host.
#          This is the one CI uses (no registry is reachable there).
#   public docker/Dockerfile, FROM eclipse-temurin:17-jre-alpine (pinned); for machines that
#          can pull from Docker Hub. Same as: docker build -f docker/Dockerfile mock-server/target
# Without an argument the jar is built with Maven if it is missing.
#
# Env: IMAGE_NAME (livedigital-mock), IMAGE_VERSION (the jar's own: java -jar ... --version, i.e. the
#      Maven project version), LDMOCK_IMAGE (name:tag at once; the Maven build passes its ldmock.image),
#      EXTRA_TAG (local),
#      JDK17_HOME (JDK whose jlink/jdeps/jmods make the runtime; default: the system JDK 17),
#      JLINK_MODULES (override the jdeps-computed module list),
#      BASE_IMAGE (public only: replaces the pinned eclipse-temurin base, e.g. a registry mirror).
# Idempotent: everything is assembled in a fresh temp dir, removed on exit; re-running only
# re-tags (docker's layer cache makes an unchanged rebuild cheap).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
EXTRA_TAG=${EXTRA_TAG:-local}
IMAGE_BASE=${IMAGE_BASE:-auto}

JAR=${1:-$ROOT/mock-server/target/livedigital-mock-server.jar}
if [[ ! -f $JAR ]]; then
  [[ $# -eq 0 ]] || { echo "build-image: no such jar: $JAR" >&2; exit 1; }
  echo "build-image: building $JAR"
  (cd "$ROOT" && mvn -q -ntp -pl mock-server -am package -DskipTests)
fi
JAR=$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")

# The tag is the version the jar was built as (one place: the pom's <version>), unless told otherwise.
if [[ -n ${LDMOCK_IMAGE:-} ]]; then
  IMAGE_NAME=${LDMOCK_IMAGE%:*} IMAGE_VERSION=${LDMOCK_IMAGE##*:}
fi
IMAGE_NAME=${IMAGE_NAME:-livedigital-mock}
IMAGE_VERSION=${IMAGE_VERSION:-$(java -jar "$JAR" --version | sed -n 's/^livedigital-mock //p')}
[[ -n $IMAGE_VERSION ]] || { echo "build-image: $JAR --version printed no version" >&2; exit 1; }
TAGS=(-t "$IMAGE_NAME:$IMAGE_VERSION" -t "$IMAGE_NAME:$EXTRA_TAG")

WORK=$(mktemp -d /tmp/ldmock-image.XXXXXX)
pid=   # the CDS training server, if running: never leave it behind
trap '[[ -z $pid ]] || kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT

report() {
  local bytes
  bytes=$(docker image inspect -f '{{.Size}}' "$IMAGE_NAME:$IMAGE_VERSION")
  echo "build-image: $IMAGE_NAME:$IMAGE_VERSION ($IMAGE_NAME:$EXTRA_TAG) size: $((bytes / 1000000)) MB ($bytes bytes)"
}

if [[ -z ${JDK17_HOME:-} ]]; then
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64 "${JAVA_HOME:-}"; do
    [[ -n $d && -x $d/bin/jlink && -d $d/jmods ]] && { JDK17_HOME=$d; break; }
  done
fi
if [[ $IMAGE_BASE == auto ]]; then
  if [[ $(uname -s) == Linux && -n ${JDK17_HOME:-} ]] && command -v ldd >/dev/null; then
    IMAGE_BASE=local
  else
    IMAGE_BASE=public
  fi
  echo "build-image: recipe $IMAGE_BASE (set IMAGE_BASE=local|public to choose)"
fi

if [[ $IMAGE_BASE == public ]]; then
  # Minimal context: just the jar (mock-server/target also holds classes, reports, ...).
  cp "$JAR" "$WORK/livedigital-mock-server.jar"
  docker build -f "$ROOT/docker/Dockerfile" ${BASE_IMAGE:+--build-arg "BASE_IMAGE=$BASE_IMAGE"} \
    "${TAGS[@]}" "$WORK"
  report; exit 0
fi

# ---- local: jlink runtime + host libs into rootfs/ ------------------------------------------
[[ -n ${JDK17_HOME:-} && -x $JDK17_HOME/bin/jlink ]] || { echo "build-image: no JDK 17 with jlink+jmods (set JDK17_HOME)" >&2; exit 1; }

ROOTFS=$WORK/rootfs
mkdir -p "$ROOTFS"/{app,etc,tmp,data}

if [[ -z ${JLINK_MODULES:-} ]]; then
  # jdeps reads a shaded jar that carries a module-info.class (netty's, from META-INF/versions)
  # as that one module and reports only its requires; drop them so the whole jar is analysed.
  mkdir "$WORK/classes"
  (cd "$WORK/classes" && "$JDK17_HOME/bin/jar" xf "$JAR")
  find "$WORK/classes" -name module-info.class -delete
  # Per-package references, minus Jackson-databind's to java.desktop/java.sql/java.xml: Jackson
  # declares those `requires static` and only touches them for java.beans annotations and
  # java.sql/DOM types, so they'd add ~17 MB (AWT, XML) the server never loads. The same modules
  # stay in if any other package (e.g. the server's own code) uses them.
  JLINK_MODULES=$("$JDK17_HOME/bin/jdeps" -verbose:package --ignore-missing-deps --multi-release 17 \
      "$WORK/classes" | awk '/^ / && $2 == "->" {
        m = $NF; gsub(/[()]/, "", m); if (m !~ /^(java|jdk)\./) next   # JDK modules only
        if ($1 ~ /^com\.fasterxml\.jackson\.databind\./ && m ~ /^java\.(desktop|sql|xml)$/) next
        print m }' | sort -u | paste -sd, -)
  # jdk.crypto.ec: EC cipher suites for TLS are not a static dependency jdeps could see.
  JLINK_MODULES+=,jdk.crypto.ec
fi
echo "build-image: jlink modules: $JLINK_MODULES"

# Should java.desktop be needed after all (JLINK_MODULES, or the server's own code), its AWT/sound
# natives link X11, ALSA, freetype...; a headless server never loads them: keep them out.
"$JDK17_HOME/bin/jlink" --add-modules "$JLINK_MODULES" \
  --strip-debug --no-header-files --no-man-pages --compress=2 \
  --exclude-files='regex:.*/lib/(libawt_xawt|libjawt|libsplashscreen|libjsound|libfontmanager|libjavajpeg|liblcms)\.so' \
  --output "$ROOTFS/opt/java"
# Only the launcher is needed (keytool, jfr, jrunscript... are not).
find "$ROOTFS/opt/java/bin" -type f ! -name java -delete
if command -v strip >/dev/null; then   # Debian's libjvm keeps its symbol table: ~4 MB
  find "$ROOTFS/opt/java" -name '*.so' -exec strip --strip-unneeded {} +
fi

# Shared libraries outside the runtime (glibc, libstdc++, libz...), at the paths ldd resolved
# them to; the dynamic loader searches those default dirs even without ld.so.cache.
find "$ROOTFS/opt/java" -type f \( -name '*.so' -o -path '*/bin/java' \) -exec ldd {} + 2>/dev/null \
  | grep -oE '/[^ ]+\.so[^ ]*' | grep -v "^$ROOTFS" | sort -u \
  | while read -r lib; do cp -L --parents "$lib" "$ROOTFS/"; done

cp "$JAR" "$ROOTFS/app/app.jar"
chmod 1777 "$ROOTFS/tmp" "$ROOTFS/data"   # /data: a volume for --state-dir, writable by uid 10001
# A passwd entry gives the JVM a user.name/user.home for the non-root uid.
printf 'root:x:0:0:root:/root:/sbin/nologin\nldmock:x:10001:10001:ldmock:/tmp:/sbin/nologin\n' >"$ROOTFS/etc/passwd"
printf 'root:x:0:\nldmock:x:10001:\n' >"$ROOTFS/etc/group"
echo 'hosts: files dns' >"$ROOTFS/etc/nsswitch.conf"

# ---- AppCDS class list: a short training run of the jar on the new runtime, on the host -----
# Only class names are recorded, so the host path of the jar does not matter; the archive
# itself is dumped inside the image (see Dockerfile.local).
JAVA=$ROOTFS/opt/java/bin/java
# Port 0 and the address from the server's own "listening on" line: no port search that another
# build could race, and no chance of training against someone else's server.
LDMOCK_HOST=127.0.0.1 LDMOCK_PORT=0 \
  "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:DumpLoadedClassList="$WORK/server.lst" \
  -jar "$JAR" >"$WORK/train.log" 2>&1 &
pid=$!
up=
for _ in $(seq 1 300); do   # <= 30 s
  base=$(sed -n 's/^livedigital-mock listening on \(http:\/\/127\.0\.0\.1:[0-9]*\)$/\1/p' "$WORK/train.log")
  if [[ -n $base ]] && curl -fsS -o /dev/null "$base/_mock/health" 2>/dev/null; then up=1; break; fi
  kill -0 $pid 2>/dev/null || break
  sleep 0.1
done
port=${base##*:}
if [[ -n $up ]]; then
  # Best effort: one authenticated API call and the 401/404 paths, so a test suite's first
  # requests also find Jackson/JWT/error classes archived. Failures only cost that speed-up.
  tok=$(curl -s -H 'Content-Type: application/json' "$base/v1/auth/token" \
    -d '{"grant_type":"client_credentials","client_id":"demo-client","client_secret":"demo-secret"}' \
    | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p') || true
  curl -s -o /dev/null -H "Authorization: Bearer ${tok:-none}" "$base/v1/spaces" || true
  curl -s -o /dev/null "$base/v1/spaces" || true
  curl -s -o /dev/null "$base/_mock/no-such-path" || true
  LDMOCK_PORT=$port "$JAVA" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
    -XX:DumpLoadedClassList="$WORK/health.lst" -jar "$JAR" --healthcheck || true
fi
kill -TERM $pid 2>/dev/null || true
wait $pid 2>/dev/null || true
pid=
if [[ -z $up ]]; then
  echo "build-image: training run never answered /_mock/health; its log:" >&2
  cat "$WORK/train.log" >&2; exit 1
fi
awk '!/^#/ && !seen[$0]++' "$WORK"/*.lst >"$WORK/classes.lst"
echo "build-image: CDS class list: $(wc -l <"$WORK/classes.lst") classes; rootfs $(du -sm "$ROOTFS" | cut -f1) MB"

docker build -f "$ROOT/docker/Dockerfile.local" "${TAGS[@]}" "$WORK"
report
