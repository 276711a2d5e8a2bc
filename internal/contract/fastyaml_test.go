package contract

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

var fastCorpus = flag.String("fastyaml-corpus", "", "directory of generated contracts that the fast YAML parser must accept and parse as yaml.v3 does")

// yamlV3Docs parses data the way Load did before the fast path: every document, in order.
func yamlV3Docs(data []byte) ([]*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var docs []*yaml.Node
	for {
		var n yaml.Node
		err := dec.Decode(&n)
		if errors.Is(err, io.EOF) {
			return docs, nil
		}
		if err != nil {
			return docs, err
		}
		docs = append(docs, &n)
	}
}

// nodeDiff returns the first difference between two trees, with its path, or "". Comments are not
// compared: the fast parser does not keep them and nothing reads them.
func nodeDiff(want, got *yaml.Node, path string) string {
	if (want == nil) != (got == nil) {
		return fmt.Sprintf("%s: node %v, want %v", path, got, want)
	}
	if want == nil {
		return ""
	}
	type field struct {
		name      string
		want, got any
	}
	for _, f := range []field{
		{"Kind", want.Kind, got.Kind},
		{"Style", want.Style, got.Style},
		{"Tag", want.Tag, got.Tag},
		{"Value", want.Value, got.Value},
		{"Anchor", want.Anchor, got.Anchor},
		{"Line", want.Line, got.Line},
		{"Column", want.Column, got.Column},
		{"len(Content)", len(want.Content), len(got.Content)},
		{"Content == nil", want.Content == nil, got.Content == nil},
		{"Alias == nil", want.Alias == nil, got.Alias == nil},
	} {
		if f.want != f.got {
			return fmt.Sprintf("%s: %s = %#v, want %#v", path, f.name, f.got, f.want)
		}
	}
	for i := range want.Content {
		p := fmt.Sprintf("%s/%d", path, i)
		if want.Kind == yaml.MappingNode && i%2 == 1 {
			p = fmt.Sprintf("%s/%q", path, want.Content[i-1].Value)
		}
		if d := nodeDiff(want.Content[i], got.Content[i], p); d != "" {
			return d
		}
	}
	return ""
}

// checkFast holds the fast parser to yaml.v3 on data: when it accepts, yaml.v3 must find exactly
// one document and the same tree. It reports whether the fast parser accepted.
func checkFast(t *testing.T, name string, data []byte) bool {
	t.Helper()
	got, ok := parseFast(data)
	if !ok {
		return false
	}
	docs, err := yamlV3Docs(data)
	switch {
	case err != nil:
		t.Errorf("%s: fast parser accepted what yaml.v3 rejects (%v):\n%q", name, err, data)
	case len(docs) != 1:
		t.Errorf("%s: fast parser found one document, yaml.v3 %d:\n%q", name, len(docs), data)
	default:
		if d := nodeDiff(docs[0], got, "$"); d != "" {
			t.Errorf("%s: trees differ at %s\ninput: %q", name, d, data)
		}
	}
	return true
}

func readDir(t *testing.T, pattern string) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out[f] = data
	}
	return out
}

// TestFastYAMLFixtures: every vendor fixture must take the fast path (or it gains nothing) and give
// yaml.v3's tree, and so must the same contracts as yaml.v3 writes them, which is the form of the
// generated benchmark corpus.
func TestFastYAMLFixtures(t *testing.T) {
	fixtures := readDir(t, "../../fixtures/contracts/*.yaml")
	if len(fixtures) == 0 {
		t.Fatal("no fixtures")
	}
	for name, data := range fixtures {
		if !checkFast(t, name, data) {
			t.Errorf("%s: the fast parser declined a vendor fixture", name)
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			t.Fatal(err)
		}
		for _, indent := range []int{2, 4} {
			var b bytes.Buffer
			enc := yaml.NewEncoder(&b)
			enc.SetIndent(indent)
			if err := enc.Encode(&doc); err != nil {
				t.Fatal(err)
			}
			if !checkFast(t, fmt.Sprintf("%s re-encoded, indent %d", name, indent), b.Bytes()) {
				t.Errorf("%s re-encoded with indent %d: the fast parser declined it", name, indent)
			}
		}
	}
}

// TestFastYAMLOtherInputs compares on every other YAML the repository holds: invalid fixtures,
// fuzz seeds, the playbook's parameters and examples. Declining is fine there.
func TestFastYAMLOtherInputs(t *testing.T) {
	inputs := map[string][]byte{}
	for _, pattern := range []string{
		"../../fixtures/invalid/*.yaml",
		"../../policies/*.yaml",
		"../../policies/*/*.yaml",
		"../../examples/*/*.yaml",
		"../../examples/*/*.yml",
		"../../*.yml",
		"../../*.yaml",
	} {
		for k, v := range readDir(t, pattern) {
			inputs[k] = v
		}
	}
	seeds, err := filepath.Glob("testdata/fuzz/*/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		for i, line := range strings.Split(string(data), "\n") {
			lit, ok := strings.CutPrefix(line, "[]byte(")
			if !ok {
				continue
			}
			v, err := strconv.Unquote(strings.TrimSuffix(lit, ")"))
			if err != nil {
				t.Fatalf("%s:%d: %v", s, i+1, err)
			}
			inputs[s] = []byte(v)
		}
	}
	if len(inputs) < 20 {
		t.Fatalf("only %d inputs found", len(inputs))
	}
	accepted := 0
	for name, data := range inputs {
		if checkFast(t, name, data) {
			accepted++
		}
	}
	t.Logf("fast parser accepted %d of %d inputs", accepted, len(inputs))
}

// TestFastYAMLCorpus runs over a generated corpus when one is named:
//
//	go run ./internal/bench/gen -n 200 -o /tmp/corpus
//	go test ./internal/contract -run FastYAMLCorpus -fastyaml-corpus /tmp/corpus
func TestFastYAMLCorpus(t *testing.T) {
	if *fastCorpus == "" {
		t.Skip("no -fastyaml-corpus directory")
	}
	files := readDir(t, filepath.Join(*fastCorpus, "*.yaml"))
	if len(files) == 0 {
		t.Fatalf("no YAML files in %s", *fastCorpus)
	}
	for name, data := range files {
		if !checkFast(t, name, data) {
			t.Errorf("%s: declined", name)
		}
	}
}

// fastCases are small inputs for the features and the edges of the subset; accept says the fast
// parser must take them (each is valid and inside the subset), otherwise either answer is right as
// long as an accepted tree matches.
var fastCases = []struct {
	in     string
	accept bool
}{
	{"a: b\n", true},
	{"a: b", true},
	{"a:\n", true},
	{"a:", true},
	{"a: # nothing\nb: 1\n", true},
	{"a:\nb:\n", true},
	{"# head\n\na: 1 # one\n# between\nb: 2\n\n# foot\n", true},
	{"---\na: 1\n", true},
	{"--- # doc\na: 1\n", true},
	{"\n\n  a: 1\n  b: 2\n", true},
	{"a:\n  b:\n    c: d\n  e: f\ng: h\n", true},
	{"key:\n- a\n- b\nnext: 1\n", true},
	{"key:\n  - a\n  -\n  - # c\n  - b\n", true},
	{"- a\n", false},
	{"a:\n- - x\n  - y\n- - z\n", true},
	{"a:\n  - k: v\n    j: w\n  - k: u\n", true},
	{"a:\n  - k:\n    - x\n    j: w\n", true},
	{"a:\n  -   k: v\n      j: w\n", true},
	{"a:\n  -\n    k: v\n", true},
	{"a: -1\nb: -x\nc: 1.5\nd: .5\ne: 1e3\nf: 0x1F\ng: 0o17\nh: 0b101\ni: 1_000\nj: 2024-01-02\nk: 2024-1-2 3:04:05\n", true},
	{"a: true\nb: False\nc: ~\nd: null\ne: .inf\nf: -.Inf\ng: .nan\nh: yes\ni: <<\n", true},
	{"a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: ''\nd: \"\"\n", true},
	{"key:  'it''s'\n", true},
	{"a: \"\\u00e9 \\x41 \\U0001F600 \\t \\n \\\\ \\/ \\0 \\_ \\N \\L \\P \\e\"\n", false},
	{"a: \"\\u00e9 \\x41 \\U0001F600 \\t \\n \\\\ \\0 \\_ \\N \\L \\P \\e\"\n", true},
	{"a: \"one\n  two\n\n  three\"\n", true},
	{"a: 'one\n  two\n\n\n  three'\n", true},
	{"a: \"one \\\n  two\"\n", true},
	{"a: \"trailing   \n  spaces  \"\n", true},
	{"a: one\n  two\n\n  three\nb: 1\n", true},
	{"a: one\n  - two\n  &three\n", true},
	{"a: one\n  # comment\nb: 2\n", true},
	{"a: one # c\n  two\n", false},
	{"a: b: c\n", false},
	{"a: b\n  c: d\n", false},
	{"a: x:y\nb: http://example.com/a#b\nc: a#b\nd: 'x' # c\n", true},
	{"a: x #c\n", true},
	{"a: \"x\"#c\n", false},
	{"a: >-\n  folded\n  text\n\n  para\n    more\n  end\n", true},
	{"a: >\n  folded\n\n", true},
	{"a: >+\n  kept\n\n\nb: 1\n", true},
	{"a: |\n  literal\n   indented\n\n  x\nb: |-\n  strip\n", true},
	{"a: |\n\n  after blank\n", true},
	{"a: |\n     \n  x\n", false},
	{"a: >\nb: 1\n", true},
	{"a: > # comment\n  x\n", true},
	{"a: |2\n   x\n", false},
	{"a: |\n  x\n # not content\nb: 1\n", true},
	{"a:\n  - >-\n    folded item\n  - |\n   lit\n", true},
	{"a: >-\n  no newline at end", true},
	{"a: [x, 'y', \"z\", 1, [n, m], {k: v}]\n", true},
	{"a: {art: \"1.2\", quote: \"text, with: colons\"}\n", true},
	{"a: []\nb: {}\nc: [ ]\nd: { }\n", true},
	{"a: [x,]\n", false},
	{"a: [x, y\n  , z]\n", false},
	{"a: {x}\n", true},
	{"a: {x: }\n", true},
	{"a: {x: , y}\n", true},
	{"a: {s: p (b, k, m), q , 'r', \"t\" , u: v}\n", true},
	{"a: {[x]}\n", false},
	{"a: [x: y]\n", false},
	{"a: {\"x\":y, \"z\":, 'w' :v, u:, t:s}\n", true},
	{"a:\n  - b\n# c\n  - c\n", true},
	{"a:\n  b: 1\n# c\n  c: 2\n", true},
	{"a: # x\n  # y\n  - b # z\n  # w\n  - c\n# v\n", true},
	{"a:\n- b\n  # c\n- d\n", true},
	{"\"a\":b\n", false},
	{"a: [http://x, -1, a b]\n", true},
	{"a: [-]\n", false},
	{"a: [a?b]\n", false},
	{"a: &x 1\nb: *x\n", false},
	{"a: !!str 1\n", false},
	{"? a\n: b\n", false},
	{"a: 1\n---\nb: 2\n", false},
	{"a: 1\n...\n", false},
	{"%YAML 1.2\n---\na: 1\n", false},
	{"\ufeffa: 1\n", false},
	{"a: 1\r\nb: 2\r\n", false},
	{"a:\tb\n", false},
	{"a: 1\n a2: 2\n", false},
	{"a: 1\n- b\n", false},
	{"a:\n  b: 1\n c: 2\n", false},
	{"a:\n  - b\n  c: 1\n", false},
	{"a: \"unterminated\n", false},
	{"a: 'x'\n  b\n", false},
	{"a: [x]\n  b\n", false},
	{"\"quoted key\": 1\n'single': 2\n\"esc\\\"aped\": 3\n", true},
	{"é: ü\nkey: é [ü, ö]\nz: {ä: ß}\n", true},
	{"a: \"é\n  b\"\n", true},
	{"a: \"é\nb\"\n", false},
	{"1: one\ntrue: yes\nnull: x\n", true},
	{"a: 1\na: 2\n", true},
	{"<<: {a: 1}\n", true},
	{"a: -\n", false},
	{"a: - x\n", false},
	{"a:\n  -\n", true},
	{"a: |\n  x\n  # in scalar\n", true},
	{"a: b\n\n\n", true},
	{"a: b   \n", true},
	{"a: \"x\"   \nb: 'y'   # c\n", true},
	{"a:    \n  b: 1\n", true},
	{"a : 1\n", true},
	{"-a: 1\n", true},
	{"a: 1\n#\n", true},
	{"", false},
	{"# only\n", false},
	{"a", false},
	{"[a]", false},
	{"a: 1\n  \n", true},
}

func TestFastYAMLCases(t *testing.T) {
	for i, c := range fastCases {
		name := fmt.Sprintf("case %d", i)
		if ok := checkFast(t, name, []byte(c.in)); c.accept && !ok {
			t.Errorf("%s: declined %q", name, c.in)
		}
	}
}

// TestResolvePlain compares the tag of plain scalars with yaml.v3's.
func TestResolvePlain(t *testing.T) {
	for _, s := range []string{
		"", "~", "null", "NULL", "nUll", "true", "tRue", "yes", "on", "<<", "<", ".", ".5", ".e3", "._5",
		".inf", "-.inf", "+.INF", ".NaN", "1", "-1", "+1", "0x1f", "0X1F", "0o17", "-0o17", "0b101",
		"-0b101", "0b2", "1_000", "1__0", "_1", "1e3", "1E+3", "1.", "1.5e", "+.5", "-5", "+", "0777",
		"9223372036854775807", "9223372036854775808", "18446744073709551616", "-9223372036854775809",
		"1.7976931348623157e309", "2024-01-02", "2024-1-2", "2024-01-02T03:04:05Z", "2024-01-02 03:04",
		"2024-13-40", "12-1-2", "2024-", "12mo", "3d", "1.2.3", "0x", "-0x1", "Inf", "+inf", "nan",
	} {
		var n yaml.Node
		if err := yaml.Unmarshal([]byte("k: "+s+"\n"), &n); err != nil {
			if s == "" {
				continue
			}
			t.Fatalf("%q: %v", s, err)
		}
		want := n.Content[0].Content[1].Tag
		if s == "" {
			want = "!!null"
		}
		if got := resolvePlain(s); got != want {
			t.Errorf("resolvePlain(%q) = %s, yaml.v3 says %s", s, got, want)
		}
	}
}

func TestIsYAMLFloat(t *testing.T) {
	re := regexp.MustCompile(`^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`)
	for _, s := range []string{
		"", "1", "-1", "+", ".", ".5", "5.", "5.5", "1e5", "1e", "1e+", "1e+5", ".e5", "-.5e-5", "1.5.5",
		"e5", "1x", "++1", "0.0e0", "1E5", "12.34e56",
	} {
		if got, want := isYAMLFloat(s), re.MatchString(s); got != want {
			t.Errorf("isYAMLFloat(%q) = %v, want %v", s, got, want)
		}
	}
}

// FuzzFastYAML holds the fast parser to yaml.v3 on arbitrary input: whenever it accepts, the tree
// must be yaml.v3's. Its seeds are the cases above, some generated documents and
// testdata/fuzz/FuzzFastYAML.
func FuzzFastYAML(f *testing.F) {
	for _, c := range fastCases {
		f.Add([]byte(c.in))
	}
	g := &yamlGen{r: rand.New(rand.NewPCG(3, 4))}
	for range 20 {
		g.b.Reset()
		g.mapping(0, 0)
		f.Add([]byte(g.b.String()))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		checkFast(t, "input", data)
	})
}

// yamlGen writes random documents inside the fast parser's subset, in the many ways YAML allows
// to lay them out, so that TestFastYAMLGenerated can demand both acceptance and yaml.v3's tree.
type yamlGen struct {
	r *rand.Rand
	b strings.Builder
}

var genWords = []string{
	"a", "b-c", "x_y", "é", "two words", "1", "-1", "1.5", "0x1F", "1e3", "true", "no", "~", "null", "2024-01-02",
	"a:b", "a#b", "http://h:80/p", "(x)", "–", "ü ö", "12mo", "-x", "<<", ".5", "x-src", "it's", "say \"hi\"", "a,b",
	"[x]", "{y}", "a - b", "%", "@x", "`x`", "*x", "&x", "!x", "?x", "|x", ">x",
}

func (g *yamlGen) word() string { return genWords[g.r.IntN(len(genWords))] }

// plainOK reports whether w can be written plain in block (and, if flow, in flow) context and
// read back as the same text by both parsers.
func plainOK(w string, flow bool) bool {
	if w == "" || strings.ContainsAny(w[:1], "-?:,[]{}#&*!|>'\"%@` ") && (w[0] != '-' || len(w) == 1 || w[1] == ' ') {
		return false
	}
	if strings.Contains(w, ": ") || strings.Contains(w, " #") || strings.HasSuffix(w, ":") {
		return false
	}
	return !flow || !strings.ContainsAny(w, ",[]{}?")
}

func (g *yamlGen) scalar(flow bool) string {
	w := g.word()
	switch g.r.IntN(4) {
	case 0:
		return "'" + strings.ReplaceAll(w, "'", "''") + "'"
	case 1:
		return strconv.Quote(w)
	}
	if plainOK(w, flow) {
		return w
	}
	return strconv.Quote(w)
}

func (g *yamlGen) key() string {
	if g.r.IntN(5) == 0 {
		return g.scalar(false)
	}
	for {
		if w := g.word(); plainOK(w, true) {
			return w
		}
	}
}

func (g *yamlGen) flow(depth int) string {
	n := g.r.IntN(4)
	var parts []string
	mapping := g.r.IntN(2) == 0
	for range n {
		v := g.scalar(true)
		if depth < 3 && g.r.IntN(4) == 0 {
			v = g.flow(depth + 1)
		}
		if mapping {
			switch g.r.IntN(6) {
			case 0:
				v = g.key()
			case 1:
				v = g.key() + ":"
			default:
				v = g.key() + ": " + v
			}
		}
		parts = append(parts, v)
	}
	sep := []string{", ", ",", " , "}[g.r.IntN(3)]
	if mapping {
		return "{" + strings.Join(parts, sep) + "}"
	}
	return "[" + strings.Join(parts, sep) + "]"
}

func (g *yamlGen) comment() string {
	if g.r.IntN(4) == 0 {
		return " # " + g.word()
	}
	return ""
}

func (g *yamlGen) noise(indent int) {
	switch g.r.IntN(6) {
	case 0:
		g.b.WriteString("\n")
	case 1:
		g.b.WriteString(strings.Repeat(" ", g.r.IntN(indent+3)) + "# note\n")
	case 2:
		g.b.WriteString(strings.Repeat(" ", g.r.IntN(4)) + "\n")
	}
}

// value writes what follows "key:" or "- " (already written, without the space); indent is the
// column of the enclosing collection.
func (g *yamlGen) value(indent, depth int, inSeq bool) {
	choice := g.r.IntN(10)
	if depth > 4 && choice >= 6 {
		choice = 0
	}
	switch choice {
	case 0, 1:
		g.b.WriteString(" " + g.scalar(false) + g.comment() + "\n")
	case 2:
		g.b.WriteString(" " + g.flow(0) + g.comment() + "\n")
	case 3:
		g.b.WriteString(g.comment() + "\n")
	case 4:
		// Multi-line plain or quoted, continuation lines indented past the collection.
		ind := strings.Repeat(" ", indent+1+g.r.IntN(3))
		lines := []string{"one", "two  words", "three"}
		if g.r.IntN(2) == 0 {
			g.b.WriteString(" " + lines[0] + "\n" + ind + lines[1] + "\n\n" + ind + lines[2] + g.comment() + "\n")
		} else {
			g.b.WriteString(" \"" + lines[0] + "  \n" + ind + lines[1] + " \\\n" + ind + "\\t" + lines[2] + "\"\n")
		}
	case 5:
		hdr := []string{"|", ">", "|-", ">-", "|+", ">+"}[g.r.IntN(6)]
		g.b.WriteString(" " + hdr + g.comment() + "\n")
		ind := strings.Repeat(" ", indent+1+g.r.IntN(3))
		g.b.WriteString(ind + "text " + g.word() + "\n")
		for i := range g.r.IntN(4) {
			switch g.r.IntN(4) {
			case 0:
				g.b.WriteString("\n")
			case 1:
				g.b.WriteString(ind + "  more " + strconv.Itoa(i) + "\n")
			default:
				g.b.WriteString(ind + "text " + g.word() + "\n")
			}
		}
	case 6, 7:
		g.b.WriteString(g.comment() + "\n")
		g.noise(indent)
		g.mapping(indent+1+g.r.IntN(3), depth+1)
	default:
		g.b.WriteString(g.comment() + "\n")
		g.noise(indent)
		ind := indent + 1 + g.r.IntN(3)
		if !inSeq && g.r.IntN(3) == 0 {
			ind = indent
		}
		g.sequence(ind, depth+1)
	}
}

func (g *yamlGen) mapping(indent, depth int) {
	for i := range 1 + g.r.IntN(4) {
		if i > 0 {
			g.noise(indent)
		}
		g.b.WriteString(strings.Repeat(" ", indent) + g.key() + ":")
		g.value(indent, depth, false)
	}
}

func (g *yamlGen) sequence(indent, depth int) {
	for i := range 1 + g.r.IntN(4) {
		if i > 0 {
			g.noise(indent)
		}
		g.b.WriteString(strings.Repeat(" ", indent) + "-")
		if depth < 4 && g.r.IntN(4) == 0 {
			// A compact mapping or sequence on the entry's line.
			pad := 1 + g.r.IntN(2)
			g.b.WriteString(strings.Repeat(" ", pad))
			if g.r.IntN(2) == 0 {
				g.b.WriteString("-")
				g.value(indent+1+pad, depth+1, true)
				continue
			}
			col := indent + 1 + pad
			g.b.WriteString(g.key() + ":")
			g.value(col, depth+1, false)
			for range g.r.IntN(3) {
				g.b.WriteString(strings.Repeat(" ", col) + g.key() + ":")
				g.value(col, depth+1, false)
			}
			continue
		}
		g.value(indent, depth, true)
	}
}

// TestFastYAMLGenerated: thousands of random documents in the subset, each of which the fast
// parser must accept and parse exactly as yaml.v3 does.
func TestFastYAMLGenerated(t *testing.T) {
	n := 3000
	if testing.Short() {
		n = 300
	}
	g := &yamlGen{r: rand.New(rand.NewPCG(1, 2))}
	declined := 0
	for i := range n {
		g.b.Reset()
		if g.r.IntN(5) == 0 {
			g.b.WriteString("# head\n")
		}
		if g.r.IntN(5) == 0 {
			g.b.WriteString("---\n")
		}
		g.mapping(g.r.IntN(2), 0)
		data := []byte(g.b.String())
		if !checkFast(t, fmt.Sprintf("generated %d", i), data) {
			if _, err := yamlV3Docs(data); err != nil {
				t.Fatalf("generated %d is not valid YAML (%v):\n%s", i, err, data)
			}
			declined++
			if declined <= 5 {
				t.Errorf("generated %d: declined\n%s", i, data)
			}
		}
	}
	if declined > 0 {
		t.Errorf("declined %d of %d", declined, n)
	}
}

// TestFastChars compares the eight-bytes-at-a-time scan with a byte-by-byte one, for every byte
// value at every place in and around a word.
func TestFastChars(t *testing.T) {
	slow := func(data []byte) bool {
		for _, c := range data {
			if c < 0x80 && ((c < 0x20 && c != '\n') || c == 0x7f) {
				return false
			}
		}
		return true
	}
	for b := range 0x80 {
		for at := range 20 {
			data := []byte(strings.Repeat("a: b\n", 4))
			data[at] = byte(b)
			if got, want := fastChars(data), slow(data); got != want {
				t.Errorf("fastChars with byte %#x at %d = %v, want %v", b, at, got, want)
			}
		}
	}
	for _, s := range []string{"é", "\u0085", "\u00a0", "\u2028", "\u2029", "\ufeff", "\ufffd", "\ufffe", "\U0001F600", "\xff", "\xe2\x80"} {
		data := []byte("abcdefghij" + s + "klmnopqrst")
		want := s == "é" || s == "\u00a0" || s == "\ufffd" || s == "\U0001F600"
		if got := fastChars(data); got != want {
			t.Errorf("fastChars(%q) = %v, want %v", data, got, want)
		}
	}
}

// BenchmarkParseYAML parses the longest fixture with the fast parser and with yaml.v3, the part of
// BenchmarkLoad the fast parser replaces.
func BenchmarkParseYAML(b *testing.B) {
	data, err := os.ReadFile("../../fixtures/contracts/vooruit.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, ok := parseFast(data); !ok {
				b.Fatal("declined")
			}
		}
	})
	b.Run("yaml.v3", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := yamlV3Docs(data); err != nil {
				b.Fatal(err)
			}
		}
	})
}
