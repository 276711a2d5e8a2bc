package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestCheckGolden compares what check prints for the fixtures, in every format, with the golden
// files in testdata/golden: any change to the output, wanted or not, shows in review as a diff of
// those files. Nothing is normalised: the output holds no time, path of this machine or random
// order, so it is byte-identical everywhere. Rewrite them with
// go test ./cmd/termlint -run TestCheckGolden -update.
func TestCheckGolden(t *testing.T) {
	// The waivers make the Waived verdict and its lines appear; --today fixes their expiry.
	base := []string{"check", "--fail-on", "never", "--today", "2026-11-21", "--waivers", "cmd/termlint/testdata/waivers.yaml"}
	// text and json, the formats people read and scripts parse, over every fixture; the others
	// over one contract, which exercises each of their code paths at a fifth of the size (every
	// format is 40-230 KB per contract).
	const all, one = "fixtures/contracts", "fixtures/contracts/premium-plus.yaml"
	tests := []struct {
		name string
		args []string
	}{
		{"text", []string{"-f", "text", all}},
		{"json", []string{"-f", "json", all}},
		{"text-show-passed", []string{"-f", "text", "--show-passed", one}},
		// --verbose is the full listing, every finding with every quote: nothing the default
		// groups or names by reference is lost.
		{"text-verbose", []string{"-f", "text", "--verbose", all}},
		{"text-show-passed-verbose", []string{"-f", "text", "--show-passed", "--verbose", one}},
		{"github", []string{"-f", "github", one}},
		{"junit", []string{"-f", "junit", one}},
		{"markdown", []string{"-f", "markdown", one}},
		{"outputs", []string{"-f", "outputs", all}},
		{"sarif", []string{"-f", "sarif", one}},
		// The spreadsheet export, over every fixture: one row per contract and rule.
		{"csv", []string{"-f", "csv", all}},
		// A deal: its findings lie in its documents' files, which every format must name.
		{"deal-text", []string{"-f", "text", "fixtures/deals/serso.yaml", "fixtures/deals/vooruit.yaml"}},
		{"deal-text-verbose", []string{"-f", "text", "--verbose", "fixtures/deals/serso.yaml", "fixtures/deals/vooruit.yaml"}},
		{"deal-json", []string{"-f", "json", "fixtures/deals/serso.yaml"}},
		{"deal-markdown", []string{"-f", "markdown", "fixtures/deals/serso.yaml"}},
		{"deal-sarif", []string{"-f", "sarif", "fixtures/deals/serso.yaml"}},
		{"deal-github", []string{"-f", "github", "fixtures/deals/serso.yaml"}},
		{"deal-csv", []string{"-f", "csv", "fixtures/deals/serso.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append(append([]string{}, base...), tt.args...)
			code, out, errs := runCmd(t, "", args...)
			if code != exitOK {
				t.Fatalf("exit %d, want %d: %s", code, exitOK, errs)
			}
			golden := filepath.Join("cmd", "termlint", "testdata", "golden", "check-"+tt.name+".golden")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./cmd/termlint -run TestCheckGolden -update)", err)
			}
			if out != string(want) {
				t.Errorf("check %v differs from %s (if the change is wanted: go test ./cmd/termlint -run TestCheckGolden -update, and review the diff):\n%s", tt.args, golden, firstDiff(string(want), out))
			}
			// The fast YAML parser must change nothing: yaml.v3 alone gives the same bytes.
			if code, v3, errs := runCmdEnv(t, map[string]string{"TERMLINT_YAML": "v3"}, args...); code != exitOK || v3 != out {
				t.Errorf("TERMLINT_YAML=v3: exit %d (%s), output differs from the fast parser's:\n%s", code, errs, firstDiff(out, v3))
			}
		})
	}
}

// TestYAMLEnv checks that TERMLINT_YAML takes only its two values, for every command that loads.
func TestYAMLEnv(t *testing.T) {
	for _, args := range [][]string{
		{"check", "fixtures/contracts"},
		{"validate", "fixtures/contracts"},
		{"export", "fixtures/contracts/serso.yaml"},
	} {
		for value, want := range map[string]int{"fast": -1, "v3": -1, "v2": exitFailure} {
			code, _, errs := runCmdEnv(t, map[string]string{"TERMLINT_YAML": value}, args...)
			if want == exitFailure && (code != want || !strings.Contains(errs, "TERMLINT_YAML must be v3")) {
				t.Errorf("%v with TERMLINT_YAML=%s: exit %d, %q; want %d and a message naming the variable", args, value, code, errs, want)
			}
			if want != exitFailure && strings.Contains(errs, "TERMLINT_YAML") {
				t.Errorf("%v with TERMLINT_YAML=%s: %s", args, value, errs)
			}
		}
	}
}

// runCmdEnv is runCmd with environment variables.
func runCmdEnv(t *testing.T, vars map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, getenv: func(k string) string { return vars[k] }}
	code = run(e, args)
	return code, out.String(), errb.String()
}

// firstDiff shows the first line where got departs from want, with its number.
func firstDiff(want, got string) string {
	line, start := 1, 0
	for i := 0; i < len(want) && i < len(got); i++ {
		if want[i] != got[i] {
			return "line " + strconv.Itoa(line) + ":\nwant: " + lineAt(want, start) + "\ngot:  " + lineAt(got, start)
		}
		if want[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return "one is a prefix of the other: want " + strconv.Itoa(len(want)) + " bytes, got " + strconv.Itoa(len(got))
}

func lineAt(s string, start int) string {
	for i := start; i < len(s); i++ {
		if s[i] == '\n' {
			return s[start:i]
		}
	}
	return s[start:]
}
