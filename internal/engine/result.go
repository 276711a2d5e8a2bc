package engine

import (
	"strings"

	"github.com/termlint/termlint/internal/contract"
)

// Verdict is a rule's answer for one contract.
type Verdict string

// The verdicts, in the order reports list them.
const (
	Fail          Verdict = "fail"
	Unknown       Verdict = "unknown"
	Pass          Verdict = "pass"
	NotApplicable Verdict = "not_applicable"
	// Waived is a failure that an active waiver accepts.
	Waived Verdict = "waived"
	// Error means the rule could not be evaluated for this contract (a runtime error or the time
	// limit); it counts as a failure, since nothing was checked.
	Error Verdict = "error"
)

// Severity orders how much a failure matters.
type Severity string

// Severities, most severe first.
const (
	SeverityError   Severity = "error"
	SeverityWarning Severity = "warning"
	SeverityInfo    Severity = "info"
)

// Rank is 0 for the most severe; reports sort by it.
func (s Severity) Rank() int {
	switch s {
	case SeverityError:
		return 0
	case SeverityWarning:
		return 1
	}
	return 2
}

// Rule is a policy package's identity and documentation, from its METADATA.
type Rule struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description,omitempty"`
	Severity    Severity `json:"severity"`
	References  []string `json:"references,omitempty"`
	Remediation string   `json:"remediation,omitempty"`
	// Package is the Rego package path (data.termlint.rules....).
	Package string `json:"package"`
	// File is the policy file holding the METADATA.
	File string `json:"file"`
}

// RuleParams finds a rule's thresholds in the params tree: rule id "liability/excluded-damage"
// reads params.liability.excluded_damage. It is the engine's, which names the params after the
// rules; report only lists them.
func RuleParams(params map[string]any, id string) map[string]any {
	var v any = params
	for _, part := range strings.Split(id, "/") {
		m, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = m[strings.ReplaceAll(part, "-", "_")]
	}
	m, _ := v.(map[string]any)
	return m
}

// Finding is one reason for a verdict, at a place in the contract.
type Finding struct {
	Message string `json:"message"`
	Path    []any  `json:"path"`
	// File is set when the finding lies in another file than its result's: a document of a
	// deal, whose result is named after the deal file.
	File    string            `json:"file,omitempty"`
	Line    int               `json:"line"`
	Column  int               `json:"column"`
	Sources []contract.Source `json:"sources,omitempty"`
	// SourcesOmitted counts the passages of a set of facts left out of Sources by its bound
	// (contract.MaxSources), so a report can say that more clauses bear on the finding.
	SourcesOmitted int `json:"sources_omitted,omitempty"`
	// Waived marks a finding that a waiver narrowed to its article or path accepts, while
	// other findings keep the rule failing.
	Waived bool `json:"waived,omitempty"`
	// Open marks an open question of a failing rule: something a person must settle, which
	// does not decide the verdict. Open questions follow the failures.
	Open bool `json:"open,omitempty"`
}

// FileOf is the file a finding of res lies in.
func (f *Finding) FileOf(res *Result) string {
	if f.File != "" {
		return f.File
	}
	return res.File
}

// RuleResult is one rule's verdict on one contract.
type RuleResult struct {
	Rule     *Rule     `json:"-"`
	Verdict  Verdict   `json:"verdict"`
	Findings []Finding `json:"findings,omitempty"`
	// Waiver explains a waived verdict, or an expired waiver that no longer applies.
	Waiver *WaiverNote `json:"waiver,omitempty"`
}

// WaiverNote records the waiver that touched a result.
type WaiverNote struct {
	Reason     string `json:"reason"`
	ApprovedBy string `json:"approved_by"`
	Expires    string `json:"expires"`
	Expired    bool   `json:"expired,omitempty"`
}

// Result is every rule's verdict on one contract.
type Result struct {
	// Contract names the contract (file, and #n for one of several documents in a file).
	Contract string       `json:"contract"`
	File     string       `json:"file"`
	Rules    []RuleResult `json:"rules"`
}

// Count returns how many rules reached verdict v.
func (r *Result) Count(v Verdict) int {
	n := 0
	for _, rr := range r.Rules {
		if rr.Verdict == v {
			n++
		}
	}
	return n
}
