package report

import (
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

func TestOutputs(t *testing.T) {
	gdpr, liability, notice := testRules()
	rules := []*engine.Rule{gdpr, liability, notice}
	a := &engine.Result{Contract: "a.yaml", File: "a.yaml", Rules: []engine.RuleResult{
		{Rule: gdpr, Verdict: engine.Unknown},
		{Rule: liability, Verdict: engine.Fail, Findings: []engine.Finding{{Message: "m", Line: 1, Column: 1}}},
		{Rule: notice, Verdict: engine.Pass},
	}}
	b := &engine.Result{Contract: "b.yaml", File: "b.yaml", Rules: []engine.RuleResult{
		{Rule: gdpr, Verdict: engine.Waived},
		{Rule: liability, Verdict: engine.NotApplicable},
		{Rule: notice, Verdict: engine.Error},
	}}
	tests := []struct {
		name     string
		baseline bool
		inputErr bool
		want     string
	}{
		// a fails an error-severity rule: failing. Without a baseline, "new" is empty rather
		// than 0, so a workflow can tell "nothing new" from "not compared".
		{"plain", false, false, "contracts=2\nfailed=1\nunknown=1\npassed=1\nnot-applicable=1\nwaived=1\nerrors=1\ninput-errors=0\nnew=\nfailing=true\n"},
		{"input error", false, true, "contracts=2\nfailed=1\nunknown=1\npassed=1\nnot-applicable=1\nwaived=1\nerrors=1\ninput-errors=1\nnew=\nfailing=true\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &Report{Rules: rules, Results: []*engine.Result{a, b}, Summary: result.Summary{FailOn: "error"}}
			if tt.inputErr {
				r.InputErrors = []contract.Diagnostic{{File: "c.yaml", Message: "bad\n::error::x"}}
			}
			var out strings.Builder
			if err := (Outputs{}).Write(&out, r); err != nil {
				t.Fatal(err)
			}
			if out.String() != tt.want {
				t.Errorf("got\n%s\nwant\n%s", out.String(), tt.want)
			}
			if strings.Contains(out.String(), "::") {
				t.Error("contract text reached the outputs")
			}
		})
	}
	// Nothing failing at fail-on never, and the count of new failures against an empty baseline.
	r := &Report{Rules: rules, Results: []*engine.Result{b}, Summary: result.Summary{FailOn: "never", HasBaseline: true, New: map[string]bool{}}}
	var out strings.Builder
	if err := (Outputs{}).Write(&out, r); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "\nnew=0\nfailing=false\n") {
		t.Errorf("fail-on never with a baseline:\n%s", out.String())
	}
}
