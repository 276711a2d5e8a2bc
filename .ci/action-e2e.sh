#!/usr/bin/env bash
# End-to-end test of the Action's check: a throw-away repository in the documented layout
# (contracts/ with waivers.yaml beside the contracts, .termlint.yaml at the root with a profile
# and a waiver policy), a base branch and several pull-request branches, each checked by running
# action.yml's steps as a runner does (internal/devtools/actionrun: bash -eo pipefail, env from
# the inputs, GITHUB_OUTPUT per step). It asserts the exit code, every output, the annotations
# (new failures first) and the job summary. The install step is tested on its own by
# .ci/action-install-test.sh; here the termlint under test is put on PATH instead.
#
# Usage: .ci/action-e2e.sh TERMLINT_BINARY
# Needs only Go, git, bash and coreutils.
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
tl=$(realpath "${1:?usage: .ci/action-e2e.sh TERMLINT_BINARY}")

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
fail() {
  echo "FAIL [$case]: $*" >&2
  fails=$((fails + 1))
}

go build -o "$tmp/actionrun" ./internal/devtools/actionrun
mkdir -p "$tmp/bin"
cp "$tl" "$tmp/bin/termlint"
export PATH="$tmp/bin:$PATH"

repo="$tmp/repo"
git init -q -b main "$repo"
g() { git -C "$repo" -c user.name=e2e -c user.email=e2e@example.com -c commit.gpgsign=false "$@"; }
mkdir -p "$repo/contracts" "$repo/sources"
for v in serso build-software; do
  cp "fixtures/contracts/$v.yaml" "$repo/contracts/"
  cp "fixtures/sources/$v.txt" "$repo/sources/"
done
cp -r examples/policies "$repo/policies"
printf 'acme:\n  cap_floor:\n    min_eur: 500000\n' > "$repo/thresholds.yaml"
expires=$(date -u -d '+60 days' +%Y-%m-%d)
# Every kind of trusted input at once: a profile, custom policies with their params, a params
# file, waivers with a policy. A pull request that changes no contract must have no new failure.
cat > "$repo/.termlint.yaml" <<YAML
profile: financial-entity
policies: [policies]
params: [thresholds.yaml]
waivers: contracts/waivers.yaml
waiver_policy:
  approvers: ["J. Janssens, legal"]
YAML
cat > "$repo/contracts/waivers.yaml" <<YAML
waivers:
  - rule: gdpr/processor-agreement
    contract: contracts/serso.yaml
    reason: DPA signed separately (ref. DPA-114)
    approved_by: J. Janssens, legal
    expires: $expires
YAML
echo "# contracts" > "$repo/README.md"
g add -A
g commit -q -m base
base=$(g rev-parse HEAD)

# Branches, each a pull request against main.
g checkout -q -b pr-clean
echo "A note on the contracts." >> "$repo/README.md"
g commit -q -am "clean: no contract changes"

g checkout -q main
g checkout -q -b pr-new-failure
# A second, worse claim period under a rule build-software already fails (claims/time-limit): the
# same clause encoded with 1 hour instead of 8 days. The quote is verbatim, so it loads.
add_one_hour_claim() {
  local file=$1
  awk '
    { print }
    /period: 8d/ && !done { seen = 1 }
    seen && /src: \{art: "4.5"/ && !done {
      print "    - scope: complaints_invoice"
      print "      period: 1h"
      print "      from: ontvangst van de factuur"
      print "      form: aangetekend schrijven"
      print "      consequence: not_stated"
      print "      src: {art: \"4.5\", quote: \"Klachten over facturen moeten binnen de acht (8) dagen na ontvangst worden meegedeeld aan BUILD-SOFTWARE per aangetekend schrijven.\"}"
      done = 1
    }
  ' "$file" > "$file.new" && mv "$file.new" "$file"
}
add_one_hour_claim "$repo/contracts/build-software.yaml"
grep -q "period: 1h" "$repo/contracts/build-software.yaml" || { echo "the edit did not apply"; exit 1; }
g commit -q -am "new failure next to an existing one"

g checkout -q main
g checkout -q -b pr-invalid
printf 'schema_version: "1"\ndocument:\n  title: broken\n' > "$repo/contracts/broken.yaml"
g add -A
g commit -q -m "an invalid contract"

g checkout -q main
g checkout -q -b pr-loosen
# The pull request also loosens the gate and waives its own failure: neither may count.
cp "$repo/contracts/build-software.yaml" "$tmp/bs.yaml"
add_one_hour_claim "$repo/contracts/build-software.yaml"
printf 'fail_on: never\nno_default: true\npolicies: [lax]\n' > "$repo/.termlint.yaml"
cat >> "$repo/contracts/waivers.yaml" <<YAML
  - rule: claims/time-limit
    contract: contracts/build-software.yaml
    reason: fine
    approved_by: the author
    expires: 9999-12-31
YAML
g commit -q -am "new failure, loosened config, own waiver"

g checkout -q main
g checkout -q -b pr-utf
# A new contract whose name git would quote ("caf\303\251.yaml"): changed-only must still see it.
cp "$repo/contracts/serso.yaml" "$repo/contracts/café.yaml"
g add -A
g commit -q -m "a contract with a non-ASCII name"

# check BRANCH [INPUT=VALUE...]: runs the Action on BRANCH checked out, as on pull_request.
check() {
  local branch=$1
  shift
  case=$branch
  g checkout -q "$branch"
  rm -rf "$tmp/run" && mkdir -p "$tmp/run"
  : > "$tmp/run/summary.md"
  local args=(-action "$src" -workspace "$repo" -temp "$tmp/run" -summary "$tmp/run/summary.md"
    -outputs "$tmp/run/outputs" -skip install
    -github "event.pull_request.base.sha=$base"
    -input paths=contracts -input baseline-ref=main)
  for i in "$@"; do args+=(-input "$i"); done
  code=0
  (cd "$repo" && "$tmp/actionrun" "${args[@]}") > "$tmp/run/log" 2> "$tmp/run/stderr" || code=$?
  if [ "$code" = 125 ]; then
    cat "$tmp/run/stderr" >&2
    echo "actionrun could not run the Action" >&2
    exit 1
  fi
}
out() { sed -n "s/^$1=//p" "$tmp/run/outputs"; }
expect_out() {
  local got
  got=$(out "$1")
  [ "$got" = "$2" ] || fail "output $1 = '$got', want '$2'"
}
every_output_set() {
  local name
  for name in exit-code sarif-file json-file contracts failed unknown passed waived input-errors new failing; do
    grep -q "^$name=" "$tmp/run/outputs" || fail "output $name missing"
  done
}

check pr-clean
every_output_set
[ "$code" = 0 ] || fail "exit $code, want 0"
expect_out exit-code 0
expect_out new 0
expect_out failing false
expect_out input-errors 0
expect_out contracts 2
[ -s "$repo/$(out sarif-file)" ] || fail "no SARIF file"
grep -q "0 new" "$tmp/run/summary.md" || fail "the summary does not say 0 new"
grep -q "contracts/waivers.yaml" "$tmp/run/log" && fail "waivers.yaml was linted as a contract"
[ "$(out waived)" -ge 1 ] || fail "the base's waiver was not applied"

check pr-new-failure
every_output_set
[ "$code" = 1 ] || fail "exit $code, want 1"
expect_out exit-code 1
expect_out new 1
expect_out failing true
[ -s "$repo/$(out sarif-file)" ] || fail "no SARIF file, so the upload would be skipped"
first=$(grep -m1 '^::error ' "$tmp/run/log" || true)
case "$first" in
  *"file=contracts/build-software.yaml"*"title=new%3A claims/time-limit"*"1 hour"*) ;;
  *) fail "the first error annotation is not the new failure: $first" ;;
esac
head -n 8 "$tmp/run/summary.md" | grep -q "1 new" || fail "the summary does not open with the new count"
grep -q "### New failures" "$tmp/run/summary.md" || fail "the summary does not list the new failures"

check pr-invalid
every_output_set
[ "$code" = 2 ] || fail "exit $code, want 2"
expect_out exit-code 2
[ "$(out input-errors)" -ge 1 ] || fail "input-errors = $(out input-errors)"
grep -q "contracts/broken.yaml" "$tmp/run/log" || fail "the invalid contract is not named"

check pr-loosen
every_output_set
[ "$code" = 1 ] || fail "exit $code, want 1: the pull request's config and waiver must not count"
expect_out new 1
grep -q "file=.termlint.yaml" "$tmp/run/log" || fail "the changed config is not flagged for the reviewer"
grep -q "file=contracts/waivers.yaml" "$tmp/run/log" || fail "the changed waivers file is not flagged for the reviewer"

# changed-only: only the pull request's contract is checked.
check pr-new-failure changed-only=true
expect_out contracts 1
expect_out exit-code 1

check pr-utf changed-only=true
expect_out contracts 1
expect_out exit-code 1
grep -q "file=contracts/café.yaml" "$tmp/run/log" || fail "the new contract's failures are not annotated"

if [ "$fails" -gt 0 ]; then
  echo "$fails check(s) failed; last run's log:" >&2
  cat "$tmp/run/log" "$tmp/run/stderr" >&2
  exit 1
fi
echo "action e2e: 6 runs, every assertion held"
