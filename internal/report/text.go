package report

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// Text is the format for people at a terminal. By default each contract opens with a table of
// its verdicts, then lists each rule that did not pass once with its findings beneath, and shows
// each quoted passage once per contract: a lawyer reads one exclusion clause once, not under
// every rule that cites it. Verbose is the full listing instead: every finding on a line of its
// own with the rule id and every quote, as scripts and older habits expect.
type Text struct {
	Color      bool
	ShowPassed bool
	Verbose    bool
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiGreen  = "\x1b[32m"
	ansiBlue   = "\x1b[34m"
	ansiDim    = "\x1b[2m"
)

func (t *Text) paint(code, s string) string {
	if !t.Color {
		return s
	}
	return code + s + ansiReset
}

func (t *Text) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	t.head(w, r)
	for i, res := range r.Results {
		if i > 0 {
			fmt.Fprintln(w)
		}
		t.contract(w, r, res)
	}
	t.tail(w, r)
	return w.Flush()
}

// Section writes one contract's part of the report, for a Stream.
func (t *Text) Section(out io.Writer, r *Report, res *engine.Result) error {
	w := bufio.NewWriter(out)
	t.contract(w, r, res)
	return w.Flush()
}

// Assemble writes the report around sections written by Section, as Write would.
func (t *Text) Assemble(out io.Writer, r *Report, sections Sections) error {
	w := bufio.NewWriter(out)
	t.head(w, r)
	err := sections(func(i int, section io.Reader) error {
		if i > 0 {
			fmt.Fprintln(w)
		}
		_, err := w.ReadFrom(section)
		return err
	})
	if err != nil {
		return err
	}
	t.tail(w, r)
	return w.Flush()
}

// head is what precedes the contracts: the inputs that could not be checked, and warnings.
func (t *Text) head(w *bufio.Writer, r *Report) {
	for _, d := range r.InputErrors {
		printf(w, "%s: %s %s\n", location(d.File, d.Line, d.Column), t.paint(ansiRed, "input-error"), textMessage(d.Message))
	}
	for _, d := range r.Warnings {
		printf(w, "%s:%d:%d: %s %s\n", cleanLine(d.File), d.Line, d.Column, t.paint(ansiYellow, "warning"), textMessage(d.Message))
	}
	if len(r.InputErrors) > 0 || len(r.Warnings) > 0 {
		fmt.Fprintln(w)
	}
}

// tail is the summary after the contracts.
func (t *Text) tail(w *bufio.Writer, r *Report) {
	tot := r.Totals()
	printf(w, "\n%d contract(s), %d rule(s): %s\n", r.ContractCount(), len(r.Rules), t.summary(tot))
	if len(r.InputErrors) > 0 {
		printf(w, "%d input error(s): those contracts were not checked\n", len(r.InputErrors))
	}
	if r.Skipped > 0 {
		printf(w, "%s\n", SkippedLine(r.Skipped))
	}
	if r.HasBaseline {
		printf(w, "baseline: %d new, %d existing failure(s), %d fixed\n", r.NewFindingCount(), r.ExistingFindingCount(), len(r.Fixed))
		for _, f := range r.Fixed {
			printf(w, "  fixed: %s %s\n", cleanLine(f.Contract), cleanLine(f.Rule))
		}
	}
}

func (t *Text) summary(c result.Counts) string {
	parts := []string{
		t.paint(ansiRed, fmt.Sprintf("%d failed", c.Failed)),
		t.paint(ansiYellow, fmt.Sprintf("%d unknown", c.Unknown)),
		t.paint(ansiGreen, fmt.Sprintf("%d passed", c.Passed)),
		fmt.Sprintf("%d not applicable", c.NotApplicable),
	}
	if c.Waived > 0 {
		parts = append(parts, fmt.Sprintf("%d waived", c.Waived))
	}
	if c.Errors > 0 {
		parts = append(parts, t.paint(ansiRed, fmt.Sprintf("%d errors", c.Errors)))
	}
	return strings.Join(parts, ", ")
}

// contract writes one contract's part; with a baseline, a failure it lacks is marked "new".
func (t *Text) contract(w *bufio.Writer, r *Report, res *engine.Result) {
	if !t.Verbose {
		t.grouped(w, r, res)
		return
	}
	printf(w, "%s: %s\n", t.paint(ansiBold, cleanLine(res.Contract)), t.summary(result.CountsOf(res)))
	for _, rr := range sortedResults(res) {
		switch rr.Verdict {
		case engine.Pass, engine.NotApplicable:
			if t.ShowPassed {
				printf(w, "  %-14s %s %s\n", t.verdict(rr.Verdict), cleanLine(rr.Rule.ID), t.paint(ansiDim, cleanLine(rr.Rule.Title)))
			}
			continue
		}
		if t.ShowPassed {
			printf(w, "  %-14s %s %s\n", t.verdict(rr.Verdict), cleanLine(rr.Rule.ID), t.paint(ansiDim, cleanLine(rr.Rule.Title)))
		}
		level := string(rr.Rule.Severity)
		switch rr.Verdict {
		case engine.Unknown:
			level = "unknown"
		case engine.Waived:
			level = "waived"
		case engine.Error:
			level = "error"
		}
		for i, f := range rr.Findings {
			mark := t.level(level)
			if f.Open {
				mark = t.level("open")
			}
			if r.IsNewFinding(res, rr, i) {
				mark += " " + t.paint(ansiBold, "new")
			}
			printf(w, "  %s:%d:%d %s %s %s\n", cleanLine(f.FileOf(res)), f.Line, f.Column, mark, cleanLine(rr.Rule.ID), textMessage(f.Message))
			for _, s := range f.Sources {
				// %q already shows control characters of the quote as escapes.
				printf(w, "      %s\n", t.paint(ansiDim, fmt.Sprintf("art. %s: %q", cleanLine(s.Art), s.Quote)))
			}
		}
		if rr.Waiver != nil {
			printf(w, "      %s\n", cleanLine(waiverText(rr.Waiver)))
		}
	}
}

// grouped writes one contract's part in the default layout: the table, then the findings by rule.
func (t *Text) grouped(w *bufio.Writer, r *Report, res *engine.Result) {
	printf(w, "%s\n", t.paint(ansiBold, cleanLine(res.Contract)))
	t.table(w, res)
	quoted := map[contract.Source]bool{}
	checklist := false
	for _, rr := range sortedResults(res) {
		switch rr.Verdict {
		case engine.Pass, engine.NotApplicable:
			// They come last, as one list: a line each, with nothing beneath.
			if t.ShowPassed {
				if !checklist {
					checklist = true
					fmt.Fprintln(w)
				}
				printf(w, "  %s %s: %s\n", t.verdictWords(rr.Verdict), cleanLine(rr.Rule.ID), t.paint(ansiDim, cleanLine(rr.Rule.Title)))
			}
			continue
		}
		printf(w, "\n  %s %s: %s\n", t.level(ruleLevel(rr)), t.paint(ansiBold, cleanLine(rr.Rule.ID)), cleanLine(rr.Rule.Title))
		// The waiver is about the whole rule, so it comes before the findings it accepts.
		if rr.Waiver != nil {
			printf(w, "    %s\n", cleanLine(waiverText(rr.Waiver)))
		}
		// A failing rule's open questions come after its failures, whatever order the engine
		// gave them in; i stays the finding's index, which the baseline marks go by. A rule that
		// judges every item of a list (each exclusion, each deeming clause) shows its first few:
		// the reader learns what the rule objects to, and --verbose lists every one. A finding new
		// against the baseline is always shown, since that is what the gate is about.
		hidden := 0
		for _, open := range []bool{false, true} {
			shown := 0
			for i := range rr.Findings {
				f := &rr.Findings[i]
				if f.Open != open {
					continue
				}
				if shown >= findingsPerRule(open) && !r.IsNewFinding(res, rr, i) {
					hidden++
					continue
				}
				shown++
				t.finding(w, r, res, rr, i, quoted)
			}
		}
		if hidden > 0 {
			printf(w, "    %s\n", t.paint(ansiDim, fmt.Sprintf("… and %d more (termlint check --verbose shows every finding)", hidden)))
		}
	}
}

// findingsPerRule is how many failures, and how many open questions, the default layout shows of
// one rule.
func findingsPerRule(open bool) int {
	if open {
		return 1
	}
	return 2
}

// table is a contract's verdicts at a glance: the failed rules by severity, what a person must
// settle (unknown rules and the open questions of failed ones), and what passed or did not apply.
func (t *Text) table(w *bufio.Writer, res *engine.Result) {
	c := result.CountsOf(res)
	bySeverity := map[engine.Severity]int{}
	open := 0
	for i := range res.Rules {
		rr := &res.Rules[i]
		if rr.Verdict != engine.Fail {
			continue
		}
		bySeverity[rr.Rule.Severity]++
		for _, f := range rr.Findings {
			if f.Open {
				open++
			}
		}
	}
	failed := plural(c.Failed, "rule")
	var parts []string
	for _, s := range []engine.Severity{engine.SeverityError, engine.SeverityWarning, engine.SeverityInfo} {
		if n := bySeverity[s]; n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, s))
		}
	}
	if len(parts) > 0 {
		failed += ": " + strings.Join(parts, ", ")
	}
	questions := plural(c.Unknown, "rule") + " unknown"
	if open > 0 {
		questions += fmt.Sprintf(", %d in failed rules", open)
	}
	row := func(label, value string) { printf(w, "  %-16s %s\n", label, value) }
	row("failed", t.paint(ansiRed, failed))
	row("open questions", t.paint(ansiYellow, questions))
	row("passed", t.paint(ansiGreen, plural(c.Passed, "rule")))
	row("not applicable", plural(c.NotApplicable, "rule"))
	if c.Waived > 0 {
		row("waived", plural(c.Waived, "rule"))
	}
	if c.Errors > 0 {
		row("not evaluated", t.paint(ansiRed, plural(c.Errors, "rule")))
	}
}

// finding writes one finding beneath its rule: where it is and what it says, then the passages it
// quotes that the contract's part has not shown yet; those it has shown are named, not repeated.
func (t *Text) finding(w *bufio.Writer, r *Report, res *engine.Result, rr *engine.RuleResult, i int, quoted map[contract.Source]bool) {
	f := &rr.Findings[i]
	mark := ""
	if f.Open {
		mark = t.level("open question") + ": "
	}
	if r.IsNewFinding(res, rr, i) {
		mark = t.paint(ansiBold, "new") + ": " + mark
	}
	// The first clause not yet quoted is quoted in full; the finding's other clauses are named by
	// article (quoted in full where a later finding leads with them, and by --verbose).
	var fresh []contract.Source
	var seen, also, more []string
	for _, s := range f.Sources {
		art := "art. " + cleanLine(s.Art)
		switch {
		case !quoted[s] && len(fresh) == 0:
			quoted[s] = true
			fresh = append(fresh, s)
		case slices.Contains(fresh, s):
		case !quoted[s]:
			if art == "art. "+cleanLine(fresh[0].Art) {
				// Another passage of the article just quoted.
				if !slices.Contains(more, "more of "+art) {
					more = append(more, "more of "+art)
				}
			} else if !slices.Contains(also, art) {
				also = append(also, art)
			}
		default:
			if !slices.Contains(seen, art) {
				seen = append(seen, art)
			}
		}
	}
	refs := more
	if len(also) > 0 {
		refs = append(refs, "also "+strings.Join(also, ", "))
	}
	if len(seen) > 0 {
		refs = append(refs, strings.Join(seen, ", ")+" quoted above")
	}
	ref := ""
	if len(refs) > 0 {
		ref = " " + t.paint(ansiDim, "("+strings.Join(refs, "; ")+")")
	}
	printf(w, "    %s:%d:%d %s%s%s\n", cleanLine(f.FileOf(res)), f.Line, f.Column, mark, indentLines(cleanText(f.Message), "        "), ref)
	for _, s := range fresh {
		// %q already shows control characters of the quote as escapes.
		printf(w, "        %s\n", t.paint(ansiDim, fmt.Sprintf("art. %s: %q", cleanLine(s.Art), s.Quote)))
	}
}

// ruleLevel is the word a rule's heading starts with: its severity when it failed, else its
// verdict.
func ruleLevel(rr *engine.RuleResult) string {
	switch rr.Verdict {
	case engine.Unknown:
		return "unknown"
	case engine.Waived:
		return "waived"
	case engine.Error:
		// Not "error", which a reader would take for the severity.
		return "not evaluated"
	}
	return string(rr.Rule.Severity)
}

func (t *Text) verdict(v engine.Verdict) string { return t.paintVerdict(v, string(v)) }

// verdictWords is a verdict as a reader says it ("not applicable"), for the default layout.
func (t *Text) verdictWords(v engine.Verdict) string {
	return t.paintVerdict(v, strings.ReplaceAll(string(v), "_", " "))
}

func (t *Text) paintVerdict(v engine.Verdict, s string) string {
	switch v {
	case engine.Fail, engine.Error:
		return t.paint(ansiRed, s)
	case engine.Unknown, engine.Waived:
		return t.paint(ansiYellow, s)
	case engine.Pass:
		return t.paint(ansiGreen, s)
	}
	return s
}

func (t *Text) level(l string) string {
	switch l {
	case "error", "not evaluated":
		return t.paint(ansiRed, l)
	case "warning", "unknown", "waived", "open", "open question":
		return t.paint(ansiYellow, l)
	}
	return t.paint(ansiBlue, l)
}

// textMessage is a message as the text format shows it: cleaned, and a message of several lines
// indented beneath its first, so that no line of it passes for a finding of its own.
func textMessage(s string) string { return indentLines(cleanText(s), "      ") }
