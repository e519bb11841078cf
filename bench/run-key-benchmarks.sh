#!/usr/bin/env bash
# JMH: what one API-key verification costs in the keys service (argon2id cold verify, the decoy for
# unknown keys, the fingerprint, and the bad-checksum rejection). No database needed; about 3 minutes.
#   bench/run-key-benchmarks.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if ! timeout 600 mvn -B -q -o -pl bench -am package -DskipTests; then
  timeout 900 mvn -B -q -pl bench -am package -DskipTests
fi
exec timeout --kill-after=30 600 java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" \
  org.openjdk.jmh.Main 'io.atc.bench.keys.KeyVerificationBenchmark' -rf text -rff bench/target/key-benchmarks.txt
