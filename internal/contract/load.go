package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
	"github.com/termlint/termlint/schema"
)

// Limits bound what one file may cost to load, so that a hostile or broken file ends in a clear
// error instead of exhausting memory.
type Limits struct {
	// MaxBytes is the largest file accepted.
	MaxBytes int64
	// MaxDepth is the deepest nesting of mappings and lists.
	MaxDepth int
	// MaxNodes bounds the values one file may expand to, aliases included and all its documents
	// together: an alias bomb multiplies a few lines into billions of values, and a bound per
	// document would let a file of many documents, each just under it, multiply it again.
	MaxNodes int
	// MaxDocuments bounds the YAML documents (--- sections) in one file.
	MaxDocuments int
	// MaxSourceBytes is the largest source text (document.source) read for quote checks.
	MaxSourceBytes int64
}

// DefaultLimits are generous for real contracts (the longest fixture has a few thousand values
// and depth 7) and small enough to stop abuse early.
func DefaultLimits() Limits {
	return Limits{MaxBytes: 10 << 20, MaxDepth: 64, MaxNodes: 200_000, MaxDocuments: 1000, MaxSourceBytes: 32 << 20}
}

// withDefaults fills the limits left at zero, so that a caller setting one limit does not lift
// the others.
func (lim Limits) withDefaults() Limits {
	d := DefaultLimits()
	if lim.MaxBytes <= 0 {
		lim.MaxBytes = d.MaxBytes
	}
	if lim.MaxDepth <= 0 {
		lim.MaxDepth = d.MaxDepth
	}
	if lim.MaxNodes <= 0 {
		lim.MaxNodes = d.MaxNodes
	}
	if lim.MaxDocuments <= 0 {
		lim.MaxDocuments = d.MaxDocuments
	}
	if lim.MaxSourceBytes <= 0 {
		lim.MaxSourceBytes = d.MaxSourceBytes
	}
	return lim
}

// Options configure a Loader.
type Options struct {
	Limits Limits
	// SkipQuotes turns off the check that each quote occurs in the source text, for when the
	// source is not at hand.
	SkipQuotes bool
	// SourceRoot is the directory every document.source must lead into (after symbolic links).
	// Empty means the git repository that holds the contract, or the contract's own directory
	// when it is in none; for standard input, the working directory's repository (or the
	// working directory). A contract comes from the pull request the gate judges, so its source
	// path must not reach the runner's other files: whether a quote is found would tell them.
	SourceRoot string
	// Exclude are glob patterns for files a directory search leaves out (see ParseExclude).
	Exclude []string
	// YAMLv3 parses every file with yaml.v3 alone, never the fast parser (fastyaml.go): the
	// two must give the same tree, and this is how to find out when they seem not to.
	YAMLv3 bool
}

// Loader reads contract files. It holds the compiled schema and a cache of source texts, so one
// Loader should serve a whole run; it is safe for concurrent use.
type Loader struct {
	opts       Options
	schema     *Schema
	dealSchema *Schema
	sources    *sourceCache
	roots      *rootCache
	// failed holds the paths Discover found but could not search or read, with the reason that
	// LoadFile reports for them. Written only before loading starts.
	failed map[string]error
	// exclude, skipped and excludedFiles are Discover's: see there.
	exclude                *Exclusion
	skipped, excludedFiles []string
}

// NewLoader prepares a loader with the embedded contract schema.
func NewLoader(opts Options) (*Loader, error) {
	s, err := NewSchema()
	if err != nil {
		return nil, err
	}
	ds, err := compileSchema(schema.DealID, schema.Deal())
	if err != nil {
		return nil, err
	}
	opts.Limits = opts.Limits.withDefaults()
	if opts.SourceRoot != "" {
		info, err := os.Stat(opts.SourceRoot)
		if err != nil {
			return nil, fmt.Errorf("source root: %w", err)
		}
		if !info.IsDir() {
			return nil, fmt.Errorf("source root %s is not a directory", opts.SourceRoot)
		}
	}
	exclude, err := ParseExclude(opts.Exclude)
	if err != nil {
		return nil, err
	}
	return &Loader{opts: opts, schema: s, dealSchema: ds, sources: newSourceCache(), roots: newRootCache(), failed: map[string]error{}, exclude: exclude}, nil
}

// Schema returns the compiled contract schema the loader validates against.
func (l *Loader) Schema() *Schema { return l.schema }

// ErrUnreadable marks errors that mean the input could not be read at all (missing file,
// permissions), as opposed to content that is wrong.
var ErrUnreadable = errors.New("unreadable input")

// LoadFile reads path ("-" for standard input) and returns its documents. Problems with the
// content come back as diagnostics, with the contracts that loaded cleanly; an error means the
// file could not be read (it wraps ErrUnreadable).
func (l *Loader) LoadFile(path string, stdin io.Reader) ([]*Contract, []Diagnostic, error) {
	var (
		data  []byte
		err   error
		dir   string
		diags []Diagnostic
	)
	if err := l.failed[path]; err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	if path == "-" {
		data, err = readLimited(stdin, l.opts.Limits.MaxBytes)
		dir = "."
		var tooBig *tooLargeError
		if errors.As(err, &tooBig) {
			return nil, []Diagnostic{{File: path, Line: 1, Column: 1, Message: tooBig.Error()}}, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("%w: %w", ErrUnreadable, &fs.PathError{Op: "read", Path: path, Err: err})
		}
	} else {
		data, diags, err = l.readFile(path)
		if err != nil || len(diags) > 0 {
			return nil, diags, err
		}
		dir = filepath.Dir(path)
	}
	cs, diags := l.Load(path, dir, data)
	return cs, diags, nil
}

// readFile reads a contract file within the size limit: an error when it cannot be read at all
// (it wraps ErrUnreadable), a diagnostic when it is too large.
func (l *Loader) readFile(path string) ([]byte, []Diagnostic, error) {
	// Regular files only: a FIFO named *.yaml would block forever and /dev/zero never ends.
	f, info, err := safefile.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	// A read-only file: a failed Close loses nothing.
	defer func() { _ = f.Close() }()
	var data []byte
	if info.Size() > l.opts.Limits.MaxBytes {
		// The size on record settles it without reading a (perhaps sparse) 2 GB file.
		err = &tooLargeError{l.opts.Limits.MaxBytes}
	} else {
		data, err = readLimited(f, l.opts.Limits.MaxBytes)
	}
	var tooBig *tooLargeError
	if errors.As(err, &tooBig) {
		return nil, []Diagnostic{{File: path, Line: 1, Column: 1, Message: tooBig.Error()}}, nil
	}
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrUnreadable, &fs.PathError{Op: "read", Path: path, Err: err})
	}
	return data, nil, nil
}

// Reason says why a file could not be read, for a message that names the file already: without
// the ErrUnreadable marker and the file's name, e.g. "permission denied" or "not a regular file
// (a named pipe)".
func Reason(err error) string {
	if err == nil {
		return ""
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return strings.TrimPrefix(err.Error(), ErrUnreadable.Error()+": ")
}

type tooLargeError struct{ limit int64 }

func (e *tooLargeError) Error() string {
	return fmt.Sprintf("file is larger than the limit of %d bytes (raise it with --max-file-size)", e.limit)
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &tooLargeError{limit}
	}
	return data, nil
}

// Load parses data as the contents of file; dir is where document.source paths are resolved
// from.
func (l *Loader) Load(file, dir string, data []byte) ([]*Contract, []Diagnostic) {
	return l.load(file, dir, data, false)
}

// load is Load; member says the file is a document of a deal, whose deferrals the deal resolves.
func (l *Loader) load(file, dir string, data []byte, member bool) ([]*Contract, []Diagnostic) {
	if d, bad := checkText(file, data); bad {
		return nil, []Diagnostic{d}
	}
	if onlyComments(data) {
		return nil, []Diagnostic{{File: file, Line: 1, Column: 1, Message: "empty file: expected a contract (a YAML mapping with schema_version, document and vendor)"}}
	}
	if n := separators(data); n > 2*l.opts.Limits.MaxNodes {
		// The parser would allocate a node per value before the converter's count could stop
		// it; a list of millions of entries is refused here, from a cheap upper bound.
		return nil, []Diagnostic{{File: file, Line: 1, Column: 1, Message: fmt.Sprintf("file holds about %d values, more than the limit of %d: too large for a contract", n, l.opts.Limits.MaxNodes)}}
	}
	if !l.opts.YAMLv3 {
		if doc, ok := parseFast(data); ok {
			return l.finish(file, dir, []*yaml.Node{doc}, nil, member)
		}
	}
	// The fast parser takes one document only, so the count of documents matters only here.
	// Everything the fast parser declines, errors included, is yaml.v3's.
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			// The parser cannot resume after a syntax error, so documents before it are still
			// reported but nothing after.
			return l.finish(file, dir, docs, []Diagnostic{syntaxDiagnostic(file, data, err)}, member)
		}
		if len(docs) == l.opts.Limits.MaxDocuments {
			line := max(n.Line, 1)
			return l.finish(file, dir, docs, []Diagnostic{{File: file, Line: line, Column: 1, Message: fmt.Sprintf("more than %d YAML documents in one file: split it into several files", l.opts.Limits.MaxDocuments)}}, member)
		}
		docs = append(docs, &n)
	}
	return l.finish(file, dir, docs, nil, member)
}

func (l *Loader) finish(file, dir string, docs []*yaml.Node, diags []Diagnostic, member bool) ([]*Contract, []Diagnostic) {
	var out []*Contract
	// One budget of values for the whole file: the documents share it.
	budget := newBudget(l.opts.Limits)
	for i, n := range docs {
		c := &Contract{document: document{File: file, root: n}, Index: i, Documents: len(docs)}
		var ds []Diagnostic
		switch {
		case isDeal(n) && member:
			// Refused before it is loaded: a deal naming itself would never end.
			ds = []Diagnostic{{File: file, Line: 1, Column: 1, Message: "a deal file cannot be a document of a deal; name the contract files of its documents"}}
		case isDeal(n):
			c.isDeal = true
			ds = l.loadDeal(c, dir, budget)
		default:
			ds = l.check(c, dir, budget)
			if len(ds) == 0 && !member {
				// A document of a deal may leave to another document the caps its carve-outs
				// lift: the deal checks its references once the documents are merged.
				ds = checkReferences(c.Input, c.Locate)
			}
			if len(ds) == 0 && !member {
				// Checked alone, a contract has no other document to take a value from.
				resolveAlone(c.Input)
			}
		}
		if len(ds) == 0 {
			out = append(out, c)
		}
		diags = append(diags, ds...)
		if budget.spent {
			// The documents after this one are not converted: that is the cost the limit is
			// there to prevent, and one message says why.
			break
		}
	}
	return out, diags
}

// nodeBudget is what is left of Limits.MaxNodes for the documents of one file, and of the text
// they may expand to.
type nodeBudget struct {
	left int
	// text is what is left of the bytes of text the values may hold, aliases expanded: an alias
	// repeats its anchor's text without costing the file anything, and 95,000 aliases of an
	// 8 MB string stay under the value limit while every later step (the conversion for OPA
	// first) pays for 760 GB.
	text  int64
	spent bool
}

// newBudget starts the budget of one file.
func newBudget(limits Limits) *nodeBudget {
	return &nodeBudget{left: limits.MaxNodes, text: expandedTextLimit(limits)}
}

// expandedTextLimit is twice the file size limit: without aliases the text cannot exceed the
// file, so only expansion reaches it.
func expandedTextLimit(limits Limits) int64 { return 2 * limits.MaxBytes }

// check converts one document and runs every check on it; the contract is usable only when no
// diagnostic comes back.
func (l *Loader) check(c *Contract, dir string, budget *nodeBudget) []Diagnostic {
	m, ds := decodeWithin(&c.document, l.opts.Limits, budget, l.schema, "a contract (a YAML mapping with schema_version, document and vendor)")
	if len(ds) > 0 {
		return ds
	}
	if ds := l.schema.normalise(c, m); len(ds) > 0 {
		return ds
	}
	c.Input = m
	if ds := checkDeferrals(c); len(ds) > 0 {
		return ds
	}
	if l.opts.SkipQuotes {
		return nil
	}
	return l.checkQuotes(c, dir)
}

// decode converts one YAML document into a plain mapping and validates it against s; what
// describes the expected content in messages.
func decode(c *document, limits Limits, s *Schema, what string) (map[string]any, []Diagnostic) {
	return decodeWithin(c, limits, newBudget(limits), s, what)
}

// decodeWithin is decode drawing its values from budget, which the documents of one file share.
func decodeWithin(c *document, limits Limits, budget *nodeBudget, s *Schema, what string) (map[string]any, []Diagnostic) {
	conv := converter{file: c.File, limits: limits, budget: budget, doc: c.root}
	root := c.root
	if root.Kind == yaml.DocumentNode && len(root.Content) == 1 {
		root = root.Content[0]
	}
	if root.Kind == yaml.DocumentNode || (root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null") {
		return nil, []Diagnostic{{File: c.File, Line: max(root.Line, 1), Column: max(root.Column, 1), Message: "empty document: expected " + what}}
	}
	v := conv.value(root, 0)
	if len(conv.diags) > 0 {
		return nil, conv.diags
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, []Diagnostic{{File: c.File, Line: root.Line, Column: root.Column, Message: fmt.Sprintf("expected %s, got %s", what, kindName(v))}}
	}
	if ds := s.validate(c, m); len(ds) > 0 {
		return nil, ds
	}
	return m, nil
}

// checkText rejects input that is not text before the YAML parser gives a vaguer message, and
// line breaks other than LF and CRLF: YAML also breaks lines at a lone CR, NEL, LS and PS, where
// every line-based reader (termlint's positions and discovery, editors' line numbers, diff)
// sees one line, so a file written with them reads differently to YAML and to the people
// reviewing it.
func checkText(file string, data []byte) (Diagnostic, bool) {
	// A few fast scans settle the usual case; the position is only worked out for a problem.
	if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && !HasOddLineBreak(data) {
		return Diagnostic{}, false
	}
	line, col := 1, 1
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return Diagnostic{File: file, Line: line, Column: col, Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02x): expected a UTF-8 text file", data[i])}, true
		case r == 0:
			return Diagnostic{File: file, Line: line, Column: col, Message: "NUL byte: expected a text file, not binary data"}, true
		case r == '\r' && (i+1 == len(data) || data[i+1] != '\n'), r == '\u0085', r == '\u2028', r == '\u2029':
			return Diagnostic{File: file, Line: line, Column: col, Message: fmt.Sprintf("line break %U other than LF or CRLF: save the file with LF (or CRLF) line endings", r)}, true
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return Diagnostic{}, false
}

// HasOddLineBreak reports whether data breaks a line other than with LF or CRLF (see checkText).
func HasOddLineBreak(data []byte) bool {
	for i := bytes.IndexByte(data, '\r'); i >= 0; {
		if i+1 == len(data) || data[i+1] != '\n' {
			return true
		}
		next := bytes.IndexByte(data[i+1:], '\r')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return bytes.Contains(data, []byte("\u0085")) || bytes.Contains(data, []byte("\u2028")) || bytes.Contains(data, []byte("\u2029"))
}

// separators bounds the number of values from above: every value but the first needs a line
// break or a comma before it.
func separators(data []byte) int {
	return bytes.Count(data, []byte("\n")) + bytes.Count(data, []byte(","))
}

// onlyComments reports whether data holds nothing but blank lines, comments and document
// markers, so that a file holding only the editor's schema comment counts as empty. It stops at
// the first line with content, which in a contract is near the top.
func onlyComments(data []byte) bool {
	for len(data) > 0 {
		ln := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			ln, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		t := bytes.TrimSpace(ln)
		if len(t) > 0 && t[0] != '#' && !bytes.Equal(t, []byte("---")) && !bytes.Equal(t, []byte("...")) {
			return false
		}
	}
	return true
}

var yamlLineRE = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// syntaxDiagnostic turns a parser error into a positioned diagnostic. The parser gives a line
// but no column, and for some errors the line of the context (0-based) rather than of the
// problem; the cases a person meets most are corrected here: an unclosed { or [ points at the
// bracket, a tab at the tab.
func syntaxDiagnostic(file string, data []byte, err error) Diagnostic {
	msg := err.Error()
	m := yamlLineRE.FindStringSubmatch(msg)
	if m == nil {
		return Diagnostic{File: file, Line: 1, Column: 1, Message: "invalid YAML: " + strings.TrimPrefix(msg, "yaml: ")}
	}
	line, _ := strconv.Atoi(m[1])
	text := m[2]
	lines := strings.Split(string(data), "\n")
	lineText := func(n int) string {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return ""
	}
	switch {
	case strings.Contains(text, "tab character"):
		for _, n := range []int{line + 1, line} {
			l := lineText(n)
			if i := strings.IndexByte(l, '\t'); i >= 0 && strings.TrimLeft(l[:i], " ") == "" {
				return Diagnostic{File: file, Line: n, Column: utf8.RuneCountInString(l[:i]) + 1, Message: "invalid YAML: tab character in indentation; indent with spaces"}
			}
		}
	case strings.HasPrefix(text, "did not find expected ',' or '}'"), strings.HasPrefix(text, "did not find expected ',' or ']'"):
		open := "{"
		what := "flow mapping"
		if strings.HasSuffix(text, "']'") {
			open, what = "[", "flow list"
		}
		n := line + 1
		if i := strings.Index(lineText(n), open); i >= 0 {
			return Diagnostic{File: file, Line: n, Column: utf8.RuneCountInString(lineText(n)[:i]) + 1, Message: fmt.Sprintf("invalid YAML: this %s is not closed (expected ',' or '%s')", what, map[string]string{"{": "}", "[": "]"}[open])}
		}
	}
	l := lineText(line)
	col := utf8.RuneCountInString(l) - utf8.RuneCountInString(strings.TrimLeft(l, " ")) + 1
	return Diagnostic{File: file, Line: max(line, 1), Column: col, Message: "invalid YAML: " + text}
}

// converter turns yaml.Node trees into plain values (map[string]any, []any, string,
// json.Number, bool, nil), rejecting what YAML allows but a contract must not hold.
type converter struct {
	file   string
	limits Limits
	budget *nodeBudget
	diags  []Diagnostic
	// stopped is set once a limit is hit: one message is enough, and going on would cost what
	// the limit is there to prevent.
	stopped bool
	// doc is the document being converted; anchors, its anchored nodes, is found at its first
	// alias. yaml.v3 resolves an alias to an anchor of an earlier document of the file, which
	// YAML does not allow and other tools refuse: a reader of one document would not see the
	// value.
	doc     *yaml.Node
	anchors map[*yaml.Node]bool
}

// anchorsOf collects the anchored nodes of a document, not following aliases.
func anchorsOf(n *yaml.Node, into map[*yaml.Node]bool) {
	if n == nil || n.Kind == yaml.AliasNode {
		return
	}
	if n.Anchor != "" {
		into[n] = true
	}
	for _, c := range n.Content {
		anchorsOf(c, into)
	}
}

func (cv *converter) fail(n *yaml.Node, format string, args ...any) {
	cv.diags = append(cv.diags, Diagnostic{File: cv.file, Line: n.Line, Column: n.Column, Message: fmt.Sprintf(format, args...)})
}

func (cv *converter) value(n *yaml.Node, depth int) any {
	if cv.stopped {
		return nil
	}
	cv.budget.left--
	if cv.budget.left < 0 {
		cv.fail(n, "file expands to more than %d values (aliases included, all its documents together): too large for contracts", cv.limits.MaxNodes)
		cv.stopped = true
		cv.budget.spent = true
		return nil
	}
	if depth > cv.limits.MaxDepth {
		cv.fail(n, "nesting deeper than %d levels: too deep for a contract", cv.limits.MaxDepth)
		cv.stopped = true
		return nil
	}
	switch n.Kind {
	case yaml.AliasNode:
		if cv.anchors == nil {
			cv.anchors = map[*yaml.Node]bool{}
			anchorsOf(cv.doc, cv.anchors)
		}
		if !cv.anchors[n.Alias] {
			cv.fail(n, "alias *%s refers to an anchor of another document in this file: each document must define its own anchors", n.Value)
			return nil
		}
		return cv.value(n.Alias, depth)
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if k.Kind == yaml.ScalarNode && k.ShortTag() == "!!merge" {
				cv.fail(k, "merge keys (<<) are not allowed: write the keys out")
				continue
			}
			if k.Kind != yaml.ScalarNode || k.ShortTag() != "!!str" {
				cv.fail(k, "keys must be plain strings, got %s", describeNode(k))
				continue
			}
			if _, dup := m[k.Value]; dup {
				cv.fail(k, "duplicate key %q (first at line %d)", k.Value, firstKey(n, k.Value).Line)
				continue
			}
			m[k.Value] = cv.value(v, depth+1)
		}
		return m
	case yaml.SequenceNode:
		s := make([]any, 0, len(n.Content))
		for _, e := range n.Content {
			s = append(s, cv.value(e, depth+1))
		}
		return s
	case yaml.ScalarNode:
		cv.budget.text -= int64(len(n.Value))
		if cv.budget.text < 0 {
			cv.fail(n, "file expands to more than %d bytes of text (aliases included, all its documents together): too large for contracts", expandedTextLimit(cv.limits))
			cv.stopped = true
			cv.budget.spent = true
			return nil
		}
		return cv.scalar(n)
	}
	cv.fail(n, "unexpected YAML node")
	return nil
}

// firstKey returns the first key of mapping n that the converter accepted under name; only a
// duplicate needs it, so it is searched for then rather than kept in a map for every mapping.
func firstKey(n *yaml.Node, name string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Kind == yaml.ScalarNode && k.ShortTag() == "!!str" && k.Value == name {
			return k
		}
	}
	return nil
}

func (cv *converter) scalar(n *yaml.Node) any {
	switch n.ShortTag() {
	case "!!str", "!!timestamp", "!!binary":
		// Dates stay text: a policy compares "2026-06-01" as written, and the schema says which
		// fields hold dates.
		return n.Value
	case "!!null":
		return nil
	case "!!bool":
		return strings.EqualFold(n.Value, "true")
	case "!!int":
		s := strings.ReplaceAll(n.Value, "_", "")
		i, err := strconv.ParseInt(s, 0, 64)
		if err != nil {
			cv.fail(n, "number %s out of range", n.Value)
			return nil
		}
		return json.Number(strconv.FormatInt(i, 10))
	case "!!float":
		f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64)
		if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
			cv.fail(n, "%s is not a finite number", n.Value)
			return nil
		}
		return numberOf(n.Value)
	}
	cv.fail(n, "unsupported YAML tag %s: use plain values", n.Tag)
	return nil
}

// numberOf keeps a number as JSON text so that 0.1 stays 0.1 all the way into Rego.
func numberOf(s string) json.Number {
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		return json.Number(s)
	}
	return json.Number(strconv.FormatFloat(f, 'f', -1, 64))
}

func describeNode(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	}
	return fmt.Sprintf("%s %q", strings.TrimPrefix(n.ShortTag(), "!!"), n.Value)
}

func kindName(v any) string {
	switch v.(type) {
	case map[string]any:
		return "a mapping"
	case []any:
		return "a list"
	case string:
		return "text"
	case json.Number:
		return "a number"
	case bool:
		return "true/false"
	case nil:
		return "nothing (null)"
	}
	return fmt.Sprintf("%T", v)
}
