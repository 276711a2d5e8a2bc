package contract

import (
	"bytes"
	"cmp"
	"path/filepath"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
)

// Annotation is what a report needs of a loaded contract once the contract itself is dropped:
// who the vendor is, and for each document the source text with the place of every quote, so
// that the text can be shown with the quoted passages marked.
type Annotation struct {
	// Vendor is vendor.name of the contract's input ("" when the terms do not state it), Title its
	// document.title, or for a deal the deal's title.
	Vendor, Title string
	// Texts holds one entry per document: the contract's own, or each provided document of a
	// deal, in the deal's order.
	Texts []SourceText
}

// SourceText is one document's source text and where its quotes lie in it.
type SourceText struct {
	// File is the contract file of the document (as findings name it in Finding.File), Source
	// its document.source as written.
	File, Source string
	// Path is the file the text was read from.
	Path string
	// Text is the source text as read, within the loader's source size limit; empty when Err is
	// set.
	Text []byte
	// Err says why the text could not be read ("" when it was).
	Err string
	// Passages are the document's quotes found in Text, by start then end, each once.
	Passages []Passage

	// norm and off are the search text while the quotes are placed (see searchText).
	norm []byte
	off  []int32
}

// Passage is a quote of a document and the byte range [Start, End) of Text it matches: its first
// match, compared as the quote check compares (white space, emphasis and, for Markdown and HTML
// sources, the markup a reader does not see).
type Passage struct {
	Art, Quote string
	Start, End int
}

// Annotate reads the source texts of c and places its quotes in them. It reads each text again,
// confined to the source root and bounded like the quote check, so that the index the check keeps
// need not hold the original bytes.
func (l *Loader) Annotate(c *Contract) Annotation {
	a := Describe(c)
	docs := []*document{&c.document}
	if c.prov != nil {
		// parts[0] is the deal file, which has no source text of its own.
		docs = c.prov.parts[1:]
	}
	for _, d := range docs {
		a.Texts = append(a.Texts, l.sourceText(d))
	}
	if c.isDeal {
		// The deal file quotes the clauses that refer to a document or settle precedence; each
		// lies in one of the documents' texts.
		nodeQuotes(c.root, func(art, quote string) {
			for i := range a.Texts {
				if a.Texts[i].add(art, quote) {
					return
				}
			}
		})
	}
	for i := range a.Texts {
		a.Texts[i].finish()
	}
	return a
}

// Describe is the vendor and title of c, without its source texts: an Annotation whose Texts is
// empty, cheap enough for every contract of a run.
func Describe(c *Contract) Annotation {
	a := Annotation{Vendor: stringAt(c.Input, "vendor", "name"), Title: stringAt(c.Input, "document", "title")}
	if c.isDeal {
		a.Title = stringAt(c.Input, "deal", "title")
		if v := stringAt(c.Input, "deal", "vendor", "name"); v != "" {
			a.Vendor = v
		}
	}
	return a
}

// sourceText reads d's source text and places d's quotes in it.
func (l *Loader) sourceText(d *document) SourceText {
	dir := "."
	if d.File != "-" {
		dir = filepath.Dir(d.File)
	}
	st := SourceText{File: d.File, Source: scalarAt(d.root, "document", "source")}
	if st.Source == "" {
		st.Err = "the document names no source text"
		return st
	}
	st.Path = st.Source
	if !filepath.IsAbs(st.Path) {
		st.Path = filepath.Join(dir, st.Source)
	}
	real, err := safefile.Confine(l.sourceRoot(dir), st.Path)
	if err != nil {
		st.Err = "the source text is not a readable file inside the source root"
		return st
	}
	data, err := safefile.ReadFile(real, l.opts.Limits.MaxSourceBytes)
	if err != nil {
		st.Err = "cannot read the source text: " + unwrapPathError(err).Error()
		return st
	}
	st.Text = data
	st.norm, st.off = searchText(data, markupOf(st.Path))
	nodeQuotes(d.root, func(art, quote string) { st.add(art, quote) })
	return st
}

// add places quote in the text; it reports whether it was found.
func (st *SourceText) add(art, quote string) bool {
	if st.norm == nil {
		return false
	}
	q := appendNormalisedQuote(nil, quote)
	if len(q) == 0 {
		return false
	}
	i := bytes.Index(st.norm, q)
	if i < 0 {
		return false
	}
	start := int(st.off[i])
	last := int(st.off[i+len(q)-1])
	st.Passages = append(st.Passages, Passage{Art: art, Quote: quote, Start: start, End: runeEnd(st.Text, last)})
	return true
}

// finish sorts the passages, drops repeats of one quote of one article, and the search text.
func (st *SourceText) finish() {
	st.norm, st.off = nil, nil
	slices.SortStableFunc(st.Passages, func(a, b Passage) int {
		return cmp.Or(cmp.Compare(a.Start, b.Start), cmp.Compare(a.End, b.End), strings.Compare(a.Art, b.Art), strings.Compare(a.Quote, b.Quote))
	})
	st.Passages = compactPassages(st.Passages)
}

func compactPassages(ps []Passage) []Passage {
	out := ps[:0]
	for i, p := range ps {
		if i > 0 && p == ps[i-1] {
			continue
		}
		out = append(out, p)
	}
	return out
}

// runeEnd is the end of the character that starts at i; for an HTML character reference, the
// end of the reference, so that a passage never ends inside "&amp;".
func runeEnd(text []byte, i int) int {
	if i >= len(text) {
		return len(text)
	}
	if text[i] == '&' {
		if j := bytes.IndexByte(text[i:min(len(text), i+32)], ';'); j > 0 {
			return i + j + 1
		}
	}
	_, size := utf8.DecodeRune(text[i:])
	return i + size
}

// nodeQuotes calls fn for every quote of every src mapping in the YAML tree n, as walkSources
// does for a decoded input; the tree is what a deal keeps of each of its documents.
func nodeQuotes(n *yaml.Node, fn func(art, quote string)) {
	n = deref(n)
	if n == nil {
		return
	}
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			nodeQuotes(c, fn)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			v := deref(n.Content[i+1])
			if n.Content[i].Value != "src" || v == nil {
				nodeQuotes(v, fn)
				continue
			}
			switch v.Kind {
			case yaml.MappingNode:
				srcQuote(v, fn)
			case yaml.SequenceNode:
				for _, e := range v.Content {
					srcQuote(deref(e), fn)
				}
			}
		}
	}
}

func srcQuote(m *yaml.Node, fn func(art, quote string)) {
	if m == nil || m.Kind != yaml.MappingNode {
		return
	}
	var art, quote string
	has := false
	for i := 0; i+1 < len(m.Content); i += 2 {
		v := deref(m.Content[i+1])
		if v == nil || v.Kind != yaml.ScalarNode {
			continue
		}
		switch m.Content[i].Value {
		case "art":
			art = v.Value
		case "quote":
			quote, has = v.Value, true
		}
	}
	if has {
		fn(art, quote)
	}
}

// scalarAt is the scalar at a path of keys in the YAML tree n, or "".
func scalarAt(n *yaml.Node, keys ...string) string {
	for _, k := range keys {
		n, _ = child(n, k)
		if n == nil {
			return ""
		}
	}
	if n.Kind != yaml.ScalarNode {
		return ""
	}
	return n.Value
}

// stringAt is the string at a path of keys in a decoded input, or "".
func stringAt(m map[string]any, keys ...string) string {
	var v any = m
	for _, k := range keys {
		mm, ok := v.(map[string]any)
		if !ok {
			return ""
		}
		v = mm[k]
	}
	s, _ := v.(string)
	return s
}
