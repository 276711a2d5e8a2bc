package contract

import (
	"errors"
	"fmt"
	"index/suffixarray"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// NormaliseQuote prepares text for the verbatim comparison: markdown emphasis (* and _ at word
// edges) is dropped and every run of white space becomes one space, so that a quote may span the
// source's line breaks and formatting. Everything else must match exactly.
func NormaliseQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	prev := ' '
	for i, r := range s {
		if r == '*' {
			continue
		}
		if r == '_' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if !isWordRune(prev) || !isWordRune(next) {
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = true
			prev = ' '
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sourceText is a source document, normalised and indexed once for all the quotes of all the
// contracts that cite it.
type sourceText struct {
	once  sync.Once
	index *suffixarray.Index
	err   error
}

type sourceCache struct {
	mu    sync.Mutex
	texts map[string]*sourceText
}

func newSourceCache() *sourceCache { return &sourceCache{texts: map[string]*sourceText{}} }

func (sc *sourceCache) get(path string) (*suffixarray.Index, error) {
	sc.mu.Lock()
	t := sc.texts[path]
	if t == nil {
		t = &sourceText{}
		sc.texts[path] = t
	}
	sc.mu.Unlock()
	t.once.Do(func() {
		data, err := os.ReadFile(path)
		if err != nil {
			t.err = err
			return
		}
		t.index = suffixarray.New([]byte(NormaliseQuote(string(data))))
	})
	return t.index, t.err
}

// checkQuotes verifies each src quote against the source text named by document.source.
func (l *Loader) checkQuotes(c *Contract, dir string) []Diagnostic {
	doc, _ := c.Input["document"].(map[string]any)
	rel, _ := doc["source"].(string)
	path := rel
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, rel)
	}
	idx, err := l.sources.get(path)
	if err != nil {
		line, col := c.Position([]any{"document", "source"})
		msg := fmt.Sprintf("document.source: cannot read source text %q: %v", rel, unwrapPathError(err))
		if os.IsNotExist(err) {
			msg = fmt.Sprintf("document.source: source text %q not found (looked for %s); give the path relative to this file, or skip quote checks with --no-quotes", rel, filepath.ToSlash(path))
		}
		return []Diagnostic{{File: c.File, Line: line, Column: col, Message: msg}}
	}
	var diags []Diagnostic
	walkSources(c.Input, nil, func(path []any, quote string) {
		q := NormaliseQuote(quote)
		if q != "" && len(idx.Lookup([]byte(q), 1)) > 0 {
			return
		}
		line, col := c.Position(path)
		diags = append(diags, Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf("quote not found in source %s: %q", rel, abbreviate(quote, 80))})
	})
	return diags
}

func unwrapPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func abbreviate(s string, n int) string {
	s = NormaliseQuote(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}

// walkSources calls fn for every quote of every src in v, with the quote's path.
func walkSources(v any, path []any, fn func(path []any, quote string)) {
	switch t := v.(type) {
	case map[string]any:
		if src, ok := t["src"]; ok {
			p := make([]any, len(path), len(path)+3)
			copy(p, path)
			p = append(p, "src")
			switch s := src.(type) {
			case map[string]any:
				if q, ok := s["quote"].(string); ok {
					fn(append(p, "quote"), q)
				}
			case []any:
				for i, e := range s {
					if m, ok := e.(map[string]any); ok {
						if q, ok := m["quote"].(string); ok {
							fn(append(p[:len(p):len(p)], i, "quote"), q)
						}
					}
				}
			}
		}
		for k, e := range t {
			if k == "src" {
				continue
			}
			walkSources(e, append(path[:len(path):len(path)], k), fn)
		}
	case []any:
		for i, e := range t {
			walkSources(e, append(path[:len(path):len(path)], i), fn)
		}
	}
}
