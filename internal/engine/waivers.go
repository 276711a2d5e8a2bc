package engine

import (
	"encoding/json"
	"fmt"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/termlint/termlint/internal/contract"
)

// WaiverSet marks failures that an active waiver accepts as Waived, with the waiver's reason, one
// result at a time, so results can be written as they arrive and not kept. An expired waiver
// leaves the failure standing and records that it expired, so reports can say why a
// once-accepted deviation fails again. Waivers that match no failure come back from Unused as
// warnings: a stale waiver would silently accept the next failure of that rule.
//
// A waiver narrowed to an article or a path waives only the findings it matches, and the rule
// counts as waived only when all its findings are: a second, different failure of the same rule
// must not hide behind a waiver written for the first.
type WaiverSet struct {
	waivers []contract.Waiver
	used    []bool
	day     string
}

// NewWaiverSet prepares waivers to be judged on the date today.
func NewWaiverSet(waivers []contract.Waiver, today time.Time) *WaiverSet {
	return &WaiverSet{waivers: waivers, used: make([]bool, len(waivers)), day: today.Format(time.DateOnly)}
}

func (s *WaiverSet) expired(w *contract.Waiver) bool {
	return s.day > w.Expires.Format(time.DateOnly)
}

func note(w *contract.Waiver, expired bool) *WaiverNote {
	return &WaiverNote{Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: w.Expires.Format(time.DateOnly), Expired: expired}
}

// Apply waives res's failures that an active waiver accepts.
func (s *WaiverSet) Apply(res *Result) {
	if len(s.waivers) == 0 {
		return
	}
	for i := range res.Rules {
		rr := &res.Rules[i]
		if rr.Verdict != Fail {
			continue
		}
		s.applyRule(res, rr)
	}
}

func (s *WaiverSet) applyRule(res *Result, rr *RuleResult) {
	// The first waiver in file order explains the verdict: one for the whole rule, else one
	// narrowed to findings; an expired one is recorded only when nothing active applies.
	var whole, part, expired *WaiverNote
	for wi := range s.waivers {
		w := &s.waivers[wi]
		if w.Rule != rr.Rule.ID || !matchContract(w.Contract, res) {
			continue
		}
		gone := s.expired(w)
		if !w.Narrowed() {
			s.used[wi] = true
			if gone {
				expired = cmp(expired, note(w, true))
			} else {
				whole = cmp(whole, note(w, false))
			}
			continue
		}
		for fi := range rr.Findings {
			f := &rr.Findings[fi]
			if f.Open || !matchFinding(w, f) {
				// An open question is not a failure to accept: it stays open.
				continue
			}
			s.used[wi] = true
			if gone {
				expired = cmp(expired, note(w, true))
				continue
			}
			f.Waived = true
			part = cmp(part, note(w, false))
		}
	}
	all := false
	for _, f := range rr.Findings {
		if f.Open {
			continue
		}
		if !f.Waived {
			all = false
			break
		}
		all = true
	}
	switch {
	case whole != nil:
		rr.Verdict, rr.Waiver = Waived, whole
	case part != nil && all:
		rr.Verdict, rr.Waiver = Waived, part
	case expired != nil:
		rr.Waiver = expired
	}
	if rr.Verdict == Waived {
		// Finding marks tell a waived finding from a failing one within a failing rule; in a
		// waived rule every finding is waived and the verdict says so.
		for fi := range rr.Findings {
			rr.Findings[fi].Waived = false
		}
	}
}

// cmp keeps the first note.
func cmp(have, next *WaiverNote) *WaiverNote {
	if have != nil {
		return have
	}
	return next
}

// Unused returns a warning for each waiver that matched no failure of the results applied so far.
// An expired waiver is left out: loading it already warned that it expired.
func (s *WaiverSet) Unused() []contract.Diagnostic {
	var warnings []contract.Diagnostic
	for i := range s.waivers {
		w := &s.waivers[i]
		if s.used[i] || s.expired(w) {
			continue
		}
		what := "any contract"
		if w.Narrowed() {
			what = "any finding" + scopeText(w) + " of a contract"
		}
		warnings = append(warnings, contract.Diagnostic{
			File: w.File, Line: w.Line, Column: w.Column,
			Message: fmt.Sprintf("unused waiver: rule %s does not fail on %s matching %q; remove the waiver", w.Rule, what, w.Contract),
		})
	}
	return warnings
}

func scopeText(w *contract.Waiver) string {
	var parts []string
	if w.Article != "" {
		parts = append(parts, fmt.Sprintf(" citing article %q", w.Article))
	}
	if len(w.Path) > 0 {
		parts = append(parts, fmt.Sprintf(" at %s", strings.Join(w.Path, ".")))
	}
	return strings.Join(parts, " and")
}

// matchFinding reports whether a narrowed waiver covers f: every narrowing it has must hold.
func matchFinding(w *contract.Waiver, f *Finding) bool {
	if w.Article != "" {
		want := contract.NormaliseArticle(w.Article)
		found := false
		for _, src := range f.Sources {
			if contract.NormaliseArticle(src.Art) == want {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	if len(w.Path) > len(f.Path) {
		return false
	}
	for i, seg := range w.Path {
		if step(f.Path[i]) != seg {
			return false
		}
	}
	return true
}

// step writes one element of a finding's path as it appears in a dotted path.
func step(p any) string {
	switch t := p.(type) {
	case string:
		return t
	case int:
		return strconv.Itoa(t)
	case json.Number:
		return t.String()
	case float64:
		return strconv.FormatFloat(t, 'f', -1, 64)
	}
	return fmt.Sprint(p)
}

// matchContract matches the contract's name as reports give it, not its file: a file that gains a
// second document (file.yaml#2) must not bring it under a waiver written for the first.
func matchContract(pattern string, res *Result) bool {
	if pattern == res.Contract {
		return true
	}
	ok, err := path.Match(pattern, res.Contract)
	return err == nil && ok
}
