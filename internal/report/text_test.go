package report

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// groupedReport has what the default text layout rearranges: a failing rule whose open question
// the engine listed first, passages that several findings and rules quote, a finding in another
// file of a deal, an unknown rule, and rules that passed or did not apply.
func groupedReport() *Report {
	x := contract.Source{Art: "1.1", Quote: "cap at fees"}
	y := contract.Source{Art: "1.2", Quote: "and no more"}
	z := contract.Source{Art: "1.1", Quote: "other sentence of 1.1"}
	cap := &engine.Rule{ID: "liability/cap", Title: "A cap", Severity: engine.SeverityError}
	carve := &engine.Rule{ID: "liability/carve-out", Title: "Carve-outs", Severity: engine.SeverityWarning}
	role := &engine.Rule{ID: "gdpr/role", Title: "Role", Severity: engine.SeverityError}
	pass := &engine.Rule{ID: "x/pass", Title: "Passes", Severity: engine.SeverityInfo}
	na := &engine.Rule{ID: "x/na", Title: "Does not apply", Severity: engine.SeverityInfo}
	res := &engine.Result{Contract: "c.yaml", File: "c.yaml", Rules: []engine.RuleResult{
		{Rule: role, Verdict: engine.Unknown, Findings: []engine.Finding{{Message: "role not stated", Line: 2, Column: 1}}},
		{Rule: pass, Verdict: engine.Pass},
		{Rule: carve, Verdict: engine.Fail, Findings: []engine.Finding{
			{Message: "not lifted", File: "dpa.yaml", Line: 6, Column: 3, Sources: []contract.Source{x, z}},
		}},
		{Rule: cap, Verdict: engine.Fail, Findings: []engine.Finding{
			{Message: "whether the cap binds is unclear", Line: 5, Column: 3, Sources: []contract.Source{x}, Open: true},
			{Message: "the cap is low", Line: 3, Column: 3, Sources: []contract.Source{x, y}},
			{Message: "the cap leaves out fees", Line: 4, Column: 3, Sources: []contract.Source{y, x}},
		}},
		{Rule: na, Verdict: engine.NotApplicable},
	}}
	return &Report{
		Rules:   []*engine.Rule{cap, carve, role, pass, na},
		Results: []*engine.Result{res},
		Summary: result.Summary{FailOn: "error"},
	}
}

// TestTextGrouped pins the default layout. The expected text is written from the report above:
// failures before the unknown rule, errors before warnings; the open question after its rule's
// failures; a finding quotes in full the first passage not quoted before and names its others by
// article ("also"), a passage quoted before is named "quoted above".
func TestTextGrouped(t *testing.T) {
	const body = `c.yaml
  failed           2 rules: 1 error, 1 warning
  open questions   1 rule unknown, 1 in failed rules
  passed           1 rule
  not applicable   1 rule

  error liability/cap: A cap
    c.yaml:3:3 the cap is low (also art. 1.2)
        art. 1.1: "cap at fees"
    c.yaml:4:3 the cap leaves out fees (art. 1.1 quoted above)
        art. 1.2: "and no more"
    c.yaml:5:3 open question: whether the cap binds is unclear (art. 1.1 quoted above)

  warning liability/carve-out: Carve-outs
    dpa.yaml:6:3 not lifted (art. 1.1 quoted above)
        art. 1.1: "other sentence of 1.1"

  unknown gdpr/role: Role
    c.yaml:2:1 role not stated
`
	const passed = `
  pass x/pass: Passes
  not applicable x/na: Does not apply
`
	const tail = "\n1 contract(s), 5 rule(s): 2 failed, 1 unknown, 1 passed, 1 not applicable\n"
	tests := []struct {
		name string
		text Text
		want string
	}{
		{"default", Text{}, body + tail},
		{"show passed", Text{ShowPassed: true}, body + passed + tail},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(render(t, &tt.text, groupedReport())); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// TestTextVerboseRepeats checks that --verbose keeps the full listing: every finding with every
// passage it quotes, where the default shows the passage once.
func TestTextVerboseRepeats(t *testing.T) {
	const full = `art. 1.1: "cap at fees"`
	for _, tt := range []struct {
		verbose bool
		want    int
	}{{false, 1}, {true, 4}} {
		out := string(render(t, &Text{Verbose: tt.verbose}, groupedReport()))
		if n := strings.Count(out, full); n != tt.want {
			t.Errorf("verbose %v: %q shown %d times, want %d:\n%s", tt.verbose, full, n, tt.want, out)
		}
		if !tt.verbose && strings.Contains(out, "liability/cap whether") {
			t.Errorf("default layout repeats the rule id on the finding's line:\n%s", out)
		}
	}
}

// TestTextGroupedComplete checks, over the reports the other tests use, that the default layout
// loses nothing it does not account for: every finding is shown, or counted in its rule's "… and N
// more" line; every passage a contract quotes is shown in full at most once, and otherwise named
// by its article; --verbose shows every finding and every passage in full.
func TestTextGroupedComplete(t *testing.T) {
	r := streamReport()
	r.Results = streamResults()
	more := regexp.MustCompile(`… and (\d+) more`)
	for _, rep := range []*Report{testReport(), groupedReport(), r} {
		for _, res := range rep.Results {
			var buf, vbuf bytes.Buffer
			if err := (&Text{}).Section(&buf, rep, res); err != nil {
				t.Fatal(err)
			}
			if err := (&Text{Verbose: true}).Section(&vbuf, rep, res); err != nil {
				t.Fatal(err)
			}
			out, verbose := buf.String(), vbuf.String()
			hidden := 0
			for _, m := range more.FindAllStringSubmatch(out, -1) {
				n, _ := strconv.Atoi(m[1])
				hidden += n
			}
			missing := 0
			quoted := map[contract.Source]bool{}
			for _, rr := range res.Rules {
				for _, f := range rr.Findings {
					at := fmt.Sprintf("    %s:%d:%d ", cleanLine(f.FileOf(res)), f.Line, f.Column)
					if !strings.Contains(out, at) || !strings.Contains(out, indentLines(cleanText(f.Message), "        ")) {
						missing++
					}
					if !strings.Contains(verbose, textMessage(f.Message)) {
						t.Errorf("%s: --verbose lacks %q", res.Contract, f.Message)
					}
					for _, s := range f.Sources {
						quoted[s] = true
					}
				}
			}
			if missing != hidden {
				t.Errorf("%s: %d findings not shown, %d counted as more:\n%s", res.Contract, missing, hidden, out)
			}
			for s := range quoted {
				line := fmt.Sprintf("        art. %s: %q\n", cleanLine(s.Art), s.Quote)
				if n := strings.Count(out, line); n > 1 || n == 0 && hidden == 0 && !strings.Contains(out, "art. "+cleanLine(s.Art)) {
					t.Errorf("%s: passage %q shown in full %d times, and not named otherwise:\n%s", res.Contract, line, n, out)
				}
				if !strings.Contains(verbose, line[2:]) {
					t.Errorf("%s: --verbose lacks the passage %q", res.Contract, line)
				}
			}
		}
	}
}

// TestTextGroupedEscapes checks that the default layout makes hostile text as safe as the verbose
// one: no terminal control sequence gets through, a message of several lines stays indented
// beneath its finding, and colour appears only when asked for.
func TestTextGroupedEscapes(t *testing.T) {
	rule := &engine.Rule{ID: "x/\x1b[2Jrule", Title: "T\u202eitle\nforged", Severity: engine.SeverityError}
	r := &Report{
		Rules: []*engine.Rule{rule},
		Results: []*engine.Result{{Contract: "c\x1b]8;;x\a.yaml", File: "c.yaml", Rules: []engine.RuleResult{{
			Rule: rule, Verdict: engine.Fail, Findings: []engine.Finding{
				{Message: "first\nc.yaml:1:1 forged finding\x9b", Line: 1, Column: 1, Sources: []contract.Source{{Art: "1\n2", Quote: "q\x1b[31m"}}},
				{Message: "second", Line: 2, Column: 1, Sources: []contract.Source{{Art: "1\n2", Quote: "q\x1b[31m"}}},
			},
		}}}},
		Summary: result.Summary{FailOn: "error"},
	}
	for _, color := range []bool{false, true} {
		out := string(render(t, &Text{Color: color}, r))
		plain := out
		if color {
			if !strings.Contains(out, ansiRed) {
				t.Errorf("colour asked for, none shown:\n%q", out)
			}
			for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiGreen, ansiBlue, ansiDim} {
				plain = strings.ReplaceAll(plain, code, "")
			}
		}
		if strings.ContainsAny(plain, "\x1b\a\u202e") || strings.Contains(plain, "\x9b") || strings.Contains(plain, "\xc2\x9b") {
			t.Errorf("colour %v: control characters got through:\n%q", color, out)
		}
		for _, want := range []string{"\n        c.yaml:1:1 forged finding", `second (art. 1\n2 quoted above)`, `x/\x1b[2Jrule: T\u202eitle\nforged`} {
			if !strings.Contains(plain, want) {
				t.Errorf("colour %v: %q not in:\n%s", color, want, plain)
			}
		}
	}
}

// TestTextGroupedVerdicts checks the headings of the verdicts other than fail and unknown: a rule
// that could not be evaluated is not called "error", which reads as its severity, and a waiver
// comes right under the rule it is about, before the findings it accepts.
func TestTextGroupedVerdicts(t *testing.T) {
	out := string(render(t, &Text{}, testReport()))
	for _, want := range []string{
		"\n  waived           1 rule\n  not evaluated    1 rule\n",
		"\n  not evaluated gdpr/processor-agreement: A processor agreement is in force\n    contracts/globex.yaml:1:1 rule gdpr/processor-agreement could not be evaluated",
		"\n  waived liability/excluded-damage: No exclusion of forbidden damage categories\n    waived until 2099-12-31: accepted by legal",
		"\n    waiver expired on 2024-01-01 (was: legacy contract, approved by cfo@example.com)\n    contracts/acme.yaml:12:5 new: the vendor excludes",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not in:\n%s", want, out)
		}
	}
}

// TestTextGroupedBoundsARule: of a rule with many findings the default layout shows the first two
// failures and the first open question, says how many more there are, and --verbose shows all.
func TestTextGroupedBoundsARule(t *testing.T) {
	rule := &engine.Rule{ID: "liability/each", Title: "Each exclusion", Severity: engine.SeverityError}
	rr := engine.RuleResult{Rule: rule, Verdict: engine.Fail}
	for i := 1; i <= 4; i++ {
		rr.Findings = append(rr.Findings, engine.Finding{Message: fmt.Sprintf("failure %d", i), Line: i, Column: 1})
	}
	for i := 5; i <= 7; i++ {
		rr.Findings = append(rr.Findings, engine.Finding{Message: fmt.Sprintf("question %d", i), Line: i, Column: 1, Open: true})
	}
	rep := &Report{Rules: []*engine.Rule{rule}, Results: []*engine.Result{{Contract: "c.yaml", File: "c.yaml", Rules: []engine.RuleResult{rr}}}, Summary: result.Summary{FailOn: "error"}}
	got := string(render(t, &Text{}, rep))
	for _, want := range []string{"failure 1", "failure 2", "open question: question 5", "… and 4 more (termlint check --verbose shows every finding)"} {
		if !strings.Contains(got, want) {
			t.Errorf("default layout lacks %q:\n%s", want, got)
		}
	}
	for _, hidden := range []string{"failure 3", "failure 4", "question 6", "question 7"} {
		if strings.Contains(got, hidden) {
			t.Errorf("default layout shows %q beyond the bound:\n%s", hidden, got)
		}
	}
	verbose := string(render(t, &Text{Verbose: true}, rep))
	for i := 1; i <= 7; i++ {
		if !strings.Contains(verbose, fmt.Sprintf(" %d", i)) {
			t.Errorf("--verbose lacks finding %d", i)
		}
	}
}
