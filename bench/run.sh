#!/usr/bin/env bash
# Benchmarks a clean build of N synthetic filings against Hugo rendering the same filings, side by side,
# plus our no-change rebuild and a rebuild after one new filing (dated today, and dated the day after the corpus' last). Public tools only: hyperfine, /usr/bin/time -v.
#   bench/run.sh [N ...]        default: 1000 10000 (50000 takes Hugo ~95 s and ~9.5 GiB per run)
# Needs: python3, hugo and hyperfine (apt-get install -y hugo hyperfine), the .NET SDK, ../shared/bench beside the repo.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
shared=${KB_SHARED:-$repo/../shared}
out=$repo/bench/out
mkdir -p "$out"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

# Timed as it ships: published ReadyToRun for this machine (precompiled, so no JIT warm-up in the figures).
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish src/ImmunoGen.Kb.Cli -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$out/kb" >/dev/null
kb="$out/kb/kb"

for n in "${sizes[@]}"; do
  corpus=$repo/bench/corpus/$n
  if [ ! -d "$corpus/raw" ]; then
    python3 "$shared/bench/make_corpus.py" --n "$n" --out "$corpus" --seed 1 >/dev/null
  fi
  work=$out/work-$n
  fresh="rm -rf $work && mkdir -p $work/content && cp -r $corpus/raw $work/content/raw"
  ours="cd $work && $kb build --templates $repo/templates --no-check"

  echo "== $n filings: clean build, ours vs Hugo (alternating)"
  hyperfine -w 1 -r "${RUNS:-3}" --export-json "$out/clean-$n.json" \
    -n hugo --prepare "rm -rf $corpus/hugo-site/public" "cd $corpus/hugo-site && hugo --quiet -d public" \
    -n kb --prepare "$fresh" "$ours"

  echo "== $n filings: peak memory (/usr/bin/time -v)"
  rm -rf "$corpus/hugo-site/public"
  ( cd "$corpus/hugo-site" && /usr/bin/time -v hugo --quiet -d public ) 2> "$out/hugo-time-$n.txt"
  bash -c "$fresh"
  ( cd "$work" && /usr/bin/time -v $kb build --templates "$repo/templates" --no-check ) > "$out/kb-stages-$n.txt" 2> "$out/kb-time-$n.txt"
  grep -h "Maximum resident" "$out/hugo-time-$n.txt" "$out/kb-time-$n.txt"
  grep "kb build:" "$out/kb-stages-$n.txt"

  echo "== $n filings: no-change rebuild and one new filing"
  bash -c "$ours" | head -1   # says "up to date" when the no-change path applies
  # Each timed one-new-filing run starts from a site built without it (the untimed --prepare removes and rebuilds).
  new_filing="$work/content/raw/zz-new.txt"
  add_new="rm -f $new_filing && ($ours >/dev/null 2>&1 || true) && sed 's/October 17, 2007/November 21, 2026/g' $repo/content/raw/003_35968dba8423dc4d.txt > $new_filing"
  # The same filing dated the day after the corpus' last one, as a new filing usually is: in the same year, so the
  # time axes of the stage charts stay as they are (the first variant, years later, redraws every one of them).
  last=$(ls "$work/content/filings" | grep -E '^[0-9]{4}-[0-9]{2}-[0-9]{2}-' | sort | tail -1 | cut -c1-10)
  next=$(date -d "$last + 1 day" '+%B %-d, %Y')
  add_next="rm -f $new_filing && ($ours >/dev/null 2>&1 || true) && sed 's/October 17, 2007/$next/g' $repo/content/raw/003_35968dba8423dc4d.txt > $new_filing"
  # Separate runs of hyperfine: a single --prepare would apply to every command.
  hyperfine -w 1 -r "${RUNS:-3}" --export-json "$out/no-change-$n.json" -n no-change "$ours"
  hyperfine -w 1 -r "${RUNS:-3}" --export-json "$out/one-new-$n.json" -n one-new-filing --prepare "$add_new" "$ours"
  hyperfine -w 1 -r "${RUNS:-3}" --export-json "$out/one-next-$n.json" -n one-next-filing --prepare "$add_next" "$ours"
  rm -f "$new_filing"

  python3 - "$out" "$n" <<'PY'
import json, re, sys
out, n = sys.argv[1], sys.argv[2]
runs = {r["command"]: r for r in json.load(open(f"{out}/clean-{n}.json"))["results"]}
def peak(path):
    return int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", open(path).read()).group(1)) / 1024
hugo, kb = runs["hugo"]["median"], runs["kb"]["median"]
hm, km = peak(f"{out}/hugo-time-{n}.txt"), peak(f"{out}/kb-time-{n}.txt")
print(f"N={n}: clean build median kb {kb:.2f} s vs Hugo {hugo:.2f} s -> ratio {kb/hugo:.2f} (target <= 0.25)")
print(f"N={n}: peak memory kb {km:.0f} MiB vs Hugo {hm:.0f} MiB -> ratio {km/hm:.2f} (target <= 0.20)")
re_runs = {r["command"]: r for name in ("no-change", "one-new", "one-next") for r in json.load(open(f"{out}/{name}-{n}.json"))["results"]}
stages = re.search(r"kb build: (snapshot.*)", open(f"{out}/kb-stages-{n}.txt").read())
print(f"N={n}: stages of our clean build: {stages.group(1) if stages else '?'}")
print(f"N={n}: no-change rebuild {re_runs['no-change']['median']:.2f} s (target <= 0.5 s); one new filing {re_runs['one-new-filing']['median']:.2f} s"
      f" dated 2026-11-21, {re_runs['one-next-filing']['median']:.2f} s dated the day after the corpus' last (target <= 1 s)")
PY
done
