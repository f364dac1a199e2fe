# Sourced by the benchmarks that run in-process on the server's test classes (fuzz.sh, memory.sh,
# webhook-latency.sh, state.sh): moves to the project root, defines quiet (runs a command, showing
# its output only if it fails) and build_test_classpath, which builds the test classes and sets
# TEST_CP to their class path. Offline by default (MVN_OFFLINE=-o); set MVN_OFFLINE= to let Maven
# download what is missing.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
offline=${MVN_OFFLINE--o}

quiet() { local out; if ! out=$("$@" 2>&1); then printf '%s\n' "$out" >&2; exit 1; fi; }

build_test_classpath() {
  local cpfile=mock-server/target/bench-classpath.txt
  quiet mvn -B -q $offline -pl mock-server -am test-compile
  quiet mvn -B -q $offline -pl mock-server dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$root/$cpfile"
  TEST_CP="mock-server/target/test-classes:mock-server/target/classes:$(cat "$cpfile")"
}
