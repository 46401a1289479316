#!/usr/bin/env bash
# Bridgeway benchmark: the raw infrastructure baseline (Kafka, MongoDB), then the skeleton flow through
# the gateway with Gatling, then both side by side. Needs the platform running: ./bridgeway run
# Knobs (environment): BENCH_USERS (8), BENCH_DURATION (30 s), BENCH_P95_MS (5000), BENCH_RECORDS (20000),
# BENCH_GATEWAY, BENCH_IDENTITY, BENCH_KAFKA, BENCH_MONGO (defaults follow the BRIDGEWAY_*_PORT variables).
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(dirname "$BENCH")"
TARGET="$BENCH/target"

GATEWAY="${BENCH_GATEWAY:-http://localhost:${BRIDGEWAY_GATEWAY_PORT:-8080}}"
IDENTITY="${BENCH_IDENTITY:-http://localhost:${BRIDGEWAY_IDENTITY_PORT:-9000}}"
KAFKA="${BENCH_KAFKA:-localhost:${BRIDGEWAY_KAFKA_PORT:-9092}}"
MONGO="${BENCH_MONGO:-mongodb://localhost:${BRIDGEWAY_MONGO_PORT:-27017}}"
USERS="${BENCH_USERS:-8}"
DURATION="${BENCH_DURATION:-30}"
P95_MS="${BENCH_P95_MS:-5000}"
RECORDS="${BENCH_RECORDS:-20000}"
# Only one Maven build at a time on a small machine: builds wait for this lock when flock exists.
MAVEN_LOCK="${BENCH_MAVEN_LOCK:-/tmp/maven.lock}"

say() { printf '%s\n' "$*"; }
fail() { printf 'bench: %s\n' "$*" >&2; exit 1; }

java_major() { "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'; }

# As ./bridgeway does: JAVA_HOME, then java on the PATH, then the usual install folders; 21 or newer.
find_jdk() {
  local candidates=() home major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major="$(java_major "$home/bin/java")"
    if [ -n "$major" ] && [ "${major%%.*}" -ge 21 ]; then
      export JAVA_HOME="$home"
      return 0
    fi
  done
  fail "the bench needs a JDK 21 or newer (with javac); set JAVA_HOME to one"
}

mvn() {
  if command -v flock >/dev/null 2>&1; then
    (cd "$ROOT" && flock "$MAVEN_LOCK" ./mvnw -B -ntp "$@")
  else
    (cd "$ROOT" && ./mvnw -B -ntp "$@")
  fi
}

# key=value from one of the figure files
figure() { awk -F= -v k="$2" '$1 == k {print $2; exit}' "$1" 2>/dev/null; }

command -v curl >/dev/null || fail "curl is needed; install it (apt-get install curl)"
find_jdk

if ! curl -fsS -o /dev/null --max-time 3 "$GATEWAY/actuator/health" 2>/dev/null; then
  fail "the gateway at $GATEWAY is not reachable. Start Bridgeway first, in another shell: ./bridgeway run
(or set BENCH_GATEWAY / BRIDGEWAY_GATEWAY_PORT if it runs elsewhere)."
fi
if ! curl -fsS -o /dev/null --max-time 3 "$IDENTITY/.well-known/openid-configuration" 2>/dev/null; then
  fail "the identity provider at $IDENTITY is not reachable; is ./bridgeway run healthy (./bridgeway status)?"
fi

say "Using $JAVA_HOME"
say "Compiling the bench (bench/target)..."
rm -f "$TARGET/baseline.txt" "$TARGET/bench-flow.txt"
mvn -q -pl bench test-compile dependency:build-classpath \
  -Dmdep.outputFile="$TARGET/classpath.txt" -Dmdep.includeScope=test \
  || fail "the bench did not compile; run ./mvnw -pl bench test-compile to see why"

say ""
say "== 1/2 Infrastructure baseline =="
"$JAVA_HOME/bin/java" -cp "$TARGET/test-classes:$(cat "$TARGET/classpath.txt")" \
  -Dkafka="$KAFKA" -Dmongo="$MONGO" -Drecords="$RECORDS" -Dbaseline.out="$TARGET/baseline.txt" \
  org.bridgeway.bench.InfrastructureBaseline \
  || fail "the infrastructure baseline failed (Kafka $KAFKA, MongoDB $MONGO); is ./bridgeway run up?"

say ""
say "== 2/2 Skeleton flow through the gateway (Gatling: $USERS users, $DURATION s) =="
gatling_status=0
mvn -pl bench gatling:test -Dgatling.simulationClass=org.bridgeway.bench.SkeletonFlowSimulation \
  -Dgateway="$GATEWAY" -Didentity="$IDENTITY" -Dusers="$USERS" -Dduration="$DURATION" -Dp95ms="$P95_MS" \
  -Dbench.target="$TARGET" || gatling_status=$?

report="$(ls -1dt "$TARGET"/gatling/skeletonflowsimulation-* 2>/dev/null | head -n 1 || true)"
p95=""
for stats in "$report/js/stats.js" "$report/js/stats.json"; do
  # The first "percentiles3" (the 95th by default) is the one for all requests.
  [ -n "$report" ] && [ -f "$stats" ] || continue
  p95="$(awk '/"percentiles3"/ {found = 1} found && /"total"/ {gsub(/[^0-9.]/, ""); print; exit}' "$stats")"
  break
done
p95_text="${p95:-see the report}"
[ -n "$p95" ] && p95_text="$p95 ms"

base="$TARGET/baseline.txt" flow="$TARGET/bench-flow.txt"
[ -f "$flow" ] || fail "the simulation wrote no $flow (Gatling exit code $gatling_status); see the output above"

referrals="$(figure "$flow" referrals_per_s)"
flows="$(figure "$flow" flows_per_s)"
produce="$(figure "$base" kafka_produce_per_s)"
consume="$(figure "$base" kafka_consume_per_s)"
one="$(figure "$base" mongo_insert_one_per_s)"
many="$(figure "$base" mongo_insert_many_per_s)"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.5f  (= 1/%.0f)", a / b, (a > 0 ? b / a : 0); else print "n/a" }'; }

cat <<TXT

== Bridgeway bench: results ==
Skeleton flow ($(figure "$flow" users) users, $(figure "$flow" elapsed_s) s): $(figure "$flow" referrals_ok) referrals submitted, $(figure "$flow" flows_ok) whole flows completed
  referrals/s                     $referrals
  whole flows/s                   $flows   (5 requests each)
  p95 response time, all requests $p95_text
Infrastructure baseline ($(figure "$base" records) each)
  Kafka produce records/s         $produce
  Kafka consume records/s         $consume
  MongoDB insertOne docs/s        $one
  MongoDB insertMany docs/s       $many
Ratios: referrals/s divided by
  Kafka produce records/s         $(ratio "$referrals" "$produce")
  Kafka consume records/s         $(ratio "$referrals" "$consume")
  MongoDB insertOne docs/s        $(ratio "$referrals" "$one")
  MongoDB insertMany docs/s       $(ratio "$referrals" "$many")

Files: $base, $flow
Gatling report: ${report:-none}${report:+/index.html}
TXT

if [ "$gatling_status" -ne 0 ]; then
  say "bench: Gatling ended with exit code $gatling_status (failed assertions or errors; see its output above)" >&2
fi
exit "$gatling_status"
