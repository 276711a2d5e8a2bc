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

// TestAliasedTextBounded: aliases of one long string cost the file nothing but every later step
// the whole expansion; the text a file expands to is bounded like its values are.
func TestAliasedTextBounded(t *testing.T) {
	limits := DefaultLimits()
	limits.MaxBytes = 1 << 20
	l, err := NewLoader(Options{SkipQuotes: true, Limits: limits})
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("x", 100<<10)
	// 100 KiB, repeated by 30 aliases: 3 MiB of text from a 100 KiB file, past 2 x 1 MiB.
	body := "x-big: &big " + long + "\nx-copies: [" + strings.TrimSuffix(strings.Repeat("*big, ", 30), ", ") + "]\n"
	_, diags := l.Load("bomb.yaml", ".", []byte(body))
	found := false
	for _, d := range diags {
		if strings.Contains(d.Message, "bytes of text (aliases included") {
			found = true
		}
	}
	if !found {
		t.Fatalf("diagnostics = %v; want the expanded-text limit", diags)
	}
	// Ten aliases (1 MiB) stay within it: the limit is on expansion, not on aliases.
	body = "x-big: &big " + long + "\nx-copies: [" + strings.TrimSuffix(strings.Repeat("*big, ", 10), ", ") + "]\n"
	_, diags = l.Load("ok.yaml", ".", []byte(body))
	for _, d := range diags {
		if strings.Contains(d.Message, "bytes of text") {
			t.Fatalf("ten aliases refused: %v", d)
		}
	}
}

// TestAliasAcrossDocuments: yaml.v3 resolves an alias to an earlier document's anchor; YAML does
// not, and neither does termlint, so each document reads on its own.
func TestAliasAcrossDocuments(t *testing.T) {
	l, err := NewLoader(Options{SkipQuotes: true})
	if err != nil {
		t.Fatal(err)
	}
	_, diags := l.Load("two.yaml", ".", []byte("x-a: &big [1, 2]\n---\nx-b: *big\n"))
	found := false
	for _, d := range diags {
		if d.Line == 3 && d.Column == 6 && strings.Contains(d.Message, "alias *big refers to an anchor of another document") {
			found = true
		}
	}
	if !found {
		t.Errorf("diagnostics = %v; want the alias refused at 3:6", diags)
	}
	// Within one document an alias is fine.
	_, diags = l.Load("one.yaml", ".", []byte("x-a: &big [1, 2]\nx-b: *big\n"))
	for _, d := range diags {
		if strings.Contains(d.Message, "another document") {
			t.Errorf("an alias within its document refused: %v", d)
		}
	}
}
