package report

import (
	"bufio"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

//go:embed html.tmpl
var htmlTemplateText string

var htmlTemplate = template.Must(template.New("report").Funcs(template.FuncMap{
	"clean": cleanText,
	"line":  cleanLine,
}).Parse(htmlTemplateText))

// Annotations collects, while a run evaluates, what the HTML report shows of each contract besides
// its result: the vendor, and the source texts with their quoted passages. A source text cited by
// several contracts is kept once.
type Annotations struct {
	mu    sync.Mutex
	by    map[string]contract.Annotation
	texts map[string][]byte
}

// NewAnnotations makes an empty collection.
func NewAnnotations() *Annotations {
	return &Annotations{by: map[string]contract.Annotation{}, texts: map[string][]byte{}}
}

// Add records the annotation of the contract whose result is named name; it may be called from
// several goroutines at once.
func (a *Annotations) Add(name string, an contract.Annotation) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := range an.Texts {
		t := &an.Texts[i]
		if t.Text == nil {
			continue
		}
		if kept, ok := a.texts[t.Path]; ok && string(kept) == string(t.Text) {
			t.Text = kept
		} else {
			a.texts[t.Path] = t.Text
		}
	}
	a.by[name] = an
}

func (a *Annotations) get(name string) contract.Annotation {
	if a == nil {
		return contract.Annotation{}
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.by[name]
}

// HTML is the report a lawyer reads: one self-contained page with the matrix of contracts and
// rules, a memo per contract and each contract's source text with the quoted passages marked
// and linked to the findings that cite them. It needs every result before it writes the matrix,
// so it is not Sectioned; it reads the results twice, one at a time.
type HTML struct {
	Annotations *Annotations
}

// summaryLines is how many failures a memo's first page lists; the rest follow in the memo.
const summaryLines = 10

// verdictSign is the symbol, word and class of each verdict: the symbol and word make a verdict
// readable without its colour (printed in black and white, or by a screen reader).
var verdictSign = map[engine.Verdict]struct{ Symbol, Word, Class string }{
	engine.Fail:          {"✗", "fails", "fail"},
	engine.Error:         {"!", "not evaluated", "error"},
	engine.Waived:        {"W", "waived", "waived"},
	engine.Unknown:       {"?", "open question", "unknown"},
	engine.Pass:          {"✓", "meets the playbook", "pass"},
	engine.NotApplicable: {"–", "does not apply", "na"},
}

// htmlVerdictRank orders a memo's rules: what fails first, then what a person must settle.
var htmlVerdictRank = map[engine.Verdict]int{engine.Error: 0, engine.Fail: 1, engine.Waived: 2, engine.Unknown: 3, engine.Pass: 4, engine.NotApplicable: 5}

type sign struct{ Symbol, Word, Class string }

func signOf(v engine.Verdict) sign {
	s, ok := verdictSign[v]
	if !ok {
		return sign{"·", string(v), "na"}
	}
	return sign(s)
}

type htmlPage struct {
	ToolVersion string
	Legend      []sign
	Columns     []htmlColumn
	Rows        []htmlRow
	InputErrors []string
	Warnings    []string
}

type htmlColumn struct {
	ID, Name, Vendor, Title string
	// The counts of verdicts; FailError counts the failures of error severity.
	Fail, FailError, Unknown, Pass, NotApplicable, Waived, Error int
	// Rank is 1 for the worst contract of the run.
	Rank int
}

type htmlRow struct {
	RuleID, Title, Severity string
	Cells                   []htmlCell
}

type htmlCell struct {
	sign
	// Href is the rule's section in the contract's memo, when it has one.
	Href string
}

type htmlContract struct {
	ID, Name, Vendor, Title string
	Col                     htmlColumn
	Summary                 []htmlSummary
	More                    int
	Rules                   []*htmlRule
	Met                     []htmlRuleRef
	Docs                    []htmlDoc
}

type htmlSummary struct {
	Severity, Title, RuleID, Href, Sentence string
}

type htmlRuleRef struct{ RuleID, Title, Href string }

type htmlRule struct {
	ID, RuleID, Title, Severity, Remediation string
	sign
	Waiver string
	Groups []*htmlGroup
}

// htmlGroup is the findings of one rule that cite one clause.
type htmlGroup struct {
	// ID is set on the clause's first appearance in the memo, where the quote is shown; later
	// groups link back to it (FirstHref) instead of repeating it.
	ID, FirstHref, FirstRule string
	Art, Quote               string
	// PassageHref is the passage in the annotated text, when the quote was found there.
	PassageHref string
	CitedBy     []htmlRuleRef
	Findings    []htmlFinding
	// Question says the findings are open questions (the rule's verdict is unknown).
	Question bool
	key      string
	// firstRuleID is the rule under which the clause first appears.
	firstRuleID string
}

type htmlFinding struct {
	ID, Message, Place string
	Waived             bool
	// Also are the other clauses the finding cites, besides its group's.
	Also []htmlAlso
}

// htmlAlso is a further clause a finding cites; like a group, it shows its quote on the clause's
// first appearance (ID) and links back to it otherwise (FirstHref).
type htmlAlso struct{ ID, FirstHref, FirstRule, Art, Quote, Href string }

type htmlDoc struct {
	ID, File, Source, Err string
	Body                  template.HTML
}

func (h HTML) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriterSize(out, 64<<10)
	ruleIndex := map[string]int{}
	for i, rule := range r.Rules {
		ruleIndex[rule.ID] = i
	}
	page := htmlPage{ToolVersion: r.ToolVersion}
	for _, v := range []engine.Verdict{engine.Fail, engine.Unknown, engine.Pass, engine.NotApplicable, engine.Waived, engine.Error} {
		page.Legend = append(page.Legend, signOf(v))
	}
	for _, d := range r.InputErrors {
		page.InputErrors = append(page.InputErrors, d.String())
	}
	for _, d := range r.Warnings {
		page.Warnings = append(page.Warnings, d.String())
	}
	page.Rows = make([]htmlRow, len(r.Rules))
	for i, rule := range r.Rules {
		page.Rows[i] = htmlRow{RuleID: rule.ID, Title: rule.Title, Severity: string(rule.Severity)}
	}
	// First pass: the verdicts only, for the matrix.
	n := 0
	err := r.each(func(res *engine.Result) error {
		n++
		col := h.column(n, res)
		cells := make([]htmlCell, len(r.Rules))
		for i := range cells {
			cells[i] = htmlCell{sign: signOf(engine.NotApplicable)}
		}
		for _, rr := range res.Rules {
			i, ok := ruleIndex[rr.Rule.ID]
			if !ok {
				continue
			}
			cells[i] = htmlCell{sign: signOf(rr.Verdict)}
			if htmlVerdictRank[rr.Verdict] < htmlVerdictRank[engine.Pass] {
				cells[i].Href = "#" + col.ID + "-r" + strconv.Itoa(i)
			}
		}
		for i := range page.Rows {
			page.Rows[i].Cells = append(page.Rows[i].Cells, cells[i])
		}
		page.Columns = append(page.Columns, col)
		return nil
	})
	if err != nil {
		return err
	}
	rankColumns(page.Columns)
	if err := htmlTemplate.ExecuteTemplate(w, "head", page); err != nil {
		return err
	}
	// Second pass: a memo and the annotated texts per contract, written as each is read back.
	n = 0
	err = r.each(func(res *engine.Result) error {
		n++
		c := h.memo(res, ruleIndex, page.Columns[n-1])
		return htmlTemplate.ExecuteTemplate(w, "contract", c)
	})
	if err != nil {
		return err
	}
	if err := htmlTemplate.ExecuteTemplate(w, "foot", page); err != nil {
		return err
	}
	return w.Flush()
}

func (h HTML) column(n int, res *engine.Result) htmlColumn {
	an := h.Annotations.get(res.Contract)
	col := htmlColumn{ID: "c" + strconv.Itoa(n), Name: res.Contract, Vendor: an.Vendor, Title: an.Title}
	for _, rr := range res.Rules {
		switch rr.Verdict {
		case engine.Fail:
			col.Fail++
			if rr.Rule.Severity == engine.SeverityError {
				col.FailError++
			}
		case engine.Unknown:
			col.Unknown++
		case engine.Pass:
			col.Pass++
		case engine.NotApplicable:
			col.NotApplicable++
		case engine.Waived:
			col.Waived++
		case engine.Error:
			col.Error++
		}
	}
	return col
}

// rankColumns ranks the contracts, 1 the worst: by failures of error severity, then all failures,
// then open questions.
func rankColumns(cols []htmlColumn) {
	order := make([]int, len(cols))
	for i := range order {
		order[i] = i
	}
	key := func(c htmlColumn) [3]int { return [3]int{c.FailError + c.Error, c.Fail + c.Error, c.Unknown} }
	sort.SliceStable(order, func(a, b int) bool {
		ka, kb := key(cols[order[a]]), key(cols[order[b]])
		for i := range ka {
			if ka[i] != kb[i] {
				return ka[i] > kb[i]
			}
		}
		return false
	})
	for rank, i := range order {
		cols[i].Rank = rank + 1
	}
}

// passageRef is a quoted passage of an annotated text, by its document and range.
type passageRef struct {
	doc, start, end int
}

// passageIndex finds where a finding's quote lies among a contract's annotated texts.
type passageIndex struct {
	texts []contract.SourceText
	// byFile maps file and normalised quote, byQuote the quote alone (a deal's clause quoted from
	// another document), to the passage.
	byFile  map[string]passageRef
	byQuote map[string]passageRef
}

func newPassageIndex(an contract.Annotation) *passageIndex {
	x := &passageIndex{texts: an.Texts, byFile: map[string]passageRef{}, byQuote: map[string]passageRef{}}
	for d, t := range an.Texts {
		for _, p := range t.Passages {
			q := contract.NormaliseQuote(p.Quote)
			ref := passageRef{d, p.Start, p.End}
			if _, ok := x.byFile[t.File+"\x00"+q]; !ok {
				x.byFile[t.File+"\x00"+q] = ref
			}
			if _, ok := x.byQuote[q]; !ok {
				x.byQuote[q] = ref
			}
		}
	}
	return x
}

func (x *passageIndex) find(file, quote string) (passageRef, bool) {
	q := contract.NormaliseQuote(quote)
	if ref, ok := x.byFile[file+"\x00"+q]; ok {
		return ref, true
	}
	ref, ok := x.byQuote[q]
	return ref, ok
}

// clause is the key under which a memo groups the findings that cite s: its passage in the
// annotated text, else its article and quote; "-" for a finding that cites none.
func (x *passageIndex) clause(file string, s contract.Source) (string, passageRef, bool) {
	if s.Quote == "" {
		return "-", passageRef{}, false
	}
	if ref, ok := x.find(file, s.Quote); ok {
		return fmt.Sprintf("p%d-%d-%d", ref.doc, ref.start, ref.end), ref, true
	}
	return "q" + s.Art + "\x00" + contract.NormaliseQuote(s.Quote), passageRef{}, false
}

func (c *htmlContract) passageID(ref passageRef) string {
	return fmt.Sprintf("%s-d%d-%d-%d", c.ID, ref.doc, ref.start, ref.end)
}

// citation is one rule's first finding citing a passage, for the margin of the annotated text.
type citation struct {
	ruleID, findingID, groupHref string
}

// memo builds the view of one contract: its first-page summary, its rules grouped by clause and
// its annotated texts.
func (h HTML) memo(res *engine.Result, ruleIndex map[string]int, col htmlColumn) *htmlContract {
	an := h.Annotations.get(res.Contract)
	c := &htmlContract{ID: col.ID, Name: res.Contract, Vendor: an.Vendor, Title: an.Title, Col: col}
	idx := newPassageIndex(an)
	rrs := make([]*engine.RuleResult, len(res.Rules))
	for i := range res.Rules {
		rrs[i] = &res.Rules[i]
	}
	sort.SliceStable(rrs, func(i, j int) bool {
		a, b := rrs[i], rrs[j]
		if htmlVerdictRank[a.Verdict] != htmlVerdictRank[b.Verdict] {
			return htmlVerdictRank[a.Verdict] < htmlVerdictRank[b.Verdict]
		}
		if a.Rule.Severity.Rank() != b.Rule.Severity.Rank() {
			return a.Rule.Severity.Rank() < b.Rule.Severity.Rank()
		}
		return ruleIndex[a.Rule.ID] < ruleIndex[b.Rule.ID]
	})
	cites := map[passageRef][]citation{}
	firstGroup := map[string]*htmlGroup{}
	citedBy := map[string][]htmlRuleRef{}
	var groupOrder []*htmlGroup
	for _, rr := range rrs {
		ri := ruleIndex[rr.Rule.ID]
		ref := htmlRuleRef{RuleID: rr.Rule.ID, Title: rr.Rule.Title, Href: "#" + c.ID + "-r" + strconv.Itoa(ri)}
		if htmlVerdictRank[rr.Verdict] >= htmlVerdictRank[engine.Pass] {
			if rr.Verdict == engine.Pass {
				c.Met = append(c.Met, ref)
			}
			continue
		}
		hr := &htmlRule{ID: c.ID + "-r" + strconv.Itoa(ri), RuleID: rr.Rule.ID, Title: rr.Rule.Title, Severity: string(rr.Rule.Severity), Remediation: rr.Rule.Remediation, sign: signOf(rr.Verdict)}
		if rr.Waiver != nil {
			hr.Waiver = fmt.Sprintf("%s (approved by %s, until %s)", rr.Waiver.Reason, rr.Waiver.ApprovedBy, rr.Waiver.Expires)
			if rr.Waiver.Expired {
				hr.Waiver = "expired waiver: " + hr.Waiver
			}
		}
		groups := map[string]*htmlGroup{}
		for fi := range rr.Findings {
			f := &rr.Findings[fi]
			fv := htmlFinding{ID: hr.ID + "-f" + strconv.Itoa(fi), Message: f.Message, Waived: f.Waived}
			if f.Line > 0 {
				fv.Place = fmt.Sprintf("%s:%d:%d", f.FileOf(res), f.Line, f.Column)
			}
			srcs := f.Sources
			if len(srcs) == 0 {
				srcs = []contract.Source{{}}
			}
			// A finding citing several clauses is listed under the first; the others are
			// linked from the same group's quote list.
			s := srcs[0]
			key, pref, located := idx.clause(f.FileOf(res), s)
			g := groups[key]
			if g == nil {
				g = &htmlGroup{Art: s.Art, Quote: s.Quote, Question: rr.Verdict == engine.Unknown || f.Open, key: key}
				if located {
					g.PassageHref = "#" + c.passageID(pref)
				}
				if s.Quote != "" {
					if first := firstGroup[key]; first != nil {
						g.FirstHref = "#" + first.ID
						g.FirstRule = first.firstRuleID
					} else {
						g.ID = fmt.Sprintf("%s-q%d", c.ID, len(firstGroup)+1)
						g.firstRuleID = rr.Rule.ID
						firstGroup[key] = g
						groupOrder = append(groupOrder, g)
					}
					citedBy[key] = append(citedBy[key], ref)
				}
				groups[key] = g
				hr.Groups = append(hr.Groups, g)
			}
			g.Findings = append(g.Findings, fv)
			href := g.FirstHref
			if g.ID != "" {
				href = "#" + g.ID
			}
			if href == "" {
				href = "#" + fv.ID
			}
			for si, s := range srcs {
				if s.Quote == "" {
					continue
				}
				p, ok := idx.find(f.FileOf(res), s.Quote)
				// The passage links to where the memo shows this clause: the group's quote for
				// the first, the finding's further quote (or its first appearance) for another.
				passageHref := href
				if si > 0 {
					// Another clause the finding cites: quoted here on its first appearance in
					// the memo, linked back to that otherwise.
					also := htmlAlso{Art: s.Art, Quote: s.Quote}
					if ok {
						also.Href = "#" + c.passageID(p)
					}
					akey, _, _ := idx.clause(f.FileOf(res), s)
					if first := firstGroup[akey]; first != nil {
						also.FirstHref, also.FirstRule = "#"+first.ID, first.firstRuleID
					} else {
						also.ID = fmt.Sprintf("%s-q%d", c.ID, len(firstGroup)+1)
						firstGroup[akey] = &htmlGroup{ID: also.ID, firstRuleID: rr.Rule.ID}
					}
					g.Findings[len(g.Findings)-1].Also = append(g.Findings[len(g.Findings)-1].Also, also)
					passageHref = also.FirstHref
					if also.ID != "" {
						passageHref = "#" + also.ID
					}
				}
				if ok {
					if cs := cites[p]; len(cs) == 0 || cs[len(cs)-1].ruleID != rr.Rule.ID {
						cites[p] = append(cites[p], citation{ruleID: rr.Rule.ID, findingID: fv.ID, groupHref: passageHref})
					}
				}
			}
		}
		c.Rules = append(c.Rules, hr)
		if rr.Verdict == engine.Fail || rr.Verdict == engine.Error {
			c.summarise(hr)
		}
	}
	for _, g := range groupOrder {
		g.CitedBy = citedBy[g.key]
	}
	sort.SliceStable(c.Summary, func(i, j int) bool {
		return engine.Severity(c.Summary[i].Severity).Rank() < engine.Severity(c.Summary[j].Severity).Rank()
	})
	if len(c.Summary) > summaryLines {
		c.More = len(c.Summary) - summaryLines
		c.Summary = c.Summary[:summaryLines]
	}
	for d, t := range an.Texts {
		doc := htmlDoc{ID: fmt.Sprintf("%s-d%d", c.ID, d), File: t.File, Source: t.Source, Err: t.Err}
		if t.Err == "" {
			doc.Body = annotate(c, d, t, cites)
		}
		c.Docs = append(c.Docs, doc)
	}
	return c
}

// summarise adds a failing rule's one sentence to the first page: its title and the first
// finding's message, with the article it cites.
func (c *htmlContract) summarise(hr *htmlRule) {
	s := htmlSummary{Severity: hr.Severity, Title: hr.Title, RuleID: hr.RuleID, Href: "#" + hr.ID}
	if len(hr.Groups) > 0 && len(hr.Groups[0].Findings) > 0 {
		g := hr.Groups[0]
		s.Sentence = strings.TrimSpace(g.Findings[0].Message)
		if g.Art != "" {
			s.Sentence += " (art. " + g.Art + ")"
		}
	}
	c.Summary = append(c.Summary, s)
}

// annotate writes a source text as HTML with its passages marked: a passage that a finding cites
// links to its clause in the memo and is followed by links to the findings, one per rule; a
// passage that no finding cites (an encoded fact whose rules pass) is only underlined. Passages
// may overlap: the text is cut at every passage's start and end, and each piece takes the
// innermost passage that covers it.
func annotate(c *htmlContract, d int, t contract.SourceText, cites map[passageRef][]citation) template.HTML {
	type span struct {
		ref   passageRef
		cited bool
	}
	var spans []span
	cuts := map[int]bool{0: true, len(t.Text): true}
	for _, p := range t.Passages {
		ref := passageRef{d, p.Start, p.End}
		if len(spans) > 0 && spans[len(spans)-1].ref == ref {
			continue
		}
		spans = append(spans, span{ref, len(cites[ref]) > 0})
		cuts[p.Start], cuts[p.End] = true, true
	}
	points := make([]int, 0, len(cuts))
	for p := range cuts {
		points = append(points, p)
	}
	sort.Ints(points)
	var b strings.Builder
	for k, at := range points {
		// Ends before starts, so that the references follow the passage they belong to.
		for _, s := range spans {
			if s.ref.end == at && s.cited {
				b.WriteString(`<sup class="refs">`)
				for _, ct := range cites[s.ref] {
					fmt.Fprintf(&b, `<a href="#%s">%s</a>`, ct.findingID, template.HTMLEscapeString(cleanLine(ct.ruleID)))
				}
				b.WriteString(`</sup>`)
			}
		}
		for _, s := range spans {
			if s.ref.start == at && s.cited {
				fmt.Fprintf(&b, `<span class="anchor" id="%s"></span>`, c.passageID(s.ref))
			}
		}
		if k+1 == len(points) {
			break
		}
		next := points[k+1]
		text := template.HTMLEscapeString(cleanText(string(t.Text[at:next])))
		var inner *span
		encoded := false
		for i := range spans {
			s := &spans[i]
			if s.ref.start > at || s.ref.end < next {
				continue
			}
			if !s.cited {
				encoded = true
				continue
			}
			if inner == nil || s.ref.end-s.ref.start < inner.ref.end-inner.ref.start {
				inner = s
			}
		}
		switch {
		case inner != nil:
			fmt.Fprintf(&b, `<a class="hl" href="%s">%s</a>`, cites[inner.ref][0].groupHref, text)
		case encoded:
			fmt.Fprintf(&b, `<span class="enc">%s</span>`, text)
		default:
			b.WriteString(text)
		}
	}
	return template.HTML(b.String()) //nolint:gosec // every piece of text is escaped above; ids are ours
}
