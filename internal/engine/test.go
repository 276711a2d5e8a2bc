package engine

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/cover"
	"github.com/open-policy-agent/opa/v1/storage/inmem"
	"github.com/open-policy-agent/opa/v1/tester"

	"github.com/termlint/termlint/internal/contract"
)

// TestResult is one Rego unit test's outcome.
type TestResult struct {
	Package string `json:"package"`
	Name    string `json:"name"`
	File    string `json:"file"`
	Line    int    `json:"line"`
	// Outcome is pass, fail, error or skip (a todo_test_ rule, which OPA does not run).
	Outcome string `json:"outcome"`
	Message string `json:"message,omitempty"`
}

// FileCoverage is the share of a policy file's lines the tests evaluated.
type FileCoverage struct {
	File       string  `json:"file"`
	Covered    int     `json:"covered_lines"`
	NotCovered int     `json:"not_covered_lines"`
	Percent    float64 `json:"coverage"`
}

// TestReport is the outcome of a test run.
type TestReport struct {
	Tests   []TestResult `json:"tests"`
	Summary TestSummary  `json:"summary"`
	// Coverage lists the files measured: every policy file but the tests, and with NoDefault
	// only the policy directories' files (the library is loaded for them, not theirs to cover).
	Coverage []FileCoverage `json:"coverage"`
	// Total is the coverage over the files in Coverage.
	Total float64 `json:"coverage_total"`
}

// TestSummary counts the tests by outcome; an error counts as a failure.
type TestSummary struct {
	Passed  int `json:"passed"`
	Failed  int `json:"failed"`
	Skipped int `json:"skipped"`
}

// Passed reports whether no test failed or erred. Skipped (todo) tests do not fail a run, as in
// opa test: they mark work still to do, and the summary counts them.
func (r *TestReport) Passed() bool { return r.Summary.Failed == 0 }

// RunTests runs the Rego unit tests (test_ rules) of the selected policies, with the same
// compiler settings as a check, and measures coverage of the non-test files.
func RunTests(ctx context.Context, schema *contract.Schema, opts Options, timeout time.Duration) (*TestReport, error) {
	opts.Tests = true
	ps, err := loadPolicies(opts)
	if err != nil {
		return nil, err
	}
	// The rules' METADATA is checked as check checks it, so that a run that passes here does
	// not fail at the first check for a missing id or an id used twice.
	if _, err := findRules(ps.modules); err != nil {
		return nil, err
	}
	store := inmem.NewFromObject(map[string]any{"termlint": map[string]any{"params": ps.params}})
	cov := cover.New()
	runner := tester.NewRunner().
		SetCompiler(newCompiler(schema, true)).
		SetStore(store).
		SetModules(ps.modules).
		SetCoverageQueryTracer(cov).
		SetTimeout(timeout).
		CapturePrintOutput(true).
		RaiseBuiltinErrors(true).
		SetDefaultRegoVersion(ast.RegoV1)
	txn, err := store.NewTransaction(ctx)
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	defer store.Abort(ctx, txn)
	ch, err := runner.RunTests(ctx, txn)
	if err != nil {
		return nil, &PolicyError{Problems: problemsOf(err)}
	}
	rep := &TestReport{}
	for r := range ch {
		tr := TestResult{Package: strings.TrimPrefix(r.Package, "data."), Name: r.Name, Outcome: "pass"}
		if r.Location != nil {
			tr.File, tr.Line = r.Location.File, r.Location.Row
		}
		switch {
		case r.Error != nil:
			tr.Outcome, tr.Message = "error", r.Error.Error()
		case r.Fail:
			tr.Outcome = "fail"
			if r.FailedAt != nil && r.FailedAt.Location != nil {
				tr.Message = fmt.Sprintf("failed at %s:%d: %s", r.FailedAt.Location.File, r.FailedAt.Location.Row, r.FailedAt.String())
			}
		case r.Skip:
			tr.Outcome = "skip"
		}
		switch tr.Outcome {
		case "pass":
			rep.Summary.Passed++
		case "skip":
			rep.Summary.Skipped++
		default:
			rep.Summary.Failed++
		}
		rep.Tests = append(rep.Tests, tr)
	}
	if len(rep.Tests) == 0 {
		// Nothing ran, so nothing passed: a step that tests nothing is a mistake, not a pass.
		where := strings.Join(opts.Dirs, ", ")
		if where == "" {
			where = "termlint test"
		}
		return nil, policyErr(where, "no tests: a test is a rule named test_* in a *_test.rego file (--no-default leaves out the playbook's own tests)")
	}
	sort.Slice(rep.Tests, func(i, j int) bool {
		a, b := rep.Tests[i], rep.Tests[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Name < b.Name
	})
	covered := cov.Report(ps.modules)
	var c, n int
	for file, fr := range covered.Files {
		if strings.HasSuffix(file, "_test.rego") || (opts.NoDefault && !ps.authored[file]) {
			continue
		}
		fc := FileCoverage{File: file, Covered: fr.CoveredLines, NotCovered: fr.NotCoveredLines, Percent: fr.Coverage}
		rep.Coverage = append(rep.Coverage, fc)
		c += fr.CoveredLines
		n += fr.NotCoveredLines
	}
	sort.Slice(rep.Coverage, func(i, j int) bool { return rep.Coverage[i].File < rep.Coverage[j].File })
	if c+n > 0 {
		rep.Total = 100 * float64(c) / float64(c+n)
	}
	return rep, nil
}
