package engine

import (
	"strings"
	"testing"
	"time"

	"github.com/termlint/termlint/internal/contract"
)

// TestWaiverScope applies waivers to one failing rule with two findings: one at
// liability.cap.amount citing art. 8.1, one at liability.excluded.0 citing art. 9.2.
func TestWaiverScope(t *testing.T) {
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	active, expired := today.AddDate(0, 1, 0), today.AddDate(0, 0, -1)
	waiver := func(article, dotted string, expires time.Time) contract.Waiver {
		w := contract.Waiver{Rule: "liability/cap", Contract: "contracts/*.yaml", Article: article, Reason: "r", ApprovedBy: "Legal team", Expires: expires, File: "w.yaml", Line: 2, Column: 5}
		if dotted != "" {
			w.Path = strings.Split(dotted, ".")
		}
		return w
	}
	for _, tc := range []struct {
		name    string
		waivers []contract.Waiver
		verdict Verdict
		// waived is which findings are marked waived, in order; in a waived rule none is,
		// since the verdict says it for all.
		waived  [2]bool
		expired bool // the rule's note says a waiver expired
		unused  int
	}{
		{"whole rule", []contract.Waiver{waiver("", "", active)}, Waived, [2]bool{}, false, 0},
		// The article matches the first finding only: the second keeps the rule failing.
		{"article, one finding of two", []contract.Waiver{waiver("ART.  8.1", "", active)}, Fail, [2]bool{true, false}, false, 0},
		// "8.10" is not "8.1": articles compare whole.
		{"article that only starts alike", []contract.Waiver{waiver("8.10", "", active)}, Fail, [2]bool{}, false, 1},
		{"path prefix, one finding of two", []contract.Waiver{waiver("", "liability.cap", active)}, Fail, [2]bool{true, false}, false, 0},
		// A list index in the path is written as a number.
		{"path with an index", []contract.Waiver{waiver("", "liability.excluded.0", active)}, Fail, [2]bool{false, true}, false, 0},
		// liability.ca is not a prefix of liability.cap: paths compare by segment.
		{"path that only starts alike", []contract.Waiver{waiver("", "liability.ca", active)}, Fail, [2]bool{}, false, 1},
		// Both narrowings must hold: art. 9.2 is cited only at liability.excluded.
		{"article and path that disagree", []contract.Waiver{waiver("9.2", "liability.cap", active)}, Fail, [2]bool{}, false, 1},
		// Two narrowed waivers covering both findings waive the rule.
		{"every finding waived", []contract.Waiver{waiver("8.1", "", active), waiver("", "liability.excluded", active)}, Waived, [2]bool{}, false, 0},
		// An expired narrowed waiver waives nothing and says it expired.
		{"narrowed and expired", []contract.Waiver{waiver("8.1", "", expired)}, Fail, [2]bool{}, true, 0},
		{"whole rule, expired", []contract.Waiver{waiver("", "", expired)}, Fail, [2]bool{}, true, 0},
		{"other contract", []contract.Waiver{func() contract.Waiver { w := waiver("", "", active); w.Contract = "other/*.yaml"; return w }()}, Fail, [2]bool{}, false, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := &Result{Contract: "contracts/acme.yaml", File: "contracts/acme.yaml", Rules: []RuleResult{{
				Rule:    &Rule{ID: "liability/cap"},
				Verdict: Fail,
				Findings: []Finding{
					{Message: "cap below fees", Path: []any{"liability", "cap", "amount"}, Sources: []contract.Source{{Art: "8.1", Quote: "q"}}},
					{Message: "indirect damage excluded", Path: []any{"liability", "excluded", 0}, Sources: []contract.Source{{Art: "9.2", Quote: "q"}}},
				},
			}}}
			s := NewWaiverSet(tc.waivers, today)
			s.Apply(res)
			rr := res.Rules[0]
			if rr.Verdict != tc.verdict {
				t.Errorf("verdict %s, want %s", rr.Verdict, tc.verdict)
			}
			for i, want := range tc.waived {
				if rr.Findings[i].Waived != want {
					t.Errorf("finding %d waived = %v, want %v", i, rr.Findings[i].Waived, want)
				}
			}
			if got := rr.Waiver != nil && rr.Waiver.Expired; got != tc.expired {
				t.Errorf("waiver note %+v, want expired %v", rr.Waiver, tc.expired)
			}
			if tc.verdict == Waived && (rr.Waiver == nil || rr.Waiver.Expired) {
				t.Errorf("a waived verdict needs an active waiver's note, got %+v", rr.Waiver)
			}
			// Expired waivers are warned about when loaded, not again as unused.
			if u := s.Unused(); len(u) != tc.unused {
				t.Errorf("unused = %v, want %d", u, tc.unused)
			}
		})
	}
}

// TestWaiverLeavesOtherVerdicts: only failures are waived; a pass, an unknown or an error stays
// as it is, and the waiver counts as unused.
func TestWaiverLeavesOtherVerdicts(t *testing.T) {
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	w := contract.Waiver{Rule: "a/b", Contract: "c.yaml", Expires: today}
	for _, v := range []Verdict{Pass, Unknown, Error, NotApplicable} {
		res := &Result{Contract: "c.yaml", File: "c.yaml", Rules: []RuleResult{{Rule: &Rule{ID: "a/b"}, Verdict: v, Findings: []Finding{{Message: "m"}}}}}
		s := NewWaiverSet([]contract.Waiver{w}, today)
		s.Apply(res)
		if res.Rules[0].Verdict != v || res.Rules[0].Waiver != nil || len(s.Unused()) != 1 {
			t.Errorf("%s: became %+v", v, res.Rules[0])
		}
	}
}

// TestWaiverMatchesContractNotFile: a waiver written for a one-document file does not cover the
// documents a pull request appends to it; a document is waived by its own name.
func TestWaiverMatchesContractNotFile(t *testing.T) {
	expires := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, tt := range []struct {
		pattern string
		want    Verdict
	}{
		{"c.yaml", Fail},
		{"c.yaml#2", Waived},
		{"c.yaml#*", Waived},
		{"*.yaml", Fail},
	} {
		w := contract.Waiver{Rule: "a/b", Contract: tt.pattern, Reason: "r", ApprovedBy: "Legal team", Expires: expires, File: "w.yaml", Line: 2, Column: 5}
		set := NewWaiverSet([]contract.Waiver{w}, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
		res := &Result{Contract: "c.yaml#2", File: "c.yaml", Rules: []RuleResult{{Rule: &Rule{ID: "a/b"}, Verdict: Fail, Findings: []Finding{{Message: "m"}}}}}
		set.Apply(res)
		if got := res.Rules[0].Verdict; got != tt.want {
			t.Errorf("waiver for %q on c.yaml#2: %s; want %s", tt.pattern, got, tt.want)
		}
	}
}
