#!/usr/bin/env bash
# The install step of the termlint Action (action.yml): puts a termlint binary on the job's PATH.
#
# By default (INSTALL=release) it downloads the release archive for the runner's OS and
# architecture, checks it against the release's sha256 checksums file, and keeps the binary in
# the runner's tool cache, so a job takes seconds rather than the minutes a build from source
# takes. INSTALL=go builds it with `go install` instead (the Action then sets up Go first).
#
# Which termlint: VERSION (the `version` input) if set, otherwise the Action's own ref
# (GITHUB_ACTION_REF) when it is a release tag such as v1.2.3, so that pinning the Action pins
# the binary. Anything else is an error that says what to set: a branch or a major tag (v1)
# names no single release.
#
# Inputs arrive as environment variables (never interpolated into the script): VERSION, INSTALL,
# ACTION_REF or GITHUB_ACTION_REF or GITHUB_ACTION_PATH, RUNNER_OS, RUNNER_ARCH, RUNNER_TOOL_CACHE, RUNNER_TEMP, GITHUB_PATH,
# GITHUB_OUTPUT (optional), and TERMLINT_RELEASE_BASE_URL (tests serve releases on 127.0.0.1).
set -euo pipefail

fail() {
  echo "::error title=termlint install::$*"
  echo "termlint install: $*" >&2
  exit 1
}

# A release version as GoReleaser names it (no "v"); the pattern also keeps the value out of
# URL and path tricks, since it is used in both.
semver='^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$'

want=${VERSION:-}
# The Action's ref. A composite action's run steps do not reliably see GITHUB_ACTION_REF
# (actions/runner#2473), so action.yml passes ${{ github.action_ref }} as ACTION_REF; the runner
# also checks a remote action out at .../_actions/OWNER/REPO/REF, which is the last resort.
ref=${ACTION_REF:-${GITHUB_ACTION_REF:-}}
if [ -z "$ref" ]; then
  case "${GITHUB_ACTION_PATH:-}" in
    */_actions/*/*/*) ref=${GITHUB_ACTION_PATH##*/} ;;
  esac
fi
install=${INSTALL:-release}

case "$install" in
  release | go) ;;
  *) fail "install must be release or go, not '$install'" ;;
esac

if [ -z "$want" ]; then
  if [[ "${ref#v}" =~ $semver ]] && [ "${ref:0:1}" = v ]; then
    want=$ref
  elif [ "$install" = go ] && [ -n "$ref" ]; then
    # go install takes a branch or a commit as well as a tag.
    want=$ref
  else
    fail "cannot tell which termlint to install: the Action is used at '${ref:-a local path}', which is not a release tag such as v1.2.3. Set the input version: to a release (version: v1.2.3), or install: go to build it with go install."
  fi
fi

out() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1" >> "$GITHUB_OUTPUT"; fi
}

if [ "$install" = go ]; then
  command -v go > /dev/null || fail "install: go needs Go on the PATH"
  gobin="${RUNNER_TEMP:?RUNNER_TEMP is not set}/termlint-go-bin"
  mkdir -p "$gobin"
  # A leading "-" would be read as a flag by go install.
  case "$want" in -*) fail "version '$want' is not a version, branch or commit" ;; esac
  GOBIN="$gobin" go install "github.com/termlint/termlint/cmd/termlint@$want"
  echo "$gobin" >> "$GITHUB_PATH"
  "$gobin/termlint" version
  out "termlint-version=$("$gobin/termlint" version | awk '{print $2}')"
  exit 0
fi

version=${want#v}
[[ "$version" =~ $semver ]] || fail "version '$want' is not a release version such as v1.2.3 (latest, branches and commits need install: go)"
tag="v$version"

case "${RUNNER_OS:-}" in
  Linux) goos=linux ;;
  macOS) goos=darwin ;;
  Windows) goos=windows ;;
  *) fail "no termlint release for runner OS '${RUNNER_OS:-}' (Linux, macOS and Windows have one); use install: go" ;;
esac
case "${RUNNER_ARCH:-}" in
  X64) goarch=amd64 ;;
  ARM64) goarch=arm64 ;;
  *) fail "no termlint release for runner architecture '${RUNNER_ARCH:-}' (X64 and ARM64 have one); use install: go" ;;
esac
ext=tar.gz exe=termlint
if [ "$goos" = windows ]; then ext=zip exe=termlint.exe; fi

# The names GoReleaser gives them (.goreleaser.yaml: archives.name_template, checksum).
archive="termlint_${version}_${goos}_${goarch}.${ext}"
sums="termlint_${version}_checksums.txt"

base=${TERMLINT_RELEASE_BASE_URL:-https://github.com/termlint/termlint/releases/download}
base=${base%/}
curl_opts=(--fail --location --silent --show-error --retry 3 --retry-delay 1 --connect-timeout 10 --max-time 300)
case "$base" in
  http://127.0.0.1:* | http://127.0.0.1/*) ;; # a test's local server
  https://*) curl_opts+=(--proto '=https' --proto-redir '=https') ;;
  *) fail "TERMLINT_RELEASE_BASE_URL must be an https:// URL, not '$base'" ;;
esac

sha256() {
  if command -v sha256sum > /dev/null; then
    sha256sum "$1" | awk '{print $1}'
  elif command -v shasum > /dev/null; then
    shasum -a 256 "$1" | awk '{print $1}'
  else
    fail "neither sha256sum nor shasum is installed: cannot verify the download"
  fi
}

cache="${RUNNER_TOOL_CACHE:?RUNNER_TOOL_CACHE is not set}/termlint/$version/$goarch"
bin="$cache/$exe"
# The marker beside the directory holds the binary's sha256, taken when it came out of a
# verified archive: a cached binary is used only while it still matches.
marker="$cache.complete"

if [ -f "$bin" ] && [ -f "$marker" ] && [ "$(sha256 "$bin")" = "$(cat "$marker")" ]; then
  echo "termlint $version: from the tool cache ($cache)"
else
  tmp=$(mktemp -d "${RUNNER_TEMP:?RUNNER_TEMP is not set}/termlint-install.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "termlint $version: downloading $base/$tag/$archive"
  curl "${curl_opts[@]}" -o "$tmp/$sums" "$base/$tag/$sums" || fail "cannot download $base/$tag/$sums: is $tag a termlint release?"
  curl "${curl_opts[@]}" -o "$tmp/$archive" "$base/$tag/$archive" || fail "cannot download $base/$tag/$archive"

  expected=$(awk -v f="$archive" '$2 == f || $2 == "*" f {print $1}' "$tmp/$sums")
  [ -n "$expected" ] || fail "$sums does not list $archive"
  actual=$(sha256 "$tmp/$archive")
  if [ "$actual" != "$expected" ]; then
    fail "checksum mismatch for $archive: $sums says sha256 $expected, the download has $actual. The download is corrupt or was altered; nothing was installed."
  fi

  mkdir -p "$tmp/x"
  if [ "$ext" = zip ]; then
    if command -v unzip > /dev/null; then unzip -q "$tmp/$archive" "$exe" -d "$tmp/x"; else tar -xf "$tmp/$archive" -C "$tmp/x" "$exe"; fi
  else
    tar -xzf "$tmp/$archive" -C "$tmp/x" "$exe"
  fi
  [ -f "$tmp/x/$exe" ] || fail "$archive holds no $exe"
  chmod +x "$tmp/x/$exe"

  # Into place by rename, so a job that stops half-way leaves no half a binary in the cache.
  mkdir -p "$(dirname "$cache")"
  rm -rf "$cache" "$marker"
  mv "$tmp/x" "$cache"
  sha256 "$bin" > "$marker"
fi

# A release binary is stamped with its version: another answer means a mislabelled archive.
said=$("$bin" version) || fail "$bin does not run on this runner"
echo "$said"
case "$said" in
  "termlint $version" | "termlint $version "*) ;;
  *) fail "$archive holds a binary that says '$said', not termlint $version" ;;
esac
echo "$cache" >> "$GITHUB_PATH"
out "termlint-version=$version"
