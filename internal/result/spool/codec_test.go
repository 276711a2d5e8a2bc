package spool

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// codecResult has what the spool must keep apart: nil and empty slices, every kind of path step,
// a waiver, and a rule result without findings.
func codecResult(rules []*engine.Rule) *engine.Result {
	return &engine.Result{Contract: "c/a.yaml#2", File: "c/a.yaml", Rules: []engine.RuleResult{
		{Rule: rules[0], Verdict: engine.Fail, Findings: []engine.Finding{
			{
				Message: "cap below fees: \"10%\"\n", Path: []any{"liability", "caps", 0, -3},
				Line: 12, Column: 5, Sources: []contract.Source{{Art: "8.2", Quote: "é\x00\xff"}},
			},
			{
				Message: "", Path: []any{json.Number("1.5"), true, false, nil, map[string]any{"k": []any{json.Number("2"), "x"}}},
				Sources: []contract.Source{},
			},
			{Message: "no path", Path: nil, Line: -1},
		}},
		{Rule: rules[1], Verdict: engine.Waived, Findings: []engine.Finding{}, Waiver: &engine.WaiverNote{Reason: "ok", ApprovedBy: "cfo", Expires: "2099-01-01", Expired: true}},
		{Rule: rules[2], Verdict: engine.NotApplicable},
	}}
}

// testRules are three rules of different severities, as a report lists them.
func testRules() (gdpr, liability, notice *engine.Rule) {
	gdpr = &engine.Rule{ID: "gdpr/processor-agreement", Title: "A processor agreement is in force", Severity: engine.SeverityWarning}
	liability = &engine.Rule{ID: "liability/excluded-damage", Title: "No exclusion of forbidden damage categories", Severity: engine.SeverityError}
	notice = &engine.Rule{ID: "termination/notice-period", Title: "Notice period of at most three months", Severity: engine.SeverityInfo}
	return gdpr, liability, notice
}

// plainResult is a contract's result as most runs have them: a pass, a failure with a finding
// citing a clause, and a rule that does not apply.
func plainResult(rules []*engine.Rule) *engine.Result {
	return &engine.Result{Contract: "contracts/acme.yaml", File: "contracts/acme.yaml", Rules: []engine.RuleResult{
		{Rule: rules[0], Verdict: engine.Pass},
		{Rule: rules[1], Verdict: engine.Fail, Findings: []engine.Finding{{
			Message: "excludes data loss", Path: []any{"liability", "excluded_damage", 1},
			Line: 14, Column: 7, Sources: []contract.Source{{Art: "9.1", Quote: "excluding loss of data"}},
		}}},
		{Rule: rules[2], Verdict: engine.NotApplicable},
	}}
}

func TestResultCodecRoundTrip(t *testing.T) {
	gdpr, liability, notice := testRules()
	rules := []*engine.Rule{gdpr, liability, notice}
	want := codecResult(rules)
	enc := NewEncoder(rules)
	b, err := enc.Encode(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Decode(b, rules)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("round trip changed the result:\ngot  %#v\nwant %#v", got, want)
	}
	for i := range got.Rules {
		if got.Rules[i].Rule != rules[i] {
			t.Errorf("rule %d is not the report's rule", i)
		}
	}
	// Every cut is corrupt: the decoder must say so, not panic or return half a result.
	for n := range len(b) {
		if _, err := Decode(b[:n], rules); err == nil {
			t.Fatalf("a result cut to %d of %d bytes decoded without error", n, len(b))
		}
	}
}

// FuzzDecodeResult feeds corrupt spool bytes to the decoder: it must return an error or a result
// that survives another round trip unchanged, and never panic or allocate without bound.
func FuzzDecodeResult(f *testing.F) {
	gdpr, liability, notice := testRules()
	rules := []*engine.Rule{gdpr, liability, notice}
	enc := NewEncoder(rules)
	for _, res := range []*engine.Result{plainResult(rules), codecResult(rules)} {
		b, err := enc.Encode(res)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(append([]byte(nil), b...))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := Decode(b, rules)
		if err != nil {
			return
		}
		again, err := NewEncoder(rules).Encode(res)
		if err != nil {
			t.Fatalf("a decoded result does not encode: %v", err)
		}
		if res2, err := Decode(again, rules); err != nil || !reflect.DeepEqual(res, res2) {
			t.Fatalf("decode(encode(decode(b))) differs: %v", err)
		}
	})
}
