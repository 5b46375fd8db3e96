#!/usr/bin/env bash
# Builds the benchmarks module and runs the cluster benchmarks of issue 16 (several nodes on one PostgreSQL):
#   1. revoke commit -> no node grants, p50/p99/max over 200 revokes with change notices, beside 20 with
#      changeNotices=false (bounded by cacheTtl);
#   2. token requests per token lifetime for 3 nodes over 3 lifetimes: tokenSharing=cluster, tokenSharing=node,
#      camel-http's own OAuth2, and one node alone.
# Starts a PostgreSQL server of its own with .ci/start-postgres.sh and stops it on exit (also on failure). About 5
# minutes on 2 cores. Extra arguments go to ClusterBenchmark (--rounds N, --rounds-off N, --skip-tokens, ...).
# Not part of .ci/run: CI only runs the module's ClusterBenchmarkSmokeTest.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

mvn -q -pl benchmarks -am package -DskipTests

eval "$(bash .ci/start-postgres.sh)"
trap 'bash "$ROOT/.ci/stop-postgres.sh"' EXIT

cd benchmarks
# a hard stop in case anything hangs; the benchmarks themselves end well before
timeout --signal=TERM 1500 java -Xmx1g -cp "target/classes:$(cat target/benchmark.classpath)" \
    io.camelksm.benchmarks.ClusterBenchmark "$@"
