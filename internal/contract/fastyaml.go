package contract

import (
	"encoding/binary"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file holds a parser for the block-style YAML that contracts are written in. yaml.v3 spends
// most of a contract's load in its scanner and event parser, built for the whole of YAML;
// contracts use a small part of it, which one direct pass over the text turns into the same
// *yaml.Node tree about five times faster (BenchmarkParseYAML).
//
// The rule that keeps it safe: the tree must be exactly yaml.v3's (kinds, styles, tags, values,
// lines, columns, order), and anything this parser does not fully understand makes it decline, so
// that yaml.v3 parses the file as before and stays the only source of syntax errors. Declining is
// always correct; a tree that differs is a bug. The differential tests and FuzzFastYAML hold the
// two parsers to that.
//
// Supported: one document, optionally opened by "---"; block mappings and sequences (indentless
// sequences and the compact "- - x" and "- k: v" forms included); flow mappings and sequences on
// one line, keys without values included; plain scalars (over several lines in block context);
// single- and double-quoted scalars with escapes and line folding; literal and folded block
// scalars with a chomping indicator; comments wherever they end a line.
//
// Declined: anchors, aliases, tags, "?" keys, directives, a second document, "...", tabs, carriage
// returns, a byte order mark, control characters, flow collections over several lines, trailing
// commas, block scalars with an explicit indentation, keys near yaml.v3's 1024-character limit,
// nesting deeper than maxFastDepth, and every syntax error.
//
// Comments are not kept: nothing in this package reads them.

// maxFastDepth bounds the nesting this parser follows; deeper files go to yaml.v3, whose own
// limits and messages then apply.
const maxFastDepth = 100

// maxKeyBytes keeps keys well inside yaml.v3's 1024-character limit on implicit keys (counted in
// characters, so a byte bound is the stricter one).
const maxKeyBytes = 1000

// nodeChunk is how many nodes are allocated at once: one allocation per chunk instead of per node.
const nodeChunk = 256

const (
	tagNull  = "!!null"
	tagBool  = "!!bool"
	tagStr   = "!!str"
	tagInt   = "!!int"
	tagFloat = "!!float"
	tagTime  = "!!timestamp"
	tagSeq   = "!!seq"
	tagMap   = "!!map"
	tagMerge = "!!merge"
)

// plainStop says why a plain scalar's run on one line ended.
type plainStop int

const (
	stopEOL     plainStop = iota // end of line or of input
	stopComment                  // " #"
	stopColon                    // ": " (a key, or an error after a value)
	stopFlow                     // a flow indicator, in flow context
)

type fastParser struct {
	src       string
	pos       int // byte offset of the next character to read
	line      int // 1-based line of pos
	lineStart int // byte offset where that line starts
	// indent is the column of the first character of the current content line; set by
	// skipToContent.
	indent int
	depth  int

	nodes []yaml.Node  // the chunk nodes are taken from
	ptrs  []*yaml.Node // the chunk Content slices are taken from
	stack []*yaml.Node // children of the collections being parsed
	buf   []byte       // scratch for scalars that differ from their source text
}

// parseFast parses data as one YAML document if it keeps to the subset described above, and
// returns the document node as yaml.v3's Decoder.Decode would fill it (comments aside). ok is
// false when the caller must use yaml.v3 instead.
func parseFast(data []byte) (doc *yaml.Node, ok bool) {
	if !fastChars(data) {
		return nil, false
	}
	p := &fastParser{src: string(data), line: 1}
	return p.document()
}

// fastChars accepts the characters this parser handles: printable text and line feeds. yaml.v3
// gives tabs, carriage returns, NEL, the line and paragraph separators and the byte order mark
// meanings of their own, and rejects control characters.
func fastChars(data []byte) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for i := 0; i < len(data); {
		// Eight bytes at a time while they are all in 0x20..0x7e: a byte below 0x20 borrows
		// into its high bit when 0x20 is taken away, one above 0x7e carries into it when 1 is
		// added, and one with the high bit set has it already.
		if i+8 <= len(data) {
			x := binary.LittleEndian.Uint64(data[i:])
			if ((x-0x20*ones)|(x+ones)|x)&highs == 0 {
				i += 8
				continue
			}
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\n') || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if (r == utf8.RuneError && size == 1) || r < 0xa0 || r == 0x2028 || r == 0x2029 || r == 0xfeff || r == 0xfffe || r == 0xffff {
			return false
		}
		i += size
	}
	return true
}

func (p *fastParser) document() (*yaml.Node, bool) {
	p.skipBlank()
	if p.eof() {
		return nil, false
	}
	doc := p.newNode(yaml.DocumentNode, 0, "", "")
	explicit := false
	if p.indent == 0 && strings.HasPrefix(p.src[p.pos:], "---") && p.blankz(p.pos+3) {
		// An explicit start puts the document node at the marker.
		doc.Line, doc.Column = p.line, 1
		explicit = true
		p.pos += 3
		if !p.finishLine() {
			return nil, false
		}
	}
	if !p.skipToContent() || p.eof() {
		return nil, false
	}
	key, isKey, ok := p.key(false)
	if !ok || !isKey {
		return nil, false
	}
	root, ok := p.blockMap(p.indent, key)
	if !ok || !p.eof() {
		return nil, false
	}
	if !explicit {
		doc.Line, doc.Column = root.Line, root.Column
	}
	doc.Content = []*yaml.Node{root}
	return doc, true
}

// newNode takes a node from the current chunk, placed at p.pos.
func (p *fastParser) newNode(kind yaml.Kind, style yaml.Style, tag, value string) *yaml.Node {
	return p.newNodeAt(kind, style, tag, value, p.line, p.column(p.pos))
}

func (p *fastParser) newNodeAt(kind yaml.Kind, style yaml.Style, tag, value string, line, col int) *yaml.Node {
	if len(p.nodes) == cap(p.nodes) {
		p.nodes = make([]yaml.Node, 0, nodeChunk)
	}
	p.nodes = p.nodes[:len(p.nodes)+1]
	n := &p.nodes[len(p.nodes)-1]
	n.Kind, n.Style, n.Tag, n.Value = kind, style, tag, value
	n.Line, n.Column = line, col
	return n
}

// children moves the collection's children, p.stack[from:], to a slice of their own. yaml.v3
// leaves Content nil for an empty collection, and so does this.
func (p *fastParser) children(from int) []*yaml.Node {
	kids := p.stack[from:]
	n := len(kids)
	if n == 0 {
		return nil
	}
	if cap(p.ptrs)-len(p.ptrs) < n {
		p.ptrs = make([]*yaml.Node, 0, max(n, 4*nodeChunk))
	}
	start := len(p.ptrs)
	p.ptrs = append(p.ptrs, kids...)
	clear(kids)
	p.stack = p.stack[:from]
	return p.ptrs[start : start+n : start+n]
}

// column is yaml.v3's 1-based column of pos on the current line: it counts characters, not
// bytes.
func (p *fastParser) column(pos int) int {
	s := p.src[p.lineStart:pos]
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i + utf8.RuneCountInString(s[i:]) + 1
		}
	}
	return len(s) + 1
}

func (p *fastParser) eof() bool { return p.pos >= len(p.src) }

// blankz reports whether i is at a space, a line break or the end of input.
func (p *fastParser) blankz(i int) bool {
	return i >= len(p.src) || p.src[i] == ' ' || p.src[i] == '\n'
}

func (p *fastParser) newline(i int) {
	p.pos = i + 1
	p.line++
	p.lineStart = i + 1
}

func (p *fastParser) enter() bool {
	p.depth++
	return p.depth <= maxFastDepth
}

func (p *fastParser) leave() { p.depth-- }

// skipBlank moves from the start of a line past empty and comment-only lines to the first
// character of the next line with content (or the end), and records its indentation.
func (p *fastParser) skipBlank() {
	for p.pos < len(p.src) {
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i == len(p.src) {
			p.pos = i
			return
		}
		switch p.src[i] {
		case '\n':
			p.newline(i)
			continue
		case '#':
			j := strings.IndexByte(p.src[i:], '\n')
			if j < 0 {
				p.pos = len(p.src)
				return
			}
			p.newline(i + j)
			continue
		}
		p.pos = i
		p.indent = i - p.lineStart
		return
	}
}

// skipToContent is skipBlank that declines at a document marker: a second document, or an end
// marker, is yaml.v3's to handle.
func (p *fastParser) skipToContent() bool {
	p.skipBlank()
	if p.eof() || p.indent != 0 {
		return true
	}
	rest := p.src[p.pos:]
	marker := strings.HasPrefix(rest, "---") || strings.HasPrefix(rest, "...")
	return !marker || !p.blankz(p.pos+3)
}

// finishLine consumes what may follow a value on its line: spaces, a comment, the line break.
func (p *fastParser) finishLine() bool {
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i == len(p.src) {
		p.pos = i
		return true
	}
	if p.src[i] == '#' {
		// yaml.v3 takes a '#' right after a token as a comment; YAML does not. Not ours to settle.
		if i == p.pos {
			return false
		}
		j := strings.IndexByte(p.src[i:], '\n')
		if j < 0 {
			p.pos = len(p.src)
			return true
		}
		i += j
	}
	if p.src[i] != '\n' {
		return false
	}
	p.newline(i)
	return true
}

// endValue finishes the line of a value that ended on it and moves to the next content line.
func (p *fastParser) endValue() bool {
	return p.finishLine() && p.skipToContent()
}

func (p *fastParser) isEntry() bool {
	return p.src[p.pos] == '-' && p.blankz(p.pos+1)
}

// blockNode parses the node at p.pos, the first character of a content line or what follows
// "- ", in block context. parent is the indentation of the enclosing block collection (libyaml's
// parser.indent), which bounds multi-line scalars and block scalar indentation.
func (p *fastParser) blockNode(parent int) (*yaml.Node, bool) {
	// Only spaces and "- " precede p.pos here, so the byte offset is the column.
	col := p.pos - p.lineStart
	if p.isEntry() {
		return p.blockSeq(col, false)
	}
	key, isKey, ok := p.key(false)
	if !ok {
		return nil, false
	}
	if isKey {
		return p.blockMap(col, key)
	}
	return p.inlineValue(parent)
}

// blockMap parses a block mapping at column col whose first key has been read.
func (p *fastParser) blockMap(col int, key *yaml.Node) (*yaml.Node, bool) {
	if !p.enter() {
		return nil, false
	}
	m := p.newNodeAt(yaml.MappingNode, 0, tagMap, "", key.Line, key.Column)
	from := len(p.stack)
	for {
		v, ok := p.mapValue(col)
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, key, v)
		if p.eof() || p.indent < col {
			break
		}
		if p.indent > col {
			return nil, false
		}
		var isKey bool
		key, isKey, ok = p.key(false)
		if !ok || !isKey {
			return nil, false
		}
	}
	m.Content = p.children(from)
	p.leave()
	return m, true
}

// mapValue parses the value after a block mapping key's ':' (p.pos is just past it).
func (p *fastParser) mapValue(col int) (*yaml.Node, bool) {
	i := p.pos
	for i < len(p.src) && p.src[i] == ' ' {
		i++
	}
	if i < len(p.src) && p.src[i] != '\n' && p.src[i] != '#' {
		p.pos = i
		return p.inlineValue(col)
	}
	// Nothing more on the key's line: the value is on the lines below, or empty. yaml.v3 places
	// an empty value just after the ':'.
	line, column := p.line, p.column(p.pos)
	if !p.endValue() {
		return nil, false
	}
	if !p.eof() && p.indent > col {
		return p.blockNode(col)
	}
	if !p.eof() && p.indent == col && p.isEntry() {
		return p.blockSeq(col, true)
	}
	return p.newNodeAt(yaml.ScalarNode, 0, tagNull, "", line, column), true
}

// blockSeq parses a block sequence whose first "-" is at p.pos, column col. An indentless
// sequence (a mapping value at the mapping's own indentation) ends at the mapping's next key.
func (p *fastParser) blockSeq(col int, indentless bool) (*yaml.Node, bool) {
	if !p.enter() {
		return nil, false
	}
	s := p.newNode(yaml.SequenceNode, 0, tagSeq, "")
	from := len(p.stack)
	for {
		p.pos++ // the '-'
		i := p.pos
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		var v *yaml.Node
		ok := true
		if i == len(p.src) || p.src[i] == '\n' || p.src[i] == '#' {
			// yaml.v3 places an empty entry just after the '-'.
			line, column := p.line, p.column(p.pos)
			if !p.endValue() {
				return nil, false
			}
			if !p.eof() && p.indent > col {
				v, ok = p.blockNode(col)
			} else {
				v = p.newNodeAt(yaml.ScalarNode, 0, tagNull, "", line, column)
			}
		} else {
			p.pos = i
			v, ok = p.blockNode(col)
		}
		if !ok {
			return nil, false
		}
		p.stack = append(p.stack, v)
		if p.eof() || p.indent < col {
			break
		}
		if p.indent > col {
			return nil, false
		}
		if !p.isEntry() {
			if indentless {
				break
			}
			return nil, false
		}
	}
	s.Content = p.children(from)
	p.leave()
	return s, true
}

// inlineValue parses a scalar or flow collection at p.pos in block context, and moves to the next
// content line.
func (p *fastParser) inlineValue(parent int) (*yaml.Node, bool) {
	var n *yaml.Node
	var ok bool
	switch p.src[p.pos] {
	case '"', '\'':
		n, ok = p.quoted(parent, false)
	case '[', '{':
		n, ok = p.flow()
	case '|', '>':
		return p.blockScalar(parent)
	default:
		if !p.plainStart(false) {
			return nil, false
		}
		return p.plainBlock(parent)
	}
	if !ok || !p.endValue() {
		return nil, false
	}
	return n, true
}

// plainStart reports whether a plain scalar may start at p.pos. It is stricter than yaml.v3,
// which also lets "?" and ":" start one in block context.
func (p *fastParser) plainStart(flow bool) bool {
	if p.eof() {
		return false
	}
	switch p.src[p.pos] {
	case ' ', '\n', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`':
		return false
	case '-':
		if p.blankz(p.pos + 1) {
			return false
		}
		if flow {
			// yaml.v3 ends a plain scalar at a flow indicator, so "[-]" holds "-"; keep to plainer
			// cases.
			switch p.src[p.pos+1] {
			case ',', '[', ']', '{', '}', '?':
				return false
			}
		}
	}
	return true
}

// plainRun scans one line of a plain scalar from i, a non-blank character. It returns the end of
// the text (trailing spaces excluded) and why the run ended.
func (p *fastParser) plainRun(i int, flow bool) (end int, stop plainStop) {
	end = i
	for i < len(p.src) {
		c := p.src[i]
		switch {
		case c == '\n':
			return end, stopEOL
		case c == ' ':
			i++
			continue
		case c == '#' && p.src[i-1] == ' ':
			return end, stopComment
		case c == ':' && p.blankz(i+1):
			return end, stopColon
		case flow && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}'):
			return end, stopFlow
		}
		// Every byte of a multi-byte character is >= 0x80, so none is mistaken for the above.
		i++
		end = i
	}
	return end, stopEOL
}

// plainBlock parses a plain scalar in block context: its lines run on while they are indented
// more than parent, and fold as yaml.v3 folds them.
func (p *fastParser) plainBlock(parent int) (*yaml.Node, bool) {
	n := p.newNode(yaml.ScalarNode, 0, "", "")
	start := p.pos
	end, stop := p.plainRun(start, false)
	multi := false
	for stop == stopEOL && end < len(p.src) {
		// Look ahead for a continuation line: the blank lines before it fold to line breaks.
		i := end
		for i < len(p.src) && p.src[i] == ' ' {
			i++
		}
		if i == len(p.src) {
			break
		}
		// p.src[i] is '\n' here.
		breaks, line, lineStart := 0, p.line, p.lineStart
		for i < len(p.src) && p.src[i] == '\n' {
			breaks++
			line++
			lineStart = i + 1
			i++
			for i < len(p.src) && p.src[i] == ' ' {
				i++
			}
		}
		if i == len(p.src) || i-lineStart < parent+1 || p.src[i] == '#' {
			break
		}
		if !multi {
			p.buf = append(p.buf[:0], p.src[start:end]...)
			multi = true
		}
		if breaks == 1 {
			p.buf = append(p.buf, ' ')
		} else {
			for range breaks - 1 {
				p.buf = append(p.buf, '\n')
			}
		}
		p.line, p.lineStart = line, lineStart
		segment := i
		end, stop = p.plainRun(segment, false)
		p.buf = append(p.buf, p.src[segment:end]...)
	}
	if stop == stopColon {
		// "key: a: b", or a key on a continuation line: errors in yaml.v3.
		return nil, false
	}
	if multi {
		n.Value = string(p.buf)
	} else {
		n.Value = p.src[start:end]
	}
	n.Tag = resolvePlain(n.Value)
	p.pos = end
	if !p.endValue() {
		return nil, false
	}
	return n, true
}

// key reads a mapping key and its ':' at p.pos. isKey is false, with nothing consumed, when the
// text there is not a key on one line; ok is false when this parser must decline.
func (p *fastParser) key(flow bool) (key *yaml.Node, isKey, ok bool) {
	start := p.pos
	var colon int
	switch p.src[start] {
	case '"', '\'':
		end, found := p.quotedEnd(start)
		if !found {
			return nil, false, true
		}
		colon = end
		for colon < len(p.src) && p.src[colon] == ' ' {
			colon++
		}
		// In flow context a ':' right after a quoted key is its value indicator ({"a":1}).
		if colon >= len(p.src) || p.src[colon] != ':' || (!flow && !p.blankz(colon+1)) {
			return nil, false, true
		}
		if colon-start > maxKeyBytes {
			return nil, false, false
		}
		key, ok = p.quoted(-1, true)
		if !ok {
			return nil, false, false
		}
	default:
		if !p.plainStart(flow) {
			return nil, false, true
		}
		end, stop := p.plainRun(start, flow)
		if stop != stopColon {
			return nil, false, true
		}
		colon = end
		for p.src[colon] != ':' {
			colon++
		}
		if colon-start > maxKeyBytes {
			return nil, false, false
		}
		key = p.newNode(yaml.ScalarNode, 0, "", p.src[start:end])
		key.Tag = resolvePlain(key.Value)
	}
	p.pos = colon + 1
	return key, true, true
}

// quotedEnd finds the closing quote of the quoted scalar at start if it is on the same line.
func (p *fastParser) quotedEnd(start int) (end int, found bool) {
	q := p.src[start]
	for i := start + 1; i < len(p.src); i++ {
		switch c := p.src[i]; {
		case c == '\n':
			return 0, false
		case q == '"' && c == '\\':
			if i+1 < len(p.src) && p.src[i+1] == '\n' {
				return 0, false
			}
			i++
		case c == q:
			if q == '\'' && i+1 < len(p.src) && p.src[i+1] == '\'' {
				i++
				continue
			}
			return i + 1, true
		}
	}
	return 0, false
}

// quoted parses a single- or double-quoted scalar at p.pos, the way yaml.v3's scanner does. In
// flow context, and for keys, it must end on its line; in block context its continuation lines
// must be indented more than parent (yaml.v3 does not ask that, but it keeps away from document
// markers and from what a reader would not call a value).
func (p *fastParser) quoted(parent int, oneLine bool) (*yaml.Node, bool) {
	single := p.src[p.pos] == '\''
	style := yaml.DoubleQuotedStyle
	if single {
		style = yaml.SingleQuotedStyle
	}
	n := p.newNode(yaml.ScalarNode, style, tagStr, "")
	// Most quoted scalars are one line without escapes: their value is their text.
	for i := p.pos + 1; i < len(p.src); i++ {
		c := p.src[i]
		if c == '\n' || c == '\\' && !single {
			break
		}
		if single && c == '\'' {
			if i+1 < len(p.src) && p.src[i+1] == '\'' {
				break
			}
			n.Value = p.src[p.pos+1 : i]
			p.pos = i + 1
			return n, true
		}
		if !single && c == '"' {
			n.Value = p.src[p.pos+1 : i]
			p.pos = i + 1
			return n, true
		}
	}
	s := p.buf[:0]
	i := p.pos + 1
	for {
		if i >= len(p.src) {
			return nil, false
		}
		// Non-blank characters.
		leadingBlanks := false
		for i < len(p.src) && p.src[i] != ' ' && p.src[i] != '\n' {
			c := p.src[i]
			if single && c == '\'' && i+1 < len(p.src) && p.src[i+1] == '\'' {
				s = append(s, '\'')
				i += 2
				continue
			}
			if single && c == '\'' || !single && c == '"' {
				break
			}
			if !single && c == '\\' {
				if i+1 < len(p.src) && p.src[i+1] == '\n' {
					// An escaped line break: the break and the next line's indentation vanish.
					if oneLine {
						return nil, false
					}
					i++
					p.line++
					p.lineStart = i + 1
					i++
					leadingBlanks = true
					break
				}
				var ok bool
				s, i, ok = p.escape(s, i)
				if !ok {
					return nil, false
				}
				continue
			}
			s = append(s, c)
			i++
		}
		if i >= len(p.src) {
			return nil, false
		}
		if c := p.src[i]; single && c == '\'' || !single && c == '"' {
			break
		}
		// Blanks and line breaks: spaces before a break are dropped, one break folds to a space,
		// more keep all but the first.
		wsStart, wsEnd := i, i
		leadingBreak, trailingBreaks := false, 0
		for i < len(p.src) && (p.src[i] == ' ' || p.src[i] == '\n') {
			if p.src[i] == ' ' {
				if !leadingBlanks {
					wsEnd = i + 1
				}
				i++
				continue
			}
			if oneLine {
				return nil, false
			}
			if !leadingBlanks {
				wsEnd = wsStart
				leadingBreak = true
				leadingBlanks = true
			} else {
				trailingBreaks++
			}
			p.line++
			p.lineStart = i + 1
			i++
		}
		if leadingBlanks {
			if i < len(p.src) && i-p.lineStart <= parent {
				return nil, false
			}
			if leadingBreak && trailingBreaks == 0 {
				s = append(s, ' ')
			}
			for range trailingBreaks {
				s = append(s, '\n')
			}
		} else {
			s = append(s, p.src[wsStart:wsEnd]...)
		}
	}
	p.buf = s
	n.Value = string(s)
	p.pos = i + 1
	return n, true
}

// escape decodes the double-quoted escape sequence at i, as yaml.v3 does.
func (p *fastParser) escape(s []byte, i int) ([]byte, int, bool) {
	if i+1 >= len(p.src) {
		return s, i, false
	}
	codeLen := 0
	switch p.src[i+1] {
	case '0':
		s = append(s, 0)
	case 'a':
		s = append(s, '\x07')
	case 'b':
		s = append(s, '\x08')
	case 't':
		s = append(s, '\x09')
	case 'n':
		s = append(s, '\x0a')
	case 'v':
		s = append(s, '\x0b')
	case 'f':
		s = append(s, '\x0c')
	case 'r':
		s = append(s, '\x0d')
	case 'e':
		s = append(s, '\x1b')
	case ' ':
		s = append(s, ' ')
	case '"':
		s = append(s, '"')
	case '\'':
		s = append(s, '\'')
	case '\\':
		s = append(s, '\\')
	case 'N':
		s = append(s, "\u0085"...)
	case '_':
		s = append(s, "\u00a0"...)
	case 'L':
		s = append(s, "\u2028"...)
	case 'P':
		s = append(s, "\u2029"...)
	case 'x':
		codeLen = 2
	case 'u':
		codeLen = 4
	case 'U':
		codeLen = 8
	default:
		return s, i, false
	}
	i += 2
	if codeLen == 0 {
		return s, i, true
	}
	if i+codeLen > len(p.src) {
		return s, i, false
	}
	v := 0
	for _, c := range []byte(p.src[i : i+codeLen]) {
		var d int
		switch {
		case c >= '0' && c <= '9':
			d = int(c - '0')
		case c >= 'a' && c <= 'f':
			d = int(c-'a') + 10
		case c >= 'A' && c <= 'F':
			d = int(c-'A') + 10
		default:
			return s, i, false
		}
		v = v<<4 + d
	}
	if (v >= 0xd800 && v <= 0xdfff) || v > 0x10ffff {
		return s, i, false
	}
	// yaml.v3 writes the code point as UTF-8 whatever it is: \x80 becomes U+0080.
	s = utf8.AppendRune(s, rune(v))
	return s, i + codeLen, true
}

// flow parses a flow sequence or mapping on one line, at p.pos.
func (p *fastParser) flow() (*yaml.Node, bool) {
	if !p.enter() {
		return nil, false
	}
	mapping := p.src[p.pos] == '{'
	var n *yaml.Node
	closer := byte(']')
	if mapping {
		n = p.newNode(yaml.MappingNode, yaml.FlowStyle, tagMap, "")
		closer = '}'
	} else {
		n = p.newNode(yaml.SequenceNode, yaml.FlowStyle, tagSeq, "")
	}
	p.pos++
	from := len(p.stack)
	if !p.flowSpaces() {
		return nil, false
	}
	if p.src[p.pos] == closer {
		p.pos++
		p.leave()
		return n, true
	}
	for {
		var v *yaml.Node
		if mapping {
			k, isKey, ok := p.key(true)
			if !ok {
				return nil, false
			}
			if !isKey {
				// A key without ':' ("{a, b: c}"): its value is null, placed at the ',' or '}'
				// that follows.
				if k, ok = p.flowNode(); !ok || k.Kind != yaml.ScalarNode {
					return nil, false
				}
			}
			p.stack = append(p.stack, k)
			if !p.flowSpaces() {
				return nil, false
			}
			if c := p.src[p.pos]; c == ',' || c == closer {
				v = p.newNode(yaml.ScalarNode, 0, tagNull, "")
			} else if !isKey {
				return nil, false
			}
		}
		if v == nil {
			var ok bool
			if v, ok = p.flowNode(); !ok {
				return nil, false
			}
		}
		p.stack = append(p.stack, v)
		if !p.flowSpaces() {
			return nil, false
		}
		switch p.src[p.pos] {
		case ',':
			p.pos++
			if !p.flowSpaces() || p.src[p.pos] == closer {
				// A trailing comma: valid, but rare enough to leave to yaml.v3.
				return nil, false
			}
			continue
		case closer:
			p.pos++
		default:
			return nil, false
		}
		break
	}
	n.Content = p.children(from)
	p.leave()
	return n, true
}

// flowSpaces skips spaces inside a flow collection, declining at a line break or comment.
func (p *fastParser) flowSpaces() bool {
	for p.pos < len(p.src) && p.src[p.pos] == ' ' {
		p.pos++
	}
	return p.pos < len(p.src) && p.src[p.pos] != '\n' && p.src[p.pos] != '#'
}

// flowNode parses an entry of a flow collection.
func (p *fastParser) flowNode() (*yaml.Node, bool) {
	switch p.src[p.pos] {
	case '"', '\'':
		return p.quoted(-1, true)
	case '[', '{':
		return p.flow()
	}
	if !p.plainStart(true) {
		return nil, false
	}
	start := p.pos
	end, stop := p.plainRun(start, true)
	if stop != stopFlow {
		// A line break, comment or ": " inside the collection.
		return nil, false
	}
	n := p.newNode(yaml.ScalarNode, 0, "", p.src[start:end])
	n.Tag = resolvePlain(n.Value)
	p.pos = end
	return n, true
}

// blockScalar parses a literal or folded scalar at p.pos the way yaml.v3's scanner does, and moves
// to the next content line.
func (p *fastParser) blockScalar(parent int) (*yaml.Node, bool) {
	literal := p.src[p.pos] == '|'
	style := yaml.FoldedStyle
	if literal {
		style = yaml.LiteralStyle
	}
	n := p.newNode(yaml.ScalarNode, style, tagStr, "")
	i := p.pos + 1
	chomp := 0
	if i < len(p.src) && (p.src[i] == '+' || p.src[i] == '-') {
		chomp = 1
		if p.src[i] == '-' {
			chomp = -1
		}
		i++
	}
	if i < len(p.src) && p.src[i] >= '0' && p.src[i] <= '9' {
		return nil, false
	}
	p.pos = i
	if !p.finishLine() {
		return nil, false
	}
	// From here on p.pos is always at the start of a line.
	indent := 0
	s := p.buf[:0]
	breaks := 0
	col := p.blockBreaks(&indent, &breaks, parent)
	leadingBreak, leadingBlank := false, false
	for col == indent && !p.eof() {
		i := p.lineStart + col
		trailingBlank := p.src[i] == ' '
		if !literal && !leadingBlank && !trailingBlank && leadingBreak {
			if breaks == 0 {
				s = append(s, ' ')
			}
		} else if leadingBreak {
			s = append(s, '\n')
		}
		for range breaks {
			s = append(s, '\n')
		}
		breaks = 0
		leadingBlank = trailingBlank
		j := strings.IndexByte(p.src[i:], '\n')
		if j < 0 {
			s = append(s, p.src[i:]...)
			p.pos = len(p.src)
			leadingBreak = false
			break
		}
		s = append(s, p.src[i:i+j]...)
		p.newline(i + j)
		leadingBreak = true
		col = p.blockBreaks(&indent, &breaks, parent)
	}
	if chomp != -1 && leadingBreak {
		s = append(s, '\n')
	}
	if chomp == 1 {
		for range breaks {
			s = append(s, '\n')
		}
	}
	p.buf = s
	n.Value = string(s)
	// p.pos is at the start of the line that ended the scalar (or at the end).
	if !p.skipToContent() {
		return nil, false
	}
	return n, true
}

// blockBreaks skips the indentation and the empty lines of a block scalar from the start of a
// line, counting the line breaks, and fixes the indentation from the first line with text when
// it is not yet known. It returns the column it stopped at, with p.pos at that line's start.
func (p *fastParser) blockBreaks(indent, breaks *int, parent int) int {
	maxIndent := 0
	for {
		col := 0
		for (*indent == 0 || col < *indent) && p.pos+col < len(p.src) && p.src[p.pos+col] == ' ' {
			col++
		}
		maxIndent = max(maxIndent, col)
		if p.pos+col >= len(p.src) || p.src[p.pos+col] != '\n' {
			if *indent == 0 {
				*indent = max(maxIndent, parent+1, 1)
			}
			if p.pos+col >= len(p.src) {
				p.pos = len(p.src)
			}
			return col
		}
		*breaks++
		p.newline(p.pos + col)
	}
}
