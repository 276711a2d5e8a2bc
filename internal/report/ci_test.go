package report

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ from the current output")

// testRules are three rules, one per severity; the info rule has no description, references or
// remediation, to show the fallbacks.
func testRules() (gdpr, liability, notice *engine.Rule) {
	gdpr = &engine.Rule{
		ID:          "gdpr/processor-agreement",
		Title:       "A processor agreement is in force",
		Description: "A vendor that processes personal data for us must be bound by a processor agreement.",
		Severity:    engine.SeverityWarning,
		References:  []string{"GDPR art. 28(3)", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
		Remediation: "Ask the vendor for its data processing agreement, signed.",
		Package:     "data.termlint.rules.gdpr.processor_agreement",
		File:        "policies/rules/gdpr/processor_agreement.rego",
	}
	liability = &engine.Rule{
		ID:          "liability/excluded-damage",
		Title:       "No exclusion of forbidden damage categories",
		Description: "The vendor may exclude indirect damage, but not direct damage such as data loss.",
		Severity:    engine.SeverityError,
		References:  []string{"Procurement playbook §4.2"},
		Remediation: "Negotiate the exclusion down to indirect damage and lost profit.",
		Package:     "data.termlint.rules.liability.excluded_damage",
		File:        "policies/rules/liability/excluded_damage.rego",
	}
	notice = &engine.Rule{
		ID:       "termination/notice-period",
		Title:    "Notice period of at most three months",
		Severity: engine.SeverityInfo,
		Package:  "data.termlint.rules.termination.notice_period",
		File:     "policies/rules/termination/notice_period.rego",
	}
	return gdpr, liability, notice
}

// testReport is a small report that reaches every verdict once over two contracts and three
// rules, with quotes holding the characters each format must escape: % : , newlines < > & | `.
func testReport() *Report {
	gdpr, liability, notice := testRules()
	acme := &engine.Result{Contract: "contracts/acme.yaml", File: "contracts/acme.yaml", Rules: []engine.RuleResult{
		{Rule: gdpr, Verdict: engine.Unknown, Findings: []engine.Finding{{
			Message: "the document does not say whether the vendor is a processor: role unknown",
			Path:    []any{"data_protection", "role"}, Line: 40, Column: 3,
		}}},
		{Rule: liability, Verdict: engine.Fail, Findings: []engine.Finding{
			{
				Message: `the vendor excludes 100% of "direct" damage, lost profit: all of it`,
				Path:    []any{"liability", "exclusions", 0}, Line: 12, Column: 5,
				Sources: []contract.Source{{Art: "8.2", Quote: "Vendor is not liable for:\nindirect damage, lost profit & <data loss> | 100% of fees"}},
			},
			{
				Message: "the cap is below 50% of the fees",
				Path:    []any{"liability", "cap"}, Line: 20, Column: 7,
				Sources: []contract.Source{
					{Art: "8.3", Quote: "Liability is capped at 10% of fees,\r\nper year: see *annex* [B]"},
					{Art: "8.4", Quote: "# Not a heading; `not code`"},
				},
			},
		}, Waiver: &engine.WaiverNote{Reason: "legacy contract", ApprovedBy: "cfo@example.com", Expires: "2024-01-01", Expired: true}},
		{Rule: notice, Verdict: engine.NotApplicable},
	}}
	globex := &engine.Result{Contract: "contracts/globex.yaml#2", File: "contracts/globex.yaml", Rules: []engine.RuleResult{
		{Rule: gdpr, Verdict: engine.Error, Findings: []engine.Finding{{
			Message: "rule gdpr/processor-agreement could not be evaluated: eval_conflict_error",
			Path:    []any{}, Line: 1, Column: 1,
		}}},
		{Rule: liability, Verdict: engine.Waived, Findings: []engine.Finding{{
			Message: "the vendor excludes lost profit",
			Path:    []any{"liability", "exclusions", 1}, Line: 30, Column: 5,
			Sources: []contract.Source{{Art: "9", Quote: "no liability for lost profit, 100%"}},
		}}, Waiver: &engine.WaiverNote{Reason: "accepted by legal: ticket #123, see <wiki>", ApprovedBy: "legal@example.com", Expires: "2099-12-31"}},
		{Rule: notice, Verdict: engine.Pass},
	}}
	r := &Report{
		ToolVersion: "1.2.3-test",
		Rules:       []*engine.Rule{gdpr, liability, notice},
		Results:     []*engine.Result{acme, globex},
		InputErrors: []contract.Diagnostic{
			{File: "contracts/bad, file.yaml", Line: 0, Column: 0, Message: "cannot read: yaml: mapping values are not allowed here"},
			{File: "contracts/bad2.yaml", Line: 3, Column: 7, Message: `unknown key "x:y" in term`},
		},
		Warnings: []contract.Diagnostic{
			{File: "waivers.yaml", Line: 4, Column: 3, Message: "waiver for liability/excluded-damage on contracts/old.yaml matched nothing"},
		},
		Summary: result.Summary{FailOn: "error", HasBaseline: true},
	}
	// The baseline lacks acme's liability failure: both its findings are new, as a comparison
	// would list them.
	r.New = map[string]bool{result.Fingerprint(acme.Contract, &acme.Rules[1]): true}
	for _, f := range acme.Rules[1].Findings {
		r.NewFindings = append(r.NewFindings, result.NewFinding{
			Contract: acme.Contract, File: acme.File, Rule: liability.ID, Line: f.Line, Column: f.Column,
			Message: f.Message, Sources: f.Sources, Fingerprint: result.FindingFingerprint(acme.Contract, liability.ID, f),
		})
	}
	return r
}

func render(t *testing.T, w Writer, r *Report) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := w.Write(&buf, r); err != nil {
		t.Fatalf("%T.Write: %v", w, err)
	}
	return buf.Bytes()
}

// TestGolden pins each CI format's output for the synthetic report (rewrite with -update after a
// deliberate change, and read the diff), and checks that two runs give the same bytes.
func TestGolden(t *testing.T) {
	// cutReport has more contracts than a 2 KiB summary holds in full or in one-line form.
	cutReport := func() *Report {
		r := streamReport()
		r.Results = streamResults()
		sort.SliceStable(r.Results, func(i, j int) bool { return r.Results[i].Contract < r.Results[j].Contract })
		return r
	}
	tests := []struct {
		name   string
		writer Writer
		report func() *Report
		golden string
	}{
		{"sarif", SARIF{}, testReport, "report.sarif"},
		{"github", GitHub{}, testReport, "report.github.txt"},
		{"markdown", Markdown{}, testReport, "report.md"},
		{"junit", JUnit{}, testReport, "report.junit.xml"},
		// Past every limit: the "N more" notices and the folded log lines, in their order.
		{"github, over the limits", GitHub{}, func() *Report { return manyReport(25, 12, 15) }, "many.github.txt"},
		{"markdown, cut", Markdown{MaxBytes: 2 << 10}, cutReport, "cut.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := render(t, tt.writer, tt.report())
			if again := render(t, tt.writer, tt.report()); !bytes.Equal(got, again) {
				t.Fatalf("two runs on the same report differ:\n%s\n---\n%s", got, again)
			}
			path := filepath.Join("testdata", tt.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -run TestGolden -update to create it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("output differs from %s (rerun with -update if the change is intended):\n%s", path, got)
			}
		})
	}
}

// TestFormatsRegistered checks that New hands out the real writers, not placeholders.
func TestFormatsRegistered(t *testing.T) {
	for _, f := range []string{"sarif", "github", "markdown", "junit"} {
		w, err := New(f, Options{})
		if err != nil {
			t.Fatalf("New(%q): %v", f, err)
		}
		if out := render(t, w, testReport()); len(out) == 0 {
			t.Errorf("format %s wrote nothing", f)
		}
	}
}

func TestSlashPath(t *testing.T) {
	tests := []struct{ in, want string }{
		{"contracts/a.yaml", "contracts/a.yaml"},
		{"./contracts/a.yaml", "contracts/a.yaml"},
		{"a.yaml", "a.yaml"},
		{"../up/a.yaml", "../up/a.yaml"},
		{"-", "-"},
	}
	for _, tt := range tests {
		if got := slashPath(tt.in); got != tt.want {
			t.Errorf("slashPath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
