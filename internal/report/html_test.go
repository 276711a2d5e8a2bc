package report

import (
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

var (
	idRe      = regexp.MustCompile(`\bid="([^"]*)"`)
	hrefRe    = regexp.MustCompile(`\bhref="([^"]*)"`)
	hlRe      = regexp.MustCompile(`<a class="hl" href="#([^"]*)">`)
	refsRe    = regexp.MustCompile(`<sup class="refs">(.*?)</sup>`)
	findingRe = regexp.MustCompile(`<li class="finding" id="([^"]*)"`)
)

// checkHTMLLinks requires every link to lead to an id of the page, every highlighted passage to
// lead to a clause of the memo, every cited passage to be followed by links to findings, and
// every finding to have an id.
func checkHTMLLinks(t *testing.T, page string) {
	t.Helper()
	ids := map[string]int{}
	for _, m := range idRe.FindAllStringSubmatch(page, -1) {
		ids[m[1]]++
	}
	for id, n := range ids {
		if n > 1 {
			t.Errorf("id %q appears %d times", id, n)
		}
	}
	for _, m := range hrefRe.FindAllStringSubmatch(page, -1) {
		target, ok := strings.CutPrefix(m[1], "#")
		if !ok {
			t.Errorf("link %q leaves the page", m[1])
			continue
		}
		if ids[target] == 0 {
			t.Errorf("link to #%s: no such id", target)
		}
	}
	findings := map[string]bool{}
	for _, m := range findingRe.FindAllStringSubmatch(page, -1) {
		findings[m[1]] = true
	}
	hl := hlRe.FindAllStringSubmatch(page, -1)
	for _, m := range hl {
		if !strings.Contains(page, `class="clause" id="`+m[1]+`"`) && !findings[m[1]] {
			t.Errorf("a highlighted passage links to #%s, which is neither a clause nor a finding", m[1])
		}
	}
	for _, m := range refsRe.FindAllStringSubmatch(page, -1) {
		targets := hrefRe.FindAllStringSubmatch(m[1], -1)
		if len(targets) == 0 {
			t.Errorf("a passage's references link to no finding: %s", m[0])
		}
		for _, tg := range targets {
			if !findings[strings.TrimPrefix(tg[1], "#")] {
				t.Errorf("a passage's reference %s is not a finding", tg[1])
			}
		}
	}
	if len(hl) > 0 && len(findings) == 0 {
		t.Error("passages are highlighted, but no finding has an id")
	}
}

// hostileHTMLReport is a report whose every text tries to break out of its place in the page.
func hostileHTMLReport() (*Report, *Annotations) {
	rules := []*engine.Rule{
		{ID: "x/<b>rule</b>", Title: "</title><script>alert(1)</script>", Severity: engine.SeverityError, Remediation: "Ask for <b>more</b> & \"better\" terms"},
		{ID: "y/open", Title: "An open question", Severity: engine.SeverityWarning},
		{ID: "z/met", Title: "Met", Severity: engine.SeverityInfo},
	}
	const file = "evil\"><script>alert(2)</script>.yaml"
	text := "Intro </pre><script>alert(3)</script> and the overlap text\x1b goes \u202eon. Encoded end."
	quote1 := "</pre><script>alert(3)</script>"
	quote2 := "<script>alert(3)</script> and the overlap"
	quote3 := "Encoded end."
	at := func(q string) (int, int) { i := strings.Index(text, q); return i, i + len(q) }
	s1, e1 := at(quote1)
	s2, e2 := at(quote2)
	s3, e3 := at(quote3)
	res := &engine.Result{Contract: file, File: file, Rules: []engine.RuleResult{
		{Rule: rules[0], Verdict: engine.Fail, Findings: []engine.Finding{
			{Message: "<img src=x onerror=alert(4)> fails", Line: 3, Column: 5, Sources: []contract.Source{{Art: "1\"><i>", Quote: quote1}, {Art: "2", Quote: quote2}}},
			{Message: "no clause \x1b[31m", Line: 4, Column: 1},
		}},
		{Rule: rules[1], Verdict: engine.Unknown, Findings: []engine.Finding{
			{Message: "is it \u202etrue?", Line: 5, Column: 1, Sources: []contract.Source{{Art: "2", Quote: quote2}}},
		}},
		{Rule: rules[2], Verdict: engine.Pass},
	}}
	ann := NewAnnotations()
	ann.Add(file, contract.Annotation{Vendor: "<Vendor & Co>", Title: "T'itle\"", Texts: []contract.SourceText{{
		File: file, Source: "src\"<x>.txt", Path: "src.txt", Text: []byte(text),
		Passages: []contract.Passage{{Art: "1", Quote: quote1, Start: s1, End: e1}, {Art: "2", Quote: quote2, Start: s2, End: e2}, {Art: "3", Quote: quote3, Start: s3, End: e3}},
	}}})
	return &Report{ToolVersion: "dev<script>", Rules: rules, Results: []*engine.Result{res}}, ann
}

func TestHTMLEscapes(t *testing.T) {
	r, ann := hostileHTMLReport()
	var b strings.Builder
	if err := (HTML{Annotations: ann}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, bad := range []string{"<script", "<img", "<b>", "<i>", "<x>", "\x1b", "\u202e", "</pre><"} {
		if strings.Contains(page, bad) {
			t.Errorf("the page holds %q unescaped", bad)
		}
	}
	for _, want := range []string{
		"&lt;script&gt;alert(3)&lt;/script&gt;", "&lt;img src=x onerror=alert(4)&gt; fails", `\x1b`, `\u202e`,
		"&lt;Vendor &amp; Co&gt;", "Ask for &lt;b&gt;more&lt;/b&gt; &amp; &#34;better&#34; terms",
		// Colour is never the only sign: every verdict has its word.
		`<span class="sr">fails</span>`, `<span class="sr">open question</span>`, `<span class="sr">meets the playbook</span>`,
		// An encoded passage that no finding cites is marked, not linked.
		`<span class="enc">Encoded end.</span>`,
		"Open question", "No clause cited",
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	checkHTMLLinks(t, page)
	// Both overlapping passages are cited: the text where they overlap links to the innermost,
	// and each passage ends with its references.
	if n := strings.Count(page, `<sup class="refs">`); n != 2 {
		t.Errorf("%d passages with references, want 2", n)
	}
	// The second rule's finding cites the clause the first rule quoted: it links back, it does
	// not repeat the quote.
	if n := strings.Count(page, "and the overlap</blockquote>"); n != 1 {
		t.Errorf("the overlapping quote is shown %d times in full, want 1", n)
	}
}

// TestHTMLDeterministic: the same report gives the same bytes, whatever the maps' order.
func TestHTMLDeterministic(t *testing.T) {
	var first string
	for i := range 5 {
		r, ann := hostileHTMLReport()
		var b strings.Builder
		if err := (HTML{Annotations: ann}).Write(&b, r); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatal("two writes of one report differ")
		}
	}
}
