#!/usr/bin/env bash
# The check step of the termlint Action (action.yml). A runner starts it with errexit on
# (bash -e), so every command whose failure is expected is guarded: the outputs must be written
# whatever termlint's exit code, since a failing gate is exactly when they matter.
#
# Inputs arrive as environment variables (never interpolated into the script, which would let a
# crafted input run commands): PATHS, POLICY_DIRS, NO_DEFAULT, PARAMS, PROFILE, WAIVERS, FAIL_ON,
# SARIF_FILE, SARIF_CATEGORY, EXCLUDE, CHANGED_ONLY, TRUSTED_REF, BASELINE_REF; and the runner's
# GITHUB_OUTPUT, RUNNER_TEMP.
set -uo pipefail

tl=${TERMLINT:-termlint}
tmp=${RUNNER_TEMP:-$(mktemp -d)}
# A directory of this run's own: two termlint steps in one job must not read each other's reports.
run=$(mktemp -d "$tmp/termlint.XXXXXX")

# Trusted inputs (config, policies, params, profiles, waivers) come from TRUSTED_REF, by default
# the pull request's base: a pull request must not choose what its contracts are judged by.
common=(--fail-on "$FAIL_ON")
if [ -n "${TRUSTED_REF:-}" ]; then
  if ! git cat-file -e "${TRUSTED_REF}^{commit}" 2>/dev/null; then
    git fetch --quiet --no-tags --depth=1 origin "$TRUSTED_REF" || {
      echo "::error title=termlint::cannot fetch the trusted ref; check out with fetch-depth: 0"
      printf 'exit-code=2\nfailing=true\n' >> "$GITHUB_OUTPUT"
      exit 2
    }
  fi
  common+=(--config-from-ref "$TRUSTED_REF")
fi
for d in ${POLICY_DIRS:-}; do common+=(-p "$d"); done
for p in ${PARAMS:-}; do common+=(--params "$p"); done
[ "${NO_DEFAULT:-false}" = "true" ] && common+=(--no-default)
[ -n "${PROFILE:-}" ] && common+=(--profile "$PROFILE")
[ -n "${WAIVERS:-}" ] && common+=(--waivers "$WAIVERS")
for x in ${EXCLUDE:-}; do common+=(--exclude "$x"); done

# The baseline runs on BASELINE_REF with the same trusted inputs as the check, so that a pull
# request that changes no contract has no new failure.
baseline=""
if [ -n "${BASELINE_REF:-}" ]; then
  base="$run/baseline-tree"
  rm -rf "$base"
  if git worktree add --quiet --detach "$base" "$BASELINE_REF"; then
    existing=()
    # shellcheck disable=SC2086 # paths are separated by white space on purpose
    for p in $PATHS; do [ -e "$base/$p" ] && existing+=("$p"); done
    if [ "${#existing[@]}" -gt 0 ]; then
      # With --fail-on never the exit is 0, or 2 when some contract of the base could not be
      # checked; the failures of the others still make a baseline. Anything else (a policy
      # error, a crash) leaves no usable report.
      rc=0
      (cd "$base" && "$tl" check "${common[@]}" --fail-on never --format json "${existing[@]}") > "$run/baseline.json" || rc=$?
      if { [ "$rc" = 0 ] || [ "$rc" = 2 ]; } && [ "$(head -c 1 "$run/baseline.json")" = "{" ]; then
        baseline="$run/baseline.json"
      else
        echo "::warning title=termlint::the baseline on $BASELINE_REF could not be made (exit $rc); every failure counts as new"
      fi
    fi
    git worktree remove --force "$base" || true
  else
    echo "::warning title=termlint::cannot check out the baseline ref; every failure counts as new"
  fi
fi

# The files the pull request changed: their failures are annotated right after the new ones, and
# with CHANGED_ONLY they are the only contracts checked.
changed=""
since=${TRUSTED_REF:-${BASELINE_REF:-}}
# NUL-separated (-z): otherwise git quotes names with non-ASCII letters or a tab, and a quoted
# name matches no contract, so changed-only would check nothing.
if [ -n "$since" ] && git -c core.quotePath=false diff -z --name-only --no-renames "$since" HEAD -- > "$run/changed" 2>/dev/null; then
  changed="$run/changed"
fi

args=(check "${common[@]}" --format github --report "sarif=$SARIF_FILE" --report "json=$run/termlint.json" --report "outputs=$run/outputs")
[ -n "${SARIF_CATEGORY:-}" ] && args+=(--sarif-category "$SARIF_CATEGORY")
[ -n "$baseline" ] && args+=(--baseline "$baseline")
[ -n "$changed" ] && args+=(--changed "$changed")
if [ "${CHANGED_ONLY:-false}" = "true" ]; then
  if [ -z "$changed" ]; then
    echo "::error title=termlint::changed-only needs trusted-ref or baseline-ref to know what changed"
    printf 'exit-code=2\nfailing=true\n' >> "$GITHUB_OUTPUT"
    exit 2
  fi
  args+=(--changed-only)
fi
rm -f "$SARIF_FILE"
code=0
# shellcheck disable=SC2086 # paths are separated by white space on purpose
"$tl" "${args[@]}" $PATHS || code=$?

# Every output on every run: a failing gate is when a workflow reads them.
{
  echo "exit-code=$code"
  if [ -s "$SARIF_FILE" ]; then echo "sarif-file=$SARIF_FILE"; else echo "sarif-file="; fi
  if [ -s "$run/termlint.json" ]; then echo "json-file=$run/termlint.json"; else echo "json-file="; fi
  if [ -s "$run/outputs" ]; then
    cat "$run/outputs"
  else
    # termlint stopped before its report (a usage or policy error): counts are unknown.
    printf 'contracts=\nfailed=\nunknown=\npassed=\nnot-applicable=\nwaived=\nerrors=\ninput-errors=\nnew=\nfailing=true\n'
  fi
} >> "$GITHUB_OUTPUT"
exit "$code"
