#!/usr/bin/env bash
# Side-by-side: termlint check, conftest and opa eval on the same generated corpus and playbook,
# plus termlint's loading floor (validate). Reports the median wall time of RUNS runs, files per
# second, peak RSS (from /usr/bin/time -v) and each tool's ratio to termlint check: the median of
# the ratios of runs made in the same round, the tools taking turns.
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

# run_timed CMD...: one run under /usr/bin/time; prints "wall_seconds max_rss_kib".
run_timed() {
  /usr/bin/time -v -o "$work/time.txt" "$@" > /dev/null 2>&1 || true
  awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); w = 0; for (j = 1; j <= n; j++) w = w * 60 + p[j]}
    /Maximum resident set size/ {m = $2} END {print w, m}' "$work/time.txt"
}

median() { sort -g | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

# sane N TOOL FINDINGS: stop unless the tool reported at least one failure per contract, which
# every generated contract has.
sane() {
  if ! [[ $3 =~ ^[0-9]+$ ]] || (($3 < $1)); then
    echo "compare.sh: $2 reported ${3:-nothing} failures for $1 contracts; it is not doing the work" >&2
    exit 1
  fi
  echo "$2: $3 failures on $1 contracts" >&2
}

printf '| contracts | tool | median wall (s) | files/s | peak RSS (MiB) | wall vs termlint check (median of paired runs) |\n'
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
  declare -A cmd=(
    [check]="$tl check --fail-on never $corpus"
    [floor]="$tl validate $corpus"
    [conftest]="$work/bin/conftest test --no-color -p $work/playbook -p $work/wrapper -d $work/playbook/data.json $corpus/*.yaml"
  )
  declare -A walls=() mems=() ratios=() wall=() mem=() ratio=()
  # The tools take turns, one run each per round after a warm-up round, and each tool's ratio is
  # the median of its per-round ratios: the machine's speed drifts, and a tool timed only while
  # it was slow would look slow.
  for ((i = 0; i <= RUNS; i++)); do
    for tool in check floor conftest opa; do
      if [ "$tool" = opa ]; then
        # The query holds spaces and brackets: it is passed as one argument, not split.
        read -r w m < <(run_timed "$work/bin/opa" eval --format raw -d "$work/playbook" -d "$opadata" "count($opaq)")
      else
        # shellcheck disable=SC2086 # the command is split into words on purpose; paths have no spaces
        read -r w m < <(run_timed ${cmd[$tool]})
      fi
      ((i == 0)) && continue
      walls[$tool]+="$w "$'\n'
      mems[$tool]+="$m "$'\n'
      [ "$tool" = check ] && wcheck=$w
      ratios[$tool]+="$(awk -v a="$w" -v b="$wcheck" 'BEGIN {print a / b}')"$'\n'
    done
  done
  for tool in check floor conftest opa; do
    wall[$tool]=$(median <<<"${walls[$tool]}")
    mem[$tool]=$(sort -g <<<"${mems[$tool]}" | tail -n 1)
    ratio[$tool]=$(median <<<"${ratios[$tool]}")
  done
  for tool in check floor conftest opa; do
    case $tool in
      check) label="termlint check" ;; floor) label="termlint validate (loading floor)" ;;
      conftest) label="conftest $CONFTEST_VERSION" ;; opa) label="opa eval $OPA_VERSION" ;;
    esac
    awk -v n="$n" -v l="$label" -v w="${wall[$tool]}" -v m="${mem[$tool]}" -v r="${ratio[$tool]}" \
      'BEGIN {printf "| %d | %s | %.2f | %.0f | %.0f | %.2fx |\n", n, l, w, n / w, m / 1024, r}'
  done
done
