package report

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
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
	// Summary holds FailOn and, with a baseline, which failures are new and which are fixed;
	// its Failing decides which rule results fail the run.
	result.Summary
	// Skipped counts the YAML files directory searches passed over as not contracts.
	Skipped int

	// streamed is set when a Stream wrote the results instead of keeping them: their tally.
	streamed *result.Tally
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

// tallied is the tally of the run: the stream's, or one made from the kept results.
func (r *Report) tallied() *result.Tally {
	if r.streamed != nil {
		return r.streamed
	}
	t := &result.Tally{}
	for _, res := range r.Results {
		t.Add(&r.Summary, res)
	}
	return t
}

// FailedFindings counts the findings of failed rule results.
func (r *Report) FailedFindings() int { return r.tallied().FailedFindings }

// ExistingFindingCount counts, with a baseline, the failing findings the baseline already had.
func (r *Report) ExistingFindingCount() int { return max(r.FailedFindings()-r.NewFindingCount(), 0) }

// ruleResults is how many rule results the run has: a verdict per rule per contract.
func (r *Report) ruleResults() int { return r.tallied().RuleResults }

// SARIFResults is how many results a SARIF report of r holds: one per input error, warning and
// reported finding but the waived ones, which SARIF leaves out.
func (r *Report) SARIFResults() int {
	t := r.tallied()
	return len(r.InputErrors) + len(r.Warnings) + t.Findings - t.WaivedFindings
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
			if result.Reported(rr.Verdict) && !listed[rr.Rule.ID] {
				listed[rr.Rule.ID] = true
				out = append(out, rr.Rule)
			}
		}
	}
	return out
}

// ContractCount is how many contracts were checked.
func (r *Report) ContractCount() int { return r.tallied().Contracts }

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
	// Verbose makes the text format list every finding with every quote, not grouped by rule.
	Verbose bool
	// SummaryPath is where the github format appends its job summary ($GITHUB_STEP_SUMMARY).
	SummaryPath string
	// Changed holds the files a pull request changed (slash paths, as findings name them): the
	// github format annotates their failures right after the new ones.
	Changed map[string]bool
	// SARIFCategory names the run in SARIF's automationDetails.id; empty is DefaultSARIFCategory.
	SARIFCategory string
	// Annotations, filled during the run, hold the source texts the html format shows; only
	// termlint report collects them, so only it writes that format.
	Annotations *Annotations
	// Vendors, filled during the run, name each contract's vendor in the csv and xlsx formats;
	// check collects them when one of those formats is asked for (NeedsVendors).
	Vendors *Vendors
}

// Formats lists the output formats, sorted.
func Formats() []string {
	return []string{"csv", "github", "json", "junit", "markdown", "outputs", "sarif", "text", "xlsx"}
}

// New returns the writer for format.
func New(format string, opts Options) (Writer, error) {
	switch format {
	case "text":
		return &Text{Color: opts.Color, ShowPassed: opts.ShowPassed, Verbose: opts.Verbose}, nil
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
	case "csv":
		return CSV{Vendors: opts.Vendors}, nil
	case "xlsx":
		return XLSX{Vendors: opts.Vendors}, nil
	case "html":
		if opts.Annotations != nil {
			return HTML{Annotations: opts.Annotations}, nil
		}
	}
	return nil, fmt.Errorf("unknown format %q: want one of %v", format, Formats())
}

// Totals counts the verdicts over all contracts.
func (r *Report) Totals() result.Counts { return r.tallied().Counts }

// ExitFailing reports whether any result fails the run: the tally's decision, which the exit
// code and every format that prints it read.
func (r *Report) ExitFailing() bool { return r.tallied().Failing }

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
