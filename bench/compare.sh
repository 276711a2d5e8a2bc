#!/usr/bin/env bash
# Side-by-side: termlint check, conftest and opa eval on the same generated corpus and playbook,
# plus termlint's loading floor (validate). Reports the median wall time of RUNS runs, files per
# second, peak RSS (from /usr/bin/time -v) and each tool's ratio to termlint check.
#
#   bash bench/compare.sh                 # 1,000 and 10,000 contracts, 5 runs each
#   SIZES="1000" RUNS=3 bash bench/compare.sh
#
# conftest and opa are installed with go install into a temporary GOBIN, never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000 10000"}
RUNS=${RUNS:-5}
CONFTEST_VERSION=${CONFTEST_VERSION:-v0.71.1}
OPA_VERSION=$(go list -m -f '{{.Version}}' github.com/open-policy-agent/opa)
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "building termlint; installing conftest $CONFTEST_VERSION and opa $OPA_VERSION into $work/bin" >&2
go build -o "$work/bin/termlint" ./cmd/termlint
GOBIN="$work/bin" go install "github.com/open-policy-agent/conftest@$CONFTEST_VERSION"
GOBIN="$work/bin" go install "github.com/open-policy-agent/opa@$OPA_VERSION"
tl="$work/bin/termlint"

# The playbook as plain files (rules, library, generated engine module, params as data.json),
# so conftest and opa load exactly what termlint compiles.
"$tl" bundle -o "$work/playbook.tar.gz"
mkdir -p "$work/playbook" "$work/wrapper"
tar -xzf "$work/playbook.tar.gz" -C "$work/playbook"
rm -f "$work/playbook/.manifest"
cat > "$work/wrapper/main.rego" <<'REGO'
package main

# conftest reads deny from package main; collect every rule's findings.
deny contains msg if {
	some f in data.termlint.rules[_][_].deny
	msg := f.msg
}
REGO

# measure NAME CMD...: RUNS runs after one warm-up; prints "median_wall max_rss_kib".
measure() {
  local walls=() rss=() i out
  "$@" > /dev/null 2>&1 || true
  for ((i = 0; i < RUNS; i++)); do
    /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
    out=$(cat "$work/time.txt")
    walls+=("$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (j = 1; j <= n; j++) s = s * 60 + p[j]; print s}' <<<"$out")")
    rss+=("$(awk -F': ' '/Maximum resident set size/ {print $2}' <<<"$out")")
  done
  printf '%s %s\n' "$(printf '%s\n' "${walls[@]}" | sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')" \
    "$(printf '%s\n' "${rss[@]}" | sort -g | tail -n 1)"
}

# sane N TOOL FINDINGS: stop unless the tool reported at least one failure per contract, which
# every generated contract has.
sane() {
  if ! [[ $3 =~ ^[0-9]+$ ]] || (($3 < $1)); then
    echo "compare.sh: $2 reported ${3:-nothing} failures for $1 contracts; it is not doing the work" >&2
    exit 1
  fi
  echo "$2: $3 failures on $1 contracts" >&2
}

printf '| contracts | tool | median wall (s) | files/s | peak RSS (MiB) | wall vs termlint check |\n'
printf '|---:|---|---:|---:|---:|---:|\n'
for n in $SIZES; do
  corpus="$work/corpus-$n"
  go run ./internal/bench/gen -n "$n" -o "$corpus" -seed 1
  # opa eval reads the contracts as data: one directory per contract.
  opadata="$work/opa-$n"
  for f in "$corpus"/*.yaml; do
    b=$(basename "$f" .yaml); b=${b//-/_}
    mkdir -p "$opadata/contracts/$b"; cp "$f" "$opadata/contracts/$b/data.yaml"
  done
  # Each tool must do the work before it is timed: a tool that fails fast would look fast.
  opaq='[count(r[_].deny) | some c in data.contracts; r := data.termlint.engine.results with input as c]'
  sane "$n" "termlint check" "$("$tl" check --fail-on never -f json "$corpus" | grep -c '"verdict": "fail"' || true)"
  sane "$n" "conftest" "$("$work/bin/conftest" test --no-color -p "$work/playbook" -p "$work/wrapper" -d "$work/playbook/data.json" "$corpus"/*.yaml | grep -c '^FAIL' || true)"
  sane "$n" "opa eval" "$("$work/bin/opa" eval --format raw -d "$work/playbook" -d "$opadata" "sum($opaq)")"
  declare -A wall=() mem=()
  read -r wall[check] mem[check] < <(measure "$tl" check --fail-on never "$corpus")
  read -r wall[floor] mem[floor] < <(measure "$tl" validate "$corpus")
  read -r wall[conftest] mem[conftest] < <(measure "$work/bin/conftest" test --no-color -p "$work/playbook" -p "$work/wrapper" -d "$work/playbook/data.json" "$corpus"/*.yaml)
  read -r wall[opa] mem[opa] < <(measure "$work/bin/opa" eval --format raw -d "$work/playbook" -d "$opadata" \
    "count($opaq)")
  for tool in check floor conftest opa; do
    case $tool in
      check) label="termlint check" ;; floor) label="termlint validate (loading floor)" ;;
      conftest) label="conftest $CONFTEST_VERSION" ;; opa) label="opa eval $OPA_VERSION" ;;
    esac
    awk -v n="$n" -v l="$label" -v w="${wall[$tool]}" -v m="${mem[$tool]}" -v c="${wall[check]}" \
      'BEGIN {printf "| %d | %s | %.2f | %.0f | %.0f | %.2fx |\n", n, l, w, n / w, m / 1024, w / c}'
  done
done
