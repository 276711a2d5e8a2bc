#!/usr/bin/env bash
# Replays the attacks of issue 9 against a termlint binary and prints one line per attack: what
# the gate did. Run it with an old and a new build to compare:
#
#   scripts/replay-attacks.sh /path/to/termlint
#
# Each case builds what a hostile pull request would carry in a throw-away repository. The
# expected outcome for a safe gate is in the comment above each case; the script reports, it
# does not judge. Needs git, bash, coreutils; Linux for /proc and FIFOs.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 2
tl=$(realpath "${1:?usage: scripts/replay-attacks.sh TERMLINT_BINARY}")
fixtures=$(pwd)/fixtures
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export SECRET_TOKEN=s3cr3t-value

g() { git -C "$repo" -c user.name=a -c user.email=a@example.com -c commit.gpgsign=false "$@" > /dev/null; }
newrepo() {
  repo="$tmp/$1"
  git init -q -b main "$repo"
  mkdir -p "$repo/contracts" "$repo/sources"
  cp "$fixtures/contracts/serso.yaml" "$repo/contracts/"
  cp "$fixtures/sources/serso.txt" "$repo/sources/"
  printf 'fail_on: error\n' > "$repo/.termlint.yaml"
  g add -A
  g commit -q -m base
  g checkout -q -b pr
}
# run LABEL ARGS...: runs termlint in $repo, prints the exit code, bounded to 60 s and 2 GiB.
run() {
  local label=$1
  shift
  local out rc
  out=$(cd "$repo" && ulimit -v 2097152 && timeout 60 "$tl" "$@" 2>&1)
  rc=$?
  local note=""
  [ "$rc" = 124 ] && note=" (killed: hung for 60 s)"
  grep -q "panic\|goroutine " <<< "$out" && note="$note (crash: Go stack trace)"
  grep -q "s3cr3t\|root:x:0" <<< "$out" && note="$note (LEAK: secret content in the output)"
  printf '%-58s exit %s%s\n' "$label" "$rc" "$note"
  # The line that says why, shortened: the first error-like line of the output.
  local why
  why=$(grep -m1 -E "error|refus|not |cannot|limit|larger|outside|unknown|undefined|invalid|fatal" <<< "$out" | cut -c1-150)
  [ -n "$why" ] && printf '      %s\n' "$why"
  return 0
}

echo "binary: $("$tl" version 2>&1 | head -n1)"

# 1. A pull request loosens the gate: nested config with fail_on: never. Safe: exit 1 or 2.
newrepo a1
printf 'fail_on: never\n' > "$repo/contracts/.termlint.yaml"
g add -A && g commit -q -m loosen
run "1a nested contracts/.termlint.yaml fail_on: never" check contracts/serso.yaml
# 1b. A pull request loosens the root config; the Action reads config from the base (new flag).
printf 'fail_on: never\n' > "$repo/.termlint.yaml"
rm "$repo/contracts/.termlint.yaml"
g add -A && g commit -q -m loosen-root
if "$tl" check --help 2>&1 | grep -q -- --config-from-ref; then
  run "1b root config fail_on: never, --config-from-ref main" check --config-from-ref main contracts
else
  run "1b root config fail_on: never (no trusted source exists)" check contracts
fi
# 1c. A pull request adds a waiver of a failing rule, by anyone, until 9999. Safe: exit 1 or 2.
newrepo a1c
g checkout -q main
if "$tl" check --help 2>&1 | grep -q -- --config-from-ref; then
  printf 'fail_on: error\nwaivers: w.yaml\nwaiver_policy:\n  approvers: [Legal]\n' > "$repo/.termlint.yaml"
else
  printf 'fail_on: error\nwaivers: w.yaml\n' > "$repo/.termlint.yaml"
fi
printf 'waivers: []\n' > "$repo/w.yaml"
g add -A && g commit -q -m waivers-file
g checkout -q pr && g merge -q main
printf 'waivers:\n' > "$repo/w.yaml"
for r in $(cd "$repo" && "$tl" check -f json --fail-on never contracts/serso.yaml 2> /dev/null | grep -B2 '"verdict": "fail"' | sed -n 's/.*"rule": "\(.*\)",/\1/p'); do
  printf '  - rule: %s\n    contract: "contracts/*"\n    reason: x\n    approved_by: anyone\n    expires: 9999-12-31\n' "$r" >> "$repo/w.yaml"
done
g add -A && g commit -q -m waive
run "1c every failure waived by 'anyone' until 9999-12-31" check contracts/serso.yaml
if "$tl" check --help 2>&1 | grep -q -- --config-from-ref; then
  run "1c' the same, --config-from-ref main" check --config-from-ref main contracts/serso.yaml
fi

# 2. document.source pointing outside the repository. Safe: exit 2, no content, same message.
newrepo a2
sed "s#source: ../sources/serso.txt#source: /proc/self/environ#" "$fixtures/contracts/serso.yaml" > "$repo/contracts/serso.yaml"
run "2a source: /proc/self/environ" validate contracts/serso.yaml
sed "s#source: ../sources/serso.txt#source: ../.git/config#" "$fixtures/contracts/serso.yaml" > "$repo/contracts/serso.yaml"
run "2b source: ../.git/config" validate contracts/serso.yaml

# 3. Unreadable *.yaml files in the walk. Safe: exit 2 naming the file, no crash.
newrepo a3
ln -s nowhere.yaml "$repo/contracts/dangling.yaml"
ln -s loop.yaml "$repo/contracts/loop.yaml"
mkdir -p "$repo/elsewhere" && ln -s ../elsewhere "$repo/contracts/dir.yaml"
run "3 dangling link, link loop, link to a directory" check contracts

# 4. Memory and hangs. Safe: exit 2 quickly, bounded memory.
newrepo a4
{
  # Each document expands to 100,000 values, under a limit of 200,000 per document.
  for _ in $(seq 1000); do
    printf -- '---\na: &a [x,x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'
  done
} > "$repo/contracts/docs.yaml"
run "4a 1,000 alias documents in one file" validate contracts/docs.yaml
newrepo a4b
mkfifo "$repo/contracts/pipe.yaml"
run "4b a FIFO named contracts/pipe.yaml" validate contracts
newrepo a4c
run "4c --baseline /dev/zero" check --baseline /dev/zero contracts/serso.yaml

# 5. Workflow-command injection through a file name. Safe: no line starts with our injected command.
newrepo a5
cp "$repo/contracts/serso.yaml" "$repo/contracts/x
::stop-commands::tok.yaml"
out=$(cd "$repo" && timeout 60 "$tl" check --format github contracts 2> /dev/null)
if grep -q '^::stop-commands::' <<< "$out"; then
  printf '%-58s %s\n' "5 file name with a newline and ::stop-commands::" "INJECTED: the runner would stop reading commands"
else
  printf '%-58s %s\n' "5 file name with a newline and ::stop-commands::" "no injected command line"
fi

# 6. Policies: a non-deterministic builtin, a file:// schema ref, a params.yaml link out.
newrepo a6
mkdir -p "$repo/pol"
cat > "$repo/pol/now.rego" <<'REGO'
# METADATA
# scope: package
# title: now
# custom:
#   id: x/now
#   severity: error
package termlint.rules.x.now

deny contains {"message": sprintf("%d", [time.now_ns()]), "path": []} if { true }
REGO
run "6a policy calling time.now_ns" check -p pol contracts/serso.yaml
rm "$repo/pol/now.rego"
cp "$fixtures/../examples/policies/acme/cap_floor.rego" "$repo/pol/"
# A file outside the repository that loosens the threshold (on a runner: any YAML it can read).
printf 'acme:\n  cap_floor:\n    min_eur: 1\n' > "$tmp/outside.yaml"
ln -s "$tmp/outside.yaml" "$repo/pol/params.yaml"
run "6b policy dir params.yaml -> a file outside the repo" check -p pol contracts/serso.yaml
run "6c --timeout 87600h" check --timeout 87600h contracts/serso.yaml

# 8. Reports outside the repository through config.
newrepo a8
printf 'reports: [sarif=../escaped.sarif]\n' > "$repo/.termlint.yaml"
run "8 config reports: ../escaped.sarif" check contracts/serso.yaml
[ -e "$tmp/escaped.sarif" ] && echo "   -> a report was written outside the repository"
true
