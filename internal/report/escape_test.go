package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// The expected outputs below are written out by hand from the rules in escape.go, not produced by
// the functions under test.

func TestCleanText(t *testing.T) {
	tests := []struct{ name, in, text, line string }{
		{"printable ASCII is kept", "plain, 100% ok: [x] <y>", "plain, 100% ok: [x] <y>", "plain, 100% ok: [x] <y>"},
		{"tab is kept", "a\tb", "a\tb", "a\tb"},
		{"newline is layout in text, escaped in a line", "a\nb", "a\nb", `a\nb`},
		// A lone CR would return the terminal's cursor and let "b" overwrite "a".
		{"CR and CRLF become one line break", "a\r\nb\rc", "a\nb\nc", `a\r\nb\rc`},
		{"SGR colour loses its ESC", "\x1b[31mred\x1b[0m", `\x1b[31mred\x1b[0m`, `\x1b[31mred\x1b[0m`},
		// OSC 8 would show "link" as a hyperlink to another address; ST is ESC \.
		{"OSC 8 hyperlink", "\x1b]8;;http://e.vil\x1b\\link", `\x1b]8;;http://e.vil\x1b\link`, `\x1b]8;;http://e.vil\x1b\link`},
		{"cursor movement and clear screen", "\x1b[2J\x1b[1;1H", `\x1b[2J\x1b[1;1H`, `\x1b[2J\x1b[1;1H`},
		{"C1 CSI (U+009B) as UTF-8", "\u009b31m", `\x9b31m`, `\x9b31m`},
		{"C1 CSI as a raw byte (invalid UTF-8)", "\x9b31m", `\x9b31m`, `\x9b31m`},
		{"NUL, BEL, BS, DEL", "\x00\x07\x08\x7f", `\x00\x07\x08\x7f`, `\x00\x07\x08\x7f`},
		{"other C0", "\x0b\x0c\x1a", `\x0b\x0c\x1a`, `\x0b\x0c\x1a`},
		{"right-to-left override", "abc\u202edcba", `abc\u202edcba`, `abc\u202edcba`},
		{"isolates", "\u2066x\u2069 \u2067\u2068", `\u2066x\u2069 \u2067\u2068`, `\u2066x\u2069 \u2067\u2068`},
		{"embeddings and PDF", "\u202a\u202b\u202c\u202d", `\u202a\u202b\u202c\u202d`, `\u202a\u202b\u202c\u202d`},
		{"bidi marks", "\u200e\u200f\u061c", `\u200e\u200f\u061c`, `\u200e\u200f\u061c`},
		{"line and paragraph separators", "a\u2028b\u2029c", `a\u2028b\u2029c`, `a\u2028b\u2029c`},
		{"truncated UTF-8", "ok\xe2\x80", `ok\xe2\x80`, `ok\xe2\x80`},
		{"letters, punctuation and emoji are kept", "ünïcödé ’quotes’ 日本 ❌ — עברית", "ünïcödé ’quotes’ 日本 ❌ — עברית", "ünïcödé ’quotes’ 日本 ❌ — עברית"},
		{"a backslash is kept as it is", `C:\x1b`, `C:\x1b`, `C:\x1b`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanText(tt.in); got != tt.text {
				t.Errorf("cleanText(%q) = %q, want %q", tt.in, got, tt.text)
			}
			if got := cleanLine(tt.in); got != tt.line {
				t.Errorf("cleanLine(%q) = %q, want %q", tt.in, got, tt.line)
			}
			// Cleaning twice changes nothing: formats clean parts and then whole lines.
			if got := cleanText(tt.text); got != tt.text {
				t.Errorf("cleanText is not idempotent on %q: %q", tt.text, got)
			}
			if got := cleanLine(tt.line); got != tt.line {
				t.Errorf("cleanLine is not idempotent on %q: %q", tt.line, got)
			}
		})
	}
}

func TestEscapeDataProperty(t *testing.T) {
	tests := []struct{ in, data, prop string }{
		{"plain", "plain", "plain"},
		// % goes first, or the %0A of an escaped newline would become %250A.
		{"100%\n", "100%25%0A", "100%25%0A"},
		{"a\rb", "a%0Db", "a%0Db"},
		// A literal escape must come back literally, not as the character it names.
		{"%0A%3A%2C%25", "%250A%253A%252C%2525", "%250A%253A%252C%2525"},
		// In data "::" is harmless (the data runs to the end of the line); in a property it would
		// end the properties, and "," would start a forged one.
		{"::stop-commands::token", "::stop-commands::token", "%3A%3Astop-commands%3A%3Atoken"},
		{"x,line=1,title=forged", "x,line=1,title=forged", "x%2Cline=1%2Ctitle=forged"},
		{"a\n::error file=x::y", "a%0A::error file=x::y", "a%0A%3A%3Aerror file=x%3A%3Ay"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
		if back := runnerUnescapeData(tt.data); back != tt.in {
			t.Errorf("data %q unescapes to %q, want %q", tt.data, back, tt.in)
		}
		if back := runnerUnescapeProperty(tt.prop); back != tt.in {
			t.Errorf("property %q unescapes to %q, want %q", tt.prop, back, tt.in)
		}
	}
}

func TestLogLine(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  c.yaml:3:1: error a/b: E msg", "  c.yaml:3:1: error a/b: E msg"},
		{"a: b", "a: b"},
		// A line the runner would trim and take for a command gets its first ':' escaped.
		{"::error::x", `\x3a:error::x`},
		{"::stop-commands::tok", `\x3a:stop-commands::tok`},
		{"      ::warning file=a::b", `      \x3a:warning file=a::b`},
		{"\t::notice::x", "\t" + `\x3a:notice::x`},
		{"\u00a0\u2003::group::x", "\u00a0\u2003" + `\x3a:group::x`},
		// Invisible format characters are skipped as well: .NET's culture-aware StartsWith may
		// ignore them.
		{"\u200b\u00ad::error::x", "\u200b\u00ad" + `\x3a:error::x`},
		// One colon is escaped too: the rule is simpler to check than the runner's.
		{": x", `\x3a x`},
		// The older syntax is found anywhere in the line.
		{"x ##[error]y ##[add-mask]z", `x ##\x5berror]y ##\x5badd-mask]z`},
		// No line break survives, and a cleaned control character cannot start a command.
		{"a\n::error::b", `a\n::error::b`},
		{"a\r::error::b", `a\r::error::b`},
		{"\x1b::error::b", `\x1b::error::b`},
	}
	for _, tt := range tests {
		got := logLine(tt.in)
		if got != tt.want {
			t.Errorf("logLine(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if again := logLine(got); again != got {
			t.Errorf("logLine is not idempotent on %q: %q", got, again)
		}
	}
}

func TestInertLines(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"a: b\n\nc\n", "a: b\n\nc\n"},
		{"\n  ::error::x\n", "\n  " + `\x3a:error::x` + "\n"},
		{"ok\n      ::stop-commands::t\nart. 1: \"##[error]\"\n", "ok\n      " + `\x3a:stop-commands::t` + "\nart. 1: \"" + `##\x5berror]` + "\"\n"},
		// Our own colour codes are kept; an ESC is not a character the runner skips, so a line
		// that starts with one is no command (and inert leaves it).
		{"\x1b[1m::x\x1b[0m: 1 failed", "\x1b[1m::x\x1b[0m: 1 failed"},
	}
	for _, tt := range tests {
		if got := inertLines(tt.in); got != tt.want {
			t.Errorf("inertLines(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCommand(t *testing.T) {
	tests := []struct {
		name  string
		props []property
		data  string
		want  string
	}{
		{"notice", nil, "3 more: 100%\nx", "::notice::3 more: 100%25%0Ax\n"},
		{"group", nil, "Findings", "::group::Findings\n"},
		{"endgroup", nil, "", "::endgroup::\n"},
		{
			"error",
			[]property{{"file", "a,b:c.yaml"}, {"line", "3"}, {"title", "t: 1%"}},
			"::stop-commands::tok\r\n::error file=x::y",
			"::error file=a%2Cb%3Ac.yaml,line=3,title=t%3A 1%25::::stop-commands::tok%0D%0A::error file=x::y\n",
		},
	}
	for _, tt := range tests {
		var b strings.Builder
		writeCommand(&b, tt.name, tt.props, tt.data)
		if b.String() != tt.want {
			t.Errorf("writeCommand(%s) = %q, want %q", tt.name, b.String(), tt.want)
		}
	}
}

// runnerUnescapeData undoes escapeData as the Actions runner does: one replacement after another,
// in the runner's order.
func runnerUnescapeData(s string) string {
	for _, m := range [][2]string{{"%0D", "\r"}, {"%0A", "\n"}, {"%25", "%"}} {
		s = strings.ReplaceAll(s, m[0], m[1])
	}
	return s
}

func runnerUnescapeProperty(s string) string {
	for _, m := range [][2]string{{"%0D", "\r"}, {"%0A", "\n"}, {"%3A", ":"}, {"%2C", ","}, {"%25", "%"}} {
		s = strings.ReplaceAll(s, m[0], m[1])
	}
	return s
}

// command is a workflow command as the runner parses it.
type command struct {
	name  string
	props [][2]string
	data  string
}

// parseCommand reads a line the way the runner's ActionCommand.TryParseV2 does, after the test has
// checked that it starts with "::" without leading white space.
func parseCommand(line string) (command, bool) {
	end := strings.Index(line[2:], "::")
	if end < 0 {
		return command{}, false
	}
	info := line[2 : 2+end]
	c := command{data: runnerUnescapeData(line[2+end+2:])}
	name, props, hasProps := strings.Cut(info, " ")
	c.name = name
	if hasProps {
		for _, p := range strings.Split(props, ",") {
			k, v, _ := strings.Cut(p, "=")
			c.props = append(c.props, [2]string{k, runnerUnescapeProperty(v)})
		}
	}
	return c, true
}

// ourCommands are the only starts of a line the github format may write that the runner reads as
// a command.
var ourCommands = []string{"::error ", "::warning ", "::notice ", "::notice::", "::warning::", "::group::", "::endgroup::"}

// unsafeIn returns the first character that cleaned text (of any number of lines) must not hold,
// or "".
func unsafeIn(s string) string {
	for i, r := range s {
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			return fmt.Sprintf("invalid UTF-8 at %d", i)
		case r == '\n', r == '\t':
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c, r == 0x2028, r == 0x2029:
			return fmt.Sprintf("%U at %d", r, i)
		}
	}
	return ""
}

// hostile holds the untrusted strings of a report.
type hostile struct{ file, message, quote, note string }

// hostileReport puts the strings everywhere a report shows text: file and contract names, input
// errors and warnings, finding messages, quotes and articles, rule titles, waivers. Each level has
// more findings than GitHub annotates, so the github format writes its overflow group.
func hostileReport(h hostile) *Report {
	rules := []*engine.Rule{
		{ID: "a/error", Title: h.note, Severity: engine.SeverityError},
		{ID: "b/warning", Title: h.note, Severity: engine.SeverityWarning},
		{ID: "c/info", Title: h.note, Severity: engine.SeverityInfo},
	}
	res := &engine.Result{Contract: h.file, File: h.file}
	for i, rule := range rules {
		rr := engine.RuleResult{Rule: rule, Verdict: engine.Fail}
		if i == 0 {
			rr.Waiver = &engine.WaiverNote{Reason: h.note, ApprovedBy: h.note, Expires: "2024-01-01", Expired: true}
		}
		for j := range annotationLimit + 2 {
			rr.Findings = append(rr.Findings, engine.Finding{
				Message: h.message, Path: []any{"x", j}, Line: j + 1, Column: 1,
				Sources: []contract.Source{{Art: h.note, Quote: h.quote}},
			})
		}
		res.Rules = append(res.Rules, rr)
	}
	waived := engine.RuleResult{
		Rule: &engine.Rule{ID: "d/waived", Title: h.note, Severity: engine.SeverityError}, Verdict: engine.Waived,
		Findings: []engine.Finding{{Message: h.message, Path: []any{}, Line: 1, Column: 1}},
		Waiver:   &engine.WaiverNote{Reason: h.note, ApprovedBy: h.note, Expires: "2099-01-01"},
	}
	res.Rules = append(res.Rules, waived)
	rules = append(rules, waived.Rule)
	return &Report{
		Rules:       rules,
		Results:     []*engine.Result{res},
		InputErrors: []contract.Diagnostic{{File: h.file, Message: h.message}, {File: h.file, Line: 2, Column: 3, Message: h.note}},
		Warnings:    []contract.Diagnostic{{File: h.file, Line: 4, Column: 5, Message: h.message}},
		Summary: result.Summary{
			FailOn:      "error",
			HasBaseline: true,
			New:         map[string]bool{},
			Fixed:       []result.BaselineEntry{{Contract: h.file, Rule: h.note, Message: h.message}},
		},
	}
}

// checkHostile writes h's report in the github, text, Markdown and JUnit formats and checks that
// no untrusted text can act on the runner, a terminal or the rendered summary.
func checkHostile(t *testing.T, h hostile, summary string) {
	t.Helper()
	r := hostileReport(h)
	if summary != "" {
		if err := os.Remove(summary); err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
	}
	checkGitHubLines(t, h, string(render(t, GitHub{SummaryPath: summary}, r)))

	for _, color := range []bool{false, true} {
		out := string(render(t, &Text{Color: color, ShowPassed: true}, r))
		plain := out
		if color {
			for _, code := range []string{ansiReset, ansiBold, ansiRed, ansiYellow, ansiGreen, ansiBlue, ansiDim} {
				plain = strings.ReplaceAll(plain, code, "")
			}
		}
		if bad := unsafeIn(plain); bad != "" {
			t.Fatalf("text output (colour %v) holds %s:\n%q", color, bad, out)
		}
		checkInert(t, "text", out)
	}
	var diags bytes.Buffer
	if err := WriteDiagnostics(&diags, "text", ValidateSummary{}, r.InputErrors); err != nil {
		t.Fatal(err)
	}
	if bad := unsafeIn(diags.String()); bad != "" {
		t.Fatalf("diagnostics hold %s:\n%q", bad, diags.String())
	}
	checkInert(t, "diagnostics", diags.String())

	md := string(render(t, Markdown{}, r))
	if summary != "" {
		b, err := os.ReadFile(summary)
		if err != nil {
			t.Fatal(err)
		}
		if string(b) != md {
			t.Fatalf("the job summary differs from the Markdown format")
		}
	}
	checkMarkdown(t, md)

	parseJUnit(t, render(t, JUnit{}, r))
}

// checkGitHubLines checks every line of the github format: either one of our commands, whose
// properties and data unescape to the cleaned text, or a plain line the runner cannot take for a
// command.
func checkGitHubLines(t *testing.T, h hostile, out string) {
	t.Helper()
	if !strings.HasSuffix(out, "\n") {
		t.Fatalf("output does not end with a newline: %q", out)
	}
	if bad := unsafeIn(out); bad != "" {
		t.Fatalf("github output holds %s:\n%q", bad, out)
	}
	wantFinding := cleanText(h.message + "\nart. " + h.note + `: "` + h.quote + `"`)
	wantError := wantFinding + "\n" + cleanText("waiver expired on 2024-01-01 (was: "+h.note+", approved by "+h.note+")")
	groups, findings := 0, 0
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if strings.Contains(line, "\r") {
			t.Fatalf("line %d holds a CR: %q", i+1, line)
		}
		trimmed := trimInvisible(line)
		if !strings.HasPrefix(trimmed, ":") {
			checkInert(t, "github", line)
			continue
		}
		ours := trimmed == line
		if ours {
			ours = false
			for _, p := range ourCommands {
				ours = ours || strings.HasPrefix(line, p)
			}
		}
		if !ours {
			t.Fatalf("line %d would be read as a command we did not write: %q", i+1, line)
		}
		c, ok := parseCommand(line)
		if !ok {
			t.Fatalf("line %d is not a complete command: %q", i+1, line)
		}
		switch c.name {
		case "group", "endgroup":
			groups++
			continue
		case "error", "warning", "notice":
		default:
			t.Fatalf("line %d: unexpected command %q", i+1, c.name)
		}
		if len(c.props) == 0 {
			continue // an "N more" notice: our own words
		}
		if c.props[0] != [2]string{"file", cleanLine(h.file)} {
			t.Fatalf("line %d: file property %q, want %q", i+1, c.props[0], cleanLine(h.file))
		}
		title := c.props[len(c.props)-1]
		suffix := ""
		if h.note != "" {
			suffix = ": " + h.note
		}
		switch title[1] {
		case cleanLine("a/error" + suffix):
			findings++
			if c.data != wantError {
				t.Fatalf("line %d: data unescapes to\n%q\nwant\n%q", i+1, c.data, wantError)
			}
		case cleanLine("b/warning" + suffix), cleanLine("c/info" + suffix):
			findings++
			if c.data != wantFinding {
				t.Fatalf("line %d: data unescapes to\n%q\nwant\n%q", i+1, c.data, wantFinding)
			}
		case InputErrorRuleID, WarningRuleID:
		default:
			t.Fatalf("line %d: title %q", i+1, title[1])
		}
	}
	if groups != 2 {
		t.Fatalf("want the overflow group opened and closed, got %d group commands:\n%s", groups, out)
	}
	if findings == 0 {
		t.Fatalf("no finding annotated:\n%s", out)
	}
}

// trimInvisible drops what the runner may skip before a command: white space, and characters
// that are not graphic (a culture-aware comparison can ignore them).
func trimInvisible(s string) string {
	return strings.TrimLeftFunc(s, func(r rune) bool { return unicode.IsSpace(r) || !unicode.IsGraphic(r) })
}

// checkInert checks that no line of human-readable output can be read as a workflow command,
// should it be printed in an Actions step.
func checkInert(t *testing.T, what, out string) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if strings.HasPrefix(trimInvisible(line), ":") || strings.Contains(line, "##[") {
			t.Fatalf("%s line %d could be read as a workflow command: %q", what, i+1, line)
		}
	}
}

// checkMarkdown checks that untrusted text stayed inside its cell, list item or quote: every table
// row has four cells, and no link, image, HTML tag or control character was formed.
func checkMarkdown(t *testing.T, md string) {
	t.Helper()
	if bad := unsafeIn(md); bad != "" {
		t.Fatalf("Markdown holds %s:\n%q", bad, md)
	}
	row := regexp.MustCompile(`^\|( [^|]*(\\\|[^|]*)* \|){4}$`)
	for _, l := range strings.Split(md, "\n") {
		if strings.HasPrefix(l, "|") && !row.MatchString(l) && !strings.HasPrefix(l, "| --- ") {
			t.Fatalf("malformed table row %q", l)
		}
	}
	for i := 0; i < len(md); i++ {
		switch md[i] {
		case '\\':
			i++ // the escaped character is literal
		case '[', ']', '!', '`', '|':
			if md[i] == '|' && (i == 0 || md[i-1] == '\n' || md[i-1] == ' ') {
				continue // our own cell separators
			}
			t.Fatalf("unescaped %q at %d: %q", md[i], i, md[max(0, i-40):min(len(md), i+40)])
		case '<':
			if !strings.HasPrefix(md[i:], "<br>") {
				t.Fatalf("raw HTML at %d: %q", i, md[max(0, i-40):min(len(md), i+40)])
			}
		}
	}
}

// hostileFragments are the pieces the generator puts strings together from: what would inject a
// workflow command, break an escape, drive a terminal or reverse text, and ordinary text.
var hostileFragments = []string{
	"\n", "\r", "\r\n", "::", ":", "%", ",", "=", " ", "\t", "a", "é", "日",
	"::stop-commands::token", "::error file=x::y", "::warning::w", "::group::g", "::endgroup::",
	"::add-mask::secret", "##[error]", "##[set-output name=x]", "%0A", "%25", "%3A", "%2C",
	"\x1b[31m", "\x1b[2J", "\x1b]8;;http://e.vil\x1b\\", "\x1b]0;title\x07", "\u009b", "\x9b", "\xff",
	"\x00", "\x7f", "\u202e", "\u2066", "\u200f", "\u2028", "\u00a0", "\u200b",
	"|", "<img src=x>", "![i](http://e.vil/i.png)", "[l](http://e.vil)", "`", "*", "_", "#", "&", "$",
}

func genHostile(rng *rand.Rand) string {
	var b strings.Builder
	for range rng.Intn(8) {
		b.WriteString(hostileFragments[rng.Intn(len(hostileFragments))])
	}
	return b.String()
}

// TestHostileTextProperty runs seeded random strings of hostile fragments through the formats;
// the seed is fixed so a failure reproduces.
func TestHostileTextProperty(t *testing.T) {
	rng := rand.New(rand.NewSource(9))
	summary := filepath.Join(t.TempDir(), "summary.md")
	n := 300
	if testing.Short() {
		n = 30
	}
	for i := range n {
		h := hostile{genHostile(rng), genHostile(rng), genHostile(rng), genHostile(rng)}
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			checkHostile(t, h, summary)
		})
	}
}

// TestHostileStream checks that a streamed run, whose results go through the spool's codec,
// writes the same cleaned bytes as a run that keeps its results: the codec keeps text as found,
// and escaping happens when the formats write.
func TestHostileStream(t *testing.T) {
	h := hostile{"::error file=x::y\n\x1b[31mc.yaml", "m\r\n::stop-commands::t\u202e", "q\n##[error]\x9b", "n,%0A:\x1b]8;;x\x07"}
	writers := []Writer{GitHub{}, &Text{Color: true, ShowPassed: true}, Markdown{}, JUnit{}}
	rep := hostileReport(h)
	rep.Results = nil
	s := newStream(rep, 1, writers...)
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	for _, res := range hostileReport(h).Results {
		if err := s.Add(res); err != nil {
			t.Fatal(err)
		}
	}
	s.Finish()
	for i, w := range writers {
		var buf bytes.Buffer
		if err := s.WriteTo(i, &buf); err != nil {
			t.Fatal(err)
		}
		if want := render(t, w, hostileReport(h)); !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%T: streamed\n%q\nwant\n%q", w, buf.Bytes(), want)
		}
	}
}

// FuzzGitHubOutput looks for strings that get past the escaping; its seeds in
// testdata/fuzz/FuzzGitHubOutput run as part of go test.
func FuzzGitHubOutput(f *testing.F) {
	f.Add("c.yaml", "plain message", "a quote", "a note")
	f.Fuzz(func(t *testing.T, file, message, quote, note string) {
		checkHostile(t, hostile{file, message, quote, note}, "")
	})
}

// TestJSONHasNoOldStyleCommand: JSON on an Actions log must not carry "##[", which the runner
// reads as a command anywhere in a line, yet must decode to the same text.
func TestJSONHasNoOldStyleCommand(t *testing.T) {
	r := testReport()
	msg := "see ##[error]injected and ##[group]x"
	r.Results[0].Rules[0].Findings[0].Message = msg
	var b strings.Builder
	if err := (JSON{}).Write(&b, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "##[") {
		t.Fatalf("JSON output holds ##[:\n%s", b.String())
	}
	var doc JSONReport
	if err := json.Unmarshal([]byte(b.String()), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Contracts[0].Results[0].Findings[0].Message; got != msg {
		t.Errorf("decoded message = %q; want %q", got, msg)
	}
}
