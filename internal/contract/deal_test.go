package contract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// dealFiles are a small deal: terms that defer the vendor, the law and one carve-out to a cover
// page, the cover page, and a processor agreement the buyer does not have.
var dealFiles = map[string]string{
	"terms.txt": "1. Each party's liability is limited to the General Cap Amount.\n" +
		"2. The Governing Law on the Cover Page governs.\n" +
		"3. The Cover Page prevails over these terms.\n" +
		"4. Provider will make a DPA available on request.\n" +
		"5. Disputes go to the courts of Brussels.\n",
	"cover.txt": "Provider: Acme Cloud Ltd. Governing Law: Belgium. Increased Claims: data breaches.\n",
	"terms.yaml": `schema_version: "1"
document: {title: Terms, source: terms.txt, language: en, doc_type: msa}
vendor: {defined_in: cover_page, variable: Provider, src: {art: "1", quote: "Each party's liability"}}
governing_law: {defined_in: cover_page, variable: Governing Law, src: {art: "2", quote: "The Governing Law on the Cover Page governs."}}
disputes:
  forum: courts
  src: {art: "5", quote: "Disputes go to the courts of Brussels."}
`,
	"cover.yaml": `schema_version: "1"
document: {title: Cover Page, source: cover.txt, language: en, doc_type: cover_page}
vendor: {name: Acme Cloud Ltd, src: {art: cover, quote: "Provider: Acme Cloud Ltd."}}
governing_law: {value: BE, src: {art: cover, quote: "Governing Law: Belgium."}}
`,
	"deal.yaml": `schema_version: "1"
deal:
  title: Acme
  vendor: {name: Acme Cloud Ltd.}
  documents:
    - {role: msa, file: terms.yaml}
    - {role: cover_page, file: cover.yaml}
    - role: dpa
      status: on_request
      referenced_in: msa
      src: {art: "4", quote: "Provider will make a DPA available on request."}
  precedence:
    - {prevails: cover_page, over: [msa], stated_in: msa, src: {art: "3", quote: "The Cover Page prevails over these terms."}}
`,
}

func writeDeal(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	// A repository root, so that the deal's files are confined to it.
	if err := os.Mkdir(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func loadDealFile(t *testing.T, dir, name string) ([]*Contract, []Diagnostic) {
	t.Helper()
	l, err := NewLoader(Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs, diags, err := l.LoadFile(filepath.Join(dir, name), nil)
	if err != nil {
		t.Fatal(err)
	}
	return cs, diags
}

// TestDealMerge loads a deal and checks the input policies see: values taken from the document a
// deferral names, the deal itself, and each value placed in the file it comes from.
func TestDealMerge(t *testing.T) {
	dir := writeDeal(t, dealFiles)
	cs, diags := loadDealFile(t, dir, "deal.yaml")
	if len(diags) > 0 || len(cs) != 1 {
		t.Fatalf("want one deal, got %d and %v", len(cs), diags)
	}
	c := cs[0]
	in := c.Input
	if got := in["vendor"].(map[string]any)["name"]; got != "Acme Cloud Ltd" {
		t.Errorf("vendor.name = %v, want the cover page's", got)
	}
	if got := in["governing_law"].(map[string]any)["value"]; got != "BE" {
		t.Errorf("governing_law.value = %v, want BE from the cover page", got)
	}
	docs := in["deal"].(map[string]any)["documents"].([]any)
	dpa := docs[2].(map[string]any)
	if dpa["id"] != "dpa" || dpa["status"] != "on_request" {
		t.Errorf("input.deal.documents[2] = %v, want id dpa and status on_request", dpa)
	}
	if got := docs[0].(map[string]any)["status"]; got != "provided" {
		t.Errorf("a document with a file has status %v, want provided", got)
	}
	if got := docs[1].(map[string]any)["title"]; got != "Cover Page" {
		t.Errorf("a document's title defaults to its encoding's: got %v", got)
	}
	locate := []struct {
		path []any
		file string
		line int
	}{
		{[]any{"governing_law", "value"}, "cover.yaml", 4},
		{[]any{"vendor"}, "cover.yaml", 3},
		{[]any{"disputes", "forum"}, "terms.yaml", 6},
		{[]any{"deal", "documents", 2, "status"}, "deal.yaml", 9},
		{[]any{"no_such_group"}, "terms.yaml", 1},
	}
	for _, tt := range locate {
		file, line, _ := c.Locate(tt.path)
		if filepath.Base(file) != tt.file || line != tt.line {
			t.Errorf("Locate(%v) = %s:%d, want %s:%d", tt.path, file, line, tt.file, tt.line)
		}
	}
	// The quote of a value from the cover page is the cover page's, not an ancestor's in the terms.
	if got := c.Sources([]any{"governing_law", "value"}); len(got) != 1 || got[0].Quote != "Governing Law: Belgium." {
		t.Errorf("Sources(governing_law.value) = %v", got)
	}
}

// TestDealDeferredNotProvided: a value left to a document the buyer does not have becomes
// status deferred, which rules answer unknown on; so does a deferral in a contract checked alone.
func TestDealDeferredNotProvided(t *testing.T) {
	files := copyFiles(dealFiles)
	files["deal.yaml"] = strings.Replace(files["deal.yaml"], "    - {role: cover_page, file: cover.yaml}\n",
		"    - {role: cover_page, status: not_provided, referenced_in: msa, src: {art: \"3\", quote: \"The Cover Page prevails\"}}\n", 1)
	dir := writeDeal(t, files)
	for _, name := range []string{"deal.yaml", "terms.yaml"} {
		cs, diags := loadDealFile(t, dir, name)
		if len(diags) > 0 || len(cs) != 1 {
			t.Fatalf("%s: %v", name, diags)
		}
		law := cs[0].Input["governing_law"].(map[string]any)
		if law["status"] != "deferred" || law["defined_in"] != "cover_page" || law["variable"] != "Governing Law" || law["src"] == nil {
			t.Errorf("%s: governing_law = %v, want status deferred with defined_in, variable and src", name, law)
		}
	}
}

func copyFiles(m map[string]string) map[string]string {
	out := map[string]string{}
	for k, v := range m {
		out[k] = v
	}
	return out
}

// TestDealErrors: each way a deal can be wrong gives one message at its place.
func TestDealErrors(t *testing.T) {
	tests := []struct {
		name string
		edit func(map[string]string)
		want string
	}{
		{"unknown id in precedence", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "prevails: cover_page", "prevails: cover", 1)
		}, `deal.yaml:13:18: prevails: "cover" is not a document of this deal; expected one of msa, cover_page, dpa`},
		{"cycle", func(f map[string]string) {
			f["deal.yaml"] += `    - {prevails: msa, over: [cover_page], stated_in: msa, src: {art: "3", quote: "The Cover Page prevails"}}` + "\n"
		}, "deal.yaml:14:30: precedence[1]: msa prevails over cover_page, but the deal already has cover_page prevailing over msa: the order of precedence has a cycle"},
		{"vendor differs", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "{name: Acme Cloud Ltd.}", "{name: Other Corp}", 1)
		}, `cover.yaml:3:16: vendor.name "Acme Cloud Ltd" is not the deal's vendor "Other Corp"`},
		{"deferral to a document the deal lacks", func(f map[string]string) {
			f["terms.yaml"] = strings.Replace(f["terms.yaml"], "governing_law: {defined_in: cover_page", "governing_law: {defined_in: order_form", 1)
		}, "terms.yaml:4:29: governing_law: defined_in order_form, but the deal"},
		{"value missing in the named document", func(f map[string]string) {
			f["cover.yaml"] = strings.Replace(f["cover.yaml"], "governing_law: {value: BE, src: {art: cover, quote: \"Governing Law: Belgium.\"}}\n", "", 1)
		}, "terms.yaml:4:29: governing_law: defined_in cover_page, but"},
		{"role and doc_type disagree", func(f map[string]string) {
			f["cover.yaml"] = strings.Replace(f["cover.yaml"], "doc_type: cover_page", "doc_type: order_form", 1)
		}, "deal.yaml:7:14: documents[1].role is cover_page, but cover.yaml says document.doc_type order_form"},
		{"referring quote not in the referring document", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "Provider will make a DPA available on request.", "Provider will sign a DPA.", 1)
		}, `deal.yaml:11:30: quote not found in the source of msa (terms.txt): "Provider will sign a DPA."`},
		{"quote from a document not provided", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "      referenced_in: msa\n", "      referenced_in: dpa\n", 1)
		}, "deal.yaml:10:22: referenced_in: dpa is on request; the clause must be quoted from a document the deal provides"},
		{"document outside the repository", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "file: cover.yaml", "file: ../../../../../../etc/passwd", 1)
		}, `deal.yaml:7:32: documents[1].file: "../../../../../../etc/passwd" is not a file inside the source root`},
		{"a deal as a document", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "file: cover.yaml", "file: deal.yaml", 1)
		}, "deal.yaml:1:1: a deal file cannot be a document of a deal"},
		{"a role two documents share", func(f map[string]string) {
			f["order.yaml"] = strings.Replace(f["cover.yaml"], "doc_type: cover_page", "doc_type: order_form", 1)
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "    - {role: cover_page, file: cover.yaml}\n",
				"    - {role: cover_page, file: cover.yaml}\n    - {id: order1, role: order_form, file: order.yaml}\n    - {id: order2, role: order_form, status: not_provided, referenced_in: msa, src: {art: \"3\", quote: \"The Cover Page\"}}\n", 1)
			f["terms.yaml"] = strings.Replace(f["terms.yaml"], "governing_law: {defined_in: cover_page", "governing_law: {defined_in: order_form", 1)
		}, "terms.yaml:4:29: governing_law: defined_in order_form, the role of order1, order2 in the deal"},
		{"the same file twice", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "    - {role: cover_page, file: cover.yaml}\n",
				"    - {role: cover_page, file: cover.yaml}\n    - {role: order_form, file: ./cover.yaml}\n", 1)
		}, "documents[2].file: ./cover.yaml is documents[1] already"},
		{"a value beside defined_in", func(f map[string]string) {
			f["terms.yaml"] = strings.Replace(f["terms.yaml"], "governing_law: {defined_in: cover_page, variable: Governing Law,", "governing_law: {defined_in: cover_page, value: NL, variable: Governing Law,", 1)
		}, "terms.yaml:4:48: governing_law: value beside defined_in: the value is set in the cover page and taken from there whole"},
		{"status and file together", func(f map[string]string) {
			f["deal.yaml"] = strings.Replace(f["deal.yaml"], "      status: on_request\n", "      status: on_request\n      file: terms.yaml\n", 1)
		}, "deal.yaml:8:7:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			files := copyFiles(dealFiles)
			tt.edit(files)
			dir := writeDeal(t, files)
			cs, diags := loadDealFile(t, dir, "deal.yaml")
			if len(cs) != 0 {
				t.Errorf("an invalid deal must not be evaluated")
			}
			var got []string
			for _, d := range diags {
				d.File = filepath.Base(d.File)
				got = append(got, d.String())
			}
			if !strings.Contains(strings.Join(got, "\n"), tt.want) {
				t.Errorf("diagnostics:\n%s\nwant one containing %q", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestDealDocumentsLeftOutOfDiscovery: a directory search that finds a deal checks its documents
// as part of it, and a file no deal names alone.
func TestDealDocumentsLeftOutOfDiscovery(t *testing.T) {
	files := copyFiles(dealFiles)
	files["other.yaml"] = strings.Replace(files["cover.yaml"], "Cover Page", "Other", 1)
	dir := writeDeal(t, files)
	l, err := NewLoader(Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range l.Discover([]string{dir}) {
		got = append(got, filepath.Base(f))
	}
	if want := "deal.yaml other.yaml"; strings.Join(got, " ") != want {
		t.Errorf("Discover = %v, want %s", got, want)
	}
}

// TestDealInputSchema: policies that read input.deal are type-checked like the rest.
func TestDealInputSchema(t *testing.T) {
	s, err := NewSchema()
	if err != nil {
		t.Fatal(err)
	}
	in := s.InputSchema()
	b, err := json.Marshal([]any{in["properties"].(map[string]any)["deal"], in["definitions"].(map[string]any)["deal_document"]})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"documents"`, `"precedence"`, `"referenced_in"`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("input schema's deal lacks %s: %s", want, b)
		}
	}
}

// FuzzDeal loads arbitrary deal files next to the example documents: whatever the deal says, the
// loader answers with a deal or diagnostics, never a panic or a loop (a deal naming itself, a
// deferral chain, a precedence cycle).
func FuzzDeal(f *testing.F) {
	f.Add([]byte(dealFiles["deal.yaml"]))
	f.Add([]byte(strings.Replace(dealFiles["deal.yaml"], "file: cover.yaml", "file: deal.yaml", 1)))
	f.Add([]byte(dealFiles["deal.yaml"] + "    - {prevails: msa, over: [cover_page, msa], stated_in: dpa, src: {art: x, quote: y}}\n"))
	f.Add([]byte("schema_version: \"1\"\ndeal: {vendor: {name: A}, documents: [{role: msa, file: terms.yaml}, {role: msa, file: terms.yaml}]}\n"))
	dir := writeDeal(f, dealFiles)
	l, err := NewLoader(Options{})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		cs, diags := l.Load(filepath.Join(dir, "fuzz.yaml"), dir, data)
		for _, c := range cs {
			if c.isDeal && c.prov == nil {
				t.Fatalf("a deal without provenance: %v", diags)
			}
		}
	})
}

// TestDealScopedPrecedenceConflict: where two documents disagree and the one that prevails does so
// only "for" a scope, the fact becomes ambiguous (rules answer unknown), never either value
// silently; without a scope, the prevailing document's value is taken.
func TestDealScopedPrecedenceConflict(t *testing.T) {
	files := copyFiles(dealFiles)
	files["terms.yaml"] = strings.Replace(files["terms.yaml"], "governing_law: {defined_in: cover_page, variable: Governing Law, src:", "governing_law: {value: NL, src:", 1)
	for _, tt := range []struct {
		scope, want string
	}{
		{"", "BE"},
		{", scope: the variables", "ambiguous"},
	} {
		f := copyFiles(files)
		f["deal.yaml"] = strings.Replace(f["deal.yaml"], "stated_in: msa, src: {art: \"3\"", "stated_in: msa"+tt.scope+", src: {art: \"3\"", 1)
		dir := writeDeal(t, f)
		cs, diags := loadDealFile(t, dir, "deal.yaml")
		if len(diags) > 0 || len(cs) != 1 {
			t.Fatalf("scope %q: %v", tt.scope, diags)
		}
		law := cs[0].Input["governing_law"].(map[string]any)
		got, _ := law["value"].(string)
		if law["status"] == "ambiguous" {
			got = "ambiguous"
			if note, _ := law["note"].(string); !strings.Contains(note, "cover.yaml and terms.yaml say different things") {
				t.Errorf("note %q does not say which documents disagree", note)
			}
		}
		if got != tt.want {
			t.Errorf("scope %q: governing_law = %v, want %s", tt.scope, law, tt.want)
		}
	}
}

// TestDealNamingItselfStaysInTheRun: a deal that names itself (or another deal) as a document is
// an input error, not a file that a directory search quietly drops.
func TestDealNamingItselfStaysInTheRun(t *testing.T) {
	files := copyFiles(dealFiles)
	files["deal.yaml"] = strings.Replace(files["deal.yaml"], "file: cover.yaml", "file: deal.yaml", 1)
	dir := writeDeal(t, files)
	l, err := NewLoader(Options{})
	if err != nil {
		t.Fatal(err)
	}
	found := l.Discover([]string{dir})
	var names []string
	for _, f := range found {
		names = append(names, filepath.Base(f))
	}
	if !slices.Contains(names, "deal.yaml") {
		t.Fatalf("Discover = %v: the deal vanished", names)
	}
	if _, diags := loadDealFile(t, dir, "deal.yaml"); len(diags) == 0 {
		t.Error("a deal naming itself loads without a diagnostic")
	}
}
