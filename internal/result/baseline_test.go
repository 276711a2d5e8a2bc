package result

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// liabilityResult is a contract's result with one error rule at verdict v, with one finding.
func liabilityResult(name string, v engine.Verdict) *engine.Result {
	rule := &engine.Rule{ID: "liability/excluded-damage", Title: "Excluded damage", Severity: engine.SeverityError}
	f := engine.Finding{Message: "m", Path: []any{"liability"}, Line: 1, Column: 7, Sources: []contract.Source{{Art: "1", Quote: "q"}}}
	return &engine.Result{Contract: name, File: name, Rules: []engine.RuleResult{{Rule: rule, Verdict: v, Findings: []engine.Finding{f}}}}
}

// TestNewFindingsBounded adds more new findings than a report lists, in reverse report order,
// and expects the first in report order and a count of the rest.
func TestNewFindingsBounded(t *testing.T) {
	const n = 2*maxNewFindings + 5
	var r Summary
	r.StartBaseline(nil)
	for i := n - 1; i >= 0; i-- {
		r.Observe(liabilityResult(fmt.Sprintf("c/%06d.yaml", i), engine.Fail))
	}
	r.FinishBaseline()
	if len(r.NewFindings) != maxNewFindings || r.NewFindingsOmitted != n-maxNewFindings {
		t.Fatalf("listed %d, omitted %d; want %d and %d", len(r.NewFindings), r.NewFindingsOmitted, maxNewFindings, n-maxNewFindings)
	}
	for i, f := range r.NewFindings {
		if want := fmt.Sprintf("c/%06d.yaml", i); f.Contract != want {
			t.Fatalf("new finding %d is of %s, want %s", i, f.Contract, want)
		}
	}
	if len(r.New) != n {
		t.Errorf("%d rule results marked new, want %d", len(r.New), n)
	}
	// Every finding of those results is new: nothing to keep finding by finding.
	if len(r.newFindings) != 0 {
		t.Errorf("%d results kept per finding", len(r.newFindings))
	}
}

// TestReadBaselineErrors gives the reader files that are not a baseline and expects an error
// naming the file and what is wrong, and, for JSON that does not parse, where.
func TestReadBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	// Sparse: the size is there without the bytes.
	big := filepath.Join(dir, "big.json")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxBaselineBytes + 1); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, path string
		want       []string
	}{
		// '}' is the 17th character of line 3, where a value was expected.
		{"syntax error", write("syntax.json", "{\n  \"version\": \"termlint.check/v1\",\n  \"contracts\": [}\n"), []string{"syntax.json:3:17:", "not termlint JSON output", "invalid character '}'"}},
		// The decoder stops after the number 3, the 14th character of line 2.
		{"wrong type", write("type.json", "{\n  \"version\": 3}"), []string{"type.json:2:14:", "cannot unmarshal number"}},
		{"truncated", write("cut.json", "{\"version\": "), []string{"cut.json", "unexpected end of JSON input"}},
		{"not ours", write("other.json", `{"version": "other/v9", "contracts": []}`), []string{"other.json", `version "other/v9"`}},
		{"too large", big, []string{"big.json", "larger than the limit of 256 MiB"}},
		{"directory", dir, []string{dir, "not a regular file but a directory"}},
		{"missing", filepath.Join(dir, "none.json"), []string{"none.json", "no such file"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadBaseline(tt.path)
			if err == nil {
				t.Fatal("no error")
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
}

// TestReadBoundedLimit checks the limit on what is read, not only on the size a Stat gives.
func TestReadBoundedLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "b.json")
	if err := os.WriteFile(p, bytes.Repeat([]byte{' '}, 65), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := readBounded(p, 64); err == nil || !strings.Contains(err.Error(), "b.json is larger than the limit of 64 bytes") {
		t.Errorf("got %v", err)
	}
	if data, err := readBounded(p, 65); err != nil || len(data) != 65 {
		t.Errorf("at the limit: %d bytes, %v", len(data), err)
	}
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\nçd\n\nx")
	tests := []struct {
		off       int64
		line, col int
	}{
		{0, 1, 1}, {1, 1, 1}, {2, 1, 2}, {3, 1, 3}, {5, 2, 1}, {6, 2, 2}, {9, 4, 1}, {100, 4, 1},
	}
	for _, tt := range tests {
		if l, c := lineCol(data, tt.off); l != tt.line || c != tt.col {
			t.Errorf("lineCol(%d) = %d:%d, want %d:%d", tt.off, l, c, tt.line, tt.col)
		}
	}
}
