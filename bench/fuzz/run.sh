#!/usr/bin/env bash
# A longer fuzz campaign than the test suite's: the same deterministic mutators (tests/ImmunoGen.Kb.Tests/Robustness/
# FuzzTests.cs) over the raw-filing reader and parser and the front-matter loaders, with more mutations and other seeds.
#   bench/fuzz/run.sh [MUTATIONS] [SEED...]      default: 20000 mutations, seeds 1 2 3
# A failure prints the mutation that threw or was rejected without a diagnostic naming its file.
set -euo pipefail
cd "$(dirname "$0")/../.."
mutations=${1:-20000}
shift || true
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(1 2 3)
dotnet build tests/ImmunoGen.Kb.Tests >/dev/null
for seed in "${seeds[@]}"; do
  echo "== seed $seed, $mutations mutations per target"
  KB_FUZZ_MUTATIONS=$mutations KB_FUZZ_SEED=$seed dotnet test tests/ImmunoGen.Kb.Tests --no-build --filter "FullyQualifiedName~FuzzTests"
done
