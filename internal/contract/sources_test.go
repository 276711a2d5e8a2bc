package contract

import (
	"fmt"
	"strings"
	"testing"
)

// TestSourcesOfASet: a finding about a set of facts quotes the facts in it, in document order and
// each passage once; a fact with a src of its own, a scalar in it and a missing key keep the
// nearest src up the tree; the contract as a whole quotes nothing.
func TestSourcesOfASet(t *testing.T) {
	src := "Klachten binnen acht dagen. Geen indirecte schade. Geen gevolgschade. " +
		"Ten hoogste de ordersom. Ten hoogste EUR 1000. Recht van Nederland."
	cs, diags := loadString(t, src, minimal+`liability:
  src: {art: "6", quote: "Klachten binnen acht dagen"}
  exclusions:
    - id: indirect
      categories: [indirect]
      src: {art: "10.1", quote: "Geen indirecte schade"}
    - id: consequential
      categories: [consequential]
      src: {art: "10.2", quote: "Geen gevolgschade"}
    - id: again
      categories: [lost_profit]
      src: {art: "10.1", quote: "Geen indirecte schade"}
  caps:
    - id: order
      basis: order_price
      src: [{art: "10.3", quote: "Ten hoogste de ordersom"}, {art: "10.4", quote: "Ten hoogste EUR 1000"}]
  carve_outs: {status: absent}
governing_law: {value: NL, src: {art: "20", quote: "Recht van Nederland"}}
`)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	c := cs[0]
	tests := []struct {
		name string
		path []any
		want string
	}{
		{"list: its facts, once each", []any{"liability", "exclusions"}, "10.1 10.2"},
		{"item with a src", []any{"liability", "exclusions", 1}, "10.2"},
		{"scalar in an item", []any{"liability", "exclusions", 1, "categories"}, "10.2"},
		{"a fact's several passages", []any{"liability", "caps", 0}, "10.3 10.4"},
		{"group with a src of its own", []any{"liability"}, "6"},
		{"status marker without src: the group's", []any{"liability", "carve_outs"}, "6"},
		{"missing key: the group's", []any{"liability", "combination"}, "6"},
		{"another group", []any{"governing_law"}, "20"},
		{"the whole contract", []any{}, ""},
	}
	for _, tt := range tests {
		if got := arts(c.Sources(tt.path)); got != tt.want {
			t.Errorf("%s: Sources(%v) = %q, want %q", tt.name, tt.path, got, tt.want)
		}
	}
}

// TestSourcesOfAGroupWithoutSrc: a mapping of fact groups with no src of its own cites the srcs of
// the groups in it in the order they stand in the file (not the keys' order), rather than an
// ancestor's.
func TestSourcesOfAGroupWithoutSrc(t *testing.T) {
	cs, diags := loadString(t, "Art een. Art twee. Art drie.", minimal+`data_protection:
  src: {art: "1", quote: "Art een"}
  sub_processors:
    regime: notice_only
    src: {art: "3", quote: "Art drie"}
  role: {value: processor, src: {art: "2", quote: "Art twee"}}
`)
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	// data_protection has its own src, so a finding about the group quotes that.
	if got := arts(cs[0].Sources([]any{"data_protection"})); got != "1" {
		t.Errorf("Sources(data_protection) = %q, want its own src 1", got)
	}
	delete(cs[0].Input["data_protection"].(map[string]any), "src")
	if got := arts(cs[0].Sources([]any{"data_protection"})); got != "3 2" {
		t.Errorf("Sources(data_protection) without its src = %q, want 3 2 (file order)", got)
	}
}

// TestSourcesInDeal: in a deal, a group taken from the cover page quotes the cover page, never the
// main document's clause above it; the owner-depth rule holds for a set as for a single fact.
func TestSourcesInDeal(t *testing.T) {
	cs, diags := loadDealFile(t, writeDeal(t, dealFiles), "deal.yaml")
	if len(diags) > 0 || len(cs) != 1 {
		t.Fatalf("want one deal, got %d and %v", len(cs), diags)
	}
	for _, path := range [][]any{{"governing_law"}, {"governing_law", "value"}} {
		if got := cs[0].Sources(path); len(got) != 1 || got[0].Quote != "Governing Law: Belgium." {
			t.Errorf("Sources(%v) = %v, want the cover page's clause", path, got)
		}
	}
}

// TestSourcesBounded: a set of more than MaxSources passages quotes the first MaxSources and
// counts them all.
func TestSourcesBounded(t *testing.T) {
	var text, items strings.Builder
	const n = MaxSources + 4
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&text, "Uitsluiting nummer %d. ", i)
		fmt.Fprintf(&items, "    - {categories: [indirect], src: {art: \"9.%d\", quote: \"Uitsluiting nummer %d\"}}\n", i, i)
	}
	cs, diags := loadString(t, text.String(), minimal+"liability:\n  exclusions:\n"+items.String())
	if len(diags) > 0 {
		t.Fatalf("diagnostics:\n%s", format(diags))
	}
	srcs, all := cs[0].SourcesCounted([]any{"liability", "exclusions"})
	if len(srcs) != MaxSources || all != n || srcs[0].Art != "9.1" || srcs[MaxSources-1].Art != fmt.Sprintf("9.%d", MaxSources) {
		t.Errorf("SourcesCounted = %d passages (%s) of %d, want the first %d of %d", len(srcs), arts(srcs), all, MaxSources, n)
	}
}

// TestSourcesFixtures: the examples of issue 14 — SerSo's exclusions quoted an art. 6 sentence
// about complaints, vooruit's arts. 15.7 and 16.1 — now quote the exclusions themselves.
func TestSourcesFixtures(t *testing.T) {
	t.Chdir("../..")
	tests := []struct {
		file   string
		path   []any
		wrong  []string
		inside string
	}{
		{"fixtures/contracts/serso.yaml", []any{"liability", "exclusions"}, []string{"6"}, "10."},
		{"fixtures/contracts/vooruit.yaml", []any{"liability", "exclusions"}, []string{"15.7", "16.1"}, ""},
		{"fixtures/contracts/vooruit.yaml", []any{"liability", "caps"}, []string{"15.7", "16.1"}, "15."},
	}
	l := newTestLoader(t, Options{})
	for _, tt := range tests {
		cs, diags, err := l.LoadFile(tt.file, nil)
		if err != nil || len(diags) > 0 || len(cs) != 1 {
			t.Fatalf("%s: %v %v", tt.file, err, diags)
		}
		srcs := cs[0].Sources(tt.path)
		if len(srcs) < 2 {
			t.Errorf("%s %v: %d passages, want the set's", tt.file, tt.path, len(srcs))
		}
		want := quotesUnder(cs[0].Input, tt.path)
		for _, s := range srcs {
			for _, w := range tt.wrong {
				if s.Art == w {
					t.Errorf("%s %v still quotes art. %s", tt.file, tt.path, w)
				}
			}
			if !want[s] {
				t.Errorf("%s %v quotes art. %s %q, which is no fact of the set", tt.file, tt.path, s.Art, s.Quote)
			}
			if !strings.HasPrefix(s.Art, tt.inside) {
				t.Errorf("%s %v quotes art. %s, want arts. %s…", tt.file, tt.path, s.Art, tt.inside)
			}
		}
	}
}

// quotesUnder collects every src at or below path.
func quotesUnder(in map[string]any, path []any) map[Source]bool {
	var v any = in
	for _, p := range path {
		switch t := v.(type) {
		case map[string]any:
			v = t[p.(string)]
		case []any:
			v = t[p.(int)]
		}
	}
	out := map[Source]bool{}
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			for _, s := range sourcesOf(t["src"]) {
				out[s] = true
			}
			for k, e := range t {
				if k != "src" {
					walk(e)
				}
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

func arts(srcs []Source) string {
	a := make([]string, len(srcs))
	for i, s := range srcs {
		a[i] = s.Art
	}
	return strings.Join(a, " ")
}

// Sources is SourcesCounted without the count, for the tests.
func (c *Contract) Sources(path []any) []Source {
	srcs, _ := c.SourcesCounted(path)
	return srcs
}
