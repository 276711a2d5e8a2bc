package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestLib(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	code, stdout, stderr := runCmd(t, "", "lib", "--out", dir)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, f := range []string{"lib/lib.rego", "lib/liability.rego", "schemas/input.json"} {
		p := filepath.Join(dir, filepath.FromSlash(f))
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s not written: %v", f, err)
		}
		if !strings.Contains(stdout, p+"\n") {
			t.Errorf("%s not listed in %q", p, stdout)
		}
	}
	if code, _, stderr := runCmd(t, "", "lib"); code != exitFailure || !strings.Contains(stderr, "--out") {
		t.Errorf("without --out: exit %d, %q", code, stderr)
	}
}
