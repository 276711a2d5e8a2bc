package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite generated docs and golden files")

// runCmd runs termlint in memory from the repository root.
func runCmd(t *testing.T, stdin string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb, getenv: func(string) string { return "" }}
	code = run(e, args)
	return code, out.String(), errb.String()
}

func TestMain(m *testing.M) {
	// Commands take paths relative to the repository root, as a user at the root types them.
	if err := os.Chdir("../.."); err != nil {
		panic(err)
	}
	os.Exit(m.Run())
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		code int
		out  string // substring expected on stdout or stderr
	}{
		{"no args", nil, 2, "Usage"},
		{"help", []string{"--help"}, 0, "Commands:"},
		{"version", []string{"--version"}, 0, "termlint dev"},
		{"unknown command", []string{"lint"}, 2, `unknown command "lint"`},
		{"validate fixtures", []string{"validate", "fixtures/contracts"}, 0, ""},
		{"validate invalid", []string{"validate", "fixtures/invalid/bad-enum.yaml"}, 1, "tribunal"},
		{"validate missing file", []string{"validate", "no/such/file.yaml"}, 2, "no such file"},
		{"validate no paths", []string{"validate"}, 2, "no paths given"},
		{"validate bad flag", []string{"validate", "--frmat", "json", "x"}, 2, "unknown flag"},
		{"validate help", []string{"validate", "--help"}, 0, "--no-quotes"},
		{"check fixtures fail", []string{"check", "fixtures/contracts"}, 1, "failed"},
		{"check fail-on never", []string{"check", "--fail-on", "never", "fixtures/contracts"}, 0, ""},
		{"check bad fail-on", []string{"check", "--fail-on", "sometimes", "fixtures/contracts"}, 2, "--fail-on"},
		{"check input error", []string{"check", "--fail-on", "never", "fixtures/invalid/bad-enum.yaml", "fixtures/contracts/serso.yaml"}, 2, "input-error"},
		{"check policy typo", []string{"check", "-p", "internal/engine/testdata/typo", "fixtures/contracts"}, 2, "typo.rego:8"},
		{"check http.send refused", []string{"check", "-p", "internal/engine/testdata/httpsend", "fixtures/contracts"}, 2, "http.send"},
		{"check unknown format", []string{"check", "-f", "yaml", "fixtures/contracts"}, 2, "unknown format"},
		{"check stdin", []string{"check", "--no-quotes", "--fail-on", "never", "-"}, 0, "\n    -:"},
		{"schema", []string{"schema"}, 0, `"$schema": "http://json-schema.org/draft-07/schema#"`},
		{"schema --deal", []string{"schema", "--deal"}, 0, `"title": "termlint deal"`},
		{"rules", []string{"rules"}, 0, "liability/excluded-damage"},
		{"export", []string{"export", "fixtures/contracts/serso.yaml"}, 0, `"days": 365`},
		{"export two files", []string{"export", "a", "b"}, 2, "exactly one"},
		{"test", []string{"test"}, 0, "0 failed"},
		{"test coverage too high", []string{"test", "--coverage-min", "100.1"}, 1, "below --coverage-min"},
	}
	stdinContract, err := os.ReadFile("fixtures/contracts/serso.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, string(stdinContract), tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\nstdout: %.2000s\nstderr: %s", code, tt.code, out, errs)
			}
			if tt.out != "" && !strings.Contains(out+errs, tt.out) {
				t.Errorf("output lacks %q\nstdout: %.2000s\nstderr: %s", tt.out, out, errs)
			}
		})
	}
}

// TestCheckDeterministic runs check ten times and expects byte-identical output in every
// format that has no time in it.
func TestCheckDeterministic(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		_, first, _ := runCmd(t, "", "check", "-f", format, "--show-passed", "fixtures/contracts")
		for i := range 9 {
			_, again, _ := runCmd(t, "", "check", "-f", format, "--show-passed", "fixtures/contracts")
			if again != first {
				t.Fatalf("%s output differs on run %d", format, i+2)
			}
		}
	}
}

func TestCheckJSON(t *testing.T) {
	code, out, _ := runCmd(t, "", "check", "-f", "json", "fixtures/contracts")
	if code != 1 {
		t.Fatalf("exit %d", code)
	}
	var doc struct {
		Version   string `json:"version"`
		Failing   bool   `json:"failing"`
		Rules     []struct{ ID string }
		Contracts []struct {
			Contract string
			Results  []struct {
				Rule    string
				Verdict string
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Version != "termlint.check/v1" || !doc.Failing || len(doc.Contracts) != 5 {
		t.Fatalf("unexpected document: version %q failing %v contracts %d", doc.Version, doc.Failing, len(doc.Contracts))
	}
	for _, c := range doc.Contracts {
		if len(c.Results) != len(doc.Rules) {
			t.Errorf("%s: %d verdicts for %d rules: every rule's verdict must be present", c.Contract, len(c.Results), len(doc.Rules))
		}
	}
}

// TestRulesDocInSync keeps docs/rules.md equal to `termlint rules --format markdown`.
func TestRulesDocInSync(t *testing.T) {
	code, out, errs := runCmd(t, "", "rules", "--format", "markdown")
	if code != 0 {
		t.Fatalf("rules: %s", errs)
	}
	path := filepath.Join("docs", "rules.md")
	if *update {
		if err := os.WriteFile(path, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/termlint -run TestRulesDocInSync -update)", err)
	}
	if string(want) != out {
		t.Error("docs/rules.md is out of date: run go test ./cmd/termlint -run TestRulesDocInSync -update")
	}
}

func TestNoColorHonoured(t *testing.T) {
	var out bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &out, isTerminal: true, getenv: func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}}
	run(e, []string{"check", "--fail-on", "never", "fixtures/contracts/serso.yaml"})
	if strings.Contains(out.String(), "\x1b[") {
		t.Error("colour written although NO_COLOR is set")
	}
	out.Reset()
	e.getenv = func(string) string { return "" }
	run(e, []string{"check", "--fail-on", "never", "fixtures/contracts/serso.yaml"})
	if !strings.Contains(out.String(), "\x1b[") {
		t.Error("no colour on a terminal")
	}
}
