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

// baselineRun is a comparison with a baseline in progress: results are observed one at a time,
// so that a Stream need not keep them. It keeps only what concerns the baseline's entries, so
// its size follows the baseline, not the run.
type baselineRun struct {
	entries []BaselineEntry
	old     map[string]bool
	// now records the baseline's failures that this run repeats; checked has the baseline's
	// contracts, true for those this run checked.
	now, checked map[string]bool
}

func (r *Report) startBaseline(base []BaselineEntry) {
	r.HasBaseline = true
	r.New = map[string]bool{}
	r.Fixed = nil
	b := &baselineRun{entries: base, old: map[string]bool{}, now: map[string]bool{}, checked: map[string]bool{}}
	for _, e := range base {
		b.old[e.Contract+"\x00"+e.Rule] = true
		b.checked[e.Contract] = false
	}
	r.baseline = b
}

// observeBaseline marks res's new failures; a no-op without a baseline.
func (r *Report) observeBaseline(res *engine.Result) {
	b := r.baseline
	if b == nil {
		return
	}
	if _, inBase := b.checked[res.Contract]; inBase {
		b.checked[res.Contract] = true
	}
	for i := range res.Rules {
		rr := &res.Rules[i]
		if rr.Verdict != engine.Fail && rr.Verdict != engine.Waived {
			continue
		}
		fp := Fingerprint(res.Contract, rr)
		if b.old[fp] {
			b.now[fp] = true
		} else if rr.Verdict == engine.Fail {
			r.New[fp] = true
		}
	}
}

// finishBaseline lists the baseline's failures that no run result repeated.
func (r *Report) finishBaseline() {
	b := r.baseline
	if b == nil {
		return
	}
	r.baseline = nil
	for _, e := range b.entries {
		// A contract that was not part of this run is not fixed, just not checked.
		if b.checked[e.Contract] && !b.now[e.Contract+"\x00"+e.Rule] {
			r.Fixed = append(r.Fixed, e)
		}
	}
	sort.Slice(r.Fixed, func(i, j int) bool {
		if r.Fixed[i].Contract != r.Fixed[j].Contract {
			return r.Fixed[i].Contract < r.Fixed[j].Contract
		}
		return r.Fixed[i].Rule < r.Fixed[j].Rule
	})
}
