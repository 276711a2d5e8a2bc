package engine

import (
	"fmt"
	"path"
	"time"

	"github.com/termlint/termlint/internal/contract"
)

// WaiverSet marks failures that an active waiver accepts as Waived, with the waiver's reason, one
// result at a time, so results can be written as they arrive and not kept. An expired waiver
// leaves the failure standing and records that it expired, so reports can say why a
// once-accepted deviation fails again. Waivers that match no failure come back from Unused as
// warnings: a stale waiver would silently accept the next failure of that rule.
type WaiverSet struct {
	waivers []contract.Waiver
	used    []bool
	day     string
}

// NewWaiverSet prepares waivers to be judged on the date today.
func NewWaiverSet(waivers []contract.Waiver, today time.Time) *WaiverSet {
	return &WaiverSet{waivers: waivers, used: make([]bool, len(waivers)), day: today.Format(time.DateOnly)}
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
		for wi, w := range s.waivers {
			if w.Rule != rr.Rule.ID || !matchContract(w.Contract, res) {
				continue
			}
			s.used[wi] = true
			exp := w.Expires.Format(time.DateOnly)
			note := &WaiverNote{Reason: w.Reason, ApprovedBy: w.ApprovedBy, Expires: exp}
			if s.day > exp {
				note.Expired = true
				// Only record the expiry if no other, active waiver applies.
				if rr.Waiver == nil {
					rr.Waiver = note
				}
				continue
			}
			rr.Verdict, rr.Waiver = Waived, note
			break
		}
	}
}

// Unused returns a warning for each waiver that matched no failure of the results applied so far.
func (s *WaiverSet) Unused() []contract.Diagnostic {
	var warnings []contract.Diagnostic
	for i, w := range s.waivers {
		if !s.used[i] {
			warnings = append(warnings, contract.Diagnostic{
				File: w.File, Line: w.Line, Column: w.Column,
				Message: fmt.Sprintf("unused waiver: rule %s does not fail on any contract matching %q; remove the waiver", w.Rule, w.Contract),
			})
		}
	}
	return warnings
}

func matchContract(pattern string, res *Result) bool {
	for _, name := range []string{res.Contract, res.File} {
		if pattern == name {
			return true
		}
		if ok, err := path.Match(pattern, name); err == nil && ok {
			return true
		}
	}
	return false
}
