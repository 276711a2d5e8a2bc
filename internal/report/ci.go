package report

import (
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// Helpers shared by the CI formats (SARIF, GitHub, Markdown, JUnit).

const (
	// InputErrorRuleID names the synthetic rule under which CI formats report contracts that
	// could not be checked, so they appear next to rule findings instead of being dropped.
	InputErrorRuleID = "termlint/input-error"
	// WarningRuleID names the synthetic rule for problems that do not stop a run (an unused
	// waiver).
	WarningRuleID = "termlint/warning"
	// FingerprintKey is our key in SARIF partialFingerprints; the version lets the recipe change
	// without colliding with fingerprints already stored by code scanning. v2 (FindingFingerprint,
	// shared with the baseline) replaced v1's contract, rule, message and YAML path: v1 kept an
	// alert when the quoted clause was reworded, and split it when an entry was inserted above
	// it in a list.
	FingerprintKey = "termlint/v2"
)

// slashPath gives a file path as CI systems want it: relative paths stay relative, separators are
// forward slashes, and a leading "./" goes because GitHub matches paths against the repository
// literally.
func slashPath(p string) string {
	p = filepath.ToSlash(p)
	for strings.HasPrefix(p, "./") {
		p = p[2:]
	}
	return p
}

// byRuleID returns a contract's rule results in rule id order: the engine already produces them so,
// but the CI formats promise byte-identical output and should not depend on it.
func byRuleID(res *engine.Result) []*engine.RuleResult {
	out := make([]*engine.RuleResult, len(res.Rules))
	for i := range res.Rules {
		out[i] = &res.Rules[i]
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Rule.ID < out[j].Rule.ID })
	return out
}

// findingText is a finding's message followed by the vendor's words, one source a line, so the
// reader sees the clause without opening the contract.
func findingText(f engine.Finding) string {
	var b strings.Builder
	b.WriteString(openPrefix(f))
	b.WriteString(f.Message)
	for _, s := range f.Sources {
		b.WriteString("\n")
		b.WriteString(sourceText(s))
	}
	return b.String()
}

func sourceText(s contract.Source) string {
	return "art. " + s.Art + `: "` + s.Quote + `"`
}

// verdictPrefix marks findings that are not plain failures, since CI formats show them at the
// same place as failures.
// openPrefix marks an open question of a failing rule, in the formats that give each finding a
// line of its own.
func openPrefix(f engine.Finding) string {
	if f.Open {
		return "open question: "
	}
	return ""
}

func verdictPrefix(v engine.Verdict) string {
	switch v {
	case engine.Unknown:
		return "unknown: "
	case engine.Waived:
		return "waived: "
	case engine.Error:
		return "rule error: "
	}
	return ""
}

// waiverText explains the waiver that touched a result, or is empty.
func waiverText(w *engine.WaiverNote) string {
	if w == nil {
		return ""
	}
	if w.Expired {
		return "waiver expired on " + w.Expires + " (was: " + w.Reason + ", approved by " + w.ApprovedBy + ")"
	}
	return "waived until " + w.Expires + ": " + w.Reason + " (approved by " + w.ApprovedBy + ")"
}

// ruleGroup is the part of a rule id before the first slash (liability, gdpr): the playbook's
// chapters, which code scanning can filter on as tags.
func ruleGroup(id string) string {
	if i := strings.IndexByte(id, '/'); i > 0 {
		return id[:i]
	}
	return ""
}

// position clamps a line or column to 1: a diagnostic about a whole file carries 0, and SARIF
// and annotations count from 1.
func position(n int) int {
	if n < 1 {
		return 1
	}
	return n
}

// totalsLine is the closing summary the text format also prints, without colour.
func totalsLine(r *Report) string {
	s := (&Text{}).summary(r.Totals())
	line := plural(r.ContractCount(), "contract") + ", " + plural(len(r.Rules), "rule") + ": " + s
	if n := len(r.InputErrors); n > 0 {
		line += "; " + plural(n, "input error") + " (not checked)"
	}
	return line
}

func plural(n int, noun string) string {
	s := strconv.Itoa(n) + " " + noun
	if n != 1 {
		s += "s"
	}
	return s
}
