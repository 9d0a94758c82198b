#!/usr/bin/env bash
# The sign-in timing benchmark in one command: builds cancel-core and web-common from this checkout, then times the
# password store's answer to a name without an account, a wrong password and the right one, in turns, and prints the
# medians and their ratios (about 30 s). Not a test: it prints figures.
#
#   bench/sign-in.sh                       15 timed rounds after 2 for warming up
#   bench/sign-in.sh -Dbench.rounds=31     more rounds (any -D goes to the benchmark JVM)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bench="$root/bench"
out="$bench/target/sign-in"
mkdir -p "$out"

echo "== Building cancel-core and web-common (package, not install: the local Maven repository stays as it is)"
(cd "$root" && mvn -q -B -DskipTests -DskipITs -pl web-common -am package dependency:build-classpath \
  -Dmdep.outputFile="$out/classpath.txt")
classpath="$root/web-common/target/classes:$root/cancel-core/target/classes:$(cat "$out/classpath.txt")"
# A source folder of its own: bench/pom.xml builds the insights benchmark against the installed cancel-core.
javac -d "$out/classes" -cp "$classpath" "$bench"/src/sign-in/java/org/cancelportal/bench/*.java

echo "== Sign-in timing"
java "$@" -cp "$out/classes:$classpath" org.cancelportal.bench.SignInTiming | tee "$bench/target/sign-in-benchmark.txt"
