package contract

import (
	"os"
	"path/filepath"
	"testing"
)

// BenchmarkLoad loads the longest fixture: YAML parse, positions, schema, units and quotes.
func BenchmarkLoad(b *testing.B) {
	benchLoad(b, Options{})
}

// BenchmarkLoadNoQuotes is the same without the quote check, to see its share.
func BenchmarkLoadNoQuotes(b *testing.B) {
	benchLoad(b, Options{SkipQuotes: true})
}

func benchLoad(b *testing.B, opts Options) {
	const file = "../../fixtures/contracts/vooruit.yaml"
	data, err := os.ReadFile(file)
	if err != nil {
		b.Fatal(err)
	}
	l := newTestLoader(b, opts)
	dir := filepath.Dir(file)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		cs, diags := l.Load(file, dir, data)
		if len(cs) != 1 || len(diags) > 0 {
			b.Fatal(diags)
		}
	}
}
