package report

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/termlint/termlint/internal/engine"
)

// testRun has one test of each outcome; its summary is what the engine counts for them (an
// error counts as failed, a todo test as skipped).
var testRun = &engine.TestReport{
	Tests: []engine.TestResult{
		{Package: "termlint.rules.acme.floor_test", Name: "test_low", File: "p/floor_test.rego", Line: 7, Outcome: "pass"},
		{Package: "termlint.rules.acme.floor_test", Name: "test_wrong", File: "p/floor_test.rego", Line: 11, Outcome: "fail", Message: "failed at p/floor_test.rego:12: count(rule.deny) == 0"},
		{Package: "termlint.rules.acme.floor_test", Name: "test_errs", File: "p/floor_test.rego", Line: 15, Outcome: "error", Message: "to_number: invalid syntax"},
		{Package: "termlint.rules.acme.floor_test", Name: "todo_test_later", File: "p/floor_test.rego", Line: 19, Outcome: "skip"},
	},
	Summary:  engine.TestSummary{Passed: 1, Failed: 2, Skipped: 1},
	Coverage: []engine.FileCoverage{{File: "p/floor.rego", Covered: 3, NotCovered: 1, Percent: 75}},
	Total:    75,
}

// TestWriteTestsGolden compares both formats of a test run with testdata/tests.*; the text's
// closing line is "1 passed, 2 failed, 1 skipped", the counts the exit code is decided on.
func TestWriteTestsGolden(t *testing.T) {
	for _, format := range []string{"text", "json"} {
		t.Run(format, func(t *testing.T) {
			var out bytes.Buffer
			if err := WriteTests(&out, format, testRun); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "tests."+map[string]string{"text": "txt", "json": "json"}[format])
			if *update {
				if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), want) {
				t.Errorf("%s output differs from %s:\n%s", format, golden, out.String())
			}
		})
	}
}

// TestWriteTestsNoSkipped: without todo tests the closing line keeps its "N passed, N failed" form.
func TestWriteTestsNoSkipped(t *testing.T) {
	r := &engine.TestReport{Tests: testRun.Tests[:1], Summary: engine.TestSummary{Passed: 1}}
	var out bytes.Buffer
	if err := WriteTests(&out, "text", r); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasSuffix(out.Bytes(), []byte("\n1 passed, 0 failed\n")) {
		t.Errorf("closing line:\n%s", out.String())
	}
}
