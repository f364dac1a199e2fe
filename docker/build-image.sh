#!/usr/bin/env bash
# Build the livedigital mock server image.
#
#   docker/build-image.sh [path/to/livedigital-mock-server.jar]
#
# Two recipes, picked by IMAGE_BASE (default auto: local where it can work, i.e. on Linux with a
# JDK that has jlink and jmods; public elsewhere, e.g. on a Mac with Docker Desktop):
#   local  docker/Dockerfile.local, FROM scratch. Needs no registry at all: the Java runtime is
#          jlink'ed from a JDK on this machine and the glibc it links is copied from the host.
#          A JDK 25 (jmods, or a run-time image jlink can link from) gives the image JDK 25's
#          ahead-of-time cache; else a JDK 17 gives it an AppCDS archive. Both are made by a
#          training run in the image build (see Dockerfile.local). This is the one CI uses (no
#          registry is reachable there).
#   public docker/Dockerfile, FROM eclipse-temurin:25-jre-alpine; for machines that can pull
#          from Docker Hub. Same as: docker build -f docker/Dockerfile mock-server/target
# Without an argument the jar is built with Maven if it is missing.
#
# Env: IMAGE_NAME (livedigital-mock), IMAGE_VERSION (the jar's own: java -jar ... --version, i.e. the
#      Maven project version), LDMOCK_IMAGE (name:tag at once; the Maven build passes its ldmock.image),
#      EXTRA_TAG (local),
#      JDK25_HOME (JDK 25+ whose jlink/jdeps make the runtime; default: one under /usr/lib/jvm),
#      JDK17_HOME (the JDK 17 used when there is no JDK 25; default: the system JDK 17),
#      IMAGE_JDK (auto: 25 where there is one, else 17; 17 or 25 to choose),
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
trap 'rm -rf "$WORK"' EXIT

report() {
  local bytes
  bytes=$(docker image inspect -f '{{.Size}}' "$IMAGE_NAME:$IMAGE_VERSION")
  echo "build-image: $IMAGE_NAME:$IMAGE_VERSION ($IMAGE_NAME:$EXTRA_TAG) size: $((bytes / 1000000)) MB ($bytes bytes)"
}

# A JDK 25+ that can jlink: with jmods, or a run-time image linkable without them (JEP 493).
can_link() {
  [[ -x $1/bin/jlink ]] && { [[ -d $1/jmods ]] || "$1/bin/jlink" --add-modules java.base \
    --output "$WORK/probe-$RANDOM" >/dev/null 2>&1; }
}
IMAGE_JDK=${IMAGE_JDK:-auto}
[[ $IMAGE_JDK != 17 ]] || JDK25_HOME=
if [[ -z ${JDK25_HOME:-} && $IMAGE_JDK != 17 ]]; then
  for d in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/java-25-openjdk-amd64 /usr/lib/jvm/*-25*; do
    [[ -d $d ]] && can_link "$d" && { JDK25_HOME=$d; break; }
  done
fi
if [[ -z ${JDK17_HOME:-} ]]; then
  for d in /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/temurin-17-jdk-amd64 "${JAVA_HOME:-}"; do
    [[ -n $d && -x $d/bin/jlink && -d $d/jmods ]] && { JDK17_HOME=$d; break; }
  done
fi
if [[ $IMAGE_BASE == auto ]]; then
  if [[ $(uname -s) == Linux && -n ${JDK25_HOME:-}${JDK17_HOME:-} ]] && command -v ldd >/dev/null; then
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
if [[ -n ${JDK25_HOME:-} ]]; then
  JDK=$JDK25_HOME CACHE=aot
elif [[ $IMAGE_JDK == 25 ]]; then
  echo "build-image: IMAGE_JDK=25 but no JDK 25 that can jlink (set JDK25_HOME)" >&2; exit 1
elif [[ -n ${JDK17_HOME:-} && -x $JDK17_HOME/bin/jlink ]]; then
  JDK=$JDK17_HOME CACHE=cds
else
  echo "build-image: no JDK 25 that can jlink and no JDK 17 with jmods (set JDK25_HOME or JDK17_HOME)" >&2; exit 1
fi
echo "build-image: runtime jlink'ed from $JDK ($("$JDK/bin/java" -version 2>&1 | head -1)), start-up cache: $CACHE"

ROOTFS=$WORK/rootfs
mkdir -p "$ROOTFS"/{app,etc,tmp,data}

if [[ -z ${JLINK_MODULES:-} ]]; then
  # jdeps reads a shaded jar that carries a module-info.class (netty's, from META-INF/versions)
  # as that one module and reports only its requires; drop them so the whole jar is analysed.
  mkdir "$WORK/classes"
  (cd "$WORK/classes" && "$JDK/bin/jar" xf "$JAR")
  find "$WORK/classes" -name module-info.class -delete
  # Per-package references, minus Jackson-databind's to java.desktop/java.sql/java.xml: Jackson
  # declares those `requires static` and only touches them for java.beans annotations and
  # java.sql/DOM types, so they'd add ~17 MB (AWT, XML) the server never loads. The same modules
  # stay in if any other package (e.g. the server's own code) uses them.
  JLINK_MODULES=$("$JDK/bin/jdeps" -verbose:package --ignore-missing-deps --multi-release 17 \
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
# JDK 17: its own CDS archive of the JDK's classes too (--generate-cds-archive), which the app's
# archive builds on; JDK 25's AOT cache holds both.
JLINK_CACHE=(--compress=zip-6)
[[ $CACHE == aot ]] || JLINK_CACHE=(--compress=2 --generate-cds-archive)
"$JDK/bin/jlink" --add-modules "$JLINK_MODULES" \
  --strip-debug --no-header-files --no-man-pages "${JLINK_CACHE[@]}" \
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

# ---- the JVM's options: every start (jvm.args) and the image build's training run (train.args) --
# C1 only, SerialGC, small stacks: fast start and a small footprint; the training run uses the same.
JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData"
if [[ $CACHE == aot ]]; then
  printf '%s\n' $JVM_OPTS -XX:AOTCacheOutput=/app/app.aot >"$ROOTFS/app/train.args"
  printf '%s\n' $JVM_OPTS -XX:AOTCache=/app/app.aot >"$ROOTFS/app/jvm.args"
else
  printf '%s\n' $JVM_OPTS -Xlog:cds=error -XX:ArchiveClassesAtExit=/app/app.jsa >"$ROOTFS/app/train.args"
  printf '%s\n' $JVM_OPTS -Xshare:auto -XX:SharedArchiveFile=/app/app.jsa >"$ROOTFS/app/jvm.args"
fi
echo "build-image: rootfs $(du -sm "$ROOTFS" | cut -f1) MB; JVM options: $(tr '\n' ' ' <"$ROOTFS/app/jvm.args")"

docker build -f "$ROOT/docker/Dockerfile.local" "${TAGS[@]}" "$WORK"
report
