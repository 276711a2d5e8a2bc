package contract

import (
	"bytes"
	"html"
	"path/filepath"
	"strings"
	"unicode"
	"unicode/utf8"
)

// markup is how a source text is written. A lawyer quotes a Markdown or HTML text as it reads
// when rendered, so its quotes are compared with the text a reader sees, not with the markup.
type markup int

const (
	plainText markup = iota
	markdownText
	htmlText
)

// markupOf decides by the file name only. Sniffing the content could turn a plain text that
// happens to hold a '<' or a line starting with '#' into Markdown and change which quotes match.
func markupOf(path string) markup {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		return markdownText
	case ".html", ".htm", ".xhtml":
		return htmlText
	}
	return plainText
}

// searchText is a source text as the quote check compares it: for a marked-up source the
// reader's text, normalised as NormaliseQuote does, with for each of its bytes the offset of the
// original byte it comes from.
func searchText(src []byte, m markup) (norm []byte, off []int32) {
	if m == plainText {
		return normaliseOffsets(src, nil)
	}
	rt, roff := readerText(src, m)
	norm, off = normaliseOffsets(rt, roff)
	return norm, off
}

// quotePosition returns the line and column (1-based, the column in characters) in src at which
// the first match of quote begins, compared as the quote check compares it.
func quotePosition(src []byte, m markup, quote string) (line, col int, ok bool) {
	q := appendNormalisedQuote(nil, quote)
	if len(q) == 0 {
		return 0, 0, false
	}
	norm, off := searchText(src, m)
	i := bytes.Index(norm, q)
	if i < 0 {
		return 0, 0, false
	}
	line, col = lineCol(src, int(off[i]))
	return line, col, true
}

func lineCol(src []byte, at int) (line, col int) {
	before := src[:at]
	line = 1 + bytes.Count(before, []byte{'\n'})
	if nl := bytes.LastIndexByte(before, '\n'); nl >= 0 {
		before = before[nl+1:]
	}
	return line, 1 + utf8.RuneCount(before)
}

// normaliseOffsets is appendNormalisedQuote keeping, for each output byte, the offset of the
// input rune it comes from (an inserted space: the first white space of its run), mapped through
// base when the input is itself derived. It must give the same text as NormaliseQuote.
func normaliseOffsets(s []byte, base []int32) ([]byte, []int32) {
	dst := make([]byte, 0, len(s))
	off := make([]int32, 0, len(s))
	at := func(i int) int32 {
		if base != nil {
			return base[i]
		}
		return int32(i)
	}
	space, spaceAt := false, 0
	prev := ' '
	for i := 0; i < len(s); {
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRune(s[i:])
		}
		next := i + size
		if r == '*' {
			i = next
			continue
		}
		if r == '_' {
			after, _ := utf8.DecodeRune(s[next:])
			if !isWordRune(prev) || !isWordRune(after) {
				i = next
				continue
			}
		}
		if unicode.IsSpace(r) {
			if !space {
				spaceAt = i
			}
			space = true
			prev = ' '
			i = next
			continue
		}
		if space && len(dst) > 0 {
			dst = append(dst, ' ')
			off = append(off, at(spaceAt))
		}
		space = false
		n := len(dst)
		dst = utf8.AppendRune(dst, r)
		for range len(dst) - n {
			off = append(off, at(i))
		}
		prev = r
		i = next
	}
	return dst, off
}

// readerText returns the text a reader of the rendered source sees, with for each of its bytes
// the offset of the source byte it comes from (non-decreasing). HTML tags go (block tags leave
// white space), comments, scripts and styles go, entities are decoded. In Markdown also: heading,
// block-quote and list markers at the start of a line, thematic breaks, link and image syntax
// (the link text stays), code span backticks, backslash escapes and autolink brackets. Emphasis
// (* and _ at word edges) is left to the normalisation, which treats quotes the same way.
// Anything that does not complete a construct stays as written: "(a)", "[1]", "a < b", "5 * 3",
// snake_case, "AT&T".
func readerText(src []byte, m markup) ([]byte, []int32) {
	b := readerBuilder{src: src, md: m == markdownText}
	b.out = make([]byte, 0, len(src))
	b.off = make([]int32, 0, len(src))
	b.run()
	return b.out, b.off
}

type readerBuilder struct {
	src []byte
	md  bool
	out []byte
	off []int32
	// closers are the "](url)" ends of the links being read, innermost last.
	closers []span
	// Block state of the previous line, for whether "2. " starts a list item.
	prevBlank, inList bool
	name              []byte
}

type span struct{ start, end int }

// maxConstruct bounds how far a link, code span or tag is looked for, so that a text full of
// unclosed brackets is read in linear time.
const maxConstruct = 4096

// lower returns a tag name in lower case, in a buffer reused for every tag: a source has
// thousands.
func (b *readerBuilder) lower(name []byte) []byte {
	b.name = b.name[:0]
	for _, c := range name {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.name = append(b.name, c)
	}
	return b.name
}

func (b *readerBuilder) emit(c byte, at int) {
	b.out = append(b.out, c)
	b.off = append(b.off, int32(at))
}

func (b *readerBuilder) emitString(s string, at int) {
	for i := 0; i < len(s); i++ {
		b.emit(s[i], at)
	}
}

func (b *readerBuilder) run() {
	src := b.src
	b.prevBlank = true
	i := 0
	if b.md {
		i = b.lineStart(0)
	}
	for i < len(src) {
		if n := len(b.closers); n > 0 && i >= b.closers[n-1].start {
			// A tag or code span may have run past a closer found inside it: that link is text.
			if i == b.closers[n-1].start {
				i = b.closers[n-1].end
			}
			b.closers = b.closers[:n-1]
			continue
		}
		c := src[i]
		switch {
		case c == '\n':
			b.emit(c, i)
			i++
			if b.md {
				i = b.lineStart(i)
			}
		case c == '<':
			i = b.angle(i)
		case c == '&':
			i = b.entity(i)
		case b.md && c == '\\' && i+1 < len(src) && (isASCIIPunct(src[i+1]) || src[i+1] == '\n'):
			if src[i+1] == '\n' {
				b.emit(' ', i)
			} else {
				b.emit(src[i+1], i+1)
			}
			i += 2
		case b.md && c == '`':
			i = b.codeSpan(i)
		case b.md && (c == '[' || c == '!' && i+1 < len(src) && src[i+1] == '['):
			i = b.link(i)
		default:
			b.emit(c, i)
			i++
		}
	}
}

// lineStart drops the Markdown block markers at the start of the line at i and returns where its
// text begins.
func (b *readerBuilder) lineStart(i int) int {
	src := b.src
	j := skipBlanks(src, i)
	indent := j - i
	if j >= len(src) || src[j] == '\n' || src[j] == '\r' {
		b.prevBlank = true
		return j
	}
	prevBlank := b.prevBlank
	b.prevBlank = false
	for j < len(src) && src[j] == '>' {
		j = skipBlanks(src, j+1)
	}
	if j >= len(src) || src[j] == '\n' || src[j] == '\r' {
		return j
	}
	if end, ok := thematicBreak(src, j); ok {
		// A setext underline or a rule: the reader sees a line, or the heading above it.
		return end
	}
	if n := runOf(src, j, '#'); n >= 1 && n <= 6 && isBlankOrEnd(src, j+n) {
		b.inList = false
		return skipBlanks(src, j+n)
	}
	if end, ok := refDefinition(src, j); ok {
		return end
	}
	if c := src[j]; (c == '-' || c == '+' || c == '*') && isBlankOrEnd(src, j+1) {
		b.inList = true
		return skipBlanks(src, j+1)
	}
	if n := runDigits(src, j); n >= 1 && n <= 9 && j+n < len(src) && (src[j+n] == '.' || src[j+n] == ')') &&
		isBlankOrEnd(src, j+n+1) {
		// An ordered item interrupts a paragraph only when it is "1." or the list goes on.
		if prevBlank || b.inList || (n == 1 && src[j] == '1') {
			b.inList = true
			return skipBlanks(src, j+n+1)
		}
	}
	if prevBlank && indent == 0 {
		b.inList = false
	}
	return j
}

func (b *readerBuilder) angle(i int) int {
	src := b.src
	rest := src[i:]
	if len(rest) > maxConstruct {
		rest = rest[:maxConstruct]
	}
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		if e := bytes.Index(rest[4:], []byte("-->")); e >= 0 {
			return i + 4 + e + 3
		}
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if e := bytes.Index(rest, []byte("]]>")); e >= 0 {
			inner := 9
			for k := inner; k < e; k++ {
				b.emit(src[i+k], i+k)
			}
			return i + e + 3
		}
	case bytes.HasPrefix(rest, []byte("<!")) && len(rest) > 2 && isASCIILetter(rest[2]),
		bytes.HasPrefix(rest, []byte("<?")):
		if e := bytes.IndexByte(rest, '>'); e >= 0 {
			return i + e + 1
		}
	default:
		if end, name, ok := htmlTag(rest); ok {
			lname := b.lower(name)
			if string(lname) == "script" || string(lname) == "style" {
				closing := append([]byte("</"), lname...)
				if e := indexFold(src[i+end:], closing); e >= 0 {
					if t, _, ok := htmlTag(src[i+end+e:]); ok {
						return i + end + e + t
					}
				}
				return i + end
			}
			if blockTags[string(lname)] {
				b.emit(' ', i)
			}
			return i + end
		}
		if b.md {
			if end, ok := autolink(rest); ok {
				for k := 1; k < end-1; k++ {
					b.emit(src[i+k], i+k)
				}
				return i + end
			}
		}
	}
	b.emit('<', i)
	return i + 1
}

// htmlTag reads an opening or closing tag at the start of s: its length and name.
func htmlTag(s []byte) (end int, name []byte, ok bool) {
	j := 1
	if j < len(s) && s[j] == '/' {
		j++
	}
	if j >= len(s) || !isASCIILetter(s[j]) {
		return 0, nil, false
	}
	start := j
	for j < len(s) && (isASCIILetter(s[j]) || s[j] >= '0' && s[j] <= '9' || s[j] == '-') {
		j++
	}
	name = s[start:j]
	if j >= len(s) || s[j] != '>' && s[j] != '/' && !isBlank(s[j]) && s[j] != '\n' && s[j] != '\r' {
		return 0, nil, false
	}
	var quote byte
	for ; j < len(s); j++ {
		c := s[j]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '<':
			return 0, nil, false
		case c == '>':
			return j + 1, name, true
		}
	}
	return 0, nil, false
}

// autolink reads <scheme:...> at the start of s.
func autolink(s []byte) (end int, ok bool) {
	j := 1
	for j < len(s) && (isASCIILetter(s[j]) || j > 1 && (s[j] >= '0' && s[j] <= '9' || s[j] == '+' || s[j] == '.' || s[j] == '-')) {
		j++
	}
	if j-1 < 2 || j-1 > 32 || j >= len(s) || s[j] != ':' {
		return 0, false
	}
	for ; j < len(s); j++ {
		c := s[j]
		if c == '>' {
			return j + 1, true
		}
		if c == '<' || c <= ' ' {
			return 0, false
		}
	}
	return 0, false
}

var blockTags = func() map[string]bool {
	m := map[string]bool{}
	for _, t := range strings.Fields(`address article aside blockquote br caption col colgroup dd details
		dialog div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main
		menu nav ol option p pre section summary table tbody td tfoot th thead tr ul`) {
		m[t] = true
	}
	return m
}()

// entity decodes a character reference at i, or emits a literal '&'.
func (b *readerBuilder) entity(i int) int {
	src := b.src
	j := i + 1
	numeric := j < len(src) && src[j] == '#'
	if numeric {
		j++
		if j < len(src) && (src[j] == 'x' || src[j] == 'X') {
			j++
		}
	}
	start := j
	for j < len(src) && j-start < 32 && (isASCIILetter(src[j]) || src[j] >= '0' && src[j] <= '9') {
		j++
	}
	if j > start && j < len(src) && src[j] == ';' {
		ref := string(src[i : j+1])
		dec := html.UnescapeString(ref)
		// UnescapeString also reads a known prefix ("&notit;" as "¬it;"): the whole name must be one.
		if dec != ref && (numeric || !strings.HasSuffix(dec, ";") || ref == "&semi;") {
			b.emitString(dec, i)
			return j + 1
		}
	}
	b.emit('&', i)
	return i + 1
}

// codeSpan reads a run of backticks at i: a code span's text stays as written, its backticks go.
func (b *readerBuilder) codeSpan(i int) int {
	src := b.src
	n := runOf(src, i, '`')
	limit := min(len(src), i+maxConstruct)
	for j := i + n; j < limit; {
		if src[j] != '`' {
			if src[j] == '\n' && j+1 < len(src) && src[j+1] == '\n' {
				break
			}
			j++
			continue
		}
		m := runOf(src, j, '`')
		if m == n {
			for k := i + n; k < j; k++ {
				b.emit(src[k], k)
			}
			return j + m
		}
		j += m
	}
	for k := i; k < i+n; k++ {
		b.emit('`', k)
	}
	return i + n
}

// link reads "[text](url)", "[text][ref]", "[text][]" or an image "![alt](url)" at i: the text
// stays (and is read on), the rest goes. Any other bracket is text.
func (b *readerBuilder) link(i int) int {
	src := b.src
	open := i
	if src[i] == '!' {
		open++
	}
	limit := min(len(src), open+maxConstruct)
	depth := 0
	closeAt := -1
	for j := open; j < limit && closeAt < 0; j++ {
		switch src[j] {
		case '\\':
			j++
		case '[':
			depth++
		case ']':
			depth--
			if depth == 0 {
				closeAt = j
			}
		case '\n':
			if j+1 < len(src) && src[j+1] == '\n' {
				limit = j
			}
		}
	}
	if closeAt < 0 || closeAt+1 >= len(src) {
		b.emit(src[i], i)
		return i + 1
	}
	end := -1
	switch src[closeAt+1] {
	case '(':
		end = balanced(src, closeAt+1, '(', ')')
	case '[':
		end = balanced(src, closeAt+1, '[', ']')
	}
	if end < 0 {
		b.emit(src[i], i)
		return i + 1
	}
	b.closers = append(b.closers, span{closeAt, end})
	return open + 1
}

// balanced returns the end (after the closer) of the bracketed run at i, or -1.
func balanced(src []byte, i int, open, closer byte) int {
	limit := min(len(src), i+maxConstruct)
	depth := 0
	for j := i; j < limit; j++ {
		switch src[j] {
		case '\\':
			j++
		case open:
			depth++
		case closer:
			depth--
			if depth == 0 {
				return j + 1
			}
		case '\n':
			if j+1 < len(src) && src[j+1] == '\n' {
				return -1
			}
		}
	}
	return -1
}

// refDefinition reads a link reference definition "[label]: url" at j and returns the end of
// its line.
func refDefinition(src []byte, j int) (int, bool) {
	if j >= len(src) || src[j] != '[' {
		return 0, false
	}
	end := balanced(src, j, '[', ']')
	if end < 0 || end >= len(src) || src[end] != ':' || end == j+2 {
		return 0, false
	}
	if nl := bytes.IndexByte(src[end:], '\n'); nl >= 0 {
		return end + nl, true
	}
	return len(src), true
}

// thematicBreak reads a line of three or more '-', '*', '_' or '=' (and blanks) at j.
func thematicBreak(src []byte, j int) (int, bool) {
	c := src[j]
	if c != '-' && c != '*' && c != '_' && c != '=' {
		return 0, false
	}
	n := 0
	k := j
	for ; k < len(src) && src[k] != '\n'; k++ {
		switch {
		case src[k] == c:
			n++
		case isBlank(src[k]) || src[k] == '\r':
		default:
			return 0, false
		}
	}
	return k, n >= 3
}

func runOf(src []byte, i int, c byte) int {
	n := 0
	for i+n < len(src) && src[i+n] == c {
		n++
	}
	return n
}

func runDigits(src []byte, i int) int {
	n := 0
	for i+n < len(src) && src[i+n] >= '0' && src[i+n] <= '9' {
		n++
	}
	return n
}

func skipBlanks(src []byte, i int) int {
	for i < len(src) && isBlank(src[i]) {
		i++
	}
	return i
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' }

func isBlankOrEnd(src []byte, i int) bool {
	return i >= len(src) || isBlank(src[i]) || src[i] == '\n' || src[i] == '\r'
}

func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}

// indexFold is bytes.Index ignoring ASCII case, for closing tags; sep is lower case.
func indexFold(s, sep []byte) int {
	for i := 0; i+len(sep) <= len(s); i++ {
		if bytes.EqualFold(s[i:i+len(sep)], sep) {
			return i
		}
	}
	return -1
}
