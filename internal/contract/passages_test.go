package contract

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestAnnotate places every quote of the fixtures (plain text, Markdown with inline HTML, and a
// deal of several documents) in its source text: each passage must read, as the quote check
// compares, exactly as the quote.
func TestAnnotate(t *testing.T) {
	t.Chdir("../..")
	files, err := filepath.Glob("fixtures/contracts/*.yaml")
	if err != nil || len(files) < 5 {
		t.Fatalf("want the five fixtures, got %v (%v)", files, err)
	}
	files = append(files, "fixtures/deals/commonpaper/csa.yaml", "fixtures/deals/commonpaper/dpa.yaml", "fixtures/deals/serso.yaml")
	l := newTestLoader(t, Options{Limits: DefaultLimits()})
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			cs, diags, err := l.LoadFile(file, nil)
			if err != nil || len(diags) > 0 || len(cs) != 1 {
				t.Fatalf("load: %v %v", err, diags)
			}
			a := l.Annotate(cs[0])
			// The Common Paper documents name the vendor only on the cover page.
			if (a.Vendor == "" && filepath.Base(filepath.Dir(file)) != "commonpaper") || a.Title == "" || len(a.Texts) == 0 {
				t.Fatalf("vendor %q, title %q, %d texts", a.Vendor, a.Title, len(a.Texts))
			}
			placed := map[string]bool{}
			for _, st := range a.Texts {
				if st.Err != "" || len(st.Text) == 0 || len(st.Passages) == 0 {
					t.Fatalf("%s: err %q, %d bytes, %d passages", st.File, st.Err, len(st.Text), len(st.Passages))
				}
				norm, off := searchText(st.Text, markupOf(st.Path))
				for i, p := range st.Passages {
					if i > 0 && (p.Start < st.Passages[i-1].Start) {
						t.Errorf("passages out of order at %d", i)
					}
					if p.Start < 0 || p.End <= p.Start || p.End > len(st.Text) {
						t.Fatalf("passage %q: range %d-%d of %d bytes", p.Quote, p.Start, p.End, len(st.Text))
					}
					q := []byte(NormaliseQuote(p.Quote))
					at := -1
					for j := range off {
						if int(off[j]) == p.Start {
							at = j
							break
						}
					}
					if at < 0 || !bytes.HasPrefix(norm[at:], q) {
						t.Errorf("passage at %d does not read as %q", p.Start, p.Quote)
					}
					if markupOf(st.Path) == plainText && NormaliseQuote(string(st.Text[p.Start:p.End])) != string(q) {
						t.Errorf("passage %q reads %q", p.Quote, st.Text[p.Start:p.End])
					}
					placed[string(q)] = true
				}
			}
			if cs[0].prov == nil {
				walkSources(cs[0].Input, func(path []any, quote string) {
					if !placed[NormaliseQuote(quote)] {
						t.Errorf("quote at %v not placed: %q", path, quote)
					}
				})
			}
		})
	}
}

// TestAnnotateUnreadable: a source the report cannot show is said, never read from outside the
// root, never a panic.
func TestAnnotateUnreadable(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.txt"), []byte("Het geheim van de smid."), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, source := range map[string]string{
		"missing": "nowhere.txt",
		"outside": filepath.Join(outside, "secret.txt"),
	} {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(dir, name+".yaml")
			yaml := "schema_version: \"1\"\ndocument: {source: " + source + ", language: nl}\nvendor: {name: Acme, country: BE, src: {art: \"1\", quote: \"Het geheim\"}}\n"
			if err := os.WriteFile(file, []byte(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			l := newTestLoader(t, Options{Limits: DefaultLimits(), SkipQuotes: true, SourceRoot: dir})
			cs, diags, err := l.LoadFile(file, nil)
			if err != nil || len(cs) != 1 {
				t.Fatalf("load: %v %v", err, diags)
			}
			a := l.Annotate(cs[0])
			if len(a.Texts) != 1 || a.Texts[0].Err == "" || a.Texts[0].Text != nil || len(a.Texts[0].Passages) != 0 {
				t.Fatalf("want one text that says why it is not shown, got %+v", a.Texts)
			}
		})
	}
}
