package contract

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

func newTestLoader(t testing.TB, opts Options) *Loader {
	t.Helper()
	l, err := NewLoader(opts)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func format(diags []Diagnostic) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestInvalidFixtures loads every file of fixtures/invalid and compares the diagnostics with the
// file's golden .golden twin. Run with -update to rewrite them after a deliberate change.
func TestInvalidFixtures(t *testing.T) {
	t.Chdir("../..")
	files, err := filepath.Glob("fixtures/invalid/*.yaml")
	if err != nil || len(files) < 15 {
		t.Fatalf("want at least 15 invalid fixtures, got %d (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			opts := Options{Limits: DefaultLimits()}
			if flags, err := os.ReadFile(strings.TrimSuffix(file, ".yaml") + ".flags"); err == nil {
				if _, err := fmtSscanf(strings.TrimSpace(string(flags)), "--max-file-size=%d", &opts.Limits.MaxBytes); err != nil {
					t.Fatalf("bad flags file: %v", err)
				}
			}
			l := newTestLoader(t, opts)
			cs, diags, err := l.LoadFile(file, nil)
			if err != nil {
				t.Fatalf("LoadFile: %v", err)
			}
			if len(diags) == 0 {
				t.Fatalf("%s loaded without diagnostics", file)
			}
			got := format(diags)
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\ngot:\n%swant:\n%s", golden, got, want)
			}
			if filepath.Base(file) == "multi-doc-one-bad.yaml" && len(cs) != 1 {
				t.Errorf("the valid first document should still load, got %d contracts", len(cs))
			}
		})
	}
}

// TestFixturesValid proves every quote of the five real fixtures occurs in its source.
func TestFixturesValid(t *testing.T) {
	t.Chdir("../..")
	files, _ := filepath.Glob("fixtures/contracts/*.yaml")
	if len(files) != 5 {
		t.Fatalf("want the five vendor fixtures, got %v", files)
	}
	l := newTestLoader(t, Options{})
	for _, f := range files {
		cs, diags, err := l.LoadFile(f, nil)
		if err != nil || len(diags) > 0 || len(cs) != 1 {
			t.Errorf("%s: err %v, diagnostics:\n%s", f, err, format(diags))
		}
	}
}

// TestAlteredQuoteFails changes one quote of a real fixture by one word and expects the loader to
// report it at the quote's own line and column.
func TestAlteredQuoteFails(t *testing.T) {
	t.Chdir("../..")
	data, err := os.ReadFile("fixtures/contracts/serso.yaml")
	if err != nil {
		t.Fatal(err)
	}
	const orig = "twaalf (12)"
	i := bytes.Index(data, []byte(orig))
	if i < 0 {
		t.Fatal("serso.yaml no longer quotes 'twaalf (12)'")
	}
	altered := append(append(append([]byte{}, data[:i]...), []byte("dertien (13)")...), data[i+len(orig):]...)
	line := bytes.Count(data[:i], []byte("\n")) + 1
	l := newTestLoader(t, Options{})
	_, diags := l.Load("serso.yaml", "fixtures/contracts", altered)
	if len(diags) != 1 {
		t.Fatalf("want one diagnostic, got:\n%s", format(diags))
	}
	d := diags[0]
	if !strings.Contains(d.Message, "quote not found in source") {
		t.Errorf("unexpected message: %s", d)
	}
	// The quote may start on the line of the change or, for a folded scalar, a line above.
	if d.Line > line || d.Line < line-3 {
		t.Errorf("diagnostic at line %d, the altered quote is at line %d", d.Line, line)
	}
}

const minimal = `schema_version: "1"
document: {source: src.txt, language: nl}
vendor: {name: Acme, country: BE}
`

func loadString(t *testing.T, src, yaml string) ([]*Contract, []Diagnostic) {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "src.txt"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return newTestLoader(t, Options{}).Load("c.yaml", dir, []byte(yaml))
}

func TestNormalisedInput(t *testing.T) {
	cs, diags := loadString(t, "De **vergoedingen** betaald gedurende de\ntwaalf (12) maanden.", minimal+`liability:
  caps:
    - id: general
      basis: fees_paid_lookback
      lookback: 12mo
      ceiling: {amount: 500, currency: EUR, amount_words: "vijfhonderd euro"}
      src: {art: "9.2", quote: "vergoedingen betaald gedurende de twaalf (12) maanden"}
`)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	cp := cs[0].Input["liability"].(map[string]any)["caps"].([]any)[0].(map[string]any)
	lb := cp["lookback"].(map[string]any)
	if lb["text"] != "12mo" || lb["days"].(interface{ String() string }).String() != "365" {
		t.Errorf("lookback = %v, want {text: 12mo, days: 365}", lb)
	}
	words := cp["ceiling"].(map[string]any)["amount_words"].(map[string]any)
	if words["text"] != "vijfhonderd euro" || words["value"].(interface{ String() string }).String() != "500" {
		t.Errorf("amount_words = %v", words)
	}
}

func TestPositionAndSources(t *testing.T) {
	cs, diags := loadString(t, "art negen twee. art negen een.", minimal+`liability:
  src: {art: "9", quote: "art negen"}
  exclusions:
    - categories: [indirect]
      src: {art: "9.1", quote: "art negen een"}
    - categories: [data_loss]
      direct_too: true
      src: {art: "9.2", quote: "art negen twee"}
`)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	c := cs[0]
	tests := []struct {
		path      []any
		line, col int
		art       string
	}{
		{[]any{"liability", "exclusions", 0}, 7, 7, "9.1"},
		{[]any{"liability", "exclusions", 1}, 9, 7, "9.2"},
		{[]any{"liability", "exclusions", 1, "direct_too"}, 10, 19, "9.2"},
		// A finding about the list quotes the exclusions, not liability's own clause.
		{[]any{"liability", "exclusions"}, 6, 3, "9.1"},
		{[]any{"liability", "carve_outs"}, 4, 1, "9"},
		{[]any{"liability", "exclusions", float64(0)}, 7, 7, "9.1"},
		{[]any{}, 1, 1, ""},
	}
	for _, tt := range tests {
		line, col := c.Position(tt.path)
		if line != tt.line || col != tt.col {
			t.Errorf("Position(%v) = %d:%d, want %d:%d", tt.path, line, col, tt.line, tt.col)
		}
		srcs := c.Sources(tt.path)
		art := ""
		if len(srcs) > 0 {
			art = srcs[0].Art
		}
		if art != tt.art {
			t.Errorf("Sources(%v) art = %q, want %q", tt.path, art, tt.art)
		}
	}
}

func TestMultiDocumentPositions(t *testing.T) {
	cs, diags := loadString(t, "x", minimal+"---\n"+minimal)
	if len(diags) > 0 || len(cs) != 2 {
		t.Fatalf("got %d contracts, diagnostics:\n%s", len(cs), format(diags))
	}
	if l, _ := cs[1].Position([]any{"vendor"}); l != 7 {
		t.Errorf("second document's vendor at line %d, want 7", l)
	}
	if cs[1].Name() != "c.yaml#2" {
		t.Errorf("Name() = %q", cs[1].Name())
	}
}

func TestSkipQuotes(t *testing.T) {
	l := newTestLoader(t, Options{SkipQuotes: true})
	_, diags := l.Load("c.yaml", t.TempDir(), []byte(minimal+`governing_law: {value: BE, src: {art: "1", quote: "not in any source"}}`+"\n"))
	if len(diags) > 0 {
		t.Fatalf("quotes checked despite SkipQuotes:\n%s", format(diags))
	}
}

func TestStdinAndUnreadable(t *testing.T) {
	l := newTestLoader(t, Options{SkipQuotes: true})
	cs, diags, err := l.LoadFile("-", strings.NewReader(minimal))
	if err != nil || len(diags) > 0 || len(cs) != 1 {
		t.Fatalf("stdin: %v %v", err, diags)
	}
	if _, _, err := l.LoadFile("does-not-exist.yaml", nil); err == nil {
		t.Fatal("want an error for a missing file")
	}
}

// FuzzLoad feeds arbitrary bytes to the loader: it must never panic, and a document it accepts
// must have a mapping as input.
func FuzzLoad(f *testing.F) {
	seeds, _ := filepath.Glob("../../fixtures/invalid/*.yaml")
	for _, s := range seeds {
		if data, err := os.ReadFile(s); err == nil && len(data) < 4096 {
			f.Add(data)
		}
	}
	f.Add([]byte(minimal))
	f.Add([]byte("a: &a [*a]\n"))
	f.Add([]byte("- [[[[[[[[[[]]]]]]]]]]\n"))
	l := newTestLoader(f, Options{SkipQuotes: true, Limits: Limits{MaxBytes: 1 << 16, MaxDepth: 32, MaxNodes: 10000}})
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, diags := l.Load("f.yaml", ".", data)
		for _, c := range cs {
			if c.Input == nil {
				t.Fatal("accepted contract without input")
			}
			c.Position([]any{"liability", "caps", 0})
			c.Sources([]any{"document"})
		}
		for _, d := range diags {
			if d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Fatalf("diagnostic without position or text: %+v", d)
			}
		}
	})
}
