package main

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// TestExtraReports checks that each --report file holds what -f of that format prints, whether
// every format is written as results arrive (text, json) or one keeps them (sarif).
func TestExtraReports(t *testing.T) {
	base := []string{"check", "--fail-on", "never", "--today", "2026-11-21", "--waivers", "cmd/termlint/testdata/waivers.yaml"}
	paths := []string{"fixtures/contracts", "fixtures/invalid/bad-enum.yaml"}
	for _, formats := range [][]string{{"json"}, {"json", "sarif"}} {
		dir := t.TempDir()
		var reports []string
		for _, f := range formats {
			reports = append(reports, "--report", f+"="+filepath.Join(dir, "sub", f))
		}
		code, out, errs := runCmd(t, "", slices.Concat(base, reports, paths)...)
		if code != exitFailure {
			t.Fatalf("%v: exit %d, want %d (an input error): %s", formats, code, exitFailure, errs)
		}
		if _, text, _ := runCmd(t, "", slices.Concat(base, []string{"-f", "text"}, paths)...); out != text {
			t.Errorf("%v: the main output differs from -f text", formats)
		}
		for _, f := range formats {
			path := filepath.Join(dir, "sub", f)
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if _, want, _ := runCmd(t, "", slices.Concat(base, []string{"-f", f}, paths)...); string(got) != want {
				t.Errorf("%v: --report %s differs from -f %s", formats, f, f)
			}
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Mode().Perm()&0o644 != 0o644 {
				t.Errorf("%s: mode %v, want readable by all", path, info.Mode())
			}
		}
	}
}
