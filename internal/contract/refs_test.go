package contract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

const refsHead = `schema_version: "1"
document: {source: terms.txt, language: en}
vendor: {name: Acme}
liability:
`

// TestReferences: every id a field names must exist; the error is at the referring value and
// lists the ids that do. Each case is the liability section of a contract checked alone.
func TestReferences(t *testing.T) {
	tests := []struct {
		name      string
		liability string
		want      []string // file:line:col: message, or none
	}{
		{"lifts existing ids", `
  caps:
    - {id: general_cap, basis: fixed_amount, src: {art: "1", quote: a}}
  exclusions:
    - {id: indirect, categories: [indirect], src: {art: "2", quote: b}}
  carve_outs:
    - {kinds: [intent], lifts: [general_cap, indirect], src: {art: "3", quote: c}}
    - {kinds: [fraud], lifts: [all], src: {art: "3", quote: c}}
`, nil},
		{"typo in an id", `
  caps:
    - {id: general_cap, basis: fixed_amount, src: {art: "1", quote: a}}
    - {id: insurance, basis: insurance_payout, src: {art: "1", quote: a}}
  carve_outs:
    - kinds: [intent]
      lifts: [insurance, general_capp]
      src: {art: "3", quote: c}
`, []string{`c.yaml:10:26: liability.carve_outs.0.lifts.1: no cap or exclusion has the id "general_capp" (ids: "general_cap", "insurance"; or all); did you mean "general_cap"?`}},
		{"no id at all", `
  caps:
    - {basis: fixed_amount, src: {art: "1", quote: a}}
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "3", quote: c}}
`, []string{`c.yaml:8:33: liability.carve_outs.0.lifts.0: no cap or exclusion has the id "general"; none has an id: give the one meant an id and name it here`}},
		{"no caps or exclusions", `
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "3", quote: c}}
`, []string{`c.yaml:6:33: liability.carve_outs.0.lifts.0: no cap or exclusion has the id "general"; none has an id: give the one meant an id and name it here`}},
		{"two carve-outs with one id", `
  carve_outs:
    - {id: unlimited, kinds: [intent], lifts: [all], src: {art: "3", quote: c}}
    - {id: unlimited, kinds: [fraud], lifts: [all], src: {art: "3", quote: c}}
`, []string{`c.yaml:7:12: liability.carve_outs.1.id: the id "unlimited" is also the id of liability.carve_outs.0.id; each carve-out needs its own`}},
		{"an exclusion's id, the second carve-out wrong", `
  exclusions:
    - {id: indirect, categories: [indirect], src: {art: "2", quote: b}}
  carve_outs:
    - {kinds: [intent], lifts: [indirect], src: {art: "3", quote: c}}
    - {kinds: [fraud], lifts: [indirekt], src: {art: "3", quote: c}}
`, []string{`c.yaml:9:32: liability.carve_outs.1.lifts.0: no cap or exclusion has the id "indirekt" (ids: "indirect"; or all); did you mean "indirect"?`}},
		{"a cap and an exclusion share an id", `
  caps:
    - {id: general, basis: fixed_amount, src: {art: "1", quote: a}}
  exclusions:
    - {id: general, categories: [indirect], src: {art: "2", quote: b}}
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "3", quote: c}}
`, []string{`c.yaml:8:12: liability.exclusions.0.id: the id "general" is also the id of liability.caps.0.id; each cap or exclusion needs its own`}},
		// Where the caps are not known (the list is unclear, or set in another document), no
		// reference to them can be checked: the deal checks once it has them.
		{"caps ambiguous", `
  caps: {status: ambiguous, note: unclear, src: {art: "1", quote: a}}
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "3", quote: c}}
`, nil},
		{"caps set in another document", `
  caps: {defined_in: cover_page, variable: General Cap, src: {art: "1", quote: a}}
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "3", quote: c}}
`, nil},
	}
	l := newTestLoader(t, Options{Limits: DefaultLimits(), SkipQuotes: true})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := refsHead + strings.TrimPrefix(tt.liability, "\n")
			cs, diags := l.Load("c.yaml", ".", []byte(data))
			var got []string
			for _, d := range diags {
				got = append(got, d.String())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(tt.want) == 0 && len(cs) != 1 {
				t.Errorf("want the contract loaded, got %d", len(cs))
			}
		})
	}
}

// TestDealReferences: a carve-out in one document may lift a cap set in another; the deal
// checks the ids once the documents are merged, and points at the document that refers.
func TestDealReferences(t *testing.T) {
	files := map[string]string{}
	for k, v := range dealFiles {
		files[k] = v
	}
	files["cover.txt"] += "General Cap: fees of 12 months.\n"
	files["cover.yaml"] += `liability:
  caps:
    - {id: general, basis: fees_paid_lookback, src: {art: cover, quote: "General Cap: fees of 12 months."}}
`
	files["terms.yaml"] += `liability:
  carve_outs:
    - {kinds: [intent], lifts: [general], src: {art: "1", quote: "Each party's liability"}}
`
	dir := writeDeal(t, files)
	l := newTestLoader(t, Options{Limits: DefaultLimits()})
	if _, diags, err := l.LoadFile(filepath.Join(dir, "deal.yaml"), nil); err != nil || len(diags) > 0 {
		t.Fatalf("deal whose carve-out lifts the cover page's cap: %v %v", err, diags)
	}
	files["terms.yaml"] = strings.Replace(files["terms.yaml"], "lifts: [general]", "lifts: [generall]", 1)
	dir = writeDeal(t, files)
	_, diags, err := l.LoadFile(filepath.Join(dir, "deal.yaml"), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := `terms.yaml:10:33: liability.carve_outs.0.lifts.0: no cap or exclusion has the id "generall" (ids: "general"; or all); did you mean "general"?`
	if len(diags) != 1 || !strings.HasSuffix(diags[0].String(), want) {
		t.Errorf("diagnostics %v, want one ending %s", diags, want)
	}
}

// TestReferencesCoverSchema: every schema field whose description says it names an id is in
// references, so that a new one cannot be added without its check.
func TestReferencesCoverSchema(t *testing.T) {
	raw, err := os.ReadFile("../../schema/contract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	// A description that names ids ("their ids", "an id of") and does not define one.
	refers := regexp.MustCompile(`(?i)\b(their ids|an id of|the id of|ids? of (a|the|an) )`)
	covered := map[string]bool{}
	for _, r := range references {
		covered[schemaPath(r.from)] = true
		covered[schemaPath(r.from[:len(r.from)-1])] = true
	}
	var walk func(v any, path []string)
	walk = func(v any, path []string) {
		n, ok := v.(map[string]any)
		if !ok {
			return
		}
		if d, _ := n["description"].(string); refers.MatchString(d) && !covered[schemaPath(path)] {
			t.Errorf("%s refers to ids (%q) but references does not check it", schemaPath(path), d)
		}
		props, _ := n["properties"].(map[string]any)
		for k, e := range props {
			walk(e, append(slices.Clip(path), k))
		}
		if items, ok := n["items"]; ok {
			walk(items, append(slices.Clip(path), each))
		}
		for _, kw := range []string{"anyOf", "oneOf", "allOf"} {
			alts, _ := n[kw].([]any)
			for _, a := range alts {
				walk(a, path)
			}
		}
	}
	walk(doc, nil)
	if len(covered) == 0 {
		t.Fatal("no references")
	}
}

func schemaPath(p []string) string { return strings.Join(p, ".") }

// TestForumSubdivisionInCountry: a forum's ISO 3166-2 subdivision must lie in its country.
func TestForumSubdivisionInCountry(t *testing.T) {
	l := newTestLoader(t, Options{Limits: DefaultLimits(), SkipQuotes: true})
	for _, tt := range []struct {
		subdivision, want string
	}{
		{"US-CA", `c.yaml:4:70: disputes.subdivision: "US-CA" is not in disputes.country "BE": an ISO 3166-2 code starts with its country's code (BE-…)`},
		{"BE-BRU", ""},
	} {
		data := strings.Replace(refsHead, "liability:\n", "", 1) +
			`disputes: {forum: courts, country: BE, venue: Brussels, subdivision: ` + tt.subdivision + `, src: {art: "1", quote: q}}` + "\n"
		_, diags := l.Load("c.yaml", ".", []byte(data))
		var got []string
		for _, d := range diags {
			got = append(got, d.String())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%s: diagnostics %q, want %q", tt.subdivision, got, tt.want)
		}
	}
}
