package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestParseDuration(t *testing.T) {
	tests := []struct {
		in         string
		days       float64
		indefinite bool
		err        string
	}{
		{in: "30d", days: 30},
		{in: "12mo", days: 365},
		{in: "1mo", days: 30.417},
		{in: "1y", days: 365},
		{in: "2w", days: 14},
		{in: "5wd", days: 7},
		{in: "48h", days: 2},
		{in: "90min", days: 0.063},
		{in: "0d", days: 0},
		{in: "none", days: 0},
		{in: "indefinite", indefinite: true},
		{in: "12 months", err: "without a space"},
		{in: "12", err: "want a whole number and a unit"},
		{in: "mo", err: "want a whole number and a unit"},
		{in: "", err: "want a whole number and a unit"},
		{in: "-3d", err: "want a whole number and a unit"},
		{in: "1.5d", err: `unknown unit ".5d"`},
		{in: "99999999999d", err: "too large"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			d, err := ParseDuration(tt.in)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParseDuration(%q) error = %v, want it to contain %q", tt.in, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDuration(%q): %v", tt.in, err)
			}
			if d.Days != tt.days || d.Indefinite != tt.indefinite || d.Text != tt.in {
				t.Fatalf("ParseDuration(%q) = %+v, want days %v indefinite %v", tt.in, d, tt.days, tt.indefinite)
			}
		})
	}
}

func TestParseNumberWords(t *testing.T) {
	tests := []struct {
		in   string
		want int64
		err  bool
	}{
		{in: "vijfhonderd euro", want: 500},
		{in: "twaalf", want: 12},
		{in: "dertien", want: 13},
		{in: "eenentwintig", want: 21},
		{in: "tweeëntwintig", want: 22},
		{in: "vijfentwintigduizend", want: 25000},
		{in: "honderdvijftigduizend euro", want: 150000},
		{in: "tweehonderdduizend", want: 200000},
		{in: "één miljoen euro", want: 1_000_000},
		{in: "een miljoen vijfhonderdduizend", want: 1_500_000},
		{in: "één miljoen honderdvierendertig duizend en vierhonderdvijftig EURO", want: 1_134_450},
		{in: "duizend", want: 1000},
		{in: "achttien", want: 18},
		{in: "zeventig", want: 70},
		{in: "negenennegentig", want: 99},
		{in: "one hundred and fifty thousand", want: 150000},
		{in: "twenty-five euros", want: 25},
		{in: "two million", want: 2_000_000},
		{in: "1 miljoen", want: 1_000_000},
		{in: "een heleboel", err: true},
		{in: "euro", err: true},
		{in: "", err: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := ParseNumberWords(tt.in)
			if tt.err {
				if err == nil {
					t.Fatalf("ParseNumberWords(%q) = %d, want an error", tt.in, got)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Fatalf("ParseNumberWords(%q) = %d, %v; want %d", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestNormaliseQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"**10.14** In elk  geval,\n is", "10.14 In elk geval, is"},
		{"_nadruk_ en snake_case", "nadruk en snake_case"},
		{"  a\u00a0b\t\tc  ", "a b c"},
		{"***", ""},
	}
	for _, tt := range tests {
		if got := NormaliseQuote(tt.in); got != tt.want {
			t.Errorf("NormaliseQuote(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"30d", "12mo", "indefinite", "none", "7wd", "", "1x", "99999999999999999999d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDuration(s)
		if err == nil && !d.Indefinite && (d.Days < 0 || d.Days > 365*maxDurationNumber) {
			t.Fatalf("ParseDuration(%q) = %v days", s, d.Days)
		}
	})
}

func FuzzParseNumberWords(f *testing.F) {
	for _, s := range []string{"vijfhonderd euro", "tweeëntwintigduizend", "one hundred and fifty thousand", "één miljoen", "x", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ParseNumberWords(s)
		if err == nil && n < 0 {
			t.Fatalf("ParseNumberWords(%q) = %d", s, n)
		}
	})
}

func FuzzNormaliseQuote(f *testing.F) {
	for _, s := range []string{"**10.14** tekst", "a _b_ c", "\u00a0x\n\ty", "***"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormaliseQuote(s)
		if want := normaliseQuoteReference(s); n != want {
			t.Fatalf("NormaliseQuote(%q) = %q, the reference gives %q", s, n, want)
		}
		if NormaliseQuote(n) != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, NormaliseQuote(n))
		}
		if strings.Contains(n, "  ") || strings.HasPrefix(n, " ") || strings.HasSuffix(n, " ") {
			t.Fatalf("whitespace not normalised: %q", n)
		}
	})
}

// normaliseQuoteReference is NormaliseQuote as first written, with a strings.Builder, kept to hold
// the buffer-reusing version to the same output.
func normaliseQuoteReference(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	prev := ' '
	for i, r := range s {
		if r == '*' {
			continue
		}
		if r == '_' {
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if !isWordRune(prev) || !isWordRune(next) {
				continue
			}
		}
		if unicode.IsSpace(r) {
			space = true
			prev = ' '
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
		prev = r
	}
	return b.String()
}

// TestNormaliseQuoteReference compares with the reference on the fixtures' source texts, line by
// line and whole, and on odd input.
func TestNormaliseQuoteReference(t *testing.T) {
	files, err := filepath.Glob("../../fixtures/sources/*.txt")
	more, _ := filepath.Glob("../../fixtures/sources/*/*.md")
	files = append(files, more...)
	if err != nil || len(files) == 0 {
		t.Fatalf("no source texts: %v", err)
	}
	inputs := []string{"", "_", "a_", "_a", "a_b", "*_*", "\xff_x", "x_\xff", "\xe2\x80", " \u00a0 ", "é_ü", "1_2", "a__b"}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		inputs = append(inputs, string(data))
		inputs = append(inputs, strings.Split(string(data), "\n")...)
	}
	buf := []byte("prefix")
	for _, s := range inputs {
		want := normaliseQuoteReference(s)
		if got := NormaliseQuote(s); got != want {
			t.Fatalf("NormaliseQuote(%.80q) = %.80q, want %.80q", s, got, want)
		}
		if got := appendNormalisedQuote(buf[:6], s); string(got) != "prefix"+want {
			t.Fatalf("appendNormalisedQuote(%.80q) = %.80q", s, got)
		}
	}
}
