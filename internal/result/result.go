// Package result is what a check run's results add up to, apart from how any format prints them:
// the verdict counts, the comparison with a baseline, and the decision which rule results fail
// the run and so whether the run fails. The Summary and Tally are filled as results arrive (by
// report.Stream, which internal/check feeds); the formats read them, and the exit code follows
// Tally.Failing. This package imports engine and contract,
// never report.
package result

import "github.com/termlint/termlint/internal/engine"

// CheckVersion versions the JSON output of check; docs/output-json.md describes it. A change
// that breaks its readers gets a new version. It lives here because a baseline is that output:
// the reader refuses any other version.
const CheckVersion = "termlint.check/v1"

// Counts is how many rules reached each verdict.
type Counts struct {
	Failed        int `json:"failed"`
	Unknown       int `json:"unknown"`
	Passed        int `json:"passed"`
	NotApplicable int `json:"not_applicable"`
	Waived        int `json:"waived"`
	Errors        int `json:"errors"`
}

// Add counts one verdict.
func (c *Counts) Add(v engine.Verdict) {
	switch v {
	case engine.Fail:
		c.Failed++
	case engine.Unknown:
		c.Unknown++
	case engine.Pass:
		c.Passed++
	case engine.NotApplicable:
		c.NotApplicable++
	case engine.Waived:
		c.Waived++
	case engine.Error:
		c.Errors++
	}
}

// CountsOf counts the verdicts of one contract.
func CountsOf(r *engine.Result) Counts {
	var c Counts
	for _, rr := range r.Rules {
		c.Add(rr.Verdict)
	}
	return c
}

// Summary holds what decides whether a rule result fails the run: the fail-on level and, with a
// baseline, which failures are new. Its baseline comparison runs as results arrive (Start,
// Observe, Finish), so that nobody needs to keep the results.
type Summary struct {
	// FailOn is the severity at which a failure fails the run: error, warning or never.
	FailOn string
	// Fixed lists failures of the baseline that no longer occur, when a baseline was given.
	Fixed []BaselineEntry
	// New marks, when a baseline was given, which failing rule results are new (by Fingerprint):
	// those with at least one finding the baseline lacks.
	New map[string]bool
	// NewFindings lists, when a baseline was given, the findings the baseline lacks, sorted, at
	// most maxNewFindings of them; NewFindingsOmitted counts the rest.
	NewFindings        []NewFinding
	NewFindingsOmitted int
	// newFindings narrows New to findings where only some of a rule result's findings are new:
	// it maps the result's Fingerprint to the indexes (in FindingsOf) of its new findings. A new
	// result without an entry, the common case in a run whose baseline does not fit, has only
	// new findings, which keeps the map small then.
	newFindings map[string][]int
	// HasBaseline says whether New and Fixed are meaningful.
	HasBaseline bool

	// baseline is the comparison with a baseline while results are still arriving.
	baseline *baselineRun
}

// NewFindingCount counts the new failing findings, listed in NewFindings or not.
func (s *Summary) NewFindingCount() int { return len(s.NewFindings) + s.NewFindingsOmitted }

// Failing reports whether a failed (or errored) rule result meets the fail-on level and, with a
// baseline, is new. It is the one place that decides; the exit code follows Tally.Failing, which
// it sets.
func (s *Summary) Failing(res *engine.Result, rr *engine.RuleResult) bool {
	if rr.Verdict != engine.Fail && rr.Verdict != engine.Error {
		return false
	}
	if s.InBaseline(res, rr) {
		return false
	}
	if rr.Verdict == engine.Error {
		return s.FailOn != "never"
	}
	switch s.FailOn {
	case "never":
		return false
	case "warning":
		return rr.Rule.Severity != engine.SeverityInfo
	}
	return rr.Rule.Severity == engine.SeverityError
}

// InBaseline reports whether rr is a failure the baseline already had (none of its findings is
// new), which does not fail the run.
func (s *Summary) InBaseline(res *engine.Result, rr *engine.RuleResult) bool {
	return s.HasBaseline && rr.Verdict == engine.Fail && !s.New[Fingerprint(res.Contract, rr)]
}

// Fingerprint keys a rule result in New: the contract and the rule. It is not what a baseline
// matches on (that is FindingFingerprint); a rule result is new when at least one of its failing
// findings is.
func Fingerprint(contractName string, rr *engine.RuleResult) string {
	return contractName + "\x00" + rr.Rule.ID
}

// Tally is what the reports' totals and the exit code need of the results, counted as they
// arrive so that the results need not be kept.
type Tally struct {
	Contracts int
	// RuleResults counts every rule result, whatever its verdict.
	RuleResults int
	// Findings counts what the CI formats report: the findings of rules that failed, were
	// unknown, waived or in error.
	Findings int
	// FailedFindings counts the findings of failed rule results; WaivedFindings those of waived
	// ones; FailingResults the rule results that fail the run (Summary.Failing).
	FailedFindings int
	WaivedFindings int
	FailingResults int
	Counts         Counts
	// Failing is the exit decision: some rule result fails the run.
	Failing bool
}

// Add counts res, whose failures s decides; s must have observed res already when it has a
// baseline.
func (t *Tally) Add(s *Summary, res *engine.Result) {
	t.Contracts++
	t.RuleResults += len(res.Rules)
	t.Findings += reportedFindings(res)
	for i := range res.Rules {
		rr := &res.Rules[i]
		t.Counts.Add(rr.Verdict)
		switch rr.Verdict {
		case engine.Fail:
			t.FailedFindings += len(FindingsOf(rr))
		case engine.Waived:
			t.WaivedFindings += len(FindingsOf(rr))
		}
		if s.Failing(res, rr) {
			t.Failing = true
			t.FailingResults++
		}
	}
}

// reportedFindings counts what the CI formats report of one result.
func reportedFindings(res *engine.Result) int {
	n := 0
	for i := range res.Rules {
		if rr := &res.Rules[i]; Reported(rr.Verdict) {
			n += len(FindingsOf(rr))
		}
	}
	return n
}

// Reported says whether a verdict produces findings in the CI formats; pass and not applicable
// are only counted.
func Reported(v engine.Verdict) bool {
	switch v {
	case engine.Fail, engine.Unknown, engine.Error, engine.Waived:
		return true
	}
	return false
}

// FindingsOf returns a reported result's findings; a result without any (a waiver applied to a
// rule that gave no details) gets one at the top of the file, so it is not silently dropped. The
// baseline matches, and the formats print, these findings.
func FindingsOf(rr *engine.RuleResult) []engine.Finding {
	if len(rr.Findings) > 0 || !Reported(rr.Verdict) {
		return rr.Findings
	}
	return []engine.Finding{{Message: rr.Rule.Title, Path: []any{}, Line: 1, Column: 1}}
}
