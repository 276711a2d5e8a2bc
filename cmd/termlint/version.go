package main

import (
	"runtime/debug"
	"strings"
)

// resolveVersion says which termlint this is. A release build is stamped with -ldflags
// "-X main.version=..." and that wins. Otherwise the Go toolchain's own record is the next best
// truth: `go install .../cmd/termlint@v1.2.3` records the module version, and a build from a
// checkout records the commit (and whether the tree had changes). Only when neither is known is
// the answer "dev", so that SARIF and JSON never claim a version the binary is not.
func resolveVersion(stamped string, info *debug.BuildInfo, ok bool) string {
	if stamped != "" && stamped != "dev" {
		return stamped
	}
	if !ok || info == nil {
		return "dev"
	}
	// "(devel)" is what Go records for a build of the main module without version control
	// information; it says nothing more than "dev".
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var revision string
	var modified bool
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if revision == "" {
		return "dev"
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if modified {
		revision += "-dirty"
	}
	return revision
}

// buildDetails gives the commit and build date a release stamped, as " (commit C, DATE)", or ""
// when there are none: the first word after "termlint" stays the version, for scripts.
func buildDetails(commit, date string) string {
	var parts []string
	if commit != "" {
		parts = append(parts, "commit "+commit)
	}
	if date != "" {
		parts = append(parts, date)
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
