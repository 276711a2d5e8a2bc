package report

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Every string from a contract, its file name, a policy or a waiver is untrusted: it reaches a
// terminal, the Actions runner (which executes workflow commands it finds in the log) and a
// rendered job summary. The functions here are the only places that make such text safe; the
// formats call them when they write, not when results are spooled, so the codec keeps the text
// as found.

// cleanText makes untrusted text safe for a person to read at a terminal or in a log viewer:
// control characters that move the cursor, change colours or open hyperlinks (C0 other than tab
// and newline, DEL, C1, so every ESC, CSI and OSC sequence loses its introducer), bidirectional
// overrides, isolates and marks that show a reviewer reversed text, Unicode line and paragraph
// separators, and bytes that are not UTF-8 (a Latin-1 terminal reads 0x9B as CSI) are written
// as visible Go-style escapes (\x1b, \u202e). Line breaks stay, as \n: a vendor's quote may span
// lines, and the caller lays them out; a lone \r would let later text overwrite earlier text on
// the same terminal line, so \r\n and \r become \n.
func cleanText(s string) string { return clean(s, true) }

// cleanLine is cleanText for text that must stay on one line (a file name, a rule id, a title, a
// waiver's reason): line breaks are escaped as \n and \r too.
func cleanLine(s string) string { return clean(s, false) }

func clean(s string, keepNewlines bool) string {
	if isPlain(s, keepNewlines) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\r' && keepNewlines:
			if strings.HasPrefix(s[i+size:], "\n") {
				size++
			}
			b.WriteByte('\n')
		case r == '\n' && keepNewlines, r == '\t':
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\r':
			b.WriteString(`\r`)
		case unsafeRune(r):
			if r < 0x100 {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				fmt.Fprintf(&b, `\u%04x`, r)
			}
		default:
			b.WriteRune(r)
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s is printable ASCII (with tab, and newline when kept), which is the
// common case and needs no copy.
func isPlain(s string, keepNewlines bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 || c >= 0x7f) && c != '\t' && (c != '\n' || !keepNewlines) {
			return false
		}
	}
	return true
}

// unsafeRune reports the characters cleanText escapes, besides line breaks and invalid bytes.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true // embeddings, overrides and isolates
	case r == 0x200e, r == 0x200f, r == 0x061c:
		return true // LRM, RLM, ALM
	case r == 0x2028, r == 0x2029:
		return true // line and paragraph separators: a line break to some viewers
	}
	return false
}

// indentLines indents every line after the first of cleaned, multi-line text: our layout for a
// message or quote that spans lines, so it cannot pass for a line of its own.
func indentLines(s, indent string) string {
	return strings.ReplaceAll(s, "\n", "\n"+indent)
}

// Workflow commands. The runner reads the step's output a line at a time (\n, \r and \r\n all end
// a line) and takes a line as a command when, after leading white space, it starts with "::"
// followed by a known command name (case-insensitive), or when it holds "##[" followed by one
// anywhere (the older syntax). A command's data and properties are percent-escaped, and the
// runner unescapes them.

// escapeData escapes a workflow command's data (the message after "::"): an unescaped newline
// would end the command and let the rest of a vendor's quote be read as a new one.
func escapeData(s string) string {
	if !strings.ContainsAny(s, "%\r\n") {
		return s
	}
	s = strings.ReplaceAll(s, "%", "%25")
	s = strings.ReplaceAll(s, "\r", "%0D")
	return strings.ReplaceAll(s, "\n", "%0A")
}

// escapeProperty escapes a property value, where : would end the properties early (the runner
// takes the first "::" after the command name as the start of the data) and , would start the
// next property.
func escapeProperty(s string) string {
	s = escapeData(s)
	s = strings.ReplaceAll(s, ":", "%3A")
	return strings.ReplaceAll(s, ",", "%2C")
}

// property is one key=value of a workflow command; the key is ours, the value is escaped.
type property struct{ key, value string }

// writeCommand writes one workflow command. name is one of ours (error, warning, notice, group,
// endgroup); properties and data are escaped here, so callers pass them as cleaned text.
func writeCommand(w io.Writer, name string, props []property, data string) {
	var b strings.Builder
	b.WriteString("::")
	b.WriteString(name)
	for i, p := range props {
		if i == 0 {
			b.WriteByte(' ')
		} else {
			b.WriteByte(',')
		}
		b.WriteString(p.key)
		b.WriteByte('=')
		b.WriteString(escapeProperty(p.value))
	}
	b.WriteString("::")
	b.WriteString(escapeData(data))
	b.WriteByte('\n')
	_, _ = io.WriteString(w, b.String())
}

// writeLogLine writes a plain line of the github format's log: never a command, whatever text it
// holds.
func writeLogLine(w io.Writer, line string) {
	_, _ = io.WriteString(w, logLine(line)+"\n")
}

// logLine makes s one plain log line that the runner cannot take for a command: it is cleaned as
// one line, so no \r or \n is left to split it, and then made inert.
func logLine(s string) string { return inert(cleanLine(s)) }

// inert makes one line that holds no line break unreadable as a workflow command, whatever the
// format: a ':' that would start it after white space or invisible characters is written \x3a,
// and the '[' of every "##[" is written \x5b. Any output may end up in an Actions log (the text
// format in a step of its own, say), so every human-readable line goes through here. It is
// idempotent, and leaves a line that could not be a command as it is.
func inert(s string) string {
	start := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsSpace(r) && unicode.IsGraphic(r) })
	if start >= 0 && s[start] == ':' {
		s = s[:start] + `\x3a` + s[start+1:]
	}
	return strings.ReplaceAll(s, "##[", `##\x5b`)
}

// inertLines is inert for text of several lines, such as one Fprintf of the text format.
func inertLines(s string) string {
	if !strings.Contains(s, ":") && !strings.Contains(s, "##[") {
		return s
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = inert(l)
	}
	return strings.Join(lines, "\n")
}

// printf writes a formatted piece of human-readable output, made inert line by line.
func printf(w io.Writer, format string, args ...any) {
	_, _ = io.WriteString(w, inertLines(fmt.Sprintf(format, args...)))
}

// location is file:line:col as editors and log readers link it, of a cleaned file name; line 0
// leaves the position out.
func location(file string, line, col int) string {
	loc := cleanLine(file)
	if line > 0 {
		loc += ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
	}
	return loc
}

// SafeWriter makes what is written through it safe for a terminal and an Actions log, line by
// line, as the formats make their own output: for standard error, whose messages quote file
// names, policy ids and policy text that a pull request chose ("a\n::error::x.rego").
type SafeWriter struct{ W io.Writer }

func (s SafeWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(s.W, inertLines(cleanText(string(p)))); err != nil {
		return 0, err
	}
	return len(p), nil
}
