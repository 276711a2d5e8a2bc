package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReportCommand: the report goes to -o, or to standard output; the findings do not change
// the exit code, an input that cannot be checked does.
func TestReportCommand(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.html")
	code, stdout, errs := runCmd(t, "", "report", "fixtures/contracts/serso.yaml", "-o", out)
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr %s", code, stdout, errs)
	}
	page, err := os.ReadFile(out)
	if err != nil || !strings.HasPrefix(string(page), "<!DOCTYPE html>") || !strings.Contains(string(page), "SerSo") {
		t.Fatalf("report: %v, %.80q", err, page)
	}
	code, stdout, _ = runCmd(t, "", "report", "fixtures/contracts/serso.yaml")
	if code != exitOK || stdout != string(page) {
		t.Errorf("to standard output: exit %d, %d bytes, want the same page as -o", code, len(stdout))
	}
	code, _, errs = runCmd(t, "", "report", "fixtures/invalid/alias-bomb.yaml", "-o", out)
	if code != exitFailure || !strings.Contains(errs, "could not be checked") {
		t.Errorf("invalid input: exit %d, %s", code, errs)
	}
}
