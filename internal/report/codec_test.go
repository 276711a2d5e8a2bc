package report

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

func TestResultCodecRoundTrip(t *testing.T) {
	gdpr, liability, notice := testRules()
	rules := []*engine.Rule{gdpr, liability, notice}
	want := codecResult(rules)
	enc := newResultEncoder(rules)
	b, err := enc.encode(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeResult(b, rules)
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
		if _, err := decodeResult(b[:n], rules); err == nil {
			t.Fatalf("a result cut to %d of %d bytes decoded without error", n, len(b))
		}
	}
}

// FuzzDecodeResult feeds corrupt spool bytes to the decoder: it must return an error or a result
// that survives another round trip unchanged, and never panic or allocate without bound.
func FuzzDecodeResult(f *testing.F) {
	gdpr, liability, notice := testRules()
	rules := []*engine.Rule{gdpr, liability, notice}
	enc := newResultEncoder(rules)
	for _, res := range append(testReport().Results, codecResult(rules)) {
		b, err := enc.encode(res)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(append([]byte(nil), b...))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		res, err := decodeResult(b, rules)
		if err != nil {
			return
		}
		again, err := newResultEncoder(rules).encode(res)
		if err != nil {
			t.Fatalf("a decoded result does not encode: %v", err)
		}
		if res2, err := decodeResult(again, rules); err != nil || !reflect.DeepEqual(res, res2) {
			t.Fatalf("decode(encode(decode(b))) differs: %v", err)
		}
	})
}
