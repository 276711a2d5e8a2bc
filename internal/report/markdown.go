package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

const (
	// DefaultMarkdownBytes keeps the summary under GitHub's 1 MiB per step with room to spare for
	// a heading or two that other tools add in the same step.
	DefaultMarkdownBytes = StepSummaryLimit - 16<<10
	// minMarkdownBytes is the smallest budget honoured: the heading and totals must fit.
	minMarkdownBytes = 2 << 10
	// tailReserve is kept free for the closing "N more ... not shown" lines, which are written
	// whatever the budget, so the reader always learns that something was left out.
	tailReserve = 1 << 10
)

// Markdown writes a job summary: totals, then per contract a table of every rule's verdict and
// the findings with the vendor's quotes. It stays within MaxBytes however many contracts there
// are: contracts past the budget are listed one line each, and the rest only counted.
type Markdown struct {
	// MaxBytes bounds the output; 0 means DefaultMarkdownBytes.
	MaxBytes int
}

// mdBudget is a builder that refuses pieces that would leave no room for the closing lines.
type mdBudget struct {
	strings.Builder
	limit int
}

// add writes s if the output then ends before end, and before the reserve for closing lines.
func (b *mdBudget) add(s string, end int) bool {
	if b.Len()+len(s) > min(end, b.limit-tailReserve) {
		return false
	}
	b.WriteString(s)
	return true
}

func (m Markdown) Write(w io.Writer, r *Report) error {
	limit := m.MaxBytes
	if limit <= 0 {
		limit = DefaultMarkdownBytes
	}
	limit = max(limit, minMarkdownBytes)
	b := &mdBudget{limit: limit}

	status := "✅ passing"
	if r.ExitFailing() || len(r.InputErrors) > 0 {
		status = "❌ failing"
	}
	fmt.Fprintf(b, "## termlint: %s\n\n", status)
	if r.HasBaseline {
		// First, since it is what a reviewer of a pull request asks: what did this change add?
		fmt.Fprintf(b, "**%d new, %d existing** failures (against the baseline) · %d fixed\n\n", r.NewFindingCount(), r.ExistingFindingCount(), len(r.Fixed))
	}
	fmt.Fprintf(b, "%s · fail-on: %s\n", mdInline(totalsLine(r)), mdInline(orDefault(r.FailOn, "error")))

	// Shares of the budget: new failures get room first (up to half), since they are what the
	// pull request brings; thousands of input errors must not push every contract out, and full
	// sections stop at half so that the one-line list still names most of the other contracts.
	m.newFindings(b, limit/2, r)
	m.diagnostics(b, b.Len()+limit/4, "Input errors (contracts not checked)", "input error", r.InputErrors)
	m.diagnostics(b, b.Len()+limit/8, "Warnings", "warning", r.Warnings)
	fullEnd := max(b.Len(), limit/2)

	collapsed := false
	i := 0
	err := r.each(func(res *engine.Result) error {
		defer func() { i++ }()
		if !collapsed {
			if b.add(contractSection(r, res), fullEnd) {
				return nil
			}
			collapsed = true
			// The heading is short and the reserve covers it, so it is never refused.
			b.WriteString("\n### Further contracts, one line each\n\n")
		}
		if !b.add(contractLine(res), limit) {
			n := r.ContractCount() - i
			fmt.Fprintf(b, "\n%s not shown: the summary is limited to %d bytes.\n", plural(n, "more contract"), limit)
			return errStop
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("writing Markdown: %w", err)
	}
	return nil
}

// diagnostics writes a list of input errors or warnings, cut off within the budget.
func (Markdown) diagnostics(b *mdBudget, end int, heading, noun string, diags []contract.Diagnostic) {
	if len(diags) == 0 {
		return
	}
	if !b.add(fmt.Sprintf("\n### %s\n\n", heading), end) {
		fmt.Fprintf(b, "\n%s not shown.\n", plural(len(diags), noun))
		return
	}
	for i, d := range diags {
		if !b.add("- **"+mdInline(location(d.File, d.Line, d.Column))+"**: "+mdInline(d.Message)+"\n", end) {
			fmt.Fprintf(b, "- %s not shown.\n", plural(len(diags)-i, "more "+noun))
			return
		}
	}
}

// newFindings lists every new failure in full, before anything else, cut off within the budget:
// the rule, where it is, what it says and the vendor's words.
func (Markdown) newFindings(b *mdBudget, end int, r *Report) {
	total := r.NewFindingCount()
	if !r.HasBaseline || total == 0 {
		return
	}
	if !b.add("\n### New failures\n\n", end) {
		fmt.Fprintf(b, "\n%s not shown.\n", plural(total, "new failure"))
		return
	}
	titles := map[string]string{}
	for _, rule := range r.Rules {
		titles[rule.ID] = rule.Title
	}
	for i, f := range r.NewFindings {
		var s strings.Builder
		fmt.Fprintf(&s, "- %s **%s**", verdictEmoji(engine.Fail), mdInline(f.Rule))
		if t := titles[f.Rule]; t != "" {
			s.WriteString(" (" + mdInline(t) + ")")
		}
		s.WriteString(" at **" + mdInline(location(f.File, f.Line, f.Column)) + "**")
		if f.Contract != f.File {
			s.WriteString(" in " + mdInline(f.Contract))
		}
		s.WriteString(": " + mdInline(f.Message) + "\n")
		writeSources(&s, f.Sources)
		if !b.add(s.String(), end) {
			fmt.Fprintf(b, "- %s not shown (the JSON report lists them under %s).\n", plural(total-i, "more new failure"), mdInline("baseline.new_findings"))
			return
		}
	}
	if r.NewFindingsOmitted > 0 {
		fmt.Fprintf(b, "- %s not listed.\n", plural(r.NewFindingsOmitted, "more new failure"))
	}
}

// writeSources writes a finding's clauses as a blockquote under its list item.
func writeSources(s *strings.Builder, srcs []contract.Source) {
	for i, src := range srcs {
		if i > 0 {
			// Without an empty quote line the two sources would merge into one paragraph.
			s.WriteString("  >\n")
		}
		fmt.Fprintf(s, "  > **art. %s**: %s\n", mdInline(src.Art), mdInline(src.Quote))
	}
}

// contractSection is one contract in full: the checklist table, then what each failing or
// uncertain rule found, with the vendor's words as a blockquote; new failures say so.
func contractSection(r *Report, res *engine.Result) string {
	var s strings.Builder
	fmt.Fprintf(&s, "\n### %s %s\n\n", contractMarker(res), mdInline(res.Contract))
	s.WriteString(mdInline((&Text{}).summary(result.CountsOf(res))) + "\n\n")
	s.WriteString("| rule | title | severity | verdict |\n| --- | --- | --- | --- |\n")
	ordered := sortedResults(res)
	for _, rr := range ordered {
		fmt.Fprintf(&s, "| %s | %s | %s | %s |\n", mdInline(rr.Rule.ID), mdInline(rr.Rule.Title), mdInline(string(rr.Rule.Severity)), verdictMarker(rr.Verdict))
	}
	first := true
	for _, rr := range ordered {
		if !result.Reported(rr.Verdict) {
			continue
		}
		if first {
			s.WriteString("\n")
			first = false
		}
		for i, f := range result.FindingsOf(rr) {
			isNew := ""
			if r.IsNewFinding(res, rr, i) {
				isNew = "new: "
			}
			at := fmt.Sprintf("line %d, column %d", f.Line, f.Column)
			if f.File != "" {
				// A document of a deal: the section is the deal's, the finding in that document.
				at = "**" + mdInline(location(f.File, f.Line, f.Column)) + "**"
			}
			fmt.Fprintf(&s, "- %s **%s** at %s: %s%s%s\n", verdictEmoji(rr.Verdict), mdInline(rr.Rule.ID), at, isNew, mdInline(verdictPrefix(rr.Verdict)+openPrefix(f)), mdInline(f.Message))
			writeSources(&s, f.Sources)
		}
		if note := waiverText(rr.Waiver); note != "" {
			fmt.Fprintf(&s, "  - %s\n", mdInline(note))
		}
	}
	return s.String()
}

func contractLine(res *engine.Result) string {
	return "- " + contractMarker(res) + " " + mdInline(res.Contract) + ": " + mdInline((&Text{}).summary(result.CountsOf(res))) + "\n"
}

func contractMarker(res *engine.Result) string {
	switch {
	case res.Count(engine.Fail) > 0 || res.Count(engine.Error) > 0:
		return verdictEmoji(engine.Fail)
	case res.Count(engine.Unknown) > 0:
		return verdictEmoji(engine.Unknown)
	}
	return verdictEmoji(engine.Pass)
}

func verdictEmoji(v engine.Verdict) string {
	switch v {
	case engine.Pass:
		return "✅"
	case engine.Fail:
		return "❌"
	case engine.Unknown:
		return "❓"
	case engine.Waived:
		return "🔕"
	case engine.NotApplicable:
		return "➖"
	case engine.Error:
		return "💥"
	}
	return "•"
}

// verdictMarker pairs the emoji with the word, since an emoji alone is lost on screen readers
// and in plain-text mail of the summary.
func verdictMarker(v engine.Verdict) string {
	return verdictEmoji(v) + " " + strings.ReplaceAll(string(v), "_", " ")
}

// mdInline escapes text for one line of GitHub Markdown (a table cell, a list item, a
// blockquote): control characters are cleaned as for a terminal, Markdown punctuation is
// backslash-escaped (so no link or image is formed, and nothing is fetched), HTML is made inert
// with entities, and line breaks become <br> so a vendor's multi-line quote cannot start a new
// block or end a table row.
func mdInline(s string) string {
	s = cleanText(s)
	var b strings.Builder
	b.Grow(len(s) + len(s)/8)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!', '$':
			// $ starts GitHub's math mode; the others are emphasis, links, code, tables and
			// headings.
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\n':
			b.WriteString("<br>")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
