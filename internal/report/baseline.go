package report

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"

	"github.com/termlint/termlint/internal/engine"
)

// ReadBaseline reads the failures of an earlier run's JSON output (termlint check -f json), e.g.
// one made on the target branch of a pull request.
func ReadBaseline(path string) ([]BaselineEntry, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading baseline: %w", err)
	}
	var doc JSONReport
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("baseline %s is not termlint JSON output: %w", path, err)
	}
	if doc.Version != CheckVersion {
		return nil, fmt.Errorf("baseline %s has version %q; this termlint reads %q (make it with termlint check -f json)", path, doc.Version, CheckVersion)
	}
	var out []BaselineEntry
	for _, c := range doc.Contracts {
		for _, r := range c.Results {
			if r.Verdict != engine.Fail && r.Verdict != engine.Waived {
				continue
			}
			msg := ""
			if len(r.Findings) > 0 {
				msg = r.Findings[0].Message
			}
			out = append(out, BaselineEntry{Contract: c.Contract, Rule: r.Rule, Message: msg})
		}
	}
	return out, nil
}

// CompareBaseline marks which of the report's failures are new against the baseline and lists
// the baseline's failures that no longer occur. Only new failures then count toward the exit
// code.
func (r *Report) CompareBaseline(base []BaselineEntry) {
	r.HasBaseline = true
	r.New = map[string]bool{}
	old := map[string]bool{}
	for _, b := range base {
		old[b.Contract+"\x00"+b.Rule] = true
	}
	now := map[string]bool{}
	for _, res := range r.Results {
		for i := range res.Rules {
			rr := &res.Rules[i]
			if rr.Verdict != engine.Fail && rr.Verdict != engine.Waived {
				continue
			}
			fp := Fingerprint(res.Contract, rr)
			now[fp] = true
			if rr.Verdict == engine.Fail && !old[fp] {
				r.New[fp] = true
			}
		}
	}
	r.Fixed = nil
	checked := map[string]bool{}
	for _, res := range r.Results {
		checked[res.Contract] = true
	}
	for _, b := range base {
		// A contract that was not part of this run is not fixed, just not checked.
		if checked[b.Contract] && !now[b.Contract+"\x00"+b.Rule] {
			r.Fixed = append(r.Fixed, b)
		}
	}
	sort.Slice(r.Fixed, func(i, j int) bool {
		if r.Fixed[i].Contract != r.Fixed[j].Contract {
			return r.Fixed[i].Contract < r.Fixed[j].Contract
		}
		return r.Fixed[i].Rule < r.Fixed[j].Rule
	})
}
