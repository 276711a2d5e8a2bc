package report

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// JUnit writes JUnit XML, which most CI systems (GitLab, Jenkins, Azure DevOps) turn into a test
// report: a suite per contract and a test case per rule, so a contract reads as a checklist.
//
// A test case is a <failure> exactly when its result fails the run (Report.Failing): at the
// fail-on level and, with a baseline, new. CI systems fail a job or a merge request on any
// <failure>, so a report that counted more failures than the exit code would block what the gate
// lets through. A failed rule below fail-on, or already in the baseline, is <skipped> with a
// message saying why, not passed: skipped stays visible in every report viewer's counts and
// keeps the finding and quote in its body, while a pass would claim the contract meets the rule,
// and a note in system-out is hidden by most viewers.
type JUnit struct{}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Classname string        `xml:"classname,attr"`
	Name      string        `xml:"name,attr"`
	File      string        `xml:"file,attr,omitempty"`
	Failure   *junitProblem `xml:"failure,omitempty"`
	Error     *junitProblem `xml:"error,omitempty"`
	Skipped   *junitSkipped `xml:"skipped,omitempty"`
}

// Bodies are CDATA: as character data encoding/xml would write every newline as &#xA;, and the
// findings would read as one long line in report viewers.
type junitProblem struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",cdata"`
}

type junitSkipped struct {
	Message string `xml:"message,attr"`
	Text    string `xml:",cdata"`
}

// Write writes the document a suite at a time, as the report hands the results over; the totals
// on the root element come from the report's counts, so no suite is kept.
func (j JUnit) Write(w io.Writer, r *Report) error {
	if err := j.write(w, r); err != nil {
		return fmt.Errorf("writing JUnit: %w", err)
	}
	return nil
}

func (JUnit) write(w io.Writer, r *Report) error {
	bw := bufio.NewWriter(w)
	_, _ = bw.WriteString(xml.Header)
	enc := xml.NewEncoder(bw)
	enc.Indent("", "  ")
	// Input errors come first as suites of their own: a contract that could not be checked
	// must not vanish from a report that would otherwise look green.
	inputErrors := byFile(r.InputErrors)
	t := r.Totals()
	failing := r.tallied().FailingResults
	root := xml.StartElement{Name: xml.Name{Local: "testsuites"}, Attr: []xml.Attr{
		{Name: xml.Name{Local: "name"}, Value: "termlint"},
		{Name: xml.Name{Local: "tests"}, Value: strconv.Itoa(len(inputErrors) + r.ruleResults())},
		{Name: xml.Name{Local: "failures"}, Value: strconv.Itoa(failing)},
		{Name: xml.Name{Local: "errors"}, Value: strconv.Itoa(len(inputErrors))},
		{Name: xml.Name{Local: "skipped"}, Value: strconv.Itoa(t.Unknown + t.NotApplicable + t.Waived + t.Failed + t.Errors - failing)},
	}}
	if err := enc.EncodeToken(root); err != nil {
		return err
	}
	suite := xml.StartElement{Name: xml.Name{Local: "testsuite"}}
	for _, group := range inputErrors {
		if err := enc.EncodeElement(inputErrorSuite(group), suite); err != nil {
			return err
		}
	}
	err := r.each(func(res *engine.Result) error {
		return enc.EncodeElement(resultSuite(r, res), suite)
	})
	if err != nil {
		return err
	}
	if err := enc.EncodeToken(root.End()); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, _ = bw.WriteString("\n")
	return bw.Flush()
}

func inputErrorSuite(group []contract.Diagnostic) junitSuite {
	file := slashPath(group[0].File)
	var text []string
	for _, d := range group {
		text = append(text, diagLocation(d)+": "+d.Message)
	}
	return junitSuite{Name: group[0].File, Tests: 1, Errors: 1, Cases: []junitCase{{
		Classname: group[0].File,
		Name:      InputErrorRuleID,
		File:      file,
		Error:     &junitProblem{Message: group[0].Message, Type: "input-error", Text: xmlText(strings.Join(text, "\n"))},
	}}}
}

// resultSuite is a contract's suite, a test case per rule. Its counts add up to the root
// element's attributes.
func resultSuite(r *Report, res *engine.Result) junitSuite {
	s := junitSuite{Name: res.Contract}
	for _, rr := range byRuleID(res) {
		c := junitCaseOf(r, res, rr)
		s.Cases = append(s.Cases, c)
		s.Tests++
		switch {
		case c.Failure != nil:
			s.Failures++
		case c.Skipped != nil:
			s.Skipped++
		}
	}
	return s
}

func junitCaseOf(r *Report, res *engine.Result, rr *engine.RuleResult) junitCase {
	c := junitCase{Classname: res.Contract, Name: rr.Rule.ID, File: slashPath(res.File)}
	switch rr.Verdict {
	case engine.Fail, engine.Error:
		if !r.Failing(res, rr) {
			c.Skipped = &junitSkipped{Message: notFailingWhy(r, res, rr) + firstMessage(rr), Text: junitFindings(r, res, rr)}
			break
		}
		prefix, msg := verdictPrefix(rr.Verdict), firstMessage(rr)
		if r.HasBaseline && rr.Verdict == engine.Fail {
			// The headline is what is new: an old finding first in the list would tell the reader
			// of a CI summary that nothing changed.
			prefix, msg = "new: ", firstNewMessage(r, res, rr)
		}
		c.Failure = &junitProblem{
			Message: prefix + msg,
			Type:    string(rr.Rule.Severity),
			Text:    junitFindings(r, res, rr),
		}
	case engine.Unknown:
		c.Skipped = &junitSkipped{Message: "unknown: " + firstMessage(rr), Text: junitFindings(r, res, rr)}
	case engine.NotApplicable:
		c.Skipped = &junitSkipped{Message: "not applicable"}
	case engine.Waived:
		reason := ""
		if rr.Waiver != nil {
			reason = rr.Waiver.Reason
		}
		c.Skipped = &junitSkipped{Message: "waived: " + reason, Text: junitFindings(r, res, rr)}
	}
	return c
}

// notFailingWhy says why a failed (or errored) rule does not fail the run: it was in the
// baseline, or it is below the fail-on level.
func notFailingWhy(r *Report, res *engine.Result, rr *engine.RuleResult) string {
	if r.InBaseline(res, rr) {
		return "existing (in the baseline): "
	}
	failOn := orDefault(r.FailOn, "error")
	if failOn == "never" {
		return verdictPrefix(rr.Verdict) + "not failing (fail-on never): "
	}
	return verdictPrefix(rr.Verdict) + string(rr.Rule.Severity) + " below fail-on " + failOn + ": "
}

// firstMessage sums up a result in one attribute, which test report viewers show as the headline.
// firstNewMessage is firstMessage led by the first new finding.
func firstNewMessage(r *Report, res *engine.Result, rr *engine.RuleResult) string {
	for i, f := range rr.Findings {
		if r.IsNewFinding(res, rr, i) {
			msg := f.Message
			if n := len(rr.Findings) - 1; n > 0 {
				msg += fmt.Sprintf(" (and %d more)", n)
			}
			return msg
		}
	}
	return firstMessage(rr)
}

func firstMessage(rr *engine.RuleResult) string {
	if len(rr.Findings) == 0 {
		return rr.Rule.Title
	}
	msg := rr.Findings[0].Message
	if n := len(rr.Findings) - 1; n > 0 {
		msg += fmt.Sprintf(" (and %d more)", n)
	}
	return msg
}

// junitFindings is the element body: every finding at file:line:col, the form CI log viewers
// link, with the vendor's words indented beneath.
func junitFindings(r *Report, res *engine.Result, rr *engine.RuleResult) string {
	var b strings.Builder
	for i, f := range rr.Findings {
		if i > 0 {
			b.WriteString("\n")
		}
		isNew := ""
		if r.IsNewFinding(res, rr, i) {
			isNew = "new: "
		}
		fmt.Fprintf(&b, "%s:%d:%d: %s%s%s", slashPath(f.FileOf(res)), f.Line, f.Column, isNew, openPrefix(f), f.Message)
		for _, s := range f.Sources {
			b.WriteString("\n    " + strings.ReplaceAll(sourceText(s), "\n", "\n    "))
		}
	}
	if note := waiverText(rr.Waiver); note != "" {
		if b.Len() > 0 {
			b.WriteString("\n")
		}
		b.WriteString(note)
	}
	return xmlText(b.String())
}

// xmlText makes text safe for CDATA, which encoding/xml writes unchecked: characters XML 1.0
// forbids (a control character in a YAML escape, invalid UTF-8) become U+FFFD, and line endings
// become \n, as an XML reader would normalise them anyway.
func xmlText(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n':
			return r
		case r == utf8.RuneError, r < 0x20, r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
			return '\uFFFD'
		}
		return r
	}, s)
}

func diagLocation(d contract.Diagnostic) string {
	if d.Line == 0 {
		return slashPath(d.File)
	}
	return slashPath(d.File) + ":" + strconv.Itoa(d.Line) + ":" + strconv.Itoa(d.Column)
}

// byFile groups diagnostics by file, keeping their order (they arrive sorted by file).
func byFile(diags []contract.Diagnostic) [][]contract.Diagnostic {
	var out [][]contract.Diagnostic
	index := map[string]int{}
	for _, d := range diags {
		i, ok := index[d.File]
		if !ok {
			i = len(out)
			index[d.File] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], d)
	}
	return out
}
