package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"regexp"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
	"github.com/termlint/termlint/policies"
)

const (
	// SARIFSchema is the OASIS schema of SARIF 2.1.0 (errata 01), the one code scanning checks.
	SARIFSchema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	// SARIFVersion is the only SARIF version GitHub code scanning accepts.
	SARIFVersion = "2.1.0"
	// InformationURI is where code scanning links the tool's name.
	InformationURI = "https://github.com/termlint/termlint"
	// SARIFResultLimit is the most results per run GitHub code scanning accepts; it rejects a
	// larger upload whole (and of an accepted one shows the 5,000 most severe).
	SARIFResultLimit = 25000
	// DefaultSARIFCategory names the run in automationDetails.id when --sarif-category is not
	// given.
	DefaultSARIFCategory = "termlint"
	// RulesDocURL is the rule reference that helpUri points into, at each rule's heading.
	RulesDocURL = "https://github.com/termlint/termlint/blob/main/docs/rules.md"
)

// semverRE is the regular expression semver.org gives for a Semantic Versioning 2.0 version.
var semverRE = regexp.MustCompile(`^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)` +
	`(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?` +
	`(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$`)

// semanticVersion gives v as SARIF's semanticVersion: a Go module version (v1.2.3) loses its
// "v"; anything that is then not a Semantic Versioning 2.0 version gives "".
func semanticVersion(v string) string {
	v = strings.TrimPrefix(v, "v")
	if semverRE.MatchString(v) {
		return v
	}
	return ""
}

// SARIFWarning says, when a SARIF report of r would hold more results than code scanning
// accepts, what to do about it; otherwise it is empty. A file that is written but then refused
// at upload would leave a gate without its alerts and nobody told why.
func SARIFWarning(r *Report) string {
	n := r.SARIFResults()
	if n <= SARIFResultLimit {
		return ""
	}
	return fmt.Sprintf("the SARIF report holds %d results, and GitHub code scanning rejects an upload of more than %d: "+
		"check fewer contracts per upload (in a pull request, only the files it changes)", n, SARIFResultLimit)
}

// SARIF writes SARIF 2.1.0 for GitHub code scanning (upload-sarif): one rule per policy with its
// METADATA, one result per finding at its YAML line and column, and a fingerprint that survives
// edits that move the clause, so an alert is not closed and reopened when lines shift.
//
// Waived findings are left out. Code scanning does not read SARIF suppressions
// (github/codeql-action#1230): a suppressed result arrives as an open alert, which would make a
// waiver useless in the place reviewers look. Downgrading them to notes would still leave an open
// alert per waived finding; leaving them out closes the alert the way a fix would, and the waiver
// itself stays on record in the waivers file, the job summary and the JSON report.
type SARIF struct {
	// Category names the analysis in runs[].automationDetails.id, so that code scanning keeps
	// the alerts of separate termlint runs on one commit apart; empty is DefaultSARIFCategory.
	Category string
}

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool              sarifTool         `json:"tool"`
	AutomationDetails sarifAutomationID `json:"automationDetails"`
	Results           []sarifResult     `json:"results"`
	ColumnKind        string            `json:"columnKind"`
}

type sarifAutomationID struct {
	ID string `json:"id"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name    string `json:"name"`
	Version string `json:"version,omitempty"`
	// SemanticVersion is set only for a Semantic Versioning 2.0 version (no leading "v"), as
	// SARIF requires; a development build ("dev", a commit) has none.
	SemanticVersion string      `json:"semanticVersion,omitempty"`
	InformationURI  string      `json:"informationUri"`
	Rules           []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifHelp struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown"`
}

type sarifRule struct {
	ID                   string            `json:"id"`
	Name                 string            `json:"name"`
	ShortDescription     sarifText         `json:"shortDescription"`
	FullDescription      sarifText         `json:"fullDescription"`
	Help                 sarifHelp         `json:"help"`
	HelpURI              string            `json:"helpUri,omitempty"`
	DefaultConfiguration sarifRuleConfig   `json:"defaultConfiguration"`
	Properties           sarifRuleProperty `json:"properties"`
}

type sarifRuleConfig struct {
	Level string `json:"level"`
}

type sarifRuleProperty struct {
	Tags []string `json:"tags"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
	BaselineState       string            `json:"baselineState,omitempty"`
	Properties          map[string]string `json:"properties,omitempty"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           sarifRegion   `json:"region"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

// sarifRegion is where a result is: from the YAML node's line and column to the end of that
// line. endColumn is left out on purpose: SARIF then ends the region after the line's last
// character (SARIF 2.1.0 §3.30.8), which is exactly that, while the writer has only the node's
// start (YAML nodes carry no end) and no file to measure the line in. Results on one line keep
// distinct regions by their start column.
type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
}

// resultsIndent is where the results array puts its elements in the document.
const resultsIndent = "        "

// Write writes the document around its results, which are encoded one at a time as the report
// hands them over: a run of many contracts would otherwise hold every result twice over, as
// structs and as encoded bytes.
func (s SARIF) Write(w io.Writer, r *Report) error {
	b := sarifRules(r)
	var head bytes.Buffer
	doc := sarifLog{
		Schema:  SARIFSchema,
		Version: SARIFVersion,
		Runs: []sarifRun{{
			Tool: sarifTool{Driver: sarifDriver{
				Name:            "termlint",
				Version:         r.ToolVersion,
				SemanticVersion: semanticVersion(r.ToolVersion),
				InformationURI:  InformationURI,
				Rules:           b.rules,
			}},
			AutomationDetails: sarifAutomationID{ID: automationID(s.Category)},
			// Empty, not nil: the schema wants an array, and null fails upload.
			Results:    []sarifResult{},
			ColumnKind: "unicodeCodePoints",
		}},
	}
	if err := sarifEncoder(&head, "").Encode(doc); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	// A newline inside a JSON string is escaped, so the newline and indentation make this the
	// run's own results key; the results go between its brackets.
	marker := []byte("\n      \"results\": [")
	at := bytes.Index(head.Bytes(), marker)
	if at < 0 {
		return fmt.Errorf("writing SARIF: no results array in %q", head.Bytes())
	}
	at += len(marker)
	bw := bufio.NewWriter(w)
	_, _ = bw.Write(head.Bytes()[:at])
	var elem bytes.Buffer
	enc := sarifEncoder(&elem, resultsIndent)
	n := 0
	put := func(res sarifResult) error {
		elem.Reset()
		if err := enc.Encode(res); err != nil {
			return err
		}
		if n > 0 {
			_ = bw.WriteByte(',')
		}
		n++
		_, _ = bw.WriteString("\n" + resultsIndent)
		// A bufio.Writer keeps its first error, and Flush returns it.
		_, _ = bw.Write(bytes.TrimSuffix(elem.Bytes(), []byte("\n")))
		return nil
	}
	for _, d := range r.InputErrors {
		if err := put(diagnosticResult(InputErrorRuleID, b.index[InputErrorRuleID], "error", d)); err != nil {
			return fmt.Errorf("writing SARIF: %w", err)
		}
	}
	for _, d := range r.Warnings {
		if err := put(diagnosticResult(WarningRuleID, b.index[WarningRuleID], "warning", d)); err != nil {
			return fmt.Errorf("writing SARIF: %w", err)
		}
	}
	err := r.each(func(res *engine.Result) error {
		for _, rr := range byRuleID(res) {
			if !result.Reported(rr.Verdict) || rr.Verdict == engine.Waived {
				continue
			}
			for j, f := range result.FindingsOf(rr) {
				if err := put(findingResult(r, res, rr, b.index[rr.Rule.ID], j, f)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	if n > 0 {
		_, _ = bw.WriteString("\n      ")
	}
	_, _ = bw.Write(head.Bytes()[at:])
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing SARIF: %w", err)
	}
	return nil
}

func sarifEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	// Quotes hold < and & often enough that \u003c would make the file hard to read for nothing.
	enc.SetEscapeHTML(false)
	return enc
}

// sarifBuilder keeps the rule table, so every ruleIndex points into it.
type sarifBuilder struct {
	rules []sarifRule
	index map[string]int
}

func (b *sarifBuilder) add(id string, mk func() sarifRule) {
	if _, ok := b.index[id]; ok {
		return
	}
	b.index[id] = len(b.rules)
	b.rules = append(b.rules, mk())
}

// sarifRules is the rule table: the report's rules, the input-error and warning rules when
// there are such results, and any rule a result refers to that the report does not list.
func sarifRules(r *Report) *sarifBuilder {
	// Empty slices, not nil: the schema wants arrays, and null fails upload.
	b := &sarifBuilder{rules: []sarifRule{}, index: map[string]int{}}
	for _, rule := range r.Rules {
		b.add(rule.ID, func() sarifRule { return sarifRuleOf(rule) })
	}
	if len(r.InputErrors) > 0 {
		b.add(InputErrorRuleID, inputErrorRule)
	}
	if len(r.Warnings) > 0 {
		b.add(WarningRuleID, warningRule)
	}
	for _, rule := range r.unlistedRules() {
		b.add(rule.ID, func() sarifRule { return sarifRuleOf(rule) })
	}
	return b
}

// findingResult is the SARIF result of rr's n-th finding f.
func findingResult(r *Report, res *engine.Result, rr *engine.RuleResult, idx, n int, f engine.Finding) sarifResult {
	out := sarifResult{
		RuleID:              rr.Rule.ID,
		RuleIndex:           idx,
		Level:               sarifLevel(rr),
		Message:             sarifText{Text: verdictPrefix(rr.Verdict) + findingText(f)},
		Locations:           []sarifLocation{sarifLocationOf(f.FileOf(res), f.Line, f.Column)},
		PartialFingerprints: map[string]string{FingerprintKey: result.FindingFingerprint(res.Contract, rr.Rule.ID, f)},
	}
	if rr.Waiver != nil && rr.Waiver.Expired {
		out.Message.Text += "\n" + waiverText(rr.Waiver)
	}
	if f.Open {
		// A question a person must settle, beside the failures: a note, neither new nor old.
		out.Level = "note"
		return out
	}
	if r.HasBaseline && rr.Verdict == engine.Fail {
		out.BaselineState = "unchanged"
		if r.IsNewFinding(res, rr, n) {
			out.BaselineState = "new"
		}
	}
	// A file with several documents yields contracts "file#2"; the location alone cannot tell
	// them apart.
	if res.Contract != res.File {
		out.Properties = map[string]string{"contract": res.Contract}
	}
	return out
}

func diagnosticResult(ruleID string, idx int, level string, d contract.Diagnostic) sarifResult {
	return sarifResult{
		RuleID:    ruleID,
		RuleIndex: idx,
		Level:     level,
		Message:   sarifText{Text: d.Message},
		Locations: []sarifLocation{sarifLocationOf(d.File, d.Line, d.Column)},
		PartialFingerprints: map[string]string{
			FingerprintKey: result.FindingFingerprint(d.File, ruleID, engine.Finding{Message: d.Message}),
		},
	}
}

func sarifLocationOf(file string, line, col int) sarifLocation {
	return sarifLocation{PhysicalLocation: sarifPhysical{
		ArtifactLocation: sarifArtifact{URI: fileURI(file)},
		Region:           sarifRegion{StartLine: position(line), StartColumn: position(col), EndLine: position(line)},
	}}
}

// fileURI makes a relative URI reference of a path: a space or # in a file name would otherwise
// make the URI invalid or cut it short.
func fileURI(p string) string {
	return (&url.URL{Path: slashPath(p)}).String()
}

// sarifLevel maps a verdict to a SARIF level: unknown is a note because nothing was shown to be
// wrong, and a rule that could not be evaluated is an error since nothing was checked.
func sarifLevel(rr *engine.RuleResult) string {
	switch rr.Verdict {
	case engine.Unknown:
		return "note"
	case engine.Error:
		return "error"
	}
	return severityLevel(rr.Rule.Severity)
}

func severityLevel(s engine.Severity) string {
	switch s {
	case engine.SeverityError:
		return "error"
	case engine.SeverityWarning:
		return "warning"
	}
	return "note"
}

func sarifRuleOf(rule *engine.Rule) sarifRule {
	full := rule.Description
	if full == "" {
		full = rule.Title
	}
	tags := []string{"termlint"}
	if g := ruleGroup(rule.ID); g != "" {
		tags = append(tags, g)
	}
	out := sarifRule{
		ID:                   rule.ID,
		Name:                 ruleName(rule.ID),
		ShortDescription:     sarifText{Text: rule.Title},
		FullDescription:      sarifText{Text: full},
		Help:                 ruleHelp(rule),
		DefaultConfiguration: sarifRuleConfig{Level: severityLevel(rule.Severity)},
		Properties:           sarifRuleProperty{Tags: tags},
	}
	if defaultRule(rule) {
		out.HelpURI = RulesDocURL + "#" + anchor(rule.ID)
		return out
	}
	for _, ref := range rule.References {
		if u, err := url.Parse(ref); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
			out.HelpURI = ref
			break
		}
	}
	return out
}

// defaultRule says whether rule is one of the embedded default playbook, which docs/rules.md
// documents: its policy file is named as in termlint's repository, is one of the embedded files,
// and holds the rule its name gives (rules/gdpr/sub_processors.rego is gdpr/sub-processors). A
// policy directory of the user's own called "policies" can name a file alike; with another rule
// in it, the name check keeps a link to a section that does not exist out.
func defaultRule(rule *engine.Rule) bool {
	name, ok := strings.CutPrefix(rule.File, "policies/")
	if !ok {
		return false
	}
	id, ok := strings.CutPrefix(name, "rules/")
	if !ok || strings.ReplaceAll(strings.TrimSuffix(id, ".rego"), "_", "-") != rule.ID {
		return false
	}
	_, err := fs.Stat(policies.FS(), name)
	return err == nil
}

// automationID is the run's automationDetails.id: the category and a slash, the form in which
// code scanning takes everything before the last slash as the analysis category and, with no
// run id after it, keeps one set of alerts per category and branch.
func automationID(category string) string {
	category = strings.Trim(category, "/ ")
	if category == "" {
		category = DefaultSARIFCategory
	}
	return category + "/"
}

// ruleHelp is what code scanning shows under "Show more" on an alert: the why, the sources and
// how to fix it, all from the policy's METADATA.
func ruleHelp(rule *engine.Rule) sarifHelp {
	var text, md strings.Builder
	desc := rule.Description
	if desc == "" {
		desc = rule.Title
	}
	text.WriteString(desc)
	md.WriteString(desc)
	if len(rule.References) > 0 {
		text.WriteString("\n\nReferences:")
		md.WriteString("\n\n**References**\n")
		for _, ref := range rule.References {
			text.WriteString("\n- " + ref)
			md.WriteString("\n- " + ref)
		}
	}
	if rule.Remediation != "" {
		text.WriteString("\n\nRemediation: " + rule.Remediation)
		md.WriteString("\n\n**Remediation**\n\n" + rule.Remediation)
	}
	return sarifHelp{Text: text.String(), Markdown: md.String()}
}

// ruleName turns liability/excluded-damage into LiabilityExcludedDamage: SARIF wants a
// readable identifier there, distinct from the opaque id.
func ruleName(id string) string {
	var b strings.Builder
	upper := true
	for _, c := range id {
		switch {
		case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			if upper && c >= 'a' && c <= 'z' {
				c -= 'a' - 'A'
			}
			b.WriteRune(c)
			upper = false
		default:
			upper = true
		}
	}
	if b.Len() == 0 {
		return id
	}
	return b.String()
}

func inputErrorRule() sarifRule {
	return sarifRule{
		ID:               InputErrorRuleID,
		Name:             "InputError",
		ShortDescription: sarifText{Text: "Contract could not be checked"},
		FullDescription: sarifText{Text: "The file is not a valid contract (YAML syntax, the contract model, " +
			"or a quote missing from its source text), so no rule was evaluated for it."},
		Help: sarifHelp{
			Text:     "Fix the problem at the reported position; `termlint validate FILE` lists every problem in the file.",
			Markdown: "Fix the problem at the reported position; `termlint validate FILE` lists every problem in the file.",
		},
		DefaultConfiguration: sarifRuleConfig{Level: "error"},
		Properties:           sarifRuleProperty{Tags: []string{"termlint"}},
	}
}

func warningRule() sarifRule {
	return sarifRule{
		ID:                   WarningRuleID,
		Name:                 "Warning",
		ShortDescription:     sarifText{Text: "Problem that does not stop the run"},
		FullDescription:      sarifText{Text: "A problem termlint noticed that does not affect any verdict, such as a waiver that matched nothing."},
		Help:                 sarifHelp{Text: "Remove or correct the entry at the reported position.", Markdown: "Remove or correct the entry at the reported position."},
		DefaultConfiguration: sarifRuleConfig{Level: "warning"},
		Properties:           sarifRuleProperty{Tags: []string{"termlint"}},
	}
}
