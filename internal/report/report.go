package report

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// Report is everything one check run found, ready for any writer.
type Report struct {
	// ToolVersion is termlint's version.
	ToolVersion string
	Rules       []*engine.Rule
	// Results holds one entry per contract, sorted by contract name. It stays empty when a Stream
	// wrote the contracts as they arrived; the report then keeps only their tally.
	Results []*engine.Result
	// InputErrors are contracts that could not be checked (invalid or unreadable), sorted.
	InputErrors []contract.Diagnostic
	// Warnings are problems that do not stop the run (an unused waiver).
	Warnings []contract.Diagnostic
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
	// it maps the result's Fingerprint to the indexes (in findingsOf) of its new findings. A new
	// result without an entry, the common case in a run whose baseline does not fit, has only
	// new findings, which keeps the map small then.
	newFindings map[string][]int
	// HasBaseline says whether New and Fixed are meaningful.
	HasBaseline bool
	// Skipped counts the YAML files directory searches passed over as not contracts.
	Skipped int

	// baseline is the comparison with a baseline while results are still arriving.
	baseline *baselineRun
	// streamed is set when a Stream wrote the results instead of keeping them.
	streamed *tally
	// spooled, when a Stream spooled the results, reads them back in report order.
	spooled func(fn func(*engine.Result) error) error
}

// errStop ends an iteration over the results early, without error.
var errStop = errors.New("stop")

// each calls fn with every result in report order, kept or spooled, and returns fn's first
// error; errStop stops it quietly. The writers that are not Sectioned go through each and keep no
// result past fn, so that a streamed run holds one result at a time.
func (r *Report) each(fn func(*engine.Result) error) error {
	var err error
	if r.spooled != nil {
		err = r.spooled(fn)
	} else {
		for _, res := range r.Results {
			if err = fn(res); err != nil {
				break
			}
		}
	}
	if errors.Is(err, errStop) {
		return nil
	}
	return err
}

// tally is what the reports' totals and the exit code need of results that were not kept.
type tally struct {
	contracts int
	// ruleResults counts every rule result, whatever its verdict.
	ruleResults int
	// findings counts what the CI formats report: the findings of rules that failed, were
	// unknown, waived or in error.
	findings int
	// failedFindings counts the findings of failed rule results; waivedFindings those of waived
	// ones; failingResults the rule results that fail the run (Failing).
	failedFindings int
	waivedFindings int
	failingResults int
	counts         Counts
	failing        bool
}

func (t *tally) add(r *Report, res *engine.Result) {
	t.contracts++
	t.ruleResults += len(res.Rules)
	t.findings += reportedFindings(res)
	for i := range res.Rules {
		rr := &res.Rules[i]
		t.counts.Add(rr.Verdict)
		switch rr.Verdict {
		case engine.Fail:
			t.failedFindings += len(findingsOf(rr))
		case engine.Waived:
			t.waivedFindings += len(findingsOf(rr))
		}
		if r.Failing(res, rr) {
			t.failing = true
			t.failingResults++
		}
	}
}

// tallied is the tally of the run: the stream's, or one made from the kept results.
func (r *Report) tallied() *tally {
	if r.streamed != nil {
		return r.streamed
	}
	t := &tally{}
	for _, res := range r.Results {
		t.add(r, res)
	}
	return t
}

// FailedFindings counts the findings of failed rule results.
func (r *Report) FailedFindings() int { return r.tallied().failedFindings }

// NewFindingCount counts the new failing findings, listed in NewFindings or not.
func (r *Report) NewFindingCount() int { return len(r.NewFindings) + r.NewFindingsOmitted }

// ExistingFindingCount counts, with a baseline, the failing findings the baseline already had.
func (r *Report) ExistingFindingCount() int { return max(r.FailedFindings()-r.NewFindingCount(), 0) }

// ruleResults is how many rule results the run has: a verdict per rule per contract.
func (r *Report) ruleResults() int {
	if r.streamed != nil {
		return r.streamed.ruleResults
	}
	n := 0
	for _, res := range r.Results {
		n += len(res.Rules)
	}
	return n
}

// reportedFindings counts what the CI formats report of one result.
func reportedFindings(res *engine.Result) int {
	n := 0
	for i := range res.Rules {
		if rr := &res.Rules[i]; reported(rr.Verdict) {
			n += len(findingsOf(rr))
		}
	}
	return n
}

// SARIFResults is how many results a SARIF report of r holds: one per input error, warning and
// reported finding but the waived ones, which SARIF leaves out.
func (r *Report) SARIFResults() int {
	t := r.tallied()
	return len(r.InputErrors) + len(r.Warnings) + t.findings - t.waivedFindings
}

// unlistedRules returns the rules results refer to that r.Rules lacks, in report order, so that a
// writer can still describe them. Only a report built by hand can have them: a Stream refuses
// such a result.
func (r *Report) unlistedRules() []*engine.Rule {
	listed := map[string]bool{}
	for _, rule := range r.Rules {
		listed[rule.ID] = true
	}
	var out []*engine.Rule
	for _, res := range r.Results {
		for _, rr := range byRuleID(res) {
			if reported(rr.Verdict) && !listed[rr.Rule.ID] {
				listed[rr.Rule.ID] = true
				out = append(out, rr.Rule)
			}
		}
	}
	return out
}

// ContractCount is how many contracts were checked.
func (r *Report) ContractCount() int {
	if r.streamed != nil {
		return r.streamed.contracts
	}
	return len(r.Results)
}

// BaselineEntry is one failing (or waived) finding of a baseline.
type BaselineEntry struct {
	Contract string `json:"contract"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	// Fingerprint is FindingFingerprint of the finding, computed when the baseline is read.
	Fingerprint string `json:"fingerprint"`
}

// NewFinding is a failing finding that a baseline lacks.
type NewFinding struct {
	Contract string `json:"contract"`
	File     string `json:"file"`
	Rule     string `json:"rule"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	// Sources are the vendor's clauses the finding cites, so that a reviewer sees the new
	// failure in full without looking it up in the contract.
	Sources     []contract.Source `json:"sources,omitempty"`
	Fingerprint string            `json:"fingerprint"`
}

// Writer writes a report in one format.
type Writer interface {
	Write(w io.Writer, r *Report) error
}

// Options tune writers that have choices.
type Options struct {
	// Color turns on ANSI colour in the text format.
	Color bool
	// ShowPassed lists every rule's verdict in the text format, not only failures.
	ShowPassed bool
	// SummaryPath is where the github format appends its job summary ($GITHUB_STEP_SUMMARY).
	SummaryPath string
	// Changed holds the files a pull request changed (slash paths, as findings name them): the
	// github format annotates their failures right after the new ones.
	Changed map[string]bool
	// SARIFCategory names the run in SARIF's automationDetails.id; empty is DefaultSARIFCategory.
	SARIFCategory string
}

// Formats lists the output formats, sorted.
func Formats() []string {
	return []string{"github", "json", "junit", "markdown", "outputs", "sarif", "text"}
}

// New returns the writer for format.
func New(format string, opts Options) (Writer, error) {
	switch format {
	case "text":
		return &Text{Color: opts.Color, ShowPassed: opts.ShowPassed}, nil
	case "json":
		return JSON{}, nil
	case "sarif":
		return SARIF{Category: opts.SARIFCategory}, nil
	case "github":
		return GitHub{SummaryPath: opts.SummaryPath, Changed: opts.Changed}, nil
	case "markdown":
		return Markdown{}, nil
	case "junit":
		return JUnit{}, nil
	case "outputs":
		return Outputs{}, nil
	}
	return nil, fmt.Errorf("unknown format %q: want one of %v", format, Formats())
}

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

// Totals counts the verdicts over all contracts.
func (r *Report) Totals() Counts {
	if r.streamed != nil {
		return r.streamed.counts
	}
	var c Counts
	for _, res := range r.Results {
		for _, rr := range res.Rules {
			c.Add(rr.Verdict)
		}
	}
	return c
}

// Failing reports whether a failed (or errored) rule result meets the fail-on level and, with a
// baseline, is new.
func (r *Report) Failing(res *engine.Result, rr *engine.RuleResult) bool {
	if rr.Verdict != engine.Fail && rr.Verdict != engine.Error {
		return false
	}
	if r.HasBaseline && rr.Verdict == engine.Fail && !r.New[Fingerprint(res.Contract, rr)] {
		return false
	}
	if rr.Verdict == engine.Error {
		return r.FailOn != "never"
	}
	switch r.FailOn {
	case "never":
		return false
	case "warning":
		return rr.Rule.Severity != engine.SeverityInfo
	}
	return rr.Rule.Severity == engine.SeverityError
}

// ExitFailing reports whether any result fails the run.
func (r *Report) ExitFailing() bool {
	if r.streamed != nil {
		return r.streamed.failing
	}
	for _, res := range r.Results {
		for i := range res.Rules {
			if r.Failing(res, &res.Rules[i]) {
				return true
			}
		}
	}
	return false
}

// Fingerprint keys a rule result in New: the contract and the rule. It is not what a baseline
// matches on (that is FindingFingerprint); a rule result is new when at least one of its failing
// findings is.
func Fingerprint(contractName string, rr *engine.RuleResult) string {
	return contractName + "\x00" + rr.Rule.ID
}

// sortedResults orders rule results for display: failures first, by severity, then id.
func sortedResults(res *engine.Result) []*engine.RuleResult {
	out := make([]*engine.RuleResult, len(res.Rules))
	for i := range res.Rules {
		out[i] = &res.Rules[i]
	}
	rank := map[engine.Verdict]int{engine.Error: 0, engine.Fail: 1, engine.Waived: 2, engine.Unknown: 3, engine.Pass: 4, engine.NotApplicable: 5}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if rank[a.Verdict] != rank[b.Verdict] {
			return rank[a.Verdict] < rank[b.Verdict]
		}
		if a.Rule.Severity.Rank() != b.Rule.Severity.Rank() {
			return a.Rule.Severity.Rank() < b.Rule.Severity.Rank()
		}
		return a.Rule.ID < b.Rule.ID
	})
	return out
}
