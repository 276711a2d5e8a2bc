package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOddLineBreaks: YAML breaks lines at a lone CR, NEL, LS and PS too, where line-based
// readers see one line. Such a file must never be taken for an empty file or skipped by a
// directory search; it is refused at the first odd break, with its place.
func TestOddLineBreaks(t *testing.T) {
	l, err := NewLoader(Options{SkipQuotes: true})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, brk, wantPos string
		wantRune           string
	}{
		{"lone CR", "\r", "1:20", "U+000D"},
		{"NEL", "\u0085", "1:20", "U+0085"},
		{"line separator", "\u2028", "1:20", "U+2028"},
		{"paragraph separator", "\u2029", "1:20", "U+2029"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// schema_version: "1" is 19 characters: the break is the 20th.
			body := strings.Join([]string{`schema_version: "1"`, "document:", "  title: x", ""}, tt.brk)
			_, diags := l.Load("c.yaml", ".", []byte(body))
			if len(diags) != 1 || !strings.Contains(diags[0].Message, tt.wantRune) {
				t.Fatalf("diagnostics = %+v; want one naming %s", diags, tt.wantRune)
			}
			if pos := diags[0].String(); !strings.Contains(pos, "c.yaml:"+tt.wantPos+":") {
				t.Errorf("diagnostic at %s; want %s", pos, tt.wantPos)
			}
			if !LooksLikeContract([]byte(body)) {
				t.Error("a directory search would skip it")
			}
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "c.yaml"), []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			if files := l.Discover([]string{dir}); len(files) != 1 {
				t.Errorf("Discover found %v; want the file", files)
			}
		})
	}
	// CRLF is an ordinary line break.
	if HasOddLineBreak([]byte("a: 1\r\nb: 2\r\n")) {
		t.Error("CRLF taken for an odd line break")
	}
}
