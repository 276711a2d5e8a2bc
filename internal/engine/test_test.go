package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// floorRule is one rule whose three evaluated lines (head, some, comparison) floorTests cover
// both ways: a low cap that is denied and a high one that is not.
const floorRule = `# METADATA
# title: Caps are at least 100
# custom:
#   id: acme/floor
#   severity: error
package termlint.rules.acme.floor

deny contains {"msg": "cap too low", "path": ["liability", "caps", i]} if {
	some i, c in input.liability.caps
	c.ceiling.amount < 100
}
`

const floorTests = `package termlint.rules.acme.floor_test

import data.termlint.rules.acme.floor as rule

caps(amount) := {"liability": {"caps": [{"ceiling": {"amount": amount, "currency": "EUR"}}]}}

test_low_cap_denied if {
	count(rule.deny) == 1 with input as caps(5)
}

test_high_cap_passes if {
	count(rule.deny) == 0 with input as caps(500)
}
`

// policyDir writes files (path under the directory -> content) to a new policy directory.
func policyDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, body := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := writeFile(p, body); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func runTests(t *testing.T, opts Options) *TestReport {
	t.Helper()
	rep, err := RunTests(context.Background(), testSchema(t), opts, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// TestRunTestsAuthorMode: with NoDefault only the directory's tests run, and coverage counts only
// its rule file. The library is loaded (a rule may import it) but is not the author's to cover:
// counted, its untested files pulled the total of a fully covered rule down to about 20 %.
func TestRunTestsAuthorMode(t *testing.T) {
	dir := policyDir(t, map[string]string{"acme/floor.rego": floorRule, "acme/floor_test.rego": floorTests})
	rep := runTests(t, Options{Dirs: []string{dir}, NoDefault: true})
	for _, tr := range rep.Tests {
		if !strings.HasPrefix(tr.File, dir) {
			t.Errorf("a test outside the author's directory ran: %s:%d %s", tr.File, tr.Line, tr.Name)
		}
	}
	if want := (TestSummary{Passed: 2}); rep.Summary != want || !rep.Passed() {
		t.Errorf("summary %+v (passed %v), want %+v", rep.Summary, rep.Passed(), want)
	}
	rule := filepath.Join(dir, "acme", "floor.rego")
	if len(rep.Coverage) != 1 || rep.Coverage[0].File != rule || rep.Coverage[0].Percent != 100 || rep.Coverage[0].NotCovered != 0 {
		t.Errorf("coverage %+v, want only %s at 100 %%", rep.Coverage, rule)
	}
	if rep.Total != 100 {
		t.Errorf("total coverage %.2f, want 100", rep.Total)
	}
}

// TestRunTestsDefaultMode: without NoDefault the run is the playbook's and the author's together,
// as check runs them together; coverage counts the library too, since its tests run.
func TestRunTestsDefaultMode(t *testing.T) {
	dir := policyDir(t, map[string]string{"acme/floor.rego": floorRule, "acme/floor_test.rego": floorTests})
	rep := runTests(t, Options{Dirs: []string{dir}})
	var mine, playbook int
	for _, tr := range rep.Tests {
		switch {
		case strings.HasPrefix(tr.File, dir):
			mine++
		case strings.HasPrefix(tr.File, embeddedPrefix):
			playbook++
		}
	}
	if mine != 2 || playbook == 0 || mine+playbook != len(rep.Tests) {
		t.Errorf("%d of the author's tests and %d of the playbook's in %d, want 2 and some", mine, playbook, len(rep.Tests))
	}
	var lib bool
	for _, c := range rep.Coverage {
		lib = lib || strings.HasPrefix(c.File, embeddedPrefix+"lib/")
	}
	if !lib {
		t.Error("the library's coverage is missing from a default run")
	}
}

// TestRunTestsOutcomes: the summary counts what the exit code is decided on. A todo test is
// not run (OPA skips todo_test_ rules) and fails nothing; a false test and one whose builtin
// errs (to_number("x"), with builtin errors raised) both count as failed.
func TestRunTestsOutcomes(t *testing.T) {
	tests := []struct {
		name     string
		extra    string
		want     TestSummary
		passed   bool
		outcomes map[string]string
	}{
		{"todo", "todo_test_later if {\n\tfalse\n}\n", TestSummary{Passed: 2, Skipped: 1}, true, map[string]string{"todo_test_later": "skip"}},
		{"fail", "test_wrong if {\n\tcount(rule.deny) == 0 with input as caps(5)\n}\n", TestSummary{Passed: 2, Failed: 1}, false, map[string]string{"test_wrong": "fail"}},
		{"error", "test_errs if {\n\tto_number(\"x\") == 1\n}\n", TestSummary{Passed: 2, Failed: 1}, false, map[string]string{"test_errs": "error"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := policyDir(t, map[string]string{"floor.rego": floorRule, "floor_test.rego": floorTests + "\n" + tt.extra})
			rep := runTests(t, Options{Dirs: []string{dir}, NoDefault: true})
			if rep.Summary != tt.want || rep.Passed() != tt.passed {
				t.Errorf("summary %+v passed %v, want %+v passed %v", rep.Summary, rep.Passed(), tt.want, tt.passed)
			}
			for _, tr := range rep.Tests {
				if want, ok := tt.outcomes[tr.Name]; ok && tr.Outcome != want {
					t.Errorf("%s: outcome %s, want %s", tr.Name, tr.Outcome, want)
				}
			}
		})
	}
}

// TestRunTestsNone: a run that finds no test is an error, not a pass with "0 passed".
func TestRunTestsNone(t *testing.T) {
	dir := policyDir(t, map[string]string{"floor.rego": floorRule})
	_, err := RunTests(context.Background(), testSchema(t), Options{Dirs: []string{dir}, NoDefault: true}, time.Second)
	if pe := policyError(t, err); !strings.Contains(pe.Error(), dir+": no tests") {
		t.Errorf("got %v", pe)
	}
}

// TestDuplicateRuleIDStable: two packages with one id. The packages are named against the file
// order (zeta in a.rego, alpha in b.rego), so an order by package would also be stable but
// differ: the error sits at the later file, b.rego, at its METADATA, and names a.rego first.
// With two entries a map walk picks either first half the time, so twenty runs would see a
// change with near certainty.
func TestDuplicateRuleIDStable(t *testing.T) {
	meta := func(pkg string) string {
		return "# METADATA\n# title: T\n# custom:\n#   id: dup/x\n#   severity: error\npackage termlint.rules." + pkg +
			"\n\ndeny contains {\"msg\": \"m\", \"path\": []} if {\n\tinput.liability\n}\n"
	}
	dir := policyDir(t, map[string]string{"a.rego": meta("zeta"), "b.rego": meta("alpha"), "a_test.rego": "package t\n\ntest_x if {\n\ttrue\n}\n"})
	a, b := filepath.Join(dir, "a.rego"), filepath.Join(dir, "b.rego")
	want := b + `:1:1: rule id "dup/x" is used by two packages: termlint.rules.zeta (` + a + `) and termlint.rules.alpha (` + b + `)`
	opts := Options{Dirs: []string{dir}, NoDefault: true}
	for i := range 20 {
		_, err := Load(opts)
		if got := policyError(t, err).Error(); got != want {
			t.Fatalf("Load, run %d:\n got %s\nwant %s", i, got, want)
		}
	}
	// termlint test checks the METADATA as check does, with the same message.
	for i := range 3 {
		_, err := RunTests(context.Background(), testSchema(t), opts, time.Second)
		if got := policyError(t, err).Error(); got != want {
			t.Fatalf("RunTests, run %d:\n got %s\nwant %s", i, got, want)
		}
	}
}
