#!/usr/bin/env bash
# Builds the bench module (and the modules it needs) and runs the two audit benchmarks against the
# local Postgres (127.0.0.1:5432, superuser postgres; see docs/benchmarks.md). Each benchmark
# creates its own fresh, migrated database and drops it (with its roles) when it ends, also when
# stopped. Every step has a time limit, so the script always stops by itself (about 8 minutes in
# all on 2 cores).
#
#   bench/run-audit-benchmarks.sh
#   MUTATION_ARGS="--clients 16 --measure-s 20" VERIFY_ARGS="--layouts 4x250000" bench/run-audit-benchmarks.sh
#
# The chain verification's headline is what an operator gets: a fresh JVM per run, timed from its
# start to its exit, min/median/max, each run with the machine's load average and the Postgres
# buffer hits/reads it caused, and (for the 1 x 1,000,000 layout) the service's default verify
# (from a signed checkpoint 1,000 events behind the head) against its full verification.
# The machine's load is printed before and after: figures taken on a busy machine say so.
#
# Exit code: 0 if both ran and every correctness check passed (whether or not a goal was met).
set -euo pipefail
cd "$(dirname "$0")/.."

MUTATION_ARGS=${MUTATION_ARGS:-"--clients 16 --tenants 16 --warmup-s 5 --measure-s 20 --rounds 2"}
VERIFY_ARGS=${VERIFY_ARGS:-"--layouts 4x250000,1x1000000 --runs 3 --profile first"}

echo "== build (mvn -pl bench -am package)"
if ! timeout 600 mvn -B -q -o -pl bench -am package -DskipTests; then
  echo "offline build failed; trying online"
  timeout 900 mvn -B -q -pl bench -am package -DskipTests
fi
CP="bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*"
JAVA=${JAVA:-java}

status=0
echo "== machine: $(nproc) cores; uptime: $(uptime)"
echo
echo "== AuditedMutationBenchmark $MUTATION_ARGS"
# shellcheck disable=SC2086
timeout --kill-after=30 300 "$JAVA" -cp "$CP" io.atc.bench.AuditedMutationBenchmark $MUTATION_ARGS || status=$?
echo
echo "== ChainVerificationBenchmark $VERIFY_ARGS"
# shellcheck disable=SC2086
timeout --kill-after=30 720 "$JAVA" -cp "$CP" io.atc.bench.ChainVerificationBenchmark $VERIFY_ARGS || status=$?
echo "== machine after: uptime: $(uptime)"
exit "$status"
