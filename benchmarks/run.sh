#!/usr/bin/env bash
# Builds the benchmarks module (with the component it measures) and runs the three OAuth2 benchmarks of issue 3:
# token requests per 10,000 exchanges, a burst across an expiry, and the JMH overhead per exchange. Everything runs on
# 127.0.0.1 and stops by itself (about 15 minutes on 2 cores). Extra arguments go to RunAll (e.g. --skip-jmh).
# Not part of .ci/run: CI only runs the module's smoke test.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -pl benchmarks -am package -DskipTests
cd benchmarks
# a hard stop in case anything hangs; the benchmarks themselves end well before
exec timeout --signal=TERM 1500 java -Xmx2g -cp "target/classes:$(cat target/benchmark.classpath)" \
    io.camelksm.benchmarks.RunAll "$@"
