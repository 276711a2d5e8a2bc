package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// JSON is the machine-readable format: every rule's verdict on every contract, not only
// failures, so a run can serve as a baseline or a checklist.
type JSON struct{}

// JSONReport is the document JSON writes (and baselines are read as).
type JSONReport struct {
	Version     string                `json:"version"`
	Tool        JSONTool              `json:"tool"`
	FailOn      string                `json:"fail_on"`
	Failing     bool                  `json:"failing"`
	Summary     JSONSummary           `json:"summary"`
	Rules       []*engine.Rule        `json:"rules"`
	Contracts   []JSONContract        `json:"contracts"`
	InputErrors []contract.Diagnostic `json:"input_errors"`
	Warnings    []contract.Diagnostic `json:"warnings"`
	Baseline    *JSONBaseline         `json:"baseline,omitempty"`
}

// JSONTool names the producer.
type JSONTool struct {
	Name    string `json:"name"`
	Version string `json:"version"`
}

// JSONSummary totals a run.
type JSONSummary struct {
	Contracts   int `json:"contracts"`
	InputErrors int `json:"input_errors"`
	// SkippedFiles is Report.Skipped; left out when none, so that most runs' output is unchanged.
	SkippedFiles int `json:"skipped_files,omitempty"`
	result.Counts
}

// JSONContract is one contract's verdicts.
type JSONContract struct {
	Contract string        `json:"contract"`
	File     string        `json:"file"`
	Summary  result.Counts `json:"summary"`
	Results  []JSONResult  `json:"results"`
}

// JSONResult is one rule's verdict.
type JSONResult struct {
	Rule     string             `json:"rule"`
	Severity engine.Severity    `json:"severity"`
	Verdict  engine.Verdict     `json:"verdict"`
	Failing  bool               `json:"failing"`
	Findings []JSONFinding      `json:"findings"`
	Waiver   *engine.WaiverNote `json:"waiver,omitempty"`
}

// JSONFinding is a finding with its fingerprint.
type JSONFinding struct {
	engine.Finding
	// Fingerprint is FindingFingerprint: what the baseline and code scanning match the finding
	// on. A baseline reader computes it again rather than trusting it.
	Fingerprint string `json:"fingerprint"`
}

// JSONBaseline reports the comparison with a baseline.
type JSONBaseline struct {
	// New counts the failing rule results with at least one new finding.
	New int `json:"new"`
	// NewFindings lists the new findings (at most maxNewFindings; NewFindingsOmitted counts the
	// rest).
	NewFindings        []result.NewFinding    `json:"new_findings"`
	NewFindingsOmitted int                    `json:"new_findings_omitted"`
	Fixed              []result.BaselineEntry `json:"fixed"`
}

// Build assembles the JSON document; it is exported for the baseline reader's tests.
func (JSON) Build(r *Report) JSONReport {
	out := JSONReport{
		Version:     result.CheckVersion,
		Tool:        JSONTool{Name: "termlint", Version: r.ToolVersion},
		FailOn:      r.FailOn,
		Failing:     r.ExitFailing(),
		Summary:     JSONSummary{Contracts: r.ContractCount(), InputErrors: len(r.InputErrors), SkippedFiles: r.Skipped, Counts: r.Totals()},
		Rules:       r.Rules,
		Contracts:   make([]JSONContract, 0, len(r.Results)),
		InputErrors: nonNil(r.InputErrors),
		Warnings:    nonNil(r.Warnings),
	}
	for _, res := range r.Results {
		out.Contracts = append(out.Contracts, jsonContract(r, res))
	}
	if r.HasBaseline {
		out.Baseline = &JSONBaseline{New: len(r.New), NewFindings: r.NewFindings, NewFindingsOmitted: r.NewFindingsOmitted, Fixed: r.Fixed}
		if out.Baseline.NewFindings == nil {
			out.Baseline.NewFindings = []result.NewFinding{}
		}
		if out.Baseline.Fixed == nil {
			out.Baseline.Fixed = []result.BaselineEntry{}
		}
	}
	return out
}

func jsonContract(r *Report, res *engine.Result) JSONContract {
	jc := JSONContract{Contract: res.Contract, File: res.File, Summary: result.CountsOf(res), Results: make([]JSONResult, 0, len(res.Rules))}
	for i := range res.Rules {
		rr := &res.Rules[i]
		f := make([]JSONFinding, len(rr.Findings))
		for j, finding := range rr.Findings {
			f[j] = JSONFinding{Finding: finding, Fingerprint: result.FindingFingerprint(res.Contract, rr.Rule.ID, finding)}
		}
		jc.Results = append(jc.Results, JSONResult{Rule: rr.Rule.ID, Severity: rr.Rule.Severity, Verdict: rr.Verdict, Failing: r.Failing(res, rr), Findings: f, Waiver: rr.Waiver})
	}
	return jc
}

func (j JSON) Write(w io.Writer, r *Report) error {
	return jsonEncoder(w, "").Encode(j.Build(r))
}

func jsonEncoder(w io.Writer, prefix string) *json.Encoder {
	enc := json.NewEncoder(commandSafe{w})
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc
}

// commandSafe keeps JSON printed to an Actions log from holding the runner's older command form
// "##[name]...", which it reads anywhere in a line: contract text could otherwise add
// annotations. "##[" can only occur inside a string, where \u005b is "[" to every JSON reader.
// json.Encoder writes each value in one call, so the pattern never spans two writes.
type commandSafe struct{ w io.Writer }

func (c commandSafe) Write(p []byte) (int, error) {
	if !bytes.Contains(p, []byte("##[")) {
		return c.w.Write(p)
	}
	if _, err := c.w.Write(bytes.ReplaceAll(p, []byte("##["), []byte(`##\u005b`))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// contractsIndent is where the contracts array puts its elements in the document.
const contractsIndent = "    "

// Section writes one contract's element of the contracts array, indented to its place in the
// document, for a Stream.
func (JSON) Section(w io.Writer, r *Report, res *engine.Result) error {
	var buf bytes.Buffer
	if err := jsonEncoder(&buf, contractsIndent).Encode(jsonContract(r, res)); err != nil {
		return err
	}
	_, err := w.Write(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
	return err
}

// Assemble writes the document around sections written by Section, as Write would: the document
// without its contracts, split where they go. head and tail are JSONReport's fields before and
// after the contracts; TestStreamMatchesWrite fails should they drift apart.
func (j JSON) Assemble(w io.Writer, r *Report, sections Sections) error {
	doc := j.Build(r)
	type head struct {
		Version string         `json:"version"`
		Tool    JSONTool       `json:"tool"`
		FailOn  string         `json:"fail_on"`
		Failing bool           `json:"failing"`
		Summary JSONSummary    `json:"summary"`
		Rules   []*engine.Rule `json:"rules"`
	}
	type tail struct {
		InputErrors []contract.Diagnostic `json:"input_errors"`
		Warnings    []contract.Diagnostic `json:"warnings"`
		Baseline    *JSONBaseline         `json:"baseline,omitempty"`
	}
	var h, t bytes.Buffer
	if err := jsonEncoder(&h, "").Encode(head{doc.Version, doc.Tool, doc.FailOn, doc.Failing, doc.Summary, doc.Rules}); err != nil {
		return err
	}
	if err := jsonEncoder(&t, "").Encode(tail{doc.InputErrors, doc.Warnings, doc.Baseline}); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	// A bufio.Writer keeps its first error, and Flush returns it.
	put := func(b []byte) { _, _ = bw.Write(b) }
	// h ends in "\n}\n" and t starts with "{": each is an object's fields, at the document's
	// indentation.
	put(bytes.TrimSuffix(h.Bytes(), []byte("\n}\n")))
	put([]byte(",\n  \"contracts\": ["))
	n := 0
	err := sections(func(i int, section io.Reader) error {
		if i > 0 {
			put([]byte(","))
		}
		put([]byte("\n" + contractsIndent))
		n++
		_, err := bw.ReadFrom(section)
		return err
	})
	if err != nil {
		return err
	}
	if n > 0 {
		put([]byte("\n  "))
	}
	put([]byte("],"))
	put(bytes.TrimPrefix(t.Bytes(), []byte("{")))
	return bw.Flush()
}

func nonNil(d []contract.Diagnostic) []contract.Diagnostic {
	if d == nil {
		return []contract.Diagnostic{}
	}
	return d
}
