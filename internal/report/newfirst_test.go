package report

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// prRun is a pull request's run against its base: six contracts c1..c6 fail the error rule
// liability/excluded-damage twice each on the base (lines 10 and 20: 12 old failures), and the
// pull request adds one failure at line 30 to c3 and to c5 (2 new). In report order the new
// failure of c5 is the 14th error, far past GitHub's 10 annotations per level.
func prRun(t *testing.T) (base []result.BaselineEntry, after []*engine.Result) {
	t.Helper()
	var before []*engine.Result
	for i := 1; i <= 6; i++ {
		name := fmt.Sprintf("c%d.yaml", i)
		old := []engine.Finding{
			fd(fmt.Sprintf("old failure A of %s", name), 10, "1", "quote A"),
			fd(fmt.Sprintf("old failure B of %s", name), 20, "2", "quote B"),
		}
		before = append(before, liabilityResult(name, engine.Fail, old...))
		now := old
		if i == 3 || i == 5 {
			now = append(append([]engine.Finding{}, old...), fd(fmt.Sprintf("new failure of %s", name), 30, "3.1", "new quote of "+name))
		}
		after = append(after, liabilityResult(name, engine.Fail, now...))
	}
	return baselineFrom(t, before), after
}

// prOutput compares results with base (none when nil) over kept results; with stream set it goes through a
// Stream, as termlint check does, and writes w's output from there.
func prOutput(t *testing.T, w Writer, base []result.BaselineEntry, results []*engine.Result, stream bool) string {
	t.Helper()
	// No input errors or warnings: they would take annotations of their own.
	gdpr, liability, notice := testRules()
	r := &Report{ToolVersion: "1.2.3", Rules: []*engine.Rule{gdpr, liability, notice}, Summary: result.Summary{FailOn: "error"}}
	if !stream {
		r.Results = results
		if base != nil {
			compareBaseline(r, base)
		}
		return string(render(t, w, r))
	}
	s := NewStream(r, w)
	defer func() { _ = s.Close() }()
	if base != nil {
		s.Baseline(base)
	}
	for _, res := range results {
		if err := s.Add(res); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := s.WriteTo(0, &buf); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// annotations returns the workflow commands of a GitHub output as "level file:line title" and
// the notices' messages.
func annotations(t *testing.T, out string) (errs []string, notices []string) {
	t.Helper()
	re := regexp.MustCompile(`^::(error|warning|notice)( [^:]*)?::(.*)$`)
	for _, l := range strings.Split(out, "\n") {
		m := re.FindStringSubmatch(l)
		if m == nil {
			continue
		}
		props := map[string]string{}
		for _, p := range strings.Split(strings.TrimSpace(m[2]), ",") {
			if k, v, ok := strings.Cut(p, "="); ok {
				props[k] = runnerUnescapeProperty(v)
			}
		}
		switch m[1] {
		case "error":
			errs = append(errs, props["file"]+":"+props["line"]+" "+strings.SplitN(props["title"], ":", 2)[0])
		case "notice":
			notices = append(notices, runnerUnescapeData(m[3]))
		}
	}
	return errs, notices
}

// TestGitHubNewFirst checks the order of error annotations. The expectations follow from the
// ranking: new failures first, then those in changed files, then the rest, each in report order
// (contract, then line), cut at 10.
func TestGitHubNewFirst(t *testing.T) {
	base, after := prRun(t)
	oldOf := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, n+":10 liability/excluded-damage", n+":20 liability/excluded-damage")
		}
		return out
	}
	newOf := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, n+":30 new")
		}
		return out
	}
	cat := func(parts ...[]string) []string {
		var out []string
		for _, p := range parts {
			out = append(out, p...)
		}
		return out
	}
	tests := []struct {
		name    string
		base    []result.BaselineEntry
		changed map[string]bool
		// shown are the 10 error annotations; notice is the "N more" notice.
		shown  []string
		notice string
	}{
		{
			// Without the ranking, c5's new failure (the 14th error) would be hidden.
			name:   "baseline: both new failures shown first",
			base:   base,
			shown:  cat(newOf("c3.yaml", "c5.yaml"), oldOf("c1.yaml", "c2.yaml", "c3.yaml", "c4.yaml")),
			notice: "4 more errors not shown as annotations (GitHub shows 10 per step): see them in the log below",
		},
		{
			name:    "baseline and a changed file: new, then c6's, then the rest",
			base:    base,
			changed: map[string]bool{"c6.yaml": true},
			shown:   cat(newOf("c3.yaml", "c5.yaml"), oldOf("c6.yaml", "c1.yaml", "c2.yaml", "c3.yaml")),
			notice:  "4 more errors not shown as annotations (GitHub shows 10 per step): see them in the log below",
		},
		{
			// An empty baseline makes all 14 failures new: 10 shown, 4 new ones hidden, and the
			// notice says so.
			name:   "everything new",
			base:   []result.BaselineEntry{},
			shown:  []string{"c1.yaml:10 new", "c1.yaml:20 new", "c2.yaml:10 new", "c2.yaml:20 new", "c3.yaml:10 new", "c3.yaml:20 new", "c3.yaml:30 new", "c4.yaml:10 new", "c4.yaml:20 new", "c5.yaml:10 new"},
			notice: "4 more errors not shown as annotations (GitHub shows 10 per step), 4 of them new: see them in the log below",
		},
		{
			name:    "no baseline, a changed file first",
			changed: map[string]bool{"c6.yaml": true},
			shown: []string{
				"c6.yaml:10 liability/excluded-damage", "c6.yaml:20 liability/excluded-damage",
				"c1.yaml:10 liability/excluded-damage", "c1.yaml:20 liability/excluded-damage",
				"c2.yaml:10 liability/excluded-damage", "c2.yaml:20 liability/excluded-damage",
				"c3.yaml:10 liability/excluded-damage", "c3.yaml:20 liability/excluded-damage", "c3.yaml:30 liability/excluded-damage",
				"c4.yaml:10 liability/excluded-damage",
			},
			notice: "4 more errors not shown as annotations (GitHub shows 10 per step): see them in the log below",
		},
	}
	for _, tt := range tests {
		for _, stream := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/stream=%v", tt.name, stream), func(t *testing.T) {
				out := prOutput(t, GitHub{Changed: tt.changed}, tt.base, after, stream)
				errs, notices := annotations(t, out)
				if strings.Join(errs, "\n") != strings.Join(tt.shown, "\n") {
					t.Errorf("error annotations:\n%s\nwant:\n%s", strings.Join(errs, "\n"), strings.Join(tt.shown, "\n"))
				}
				if len(notices) != 1 || notices[0] != tt.notice {
					t.Errorf("notices %q, want %q", notices, tt.notice)
				}
				// The 4 hidden ones are in the folded log, each once.
				group := out[strings.Index(out, "::group::"):strings.Index(out, "::endgroup::")]
				if n := strings.Count(group, "  c"); n != 4 {
					t.Errorf("%d findings in the folded log, want 4:\n%s", n, group)
				}
			})
		}
	}
}

// TestMarkdownNewFirst checks the top of the job summary with a baseline: the count of new and
// existing failures (findings: 2 added, 12 from the base) and both new ones in full, before any
// contract's table.
func TestMarkdownNewFirst(t *testing.T) {
	base, after := prRun(t)
	for _, stream := range []bool{false, true} {
		out := prOutput(t, Markdown{}, base, after, stream)
		lines := strings.Split(out, "\n")
		if lines[0] != "## termlint: ❌ failing" || lines[2] != "**2 new, 12 existing** failures (against the baseline) · 0 fixed" {
			t.Errorf("first lines:\n%s", strings.Join(lines[:5], "\n"))
		}
		newList := "### New failures\n\n" +
			"- ❌ **liability/excluded-damage** (No exclusion of forbidden damage categories) at **c3.yaml:30:7**: new failure of c3.yaml\n" +
			"  > **art. 3.1**: new quote of c3.yaml\n" +
			"- ❌ **liability/excluded-damage** (No exclusion of forbidden damage categories) at **c5.yaml:30:7**: new failure of c5.yaml\n" +
			"  > **art. 3.1**: new quote of c5.yaml\n"
		at := strings.Index(out, newList)
		if at < 0 || at > strings.Index(out, "### ❌ c1.yaml") {
			t.Errorf("the new failures are not listed in full before the contracts:\n%s", out)
		}
		if n := strings.Count(out, ": new: "); n != 2 {
			t.Errorf("%d findings marked new in the contract sections, want 2", n)
		}
	}
}

// TestMarkdownNewFirstBudget gives a summary more new failures than its budget holds: the new
// list still comes first, the rest are counted, and the whole stays within the limit.
func TestMarkdownNewFirstBudget(t *testing.T) {
	var results []*engine.Result
	for i := range 60 {
		name := fmt.Sprintf("k%02d.yaml", i)
		results = append(results, liabilityResult(name, engine.Fail, fd("a failure the base lacks, worded at some length to take room", 10, "1", strings.Repeat("quoted words ", 10))))
	}
	const limit = 4 << 10
	out := prOutput(t, Markdown{MaxBytes: limit}, []result.BaselineEntry{}, results, true)
	if len(out) > limit {
		t.Errorf("summary of %d bytes, limit %d", len(out), limit)
	}
	if !strings.Contains(out, "**60 new, 0 existing**") {
		t.Errorf("no count of new failures:\n%s", out)
	}
	listed := strings.Count(out, "- ❌ **liability/excluded-damage** (")
	want := fmt.Sprintf("- %d more new failures not shown (the JSON report lists them under baseline.new\\_findings).", 60-listed)
	if listed == 0 || !strings.Contains(out, want) {
		t.Errorf("%d listed, and no %q:\n%s", listed, want, out)
	}
}

// TestJUnitBaseline checks that with a baseline only the results with a new failure are
// <failure>s, saying "new", and the old ones are skipped as existing.
func TestJUnitBaseline(t *testing.T) {
	base, after := prRun(t)
	for _, stream := range []bool{false, true} {
		doc := parseJUnit(t, []byte(prOutput(t, JUnit{}, base, after, stream)))
		if doc.Failures != 2 || doc.Skipped != 4 || doc.Tests != 6 {
			t.Errorf("root tests=%d failures=%d skipped=%d, want 6, 2, 4", doc.Tests, doc.Failures, doc.Skipped)
		}
		for _, s := range doc.Suites {
			c := s.Cases[0]
			isNew := s.Name == "c3.yaml" || s.Name == "c5.yaml"
			switch {
			case isNew && (c.Failure == nil || s.Failures != 1):
				t.Errorf("%s: want a failure, got %+v", s.Name, c)
			case isNew && (!strings.HasPrefix(c.Failure.Message, "new: ") || !strings.Contains(c.Failure.Text, ":30:7: new: new failure of") || strings.Count(c.Failure.Text, "new: ") != 1):
				t.Errorf("%s: the failure should say new, for the new finding only: %q %q", s.Name, c.Failure.Message, c.Failure.Text)
			case isNew && c.Failure.Message != "new: new failure of "+s.Name+" (and 2 more)":
				// The new finding is third in the list; the headline is what is new.
				t.Errorf("%s: headline %q; want the new finding", s.Name, c.Failure.Message)
			case !isNew && (c.Failure != nil || c.Skipped == nil || s.Skipped != 1 || !strings.HasPrefix(c.Skipped.Message, "existing (in the baseline): old failure A")):
				t.Errorf("%s: want skipped as existing, got %+v", s.Name, c)
			}
		}
	}
}

// TestJUnitFailOn checks that a <failure> is what fails the run at each fail-on level, and that
// what does not is skipped with the reason.
func TestJUnitFailOn(t *testing.T) {
	tests := []struct {
		verdict  engine.Verdict
		severity engine.Severity
		failOn   string
		skipped  string // "" means a <failure>
	}{
		{engine.Fail, engine.SeverityWarning, "error", "warning below fail-on error: found it"},
		{engine.Fail, engine.SeverityWarning, "warning", ""},
		{engine.Fail, engine.SeverityInfo, "warning", "info below fail-on warning: found it"},
		{engine.Fail, engine.SeverityError, "error", ""},
		{engine.Fail, engine.SeverityError, "never", "not failing (fail-on never): found it"},
		// A rule that could not be evaluated fails at every level but never.
		{engine.Error, engine.SeverityInfo, "error", ""},
		{engine.Error, engine.SeverityInfo, "never", "rule error: not failing (fail-on never): found it"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%s/%s/%s", tt.verdict, tt.severity, tt.failOn), func(t *testing.T) {
			r := oneResult(tt.verdict, tt.severity)
			r.FailOn = tt.failOn
			doc := parseJUnit(t, render(t, JUnit{}, r))
			c := doc.Suites[0].Cases[0]
			failures := 0
			if tt.skipped == "" {
				failures = 1
				if c.Failure == nil || c.Skipped != nil {
					t.Fatalf("want a failure, got %+v", c)
				}
			} else if c.Failure != nil || c.Skipped == nil || c.Skipped.Message != tt.skipped || !strings.Contains(c.Skipped.Text, "c.yaml:2:3: found it") {
				t.Fatalf("want skipped %q with the finding, got %+v", tt.skipped, c)
			}
			if doc.Failures != failures || doc.Skipped != 1-failures || r.ExitFailing() != (failures == 1) {
				t.Errorf("root failures=%d skipped=%d, exit failing %v", doc.Failures, doc.Skipped, r.ExitFailing())
			}
		})
	}
}

// TestTextNewFirst checks the text format with a baseline: the summary line counts new and
// existing failures, and exactly the two new findings are marked.
func TestTextNewFirst(t *testing.T) {
	base, after := prRun(t)
	// The default layout marks the finding beneath its rule's heading; the verbose one on the
	// finding's own line with the rule id.
	layouts := map[bool]*regexp.Regexp{
		false: regexp.MustCompile(`(?m)^    (c\d\.yaml:\d+):\d+ new: `),
		true:  regexp.MustCompile(`(?m)^  (c\d\.yaml:\d+):\d+ error new liability/excluded-damage `),
	}
	for verbose, mark := range layouts {
		for _, stream := range []bool{false, true} {
			out := prOutput(t, &Text{Verbose: verbose}, base, after, stream)
			if !strings.Contains(out, "\nbaseline: 2 new, 12 existing failure(s), 0 fixed\n") {
				t.Errorf("no baseline summary line:\n%s", out)
			}
			marked := mark.FindAllStringSubmatch(out, -1)
			if len(marked) != 2 || marked[0][1] != "c3.yaml:30" || marked[1][1] != "c5.yaml:30" {
				t.Errorf("verbose %v: marked new: %q\n%s", verbose, marked, out)
			}
		}
	}
}

// TestJSONNewFindingsComplete checks that each new finding carries what a reviewer needs: where
// it is, what it says and the clause it cites.
func TestJSONNewFindingsComplete(t *testing.T) {
	base, after := prRun(t)
	var doc JSONReport
	if err := json.Unmarshal([]byte(prOutput(t, JSON{}, base, after, true)), &doc); err != nil {
		t.Fatal(err)
	}
	b := doc.Baseline
	if b == nil || b.New != 2 || len(b.NewFindings) != 2 || b.NewFindingsOmitted != 0 {
		t.Fatalf("baseline = %+v", b)
	}
	f := b.NewFindings[1]
	want := result.NewFinding{Contract: "c5.yaml", File: "c5.yaml", Rule: "liability/excluded-damage", Line: 30, Column: 7, Message: "new failure of c5.yaml", Sources: []contract.Source{{Art: "3.1", Quote: "new quote of c5.yaml"}}}
	want.Fingerprint = f.Fingerprint
	if fmt.Sprint(f) != fmt.Sprint(want) || f.Fingerprint == "" {
		t.Errorf("new finding %+v, want %+v", f, want)
	}
}

// TestSARIFRegions puts two findings on one line (a flow mapping) and one on the next: each
// result keeps its own region, which starts at its node and ends with its line.
func TestSARIFRegions(t *testing.T) {
	_, liability, _ := testRules()
	res := &engine.Result{Contract: "f.yaml", File: "f.yaml", Rules: []engine.RuleResult{{Rule: liability, Verdict: engine.Fail, Findings: []engine.Finding{
		{Message: "cap too low", Path: []any{"liability", "cap"}, Line: 5, Column: 9},
		{Message: "exclusion too wide", Path: []any{"liability", "exclusions"}, Line: 5, Column: 24},
		{Message: "cap too low", Path: []any{"liability", "cap2"}, Line: 6, Column: 9},
	}}}}
	r := &Report{ToolVersion: "dev", Rules: []*engine.Rule{liability}, Results: []*engine.Result{res}, Summary: result.Summary{FailOn: "error"}}
	doc := decodeSARIF(t, r)
	type region struct{ line, col, endLine int }
	want := []region{{5, 9, 5}, {5, 24, 5}, {6, 9, 6}}
	got := doc.Runs[0].Results
	if len(got) != len(want) {
		t.Fatalf("%d results, want %d", len(got), len(want))
	}
	seen := map[region]bool{}
	for i, w := range want {
		g := got[i].Locations[0].PhysicalLocation.Region
		reg := region{g.StartLine, g.StartColumn, g.EndLine}
		if reg != w || g.EndColumn != nil {
			t.Errorf("result %d region %+v (endColumn %v), want %+v and no endColumn", i, reg, g.EndColumn, w)
		}
		if seen[reg] {
			t.Errorf("result %d shares its region %+v", i, reg)
		}
		seen[reg] = true
	}
	if doc.Runs[0].Tool.Driver.SemanticVersion != "" {
		t.Errorf("a dev build has no semanticVersion, got %q", doc.Runs[0].Tool.Driver.SemanticVersion)
	}
}

// githubAnchors are the anchors GitHub gives the headings of a Markdown file: lower case, every
// character but letters, digits, spaces, hyphens and underscores dropped, spaces made hyphens,
// and a repeated anchor numbered.
func githubAnchors(t *testing.T, path string) map[string]bool {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	drop := regexp.MustCompile(`[^\p{L}\p{N} _-]`)
	out := map[string]bool{}
	count := map[string]int{}
	for _, line := range strings.Split(string(data), "\n") {
		m := regexp.MustCompile(`^#{1,6} (.+?)\s*$`).FindStringSubmatch(line)
		if m == nil {
			continue
		}
		a := strings.ReplaceAll(drop.ReplaceAllString(strings.ToLower(m[1]), ""), " ", "-")
		if n := count[a]; n > 0 {
			out[fmt.Sprintf("%s-%d", a, n)] = true
		} else {
			out[a] = true
		}
		count[a]++
	}
	return out
}

// TestSARIFHelpURI checks that every rule of the default playbook links to its own section of
// docs/rules.md, read from the file as GitHub renders it, and that other rules do not.
func TestSARIFHelpURI(t *testing.T) {
	anchors := githubAnchors(t, filepath.Join("..", "..", "docs", "rules.md"))
	loader, err := contract.NewLoader(contract.Options{SkipQuotes: true})
	if err != nil {
		t.Fatal(err)
	}
	eng, err := engine.New(context.Background(), loader.Schema(), engine.Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rules := eng.Rules()
	if len(rules) < 20 {
		t.Fatalf("only %d default rules", len(rules))
	}
	for _, rule := range rules {
		uri := sarifRuleOf(rule).HelpURI
		frag, ok := strings.CutPrefix(uri, RulesDocURL+"#")
		if !ok || !anchors[frag] {
			t.Errorf("rule %s: helpUri %q is not a heading of docs/rules.md", rule.ID, uri)
		}
	}
	gdpr, _, _ := testRules()
	tests := []struct {
		name string
		file string
		id   string
		want string
	}{
		{"default rule", "policies/rules/gdpr/processor_agreement.rego", "gdpr/processor-agreement", RulesDocURL + "#gdprprocessor-agreement"},
		// A user's directory named policies, with another rule in a file of the same name.
		{"other rule in a default file name", "policies/rules/gdpr/processor_agreement.rego", "acme/own-rule", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
		{"file the playbook lacks", "policies/rules/acme/own_rule.rego", "acme/own-rule", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
		{"own directory", "mine/gdpr/processor_agreement.rego", "gdpr/processor-agreement", "https://eur-lex.europa.eu/eli/reg/2016/679/oj"},
	}
	for _, tt := range tests {
		rule := *gdpr
		rule.File, rule.ID = tt.file, tt.id
		if got := sarifRuleOf(&rule).HelpURI; got != tt.want {
			t.Errorf("%s: helpUri %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestSARIFVersionAndCategory(t *testing.T) {
	versions := []struct{ in, want string }{
		{"1.2.3", "1.2.3"},
		{"1.2.3-rc.1+build.5", "1.2.3-rc.1+build.5"},
		// A Go module version loses its "v": the rest is the Semantic Version.
		{"v1.2.3", "1.2.3"},
		{"dev", ""},
		{"1.2", ""},
		{"01.2.3", ""},
		{"", ""},
	}
	for _, v := range versions {
		if got := semanticVersion(v.in); got != v.want {
			t.Errorf("semanticVersion(%q) = %q, want %q", v.in, got, v.want)
		}
	}
	categories := []struct{ in, want string }{
		{"", "termlint/"},
		{"termlint", "termlint/"},
		{"contracts/", "contracts/"},
		{"termlint/contracts", "termlint/contracts/"},
	}
	for _, c := range categories {
		var doc sarifDoc
		if err := json.Unmarshal(render(t, SARIF{Category: c.in}, oneResult(engine.Fail, engine.SeverityError)), &doc); err != nil {
			t.Fatal(err)
		}
		if got := doc.Runs[0].AutomationDetails; got == nil || got.ID != c.want {
			t.Errorf("category %q: automationDetails %+v, want id %q", c.in, got, c.want)
		}
	}
}

func TestReadChanged(t *testing.T) {
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	got, err := ReadChanged(write("ok", "./contracts/a.yaml\r\n\n  contracts/b c.yaml  \ncontracts/a.yaml\n"))
	if err != nil || len(got) != 2 || !got["contracts/a.yaml"] || !got["contracts/b c.yaml"] {
		t.Errorf("ReadChanged = %v, %v", got, err)
	}
	// git diff -z: names with a tab, a newline or non-ASCII letters arrive as they are.
	got, err = ReadChanged(write("nul", "contracts/café.yaml\x00contracts/tab\tx.yaml\x00contracts/new\nline.yaml\x00"))
	if err != nil || len(got) != 3 || !got["contracts/café.yaml"] || !got["contracts/tab\tx.yaml"] || !got["contracts/new\nline.yaml"] {
		t.Errorf("ReadChanged(NUL-separated) = %v, %v", got, err)
	}
	if _, err := ReadChanged(write("bad", "a.yaml\nb\xff.yaml\n")); err == nil || !strings.Contains(err.Error(), ":2: not UTF-8") {
		t.Errorf("a line that is not UTF-8: %v", err)
	}
	if _, err := ReadChanged(dir); err == nil || !strings.Contains(err.Error(), "is not a regular file but a directory") {
		t.Errorf("a directory: %v", err)
	}
}
