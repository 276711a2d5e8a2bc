package contract

import (
	"errors"
	"fmt"
	"index/suffixarray"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/safefile"
)

// NormaliseQuote prepares text for the verbatim comparison: markdown emphasis (* and _ at word
// edges) is dropped and every run of white space becomes one space, so that a quote may span the
// source's line breaks and formatting. Everything else must match exactly.
func NormaliseQuote(s string) string {
	return string(appendNormalisedQuote(make([]byte, 0, len(s)), s))
}

// appendNormalisedQuote appends NormaliseQuote(s) to dst, so that a caller checking many quotes
// can reuse one buffer.
func appendNormalisedQuote(dst []byte, s string) []byte {
	start := len(dst)
	space := false
	prev := ' '
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		next := i + size
		if r == '*' {
			i = next
			continue
		}
		if r == '_' {
			after, _ := utf8.DecodeRuneInString(s[next:])
			if !isWordRune(prev) || !isWordRune(after) {
				i = next
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = true
			prev = ' '
			i = next
			continue
		}
		if space && len(dst) > start {
			dst = append(dst, ' ')
		}
		space = false
		dst = utf8.AppendRune(dst, r)
		prev = r
		i = next
	}
	return dst
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// sourceText is a source document, normalised and indexed once for all the quotes of all the
// contracts that cite it.
type sourceText struct {
	once  sync.Once
	index *suffixarray.Index
	// markup and raw are kept for a Markdown or HTML source, to say where a quote that copied
	// the markup is.
	markup markup
	raw    []byte
	err    error
}

type sourceCache struct {
	mu    sync.Mutex
	texts map[string]*sourceText
}

func newSourceCache() *sourceCache { return &sourceCache{texts: map[string]*sourceText{}} }

// get returns the index of the source text at path, which must lead into root. Whether a path
// is allowed depends on the root, so both make the key.
func (sc *sourceCache) get(root, path string, limit int64) (*sourceText, error) {
	key := root + "\x00" + path
	sc.mu.Lock()
	t := sc.texts[key]
	if t == nil {
		t = &sourceText{}
		sc.texts[key] = t
	}
	sc.mu.Unlock()
	t.once.Do(func() {
		real, err := safefile.Confine(root, path)
		if err != nil {
			t.err = err
			return
		}
		data, err := safefile.ReadFile(real, limit)
		if err != nil {
			t.err = err
			return
		}
		if t.markup = markupOf(path); t.markup == plainText {
			t.index = suffixarray.New([]byte(NormaliseQuote(string(data))))
			return
		}
		// Derived once per source text, like the index: quotes are compared with what a
		// reader of the rendered text sees.
		norm, _ := searchText(data, t.markup)
		t.index = suffixarray.New(norm)
		t.raw = data
	})
	return t, t.err
}

// rootCache remembers the default source root of each contract directory, found by looking up
// for a .git entry.
type rootCache struct {
	mu    sync.Mutex
	roots map[string]string
}

func newRootCache() *rootCache { return &rootCache{roots: map[string]string{}} }

// sourceRoot returns the directory the sources of a contract in dir must lead into.
func (l *Loader) sourceRoot(dir string) string {
	if l.opts.SourceRoot != "" {
		return l.opts.SourceRoot
	}
	rc := l.roots
	rc.mu.Lock()
	defer rc.mu.Unlock()
	root, ok := rc.roots[dir]
	if !ok {
		root = safefile.RepoRoot(dir)
		if root == "" {
			root = dir
		}
		rc.roots[dir] = root
	}
	return root
}

// checkQuotes verifies each src quote against the source text named by document.source.
func (l *Loader) checkQuotes(c *Contract, dir string) []Diagnostic {
	doc, _ := c.Input["document"].(map[string]any)
	rel, _ := doc["source"].(string)
	path := rel
	if !filepath.IsAbs(path) {
		path = filepath.Join(dir, rel)
	}
	src, err := l.sources.get(l.sourceRoot(dir), path, l.opts.Limits.MaxSourceBytes)
	if err != nil {
		// The one diagnostic of this contract's quotes: none is checked against anything else,
		// so that found / not found cannot tell what a refused path holds.
		line, col := c.Position([]any{"document", "source"})
		var msg string
		switch {
		case errors.Is(err, safefile.ErrOutside), errors.Is(err, safefile.ErrInGit):
			// One message for every path that leaves the root, whether its target exists, is
			// a link or lies in .git: any difference would tell what is outside.
			msg = fmt.Sprintf("document.source: source text %q is not a file inside the source root; a source must be a file of the repository that holds the contract (outside .git), or of the directory given with --source-root", rel)
		case errors.Is(err, fs.ErrNotExist):
			msg = fmt.Sprintf("document.source: source text %q not found (looked for %s); give the path relative to this file, or skip quote checks with --no-quotes", rel, filepath.ToSlash(path))
		default:
			msg = fmt.Sprintf("document.source: cannot read source text %q: %v", rel, unwrapPathError(err))
		}
		return []Diagnostic{{File: c.File, Line: line, Column: col, Message: msg}}
	}
	var diags []Diagnostic
	var q []byte
	walkSources(c.Input, func(path []any, quote string) {
		q = appendNormalisedQuote(q[:0], quote)
		if len(q) > 0 && len(src.index.Lookup(q, 1)) > 0 {
			return
		}
		line, col := c.Position(path)
		msg := fmt.Sprintf("quote not found in source %s: %q", rel, abbreviate(quote, 80))
		if src.raw != nil {
			if sl, sc, ok := quotePosition(src.raw, plainText, quote); ok {
				msg += fmt.Sprintf("; it occurs with the source's markup at line %d, column %d: quote the text as a reader sees it, without tags or Markdown", sl, sc)
			}
		}
		diags = append(diags, Diagnostic{File: c.File, Line: line, Column: col, Message: msg})
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

// walkSources calls fn for every quote of every src in v, with the quote's path. The path is only
// valid during the call. The walk keeps its steps unboxed and builds the []any path only for a
// quote: a contract has thousands of keys and a few hundred quotes.
func walkSources(v any, fn func(path []any, quote string)) {
	w := sourceWalker{fn: fn}
	w.walk(v)
}

// pathStep is a mapping key, or a list index when key is empty and index >= 0.
type pathStep struct {
	key   string
	index int
}

type sourceWalker struct {
	steps []pathStep
	path  []any
	fn    func(path []any, quote string)
}

func (w *sourceWalker) quote(q string, tail ...any) {
	w.path = w.path[:0]
	for _, s := range w.steps {
		if s.index >= 0 {
			w.path = append(w.path, s.index)
		} else {
			w.path = append(w.path, s.key)
		}
	}
	w.path = append(w.path, tail...)
	w.fn(w.path, q)
}

func (w *sourceWalker) walk(v any) {
	switch t := v.(type) {
	case map[string]any:
		if src, ok := t["src"]; ok {
			switch s := src.(type) {
			case map[string]any:
				if q, ok := s["quote"].(string); ok {
					w.quote(q, "src", "quote")
				}
			case []any:
				for i, e := range s {
					if m, ok := e.(map[string]any); ok {
						if q, ok := m["quote"].(string); ok {
							w.quote(q, "src", i, "quote")
						}
					}
				}
			}
		}
		for k, e := range t {
			if k == "src" {
				continue
			}
			w.steps = append(w.steps, pathStep{key: k, index: -1})
			w.walk(e)
			w.steps = w.steps[:len(w.steps)-1]
		}
	case []any:
		for i, e := range t {
			w.steps = append(w.steps, pathStep{index: i})
			w.walk(e)
			w.steps = w.steps[:len(w.steps)-1]
		}
	}
}
