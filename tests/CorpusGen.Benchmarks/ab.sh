#!/usr/bin/env bash
# A/B of two builds of the benchmarks, run alternately so that both see the same minutes of this shared machine.
#
#   dotnet build -c Release tests/CorpusGen.Benchmarks && cp -r tests/CorpusGen.Benchmarks/bin/Release/net10.0 /tmp/benchA
#   (change the code, build again, copy to /tmp/benchB)
#   tests/CorpusGen.Benchmarks/ab.sh /tmp/benchA /tmp/benchB 2 '*ExactLookup<IntlCorpus>*'
#
# Each round runs A, then B, with the given BenchmarkDotNet filters; the reports land in <out>/<A|B><round>/
# (out: $AB_OUT, default ./ab-results). Medians are in the reports' Median column, ratios in "Ratio (medians)".
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 <build A> <build B> <rounds> <filter>..." >&2
  exit 2
fi
a=$(cd "$1" && pwd); b=$(cd "$2" && pwd); rounds=$3; shift 3
out=${AB_OUT:-$PWD/ab-results}
mkdir -p "$out"
for round in $(seq "$rounds"); do
  for side in A B; do
    dir=$a; [ "$side" = B ] && dir=$b
    (cd "$dir" && rm -rf BenchmarkDotNet.Artifacts && ./CorpusGen.Benchmarks --filter "$@" > "$out/$side$round.log" 2>&1)
    mkdir -p "$out/$side$round" && cp "$dir"/BenchmarkDotNet.Artifacts/results/*-report-github.md "$out/$side$round/"
  done
done
echo "reports in $out"
