package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// fd is a finding at line, citing one clause.
func fd(msg string, line int, art, quote string) engine.Finding {
	return engine.Finding{Message: msg, Path: []any{"liability", "claim_time_limits", 0}, Line: line, Column: 7, Sources: []contract.Source{{Art: art, Quote: quote}}}
}

// liabilityResult is a contract's result with one rule, liability/excluded-damage, at verdict v.
func liabilityResult(name string, v engine.Verdict, fs ...engine.Finding) *engine.Result {
	_, liability, _ := testRules()
	return &engine.Result{Contract: name, File: name, Rules: []engine.RuleResult{{Rule: liability, Verdict: v, Findings: fs}}}
}

// baselineFrom writes before as termlint check -f json does and reads it back as a baseline, so
// that the tests go through the file a gate really reads.
func baselineFrom(t *testing.T, before []*engine.Result) []result.BaselineEntry {
	t.Helper()
	r := streamReport()
	r.Results = before
	path := filepath.Join(t.TempDir(), "base.json")
	if err := os.WriteFile(path, render(t, JSON{}, r), 0o600); err != nil {
		t.Fatal(err)
	}
	base, err := result.ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	return base
}

const (
	quote8d = "Klachten over facturen moeten binnen de acht (8) dagen na ontvangst worden meegedeeld."
	msg8d   = "the buyer has 8 days for a protest against an invoice; the playbook accepts no period shorter than 30 days"
	msg1h   = "the buyer has 1 hour for a protest against an invoice; the playbook accepts no period shorter than 30 days"
	msg48h  = "the buyer has 48 hours for a liability claim; the playbook accepts no period shorter than 12 months"
	quote1h = "Klachten over facturen moeten binnen het uur na ontvangst worden meegedeeld."
)

// TestBaselineFindings compares runs with a baseline finding by finding. The expected outcomes
// follow from the rule that a finding is the same when the contract, the rule, the message and
// the cited clauses are, whatever its line, and that the baseline excuses each old finding once.
func TestBaselineFindings(t *testing.T) {
	old8d := fd(msg8d, 484, "4.5", quote8d)
	old48h := fd(msg48h, 477, "10.9", "binnen de 48 uur na kennisname")
	moved8d := old8d
	moved8d.Line, moved8d.Path = 530, []any{"liability", "claim_time_limits", 3}
	reflowed8d := old8d
	reflowed8d.Message = strings.ReplaceAll(msg8d, " a protest", "\n  a  protest") + " "
	reflowed8d.Sources = []contract.Source{{Art: " 4.5", Quote: strings.ReplaceAll(quote8d, " na ", "\n        na ")}}
	two := old8d
	two.Sources = append([]contract.Source{{Art: "16.6", Quote: "onmiddellijk"}}, old8d.Sources...)
	twoSwapped := old8d
	twoSwapped.Sources = append(append([]contract.Source(nil), old8d.Sources...), contract.Source{Art: "16.6", Quote: "onmiddellijk"})
	reworded8d := old8d
	reworded8d.Sources = []contract.Source{{Art: "4.5", Quote: "Klachten over facturen moeten binnen acht dagen na ontvangst worden gemeld."}}
	new1h := fd(msg1h, 480, "4.5", quote1h)
	at := func(f engine.Finding, line int) engine.Finding { f.Line = line; return f }

	const c = "contracts/build.yaml"
	tests := []struct {
		name          string
		before, after []*engine.Result
		// wantNew are the new findings as "message@line"; wantFixed the fixed ones' messages.
		wantNew, wantFixed []string
		// wantFailing is whether the rule result counts toward the exit code.
		wantFailing bool
	}{
		{
			name:   "unchanged",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old48h, old8d)},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, old48h, old8d)},
		},
		{
			// An edit above the clause moved it 46 lines down and two places down its list.
			name:   "same failure on another line and list index",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, moved8d)},
		},
		{
			name:   "message and quote reflowed",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, reflowed8d)},
		},
		{
			name:   "sources in another order",
			before: []*engine.Result{liabilityResult(c, engine.Fail, two)},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, twoSwapped)},
		},
		{
			// The case of issue 9: the rule already failed on the 8-day period; a 1-hour period
			// added above it is a second, worse failure of the same rule, and is new.
			name:        "second worse finding of an already failing rule",
			before:      []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:       []*engine.Result{liabilityResult(c, engine.Fail, new1h, at(old8d, 490))},
			wantNew:     []string{msg1h + "@480"},
			wantFailing: true,
		},
		{
			// The clause cited changed: what the finding says is not what the baseline excused.
			name:        "reworded quote",
			before:      []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:       []*engine.Result{liabilityResult(c, engine.Fail, reworded8d)},
			wantNew:     []string{msg8d + "@484"},
			wantFixed:   []string{msg8d},
			wantFailing: true,
		},
		{
			// The baseline had one such finding; the second identical one is new, the first not.
			name:        "identical finding once more",
			before:      []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:       []*engine.Result{liabilityResult(c, engine.Fail, old8d, at(old8d, 600))},
			wantNew:     []string{msg8d + "@600"},
			wantFailing: true,
		},
		{
			name:      "identical finding once less",
			before:    []*engine.Result{liabilityResult(c, engine.Fail, old8d, at(old8d, 600))},
			after:     []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			wantFixed: []string{msg8d},
		},
		{
			name:   "identical findings both kept",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old8d, at(old8d, 600))},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, at(old8d, 10), at(old8d, 20))},
		},
		{
			name:      "one of two findings fixed",
			before:    []*engine.Result{liabilityResult(c, engine.Fail, old48h, old8d)},
			after:     []*engine.Result{liabilityResult(c, engine.Fail, old48h)},
			wantFixed: []string{msg8d},
		},
		{
			name:      "rule passes now",
			before:    []*engine.Result{liabilityResult(c, engine.Fail, old48h, old8d)},
			after:     []*engine.Result{liabilityResult(c, engine.Pass)},
			wantFixed: []string{msg48h, msg8d},
		},
		{
			// The baseline's other contract was not part of this run: not checked, not fixed.
			name:   "baseline contract not checked",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old8d), liabilityResult("contracts/gone.yaml", engine.Fail, old48h)},
			after:  []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
		},
		{
			// The same finding in another contract is that contract's finding.
			name:        "same finding in another contract",
			before:      []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:       []*engine.Result{liabilityResult(c, engine.Fail, old8d), liabilityResult("contracts/copy.yaml", engine.Fail, old8d)},
			wantNew:     []string{msg8d + "@484"},
			wantFailing: true,
		},
		{
			// A waived finding matches the baseline's failure (it is not fixed) and, new or
			// not, never fails.
			name:   "waived now, and a new waived finding",
			before: []*engine.Result{liabilityResult(c, engine.Fail, old8d)},
			after:  []*engine.Result{liabilityResult(c, engine.Waived, old8d, new1h)},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base := baselineFrom(t, tt.before)
			r := streamReport()
			r.Results = tt.after
			compareBaseline(r, base)

			var gotNew []string
			for _, f := range r.NewFindings {
				gotNew = append(gotNew, fmt.Sprintf("%s@%d", f.Message, f.Line))
			}
			var gotFixed []string
			for _, e := range r.Fixed {
				gotFixed = append(gotFixed, e.Message)
			}
			sort.Strings(tt.wantFixed)
			sort.Strings(gotFixed)
			if strings.Join(gotNew, "|") != strings.Join(tt.wantNew, "|") {
				t.Errorf("new = %q, want %q", gotNew, tt.wantNew)
			}
			if strings.Join(gotFixed, "|") != strings.Join(tt.wantFixed, "|") {
				t.Errorf("fixed = %q, want %q", gotFixed, tt.wantFixed)
			}
			if r.NewFindingsOmitted != 0 {
				t.Errorf("%d new findings omitted", r.NewFindingsOmitted)
			}
			failing := false
			for _, res := range r.Results {
				failing = failing || r.Failing(res, &res.Rules[0])
			}
			if failing != tt.wantFailing {
				t.Errorf("failing = %v, want %v", failing, tt.wantFailing)
			}
			if got := r.ExitFailing(); got != tt.wantFailing {
				t.Errorf("exit failing = %v, want %v", got, tt.wantFailing)
			}
			// Each finding SARIF marks new is one the list names, on the same line.
			var marked []string
			for _, res := range r.Results {
				for i := range res.Rules {
					for j, f := range result.FindingsOf(&res.Rules[i]) {
						if r.IsNewFinding(res, &res.Rules[i], j) {
							marked = append(marked, fmt.Sprintf("%s@%d", f.Message, f.Line))
						}
					}
				}
			}
			if strings.Join(marked, "|") != strings.Join(gotNew, "|") {
				t.Errorf("findings marked new = %q, listed = %q", marked, gotNew)
			}
		})
	}
}

// claimFixture is fixtures/contracts/build-software.yaml, whose claim periods already fail
// claims/time-limit twice (48 hours for liability claims, 8 days for invoice protests).
func claimFixture(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "fixtures", "contracts", "build-software.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// edit replaces old, which must occur once in s, by repl.
func edit(t *testing.T, s, old, repl string) string {
	t.Helper()
	if strings.Count(s, old) != 1 {
		t.Fatalf("%q occurs %d times in the fixture", old, strings.Count(s, old))
	}
	return strings.Replace(s, old, repl, 1)
}

// TestBaselineRealContract runs the default playbook over a fixture contract and edits of it, as
// a pull request would make them, and compares each with the fixture's own run as the baseline,
// through the JSON a gate writes and reads.
func TestBaselineRealContract(t *testing.T) {
	ctx := context.Background()
	loader, err := contract.NewLoader(contract.Options{SkipQuotes: true})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(ctx, loader.Schema(), engine.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	const name = "contracts/build-software.yaml"
	evaluate := func(t *testing.T, yaml string) *engine.Result {
		t.Helper()
		cs, diags := loader.Load(name, ".", []byte(yaml))
		if len(diags) > 0 || len(cs) != 1 {
			t.Fatalf("loading the edited fixture: %v", diags)
		}
		res, err := eng.EvaluateRun(ctx, cs[0])
		if err != nil {
			t.Fatalf("evaluating the edited fixture: %v", err)
		}
		return res
	}
	// run checks contracts against base with a Stream, as check does, and returns its JSON.
	run := func(t *testing.T, base []result.BaselineEntry, res *engine.Result) (*Report, []byte) {
		t.Helper()
		r := &Report{ToolVersion: "test", Rules: eng.Rules(), Summary: result.Summary{FailOn: "error"}}
		s := NewStream(r, JSON{})
		defer func() { _ = s.Close() }()
		if base != nil {
			s.Baseline(base)
		}
		if err := s.Add(res); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := s.WriteTo(0, &buf); err != nil {
			t.Fatal(err)
		}
		return r, buf.Bytes()
	}

	fixture := claimFixture(t)
	_, baseJSON := run(t, nil, evaluate(t, fixture))
	basePath := filepath.Join(t.TempDir(), "base.json")
	if err := os.WriteFile(basePath, baseJSON, 0o600); err != nil {
		t.Fatal(err)
	}
	base, err := result.ReadBaseline(basePath)
	if err != nil {
		t.Fatal(err)
	}

	entry48h := `    - scope: liability
      period: 48h`
	entry8d := `    - scope: complaints_invoice
      period: 8d
      from: ontvangst van de factuur
      form: aangetekend schrijven
      consequence: not_stated
      src: {art: "4.5", quote: "Klachten over facturen moeten binnen de acht (8) dagen na ontvangst worden meegedeeld aan BUILD-SOFTWARE per aangetekend schrijven."}
`
	// The same entry, the quote now a literal block broken over two lines.
	entry8dReflowed := `    - scope: complaints_invoice
      period: 8d
      from: ontvangst van de factuur
      form: aangetekend schrijven
      consequence: not_stated
      src:
        art: "4.5"
        quote: |-
          Klachten over facturen moeten binnen de acht (8) dagen na ontvangst
          worden meegedeeld aan BUILD-SOFTWARE per aangetekend schrijven.
`
	entry1h := `    - scope: complaints_invoice
      period: 1h
      from: ontvangst van de factuur
      form: aangetekend schrijven
      consequence: not_stated
      src: {art: "4.5", quote: "Klachten over facturen moeten binnen het uur na ontvangst worden meegedeeld aan BUILD-SOFTWARE per aangetekend schrijven."}
`
	const comment = "# reviewed 2026-11\n# by procurement\n"
	msg1h := "the buyer has 1 hour for a protest against an invoice (counted from: ontvangst van de factuur); the playbook accepts no period shorter than 30 days"
	msg8d := "the buyer has 8 days for a protest against an invoice (counted from: ontvangst van de factuur); the playbook accepts no period shorter than 30 days"

	tests := []struct {
		name string
		pr   string
		// wantNew and wantFixed are "rule: message"; every other rule must be neither.
		wantNew, wantFixed []string
		wantFailing        bool
	}{
		{
			// Lines shifted by a comment, the 8-day entry moved above the 48-hour one (its list
			// index changes from 1 to 0) and its quote reflowed.
			name: "moved and reflowed",
			pr:   comment + edit(t, edit(t, fixture, entry8d, ""), entry48h, entry8dReflowed+entry48h),
		},
		{
			// The attack of issue 9: a 1-hour protest period next to the existing 8-day one.
			name:        "1-hour period next to the 8-day one",
			pr:          comment + edit(t, fixture, entry8d, entry1h+entry8d),
			wantNew:     []string{"claims/time-limit: " + msg1h},
			wantFailing: true,
		},
		{
			// The 8-day period changed to 1 hour: the old finding is gone, the new one new.
			name:        "8-day period shortened to 1 hour",
			pr:          edit(t, fixture, entry8d, entry1h),
			wantNew:     []string{"claims/time-limit: " + msg1h},
			wantFixed:   []string{"claims/time-limit: " + msg8d},
			wantFailing: true,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, out := run(t, base, evaluate(t, tt.pr))
			if r.ExitFailing() != tt.wantFailing {
				t.Errorf("failing = %v, want %v", r.ExitFailing(), tt.wantFailing)
			}
			var doc struct {
				Failing   bool `json:"failing"`
				Contracts []struct {
					Results []struct {
						Rule     string `json:"rule"`
						Failing  bool   `json:"failing"`
						Findings []struct {
							Message     string `json:"message"`
							Fingerprint string `json:"fingerprint"`
						} `json:"findings"`
					} `json:"results"`
				} `json:"contracts"`
				Baseline *JSONBaseline `json:"baseline"`
			}
			if err := json.Unmarshal(out, &doc); err != nil {
				t.Fatal(err)
			}
			if doc.Failing != tt.wantFailing || doc.Baseline == nil {
				t.Fatalf("JSON failing = %v, baseline %+v", doc.Failing, doc.Baseline)
			}
			var gotNew, gotFixed []string
			for _, f := range doc.Baseline.NewFindings {
				gotNew = append(gotNew, f.Rule+": "+f.Message)
				if f.Contract != name || f.File != name || f.Line < 1 || f.Column < 1 || f.Fingerprint == "" {
					t.Errorf("new finding lacks a field: %+v", f)
				}
			}
			for _, f := range doc.Baseline.Fixed {
				gotFixed = append(gotFixed, f.Rule+": "+f.Message)
			}
			if strings.Join(gotNew, "|") != strings.Join(tt.wantNew, "|") {
				t.Errorf("new = %q, want %q", gotNew, tt.wantNew)
			}
			if strings.Join(gotFixed, "|") != strings.Join(tt.wantFixed, "|") {
				t.Errorf("fixed = %q, want %q", gotFixed, tt.wantFixed)
			}
			if doc.Baseline.New != len(tt.wantNew) {
				t.Errorf("baseline.new = %d, want %d", doc.Baseline.New, len(tt.wantNew))
			}
			// Each new finding carries the fingerprint its finding has in the contracts.
			fps := map[string]string{}
			for _, c := range doc.Contracts {
				for _, res := range c.Results {
					if res.Failing != (tt.wantFailing && res.Rule == "claims/time-limit") {
						t.Errorf("%s: failing = %v", res.Rule, res.Failing)
					}
					for _, f := range res.Findings {
						fps[f.Message] = f.Fingerprint
					}
				}
			}
			for _, f := range doc.Baseline.NewFindings {
				if fps[f.Message] != f.Fingerprint {
					t.Errorf("new finding %q has fingerprint %s, its finding %s", f.Message, f.Fingerprint, fps[f.Message])
				}
			}
		})
	}
}

// TestReadBaselineFingerprintNotTrusted edits every fingerprint in a baseline file and expects
// the reader to compute its own.
func TestReadBaselineFingerprintNotTrusted(t *testing.T) {
	r := streamReport()
	r.Results = testReport().Results
	out := regexp.MustCompile(`"fingerprint": "[0-9a-f]+"`).ReplaceAll(render(t, JSON{}, r), []byte(`"fingerprint": "0000000000000000"`))
	path := filepath.Join(t.TempDir(), "base.json")
	if err := os.WriteFile(path, out, 0o600); err != nil {
		t.Fatal(err)
	}
	base, err := result.ReadBaseline(path)
	if err != nil {
		t.Fatal(err)
	}
	// acme's two liability failures and globex's waived one.
	if len(base) != 3 {
		t.Fatalf("read %d entries, want 3: %+v", len(base), base)
	}
	acme := testReport().Results[0]
	if want := result.FindingFingerprint(acme.Contract, "liability/excluded-damage", acme.Rules[1].Findings[0]); base[0].Fingerprint != want {
		t.Errorf("fingerprint %s, want %s", base[0].Fingerprint, want)
	}
}
