package report

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/engine"
)

// junitSuites is the document's root, which the writer writes as tokens around its suites.
type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Skipped  int          `xml:"skipped,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

// parseJUnit reads JUnit output back with the writer's own types, which also proves it is
// well-formed XML.
func parseJUnit(t *testing.T, out []byte) junitSuites {
	t.Helper()
	if !bytes.HasPrefix(out, []byte(xml.Header)) {
		t.Errorf("no XML declaration")
	}
	var doc junitSuites
	if err := xml.Unmarshal(out, &doc); err != nil {
		t.Fatalf("JUnit output is not valid XML: %v\n%s", err, out)
	}
	return doc
}

// TestJUnitVerdicts maps each verdict to its element: failure for fail and error, skipped with
// the right message for unknown, not applicable and waived, nothing for pass.
func TestJUnitVerdicts(t *testing.T) {
	tests := []struct {
		verdict             engine.Verdict
		failureType         string
		skipped             string
		failures, skippedN  int
		bodyHasFileLineCol  bool
		bodyHasQuoteArticle bool
	}{
		{engine.Fail, "warning", "", 1, 0, true, true},
		{engine.Error, "warning", "", 1, 0, true, true},
		{engine.Unknown, "", "unknown: found it", 0, 1, true, true},
		{engine.NotApplicable, "", "not applicable", 0, 1, false, false},
		{engine.Waived, "", "waived: ok by legal", 0, 1, true, true},
		{engine.Pass, "", "", 0, 0, false, false},
	}
	for _, tt := range tests {
		t.Run(string(tt.verdict), func(t *testing.T) {
			r := oneResult(tt.verdict, engine.SeverityWarning)
			// At fail-on warning the warning rule's failure fails the run, so it is a <failure>;
			// TestJUnitFailOn covers the other levels.
			r.FailOn = "warning"
			doc := parseJUnit(t, render(t, JUnit{}, r))
			if len(doc.Suites) != 1 || len(doc.Suites[0].Cases) != 1 {
				t.Fatalf("want one suite with one case, got %+v", doc)
			}
			s := doc.Suites[0]
			c := s.Cases[0]
			if s.Name != "c.yaml" || c.Classname != "c.yaml" || c.Name != "group/rule" || c.File != "c.yaml" {
				t.Errorf("suite %q, case %q/%q file %q", s.Name, c.Classname, c.Name, c.File)
			}
			if s.Tests != 1 || s.Failures != tt.failures || s.Skipped != tt.skippedN || doc.Failures != tt.failures || doc.Skipped != tt.skippedN {
				t.Errorf("counts: suite tests=%d failures=%d skipped=%d, root failures=%d skipped=%d", s.Tests, s.Failures, s.Skipped, doc.Failures, doc.Skipped)
			}
			body := ""
			switch {
			case tt.failureType != "":
				if c.Failure == nil || c.Failure.Type != tt.failureType || c.Skipped != nil {
					t.Fatalf("want <failure type=%q>, got %+v", tt.failureType, c)
				}
				if !strings.HasSuffix(c.Failure.Message, "found it") {
					t.Errorf("failure message %q", c.Failure.Message)
				}
				body = c.Failure.Text
			case tt.skipped != "":
				if c.Skipped == nil || c.Skipped.Message != tt.skipped || c.Failure != nil {
					t.Fatalf("want <skipped message=%q>, got %+v", tt.skipped, c)
				}
				body = c.Skipped.Text
			default:
				if c.Failure != nil || c.Skipped != nil || c.Error != nil {
					t.Fatalf("a pass has no child element, got %+v", c)
				}
			}
			if got := strings.Contains(body, "c.yaml:2:3: found it"); got != tt.bodyHasFileLineCol {
				t.Errorf("body %q: has file:line:col message = %v", body, got)
			}
			if got := strings.Contains(body, `art. 1: "q"`); got != tt.bodyHasQuoteArticle {
				t.Errorf("body %q: has article and quote = %v", body, got)
			}
		})
	}
}

// TestJUnitSynthetic checks the suites of the synthetic report: input errors first as errors,
// then one suite per contract with its counts, and quotes surviving XML escaping intact.
func TestJUnitSynthetic(t *testing.T) {
	doc := parseJUnit(t, render(t, JUnit{}, testReport()))
	names := []string{}
	for _, s := range doc.Suites {
		names = append(names, s.Name)
	}
	if got := strings.Join(names, "|"); got != "contracts/bad, file.yaml|contracts/bad2.yaml|contracts/acme.yaml|contracts/globex.yaml#2" {
		t.Errorf("suites %q", got)
	}
	if doc.Tests != 8 || doc.Failures != 2 || doc.Errors != 2 || doc.Skipped != 3 {
		t.Errorf("root counts tests=%d failures=%d errors=%d skipped=%d", doc.Tests, doc.Failures, doc.Errors, doc.Skipped)
	}
	bad := doc.Suites[1].Cases[0]
	if bad.Name != InputErrorRuleID || bad.Error == nil || bad.Error.Text != `contracts/bad2.yaml:3:7: unknown key "x:y" in term` {
		t.Errorf("input error case %+v", bad)
	}
	acme := doc.Suites[2]
	if acme.Tests != 3 || acme.Failures != 1 || acme.Skipped != 2 {
		t.Errorf("acme counts %+v", acme)
	}
	liab := acme.Cases[1]
	if liab.Name != "liability/excluded-damage" || liab.Failure == nil {
		t.Fatalf("acme case 1 = %+v", liab)
	}
	// The synthetic report has a baseline that lacks this failure: it is new, and says so.
	if liab.Failure.Message != `new: the vendor excludes 100% of "direct" damage, lost profit: all of it (and 1 more)` || liab.Failure.Type != "error" {
		t.Errorf("failure attrs %q %q", liab.Failure.Message, liab.Failure.Type)
	}
	wantBody := "contracts/acme.yaml:12:5: new: the vendor excludes 100% of \"direct\" damage, lost profit: all of it\n" +
		"    art. 8.2: \"Vendor is not liable for:\n    indirect damage, lost profit & <data loss> | 100% of fees\"\n" +
		"contracts/acme.yaml:20:7: new: the cap is below 50% of the fees\n" +
		"    art. 8.3: \"Liability is capped at 10% of fees,\n    per year: see *annex* [B]\"\n" +
		"    art. 8.4: \"# Not a heading; `not code`\"\n" +
		"waiver expired on 2024-01-01 (was: legacy contract, approved by cfo@example.com)"
	if liab.Failure.Text != wantBody {
		t.Errorf("failure body:\n got %q\nwant %q", liab.Failure.Text, wantBody)
	}
	waived := doc.Suites[3].Cases[1]
	if waived.Skipped == nil || waived.Skipped.Message != "waived: accepted by legal: ticket #123, see <wiki>" {
		t.Errorf("waived case %+v", waived)
	}
}

// TestJUnitHostileText puts text into a quote that would break naive XML: a CDATA end, a control
// character from a YAML escape and invalid UTF-8. The output must still parse and keep the rest.
func TestJUnitHostileText(t *testing.T) {
	r := oneResult(engine.Fail, engine.SeverityError)
	r.Results[0].Rules[0].Findings[0].Sources[0].Quote = "a ]]> b \x1b[31m c \xff d"
	r.Results[0].Rules[0].Findings[0].Message = "msg with ]]> and \x00"
	doc := parseJUnit(t, render(t, JUnit{}, r))
	f := doc.Suites[0].Cases[0].Failure
	if f == nil {
		t.Fatal("no failure")
	}
	if want := "c.yaml:2:3: msg with ]]> and \uFFFD\n    art. 1: \"a ]]> b \uFFFD[31m c \uFFFD d\""; f.Text != want {
		t.Errorf("body\n got %q\nwant %q", f.Text, want)
	}
}
