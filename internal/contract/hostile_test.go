package contract

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"
)

// repeatReader yields one byte forever; with io.LimitReader it stands for a huge file without
// holding it in memory.
type repeatReader byte

func (r repeatReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = byte(r)
	}
	return len(p), nil
}

// loadBounded runs fn and reports what it allocated. A hang would fail the test through the
// watchdog rather than stall CI: this is a bound on hanging, not a timing assertion.
func loadBounded(t *testing.T, fn func() []Diagnostic) ([]Diagnostic, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	done := make(chan []Diagnostic, 1)
	go func() { done <- fn() }()
	select {
	case diags := <-done:
		runtime.ReadMemStats(&after)
		return diags, after.TotalAlloc - before.TotalAlloc
	case <-time.After(2 * time.Minute):
		t.Fatal("loading did not finish: unbounded work")
		return nil, 0
	}
}

func TestHostileInputs(t *testing.T) {
	const mib = 1 << 20
	header := "schema_version: \"1\"\ndocument: {source: src.txt, language: nl}\nvendor: {name: Acme}\n"
	tests := []struct {
		name     string
		data     func() []byte
		reader   func() io.Reader // instead of data, for inputs too big to build in memory
		want     string
		maxAlloc uint64
	}{
		{
			name: "10,000-deep nesting",
			data: func() []byte {
				return []byte("x-deep: " + strings.Repeat("[", 10000) + strings.Repeat("]", 10000) + "\n")
			},
			want:     "nesting deeper than 64 levels",
			maxAlloc: 64 * mib,
		},
		{
			name:     "100 MB file",
			reader:   func() io.Reader { return io.LimitReader(repeatReader('a'), 100*mib) },
			want:     "file is larger than the limit of 10485760 bytes",
			maxAlloc: 64 * mib,
		},
		{
			name: "alias bomb",
			data: func() []byte {
				var b strings.Builder
				b.WriteString(header + "x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
				prev := "a"
				for _, n := range []string{"b", "c", "d", "e", "f", "g", "h", "i"} {
					b.WriteString("x-" + n + ": &" + n + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n")
					prev = n
				}
				return []byte(b.String())
			},
			want:     "expands to more than 200000 values",
			maxAlloc: 128 * mib,
		},
		{
			// Each document stays under the limit; together they expanded to 141 million
			// values (gigabytes) while the limit was per document.
			name:     "1,000 documents of aliases",
			data:     func() []byte { return []byte(aliasDocuments(1000)) },
			want:     "expands to more than 200000 values (aliases included, all its documents together)",
			maxAlloc: 128 * mib,
		},
		{
			name:     "invalid UTF-8",
			data:     func() []byte { return []byte(header + "x-bad: \"caf\xe9\"\n") },
			want:     "4:12: invalid UTF-8 (byte 0xe9)",
			maxAlloc: mib,
		},
		{
			name:     "NUL bytes",
			data:     func() []byte { return []byte(header + "x-nul: \"a\x00b\"\n") },
			want:     "4:10: NUL byte",
			maxAlloc: mib,
		},
		{
			name:     "a list of a million entries",
			data:     func() []byte { return []byte(header + "x-list:\n" + strings.Repeat("  - 1\n", 1_000_000)) },
			want:     "more than the limit of 200000",
			maxAlloc: 64 * mib,
		},
		{
			name: "a 1 MB quote",
			data: func() []byte {
				return []byte(header + "governing_law: {value: BE, src: {art: \"1\", quote: \"" + strings.Repeat("lorem ipsum ", mib/12) + "\"}}\n")
			},
			want:     "more than the 4000 allowed: quote the clause, not the document",
			maxAlloc: 96 * mib,
		},
	}
	l := newTestLoader(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var data []byte
			if tt.data != nil {
				data = tt.data()
			}
			diags, alloc := loadBounded(t, func() []Diagnostic {
				if tt.reader != nil {
					_, d, err := l.LoadFile("-", tt.reader())
					if err != nil {
						t.Errorf("LoadFile: %v", err)
					}
					return d
				}
				_, d := l.Load("hostile.yaml", t.TempDir(), data)
				return d
			})
			if len(diags) == 0 {
				t.Fatal("accepted")
			}
			if tt.name == "1,000 documents of aliases" {
				// One message, in the second document: the first one spent most of the budget.
				var budget []Diagnostic
				for _, d := range diags {
					if strings.Contains(d.Message, "expands to more than 200000 values") {
						budget = append(budget, d)
					}
				}
				if len(budget) != 1 || budget[0].Line <= aliasDocumentLines {
					t.Errorf("want one budget diagnostic in the second document, got:\n%s", format(diags))
				}
			}
			var all bytes.Buffer
			for _, d := range diags {
				all.WriteString(d.String() + "\n")
			}
			if !strings.Contains(all.String(), tt.want) {
				t.Errorf("diagnostics lack %q:\n%.2000s", tt.want, all.String())
			}
			if alloc > tt.maxAlloc {
				t.Errorf("allocated %d MiB, bound %d MiB", alloc/mib, tt.maxAlloc/mib)
			}
		})
	}
}

// aliasDocumentLines is how many lines each document of aliasDocuments takes.
const aliasDocumentLines = 10

// aliasDocuments returns n contracts, one per YAML document, each expanding through aliases to
// about 141,000 values: under the node limit one by one, far over it together.
func aliasDocuments(n int) string {
	var b strings.Builder
	for range n {
		b.WriteString("---\nschema_version: \"1\"\ndocument: {source: src.txt, language: nl}\nvendor: {name: Acme}\n")
		b.WriteString("x-a: &a [l, l, l, l, l, l, l, l, l]\n")
		prev := "a"
		for _, name := range []string{"b", "c", "d", "e"} {
			b.WriteString("x-" + name + ": &" + name + " [" + strings.TrimSuffix(strings.Repeat("*"+prev+", ", 9), ", ") + "]\n")
			prev = name
		}
		b.WriteString("x-f: [*e]\n")
	}
	return b.String()
}

// TestLimitsPerFile holds both parsers to the per-file limits with small ones: yaml.v3 (several
// documents) and the fast parser (one plain document).
func TestLimitsPerFile(t *testing.T) {
	doc := "schema_version: \"1\"\ndocument: {source: src.txt, language: nl}\nvendor: {name: Acme, country: BE}\n"
	// 8 values per document: the mapping, its 3 values, 4 in the two flow mappings.
	l := newTestLoader(t, Options{SkipQuotes: true, Limits: Limits{MaxNodes: 20, MaxDocuments: 3}})
	if _, ok := parseFast([]byte(doc)); !ok {
		t.Fatal("the fast parser declines the test document; the test would not cover it")
	}
	tests := []struct {
		name      string
		data      string
		contracts int
		want      string
	}{
		{"two documents within the budget", doc + "---\n" + doc, 2, ""},
		{"three documents over it", doc + "---\n" + doc + "---\n" + doc, 2, "10:39: file expands to more than 20 values"},
		{"one fast-parsed document over it", doc + "x-list: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]\n", 0, "4:45: file expands to more than 20 values"},
		{"more documents than allowed", "--- {}\n--- {}\n--- {}\n--- {}\n--- {}\n", 0, "4:1: more than 3 YAML documents in one file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs, diags := l.Load("f.yaml", t.TempDir(), []byte(tt.data))
			if len(cs) != tt.contracts {
				t.Errorf("%d contracts, want %d", len(cs), tt.contracts)
			}
			got := format(diags)
			if tt.want == "" && got != "" || !strings.Contains(got, tt.want) {
				t.Errorf("diagnostics:\n%swant %q", got, tt.want)
			}
		})
	}
}
