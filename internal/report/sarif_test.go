package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// sarifSchemaFile is the official OASIS SARIF 2.1.0 schema (errata 01), byte for byte as
// published in oasis-tcs/sarif-spec (Schemata/sarif-schema-2.1.0.json).
const sarifSchemaFile = "testdata/sarif-2.1.0.schema.json"

func compileSARIFSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	data, err := os.ReadFile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reading %s: %v", sarifSchemaFile, err)
	}
	c := jsonschema.NewCompiler()
	// The schema marks URIs with format; asserting formats catches a path that is not a valid
	// URI reference.
	c.AssertFormat()
	if err := c.AddResource(SARIFSchema, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(SARIFSchema)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return s
}

// TestSARIFSchema validates SARIF output against the official schema, for the synthetic report,
// an empty one and one with awkward file names.
func TestSARIFSchema(t *testing.T) {
	schema := compileSARIFSchema(t)
	odd := testReport()
	odd.Results[0].File = "contracts/with space #1 100%.yaml"
	odd.Results[0].Contract = odd.Results[0].File
	odd.ToolVersion = ""
	tests := []struct {
		name string
		r    *Report
	}{
		{"synthetic", testReport()},
		{"empty", &Report{ToolVersion: "dev"}},
		{"odd file names", odd},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := render(t, SARIF{}, tt.r)
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("SARIF output does not validate: %v\n%s", err, out)
			}
		})
	}
	// The schema must be able to say no, or the checks above prove nothing.
	bad := []struct{ name, from, to string }{
		{"unknown level", `"level": "error"`, `"level": "fatal"`},
		{"line 0", `"startLine": 12`, `"startLine": 0`},
		{"wrong version", `"version": "2.1.0"`, `"version": "2.0.0"`},
	}
	good := string(render(t, SARIF{}, testReport()))
	for _, b := range bad {
		if !strings.Contains(good, b.from) {
			t.Fatalf("%s: %q not in the output", b.name, b.from)
		}
		inst, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(good, b.from, b.to, 1)))
		if err != nil {
			t.Fatal(err)
		}
		if schema.Validate(inst) == nil {
			t.Errorf("%s: the schema accepted an invalid log", b.name)
		}
	}
}

// sarifDoc is the part of a SARIF log the tests read back.
type sarifDoc struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		ColumnKind        string `json:"columnKind"`
		AutomationDetails *struct {
			ID string `json:"id"`
		} `json:"automationDetails"`
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				SemanticVersion               string `json:"semanticVersion"`
				Rules                         []struct {
					ID                   string `json:"id"`
					Name                 string `json:"name"`
					ShortDescription     struct{ Text string }
					FullDescription      struct{ Text string }
					Help                 struct{ Text, Markdown string }
					HelpURI              string `json:"helpUri"`
					DefaultConfiguration struct{ Level string }
					Properties           struct{ Tags []string }
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct {
						StartLine, StartColumn, EndLine int
						// EndColumn is absent: the region ends with its line.
						EndColumn *int
					}
				}
			}
			PartialFingerprints map[string]string
			BaselineState       string
			Suppressions        []struct{ Kind, Status, Justification string }
		} `json:"results"`
	} `json:"runs"`
}

func decodeSARIF(t *testing.T, r *Report) sarifDoc {
	t.Helper()
	var doc sarifDoc
	if err := json.Unmarshal(render(t, SARIF{}, r), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Runs) != 1 {
		t.Fatalf("want one run, got %d", len(doc.Runs))
	}
	return doc
}

// TestSARIFContent checks what code scanning relies on beyond the schema: rule metadata, a
// ruleIndex that points at the rule named by ruleId, levels per verdict, locations, and no
// waived result (code scanning would show it as an open alert).
func TestSARIFContent(t *testing.T) {
	doc := decodeSARIF(t, testReport())
	if doc.Version != "2.1.0" || doc.Schema == "" {
		t.Errorf("version %q, $schema %q", doc.Version, doc.Schema)
	}
	run := doc.Runs[0]
	if run.ColumnKind != "unicodeCodePoints" {
		t.Errorf("columnKind = %q", run.ColumnKind)
	}
	d := run.Tool.Driver
	if d.Name != "termlint" || d.Version != "1.2.3-test" || d.SemanticVersion != "1.2.3-test" || d.InformationURI != InformationURI {
		t.Errorf("driver = %+v", d)
	}
	if run.AutomationDetails == nil || run.AutomationDetails.ID != "termlint/" {
		t.Errorf("automationDetails = %+v, want id termlint/", run.AutomationDetails)
	}
	wantRules := []struct{ id, level, name string }{
		{"gdpr/processor-agreement", "warning", "GdprProcessorAgreement"},
		{"liability/excluded-damage", "error", "LiabilityExcludedDamage"},
		{"termination/notice-period", "note", "TerminationNoticePeriod"},
		{InputErrorRuleID, "error", "InputError"},
		{WarningRuleID, "warning", "Warning"},
	}
	if len(d.Rules) != len(wantRules) {
		t.Fatalf("got %d rules, want %d", len(d.Rules), len(wantRules))
	}
	for i, w := range wantRules {
		got := d.Rules[i]
		if got.ID != w.id || got.DefaultConfiguration.Level != w.level || got.Name != w.name {
			t.Errorf("rule %d = %s/%s/%s, want %s/%s/%s", i, got.ID, got.Name, got.DefaultConfiguration.Level, w.id, w.name, w.level)
		}
		if got.ShortDescription.Text == "" || got.FullDescription.Text == "" || got.Help.Text == "" || got.Help.Markdown == "" {
			t.Errorf("rule %s lacks a description or help", got.ID)
		}
	}
	gdpr := d.Rules[0]
	// The test rules are named after files of the embedded playbook: docs/rules.md has them.
	if gdpr.HelpURI != RulesDocURL+"#gdprprocessor-agreement" {
		t.Errorf("helpUri = %q", gdpr.HelpURI)
	}
	if !strings.Contains(gdpr.Help.Markdown, "- GDPR art. 28(3)\n- https://eur-lex") || !strings.Contains(gdpr.Help.Markdown, "**Remediation**") {
		t.Errorf("help markdown lacks the references list or the remediation:\n%s", gdpr.Help.Markdown)
	}
	if strings.Join(gdpr.Properties.Tags, ",") != "termlint,gdpr" {
		t.Errorf("tags = %v", gdpr.Properties.Tags)
	}
	if d.Rules[2].FullDescription.Text != d.Rules[2].ShortDescription.Text {
		t.Errorf("a rule without description should fall back to its title")
	}

	type want struct {
		ruleID, level, msgPrefix, uri string
		line, col                     int
		suppressed                    bool
		baseline                      string
	}
	wants := []want{
		{InputErrorRuleID, "error", "cannot read", "contracts/bad,%20file.yaml", 1, 1, false, ""},
		{InputErrorRuleID, "error", "unknown key", "contracts/bad2.yaml", 3, 7, false, ""},
		{WarningRuleID, "warning", "waiver for", "waivers.yaml", 4, 3, false, ""},
		{"gdpr/processor-agreement", "note", "unknown: the document", "contracts/acme.yaml", 40, 3, false, ""},
		{"liability/excluded-damage", "error", "the vendor excludes 100%", "contracts/acme.yaml", 12, 5, false, "new"},
		{"liability/excluded-damage", "error", "the cap is below", "contracts/acme.yaml", 20, 7, false, "new"},
		{"gdpr/processor-agreement", "error", "rule error: rule gdpr", "contracts/globex.yaml", 1, 1, false, ""},
		// globex's waived liability finding is left out.
	}
	if len(run.Results) != len(wants) {
		t.Fatalf("got %d results, want %d", len(run.Results), len(wants))
	}
	for i, w := range wants {
		got := run.Results[i]
		loc := got.Locations[0].PhysicalLocation
		if got.RuleID != w.ruleID || got.Level != w.level || !strings.HasPrefix(got.Message.Text, w.msgPrefix) ||
			loc.ArtifactLocation.URI != w.uri || loc.Region.StartLine != w.line || loc.Region.StartColumn != w.col ||
			loc.Region.EndLine != w.line || loc.Region.EndColumn != nil || got.BaselineState != w.baseline {
			t.Errorf("result %d = %s %s %q at %s:%d:%d baseline %q, want %+v", i, got.RuleID, got.Level, got.Message.Text,
				loc.ArtifactLocation.URI, loc.Region.StartLine, loc.Region.StartColumn, got.BaselineState, w)
		}
		if d.Rules[got.RuleIndex].ID != got.RuleID {
			t.Errorf("result %d: ruleIndex %d names %s, ruleId is %s", i, got.RuleIndex, d.Rules[got.RuleIndex].ID, got.RuleID)
		}
		if got.PartialFingerprints[FingerprintKey] == "" {
			t.Errorf("result %d has no %s fingerprint", i, FingerprintKey)
		}
		if (len(got.Suppressions) > 0) != w.suppressed {
			t.Errorf("result %d: suppressions %+v, want suppressed=%v", i, got.Suppressions, w.suppressed)
		}
	}
	msg := run.Results[4].Message.Text
	if !strings.Contains(msg, "\nart. 8.2: \"Vendor is not liable for:\nindirect damage") {
		t.Errorf("message lacks the article and quote: %q", msg)
	}
	if !strings.Contains(run.Results[5].Message.Text, "waiver expired on 2024-01-01") {
		t.Errorf("an expired waiver should be mentioned: %q", run.Results[5].Message.Text)
	}
}

// TestSARIFFingerprintIgnoresLine moves every finding down ten lines, as an edit above the
// clause would, and expects the same fingerprints, so code scanning keeps the same alerts.
func TestSARIFFingerprintIgnoresLine(t *testing.T) {
	before := decodeSARIF(t, testReport())
	moved := testReport()
	for _, res := range moved.Results {
		for i := range res.Rules {
			for j := range res.Rules[i].Findings {
				res.Rules[i].Findings[j].Line += 10
			}
		}
	}
	for i := range moved.InputErrors {
		moved.InputErrors[i].Line += 10
	}
	after := decodeSARIF(t, moved)
	seen := map[string]bool{}
	for i, a := range before.Runs[0].Results {
		b := after.Runs[0].Results[i]
		fa, fb := a.PartialFingerprints[FingerprintKey], b.PartialFingerprints[FingerprintKey]
		if fa != fb {
			t.Errorf("result %d: fingerprint changed with the line: %s -> %s", i, fa, fb)
		}
		if seen[fa] {
			t.Errorf("result %d: fingerprint %s is shared with another result", i, fa)
		}
		seen[fa] = true
	}
}

// TestSARIFLevels covers the level of every verdict and severity.
func TestSARIFLevels(t *testing.T) {
	tests := []struct {
		verdict  engine.Verdict
		severity engine.Severity
		want     string // "" means no result
	}{
		{engine.Fail, engine.SeverityError, "error"},
		{engine.Fail, engine.SeverityWarning, "warning"},
		{engine.Fail, engine.SeverityInfo, "note"},
		{engine.Unknown, engine.SeverityError, "note"},
		{engine.Error, engine.SeverityInfo, "error"},
		// Left out: code scanning ignores suppressions and would open an alert.
		{engine.Waived, engine.SeverityWarning, ""},
		{engine.Pass, engine.SeverityError, ""},
		{engine.NotApplicable, engine.SeverityError, ""},
	}
	for _, tt := range tests {
		// Without findings a reported verdict must still give one result, at the top of the file.
		for _, noFindings := range []bool{false, true} {
			name := string(tt.verdict) + "/" + string(tt.severity)
			if noFindings {
				name += "/no findings"
			}
			t.Run(name, func(t *testing.T) {
				r := oneResult(tt.verdict, tt.severity)
				if noFindings {
					r.Results[0].Rules[0].Findings = nil
				}
				res := decodeSARIF(t, r).Runs[0].Results
				switch {
				case tt.want == "" && len(res) != 0:
					t.Errorf("want no result, got %+v", res)
				case tt.want != "" && (len(res) != 1 || res[0].Level != tt.want):
					t.Errorf("want one result at level %s, got %+v", tt.want, res)
				}
			})
		}
	}
}

// oneResult is a report of one contract and one rule with the given verdict.
func oneResult(v engine.Verdict, sev engine.Severity) *Report {
	rule := &engine.Rule{ID: "group/rule", Title: "A rule", Severity: sev}
	rr := engine.RuleResult{Rule: rule, Verdict: v}
	switch v {
	case engine.Pass, engine.NotApplicable:
	default:
		rr.Findings = []engine.Finding{{Message: "found it", Line: 2, Column: 3, Sources: []contract.Source{{Art: "1", Quote: "q"}}}}
	}
	if v == engine.Waived {
		rr.Waiver = &engine.WaiverNote{Reason: "ok by legal", ApprovedBy: "a", Expires: "2099-01-01"}
	}
	return &Report{
		ToolVersion: "dev",
		Rules:       []*engine.Rule{rule},
		Results:     []*engine.Result{{Contract: "c.yaml", File: "c.yaml", Rules: []engine.RuleResult{rr}}},
		Summary:     result.Summary{FailOn: "error"},
	}
}

// TestSARIFResults checks that the count behind the upload-limit warning is the number of
// results SARIF writes, for kept and streamed results, and that the warning comes past the limit
// only.
func TestSARIFResults(t *testing.T) {
	for _, r := range []*Report{testReport(), bigReport(40)} {
		var doc struct {
			Runs []struct {
				Results []json.RawMessage `json:"results"`
			} `json:"runs"`
		}
		if err := json.Unmarshal(render(t, SARIF{}, r), &doc); err != nil {
			t.Fatal(err)
		}
		if got, want := r.SARIFResults(), len(doc.Runs[0].Results); got != want || want == 0 {
			t.Errorf("SARIFResults = %d, SARIF holds %d", got, want)
		}
		streamed := &Report{Rules: r.Rules, InputErrors: r.InputErrors, Warnings: r.Warnings}
		s := NewStream(streamed, SARIF{})
		for _, res := range r.Results {
			if err := s.Add(res); err != nil {
				t.Fatal(err)
			}
		}
		if got, want := streamed.SARIFResults(), len(doc.Runs[0].Results); got != want {
			t.Errorf("streamed: SARIFResults = %d, SARIF holds %d", got, want)
		}
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}
	r := bigReport(1)
	per := r.SARIFResults()
	under := bigReport(SARIFResultLimit / per)
	over := bigReport(SARIFResultLimit/per + 1)
	if under.SARIFResults() > SARIFResultLimit || over.SARIFResults() <= SARIFResultLimit {
		t.Fatalf("test reports do not straddle the limit: %d and %d", under.SARIFResults(), over.SARIFResults())
	}
	if msg := SARIFWarning(under); msg != "" {
		t.Errorf("warning at %d results: %s", under.SARIFResults(), msg)
	}
	msg := SARIFWarning(over)
	if !strings.Contains(msg, fmt.Sprint(over.SARIFResults())) || !strings.Contains(msg, "25000") {
		t.Errorf("warning past the limit = %q", msg)
	}
}
