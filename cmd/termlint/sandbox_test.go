package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestTimeLimitFlags: the per-contract limit has a ceiling, from a flag or from the config, and
// the run's limit must be positive.
func TestTimeLimitFlags(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "termlint.yaml")
	if err := os.WriteFile(cfg, []byte("timeout: 87600h\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"flag above ceiling", []string{"--timeout", "87600h"}, "is 87600h0m0s: at most 1m0s is allowed"},
		{"config above ceiling", []string{"--config", cfg}, "is 87600h0m0s: at most 1m0s is allowed"},
		{"zero run timeout", []string{"--run-timeout", "0"}, "--run-timeout must be positive"},
		{"negative run timeout", []string{"--run-timeout", "-1s"}, "--run-timeout must be positive"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"check"}, tt.args...)
			code, out, errs := runCmd(t, "", append(args, "fixtures/contracts/serso.yaml")...)
			if code != 2 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, want 2 and %q\nstdout: %.500s\nstderr: %s", code, tt.want, out, errs)
			}
		})
	}
	// At the ceiling is allowed.
	if code, _, errs := runCmd(t, "", "check", "--timeout", "60s", "--fail-on", "never", "fixtures/contracts/serso.yaml"); code != 0 {
		t.Errorf("--timeout 60s: exit %d: %s", code, errs)
	}
}

// TestRunTimeout: a rule loops on one contract only. The run's limit (far below that contract's
// own) stops the run: that contract is reported as not evaluated, exit 2, and every other
// contract is accounted for, either with its verdicts or as not evaluated.
func TestRunTimeout(t *testing.T) {
	code, out, errs := runCmd(t, "", "check", "--no-config", "--no-default", "-p", "internal/engine/testdata/slowone",
		"--timeout", "60s", "--run-timeout", "2s", "-f", "json", "fixtures/contracts")
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstderr: %s", code, errs)
	}
	var doc struct {
		Contracts []struct {
			Contract string
			Results  []struct{ Verdict string }
		}
		InputErrors []struct {
			File    string
			Line    int
			Message string
		} `json:"input_errors"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	notEvaluated := map[string]bool{}
	for _, ie := range doc.InputErrors {
		if ie.Message != "not evaluated: the run's time limit of 2s passed" || ie.Line < 1 {
			t.Errorf("unexpected input error %+v", ie)
		}
		notEvaluated[filepath.Base(ie.File)] = true
	}
	if !notEvaluated["serso.yaml"] {
		t.Errorf("the looping contract is not reported as not evaluated: %+v", doc.InputErrors)
	}
	evaluated := map[string]bool{}
	for _, c := range doc.Contracts {
		evaluated[filepath.Base(c.Contract)] = true
		for _, r := range c.Results {
			if r.Verdict == "error" {
				t.Errorf("%s: an evaluation cut by the run's limit was reported as a verdict", c.Contract)
			}
		}
	}
	entries, err := os.ReadDir("fixtures/contracts")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if evaluated[e.Name()] == notEvaluated[e.Name()] {
			t.Errorf("%s: evaluated %v, not evaluated %v: want exactly one", e.Name(), evaluated[e.Name()], notEvaluated[e.Name()])
		}
	}
}

// TestCheckRefusesSandboxedBuiltin: the CLI prints the file:line:col and reason and exits 2.
func TestCheckRefusesSandboxedBuiltin(t *testing.T) {
	dir := t.TempDir()
	rule := "# METADATA\n# title: T\n# custom:\n#   id: test/now\n#   severity: error\npackage termlint.rules.test.now\n\ndeny contains {\"msg\": sprintf(\"%d\", [time.now_ns()]), \"path\": []} if true\n"
	if err := os.WriteFile(filepath.Join(dir, "now.rego"), []byte(rule), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, cmd := range [][]string{{"check", "--no-config"}, {"test"}, {"bundle", "-o", filepath.Join(dir, "b.tar.gz")}} {
		args := append(slices.Clone(cmd), "-p", dir)
		if cmd[0] == "check" {
			args = append(args, "fixtures/contracts/serso.yaml")
		}
		code, _, errs := runCmd(t, "", args...)
		want := filepath.Join(dir, "now.rego") + ":8:"
		if code != 2 || !strings.Contains(errs, want) || !strings.Contains(errs, "time.now_ns is not available in termlint policies: non-deterministic") {
			t.Errorf("%s: exit %d, stderr: %s", cmd[0], code, errs)
		}
	}
}
