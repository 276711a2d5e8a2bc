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
	// Outcome is pass, fail or error.
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
	Tests    []TestResult   `json:"tests"`
	Coverage []FileCoverage `json:"coverage"`
	// Total is the coverage over all policy files (tests and the library's own tests excluded).
	Total float64 `json:"coverage_total"`
}

// Passed reports whether every test passed.
func (r *TestReport) Passed() bool {
	for _, t := range r.Tests {
		if t.Outcome != "pass" {
			return false
		}
	}
	return len(r.Tests) > 0
}

// RunTests runs the Rego unit tests (test_ rules) of the selected policies, with the same
// compiler settings as a check, and measures coverage of the non-test files.
func RunTests(ctx context.Context, schema *contract.Schema, opts Options, timeout time.Duration) (*TestReport, error) {
	opts.Tests = true
	ps, err := loadPolicies(opts)
	if err != nil {
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
		rep.Tests = append(rep.Tests, tr)
	}
	sort.Slice(rep.Tests, func(i, j int) bool {
		a, b := rep.Tests[i], rep.Tests[j]
		if a.File != b.File {
			return a.File < b.File
		}
		return a.Line < b.Line
	})
	covered := cov.Report(ps.modules)
	var c, n int
	for file, fr := range covered.Files {
		if strings.HasSuffix(file, "_test.rego") {
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
