package contract

import (
	"bytes"
	"errors"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestLooksLikeContract(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"contract", minimal, true},
		// Forgot schema_version: still a contract, so that validation says what is missing.
		{"document and vendor", "document: {source: a.txt}\nvendor: {name: Acme}\n", true},
		{"document only", "document: {source: a.txt}\nterm: x\n", false},
		{"schema_version only", "schema_version: \"1\"\n", true},
		{"waivers", "waivers:\n  - contract: acme\n    rule: liability.cap\n    reason: accepted\n", false},
		// Params and profiles: rule groups as keys.
		{"params", "liability:\n  cap_floor_months: 12\ntermination:\n  notice_days: 30\n", false},
		{"config", "policies: [policies]\nwaivers: contracts/waivers.yaml\n", false},
		// Nothing to check: counted as skipped rather than an input error in a search.
		{"empty", "", false},
		{"comments only", "# nothing yet\n---\n", false},
		{"list", "- schema_version: \"1\"\n  document: {}\n  vendor: {}\n", false},
		{"scalar", "schema_version\n", false},
		// A nested key is not the root's.
		{"nested", "meta:\n  schema_version: \"1\"\n  document: x\n  vendor: y\n", false},
		// A block scalar's lines are text, even at column 0 when the document is the scalar.
		{"document block scalar", "--- |\nschema_version: 1\n", false},
		{"root block scalar", "|\nschema_version: 1\n", false},
		{"key block scalar", "notes: |\n  schema_version: 1\nother: x\n", false},
		{"second document", "waivers: []\n---\nschema_version: \"1\"\n", true},
		// document in one document and vendor in another make no contract.
		{"split over documents", "document: x\n---\nvendor: y\n", false},
		{"indented root", "  schema_version: \"1\"\n  document: x\n", true},
		{"indented nested", "  a:\n    schema_version: 1\n", false},
		{"quoted key", "\"schema_version\": \"1\"\n", true},
		{"single-quoted key", "'vendor': x\n'document': y\n", true},
		{"space before colon", "schema_version : 1\n", true},
		{"tab after colon", "schema_version:\t1\n", true},
		{"no blank after colon", "schema_version:1\n", false},
		{"CRLF", "schema_version: \"1\"\r\ndocument: x\r\n", true},
		{"UTF-8 BOM", "\xEF\xBB\xBFschema_version: \"1\"\n", true},
		{"directive", "%YAML 1.2\n---\nschema_version: \"1\"\n", true},
		{"anchor on root", "--- &root\nschema_version: \"1\"\n", true},
		{"tag on root", "--- !!map\nvendor: x\ndocument: y\n", true},
		{"tag on key", "!!str schema_version: \"1\"\n", true},
		{"after document end", "waivers: []\n...\nschema_version: 1\n", true},
		{"compact list at root indent", "waivers:\n- schema_version: 1\n", false},
		// Cannot tell from lines: loaded, so that LoadFile judges.
		{"flow mapping", "{schema_version: \"1\"}\n", true},
		{"flow mapping after marker", "--- {a: 1}\n", true},
		{"complex key", "? schema_version\n: 1\n", true},
		{"merge key", "<<: *base\n", true},
		{"escaped key", "\"schema\\x5fversion\": 1\n", true},
		{"UTF-16", "\xFF\xFEs\x00c\x00", true},
		{"UTF-16 without BOM", "s\x00c\x00h\x00e\x00", true},
		{"comment before colon", "waivers # schema_version: 1\n", false},
		{"unterminated quote", "\"schema_version: 1\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeContract([]byte(tt.data)); got != tt.want {
				t.Errorf("LooksLikeContract(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

// FuzzLooksLikeContract checks that LooksLikeContract never panics and never passes over a
// contract that the YAML parser reads: valid YAML whose documents include a root mapping with
// schema_version, or document and vendor, must be taken.
func FuzzLooksLikeContract(f *testing.F) {
	for _, s := range []string{
		minimal, "waivers: []\n", "--- |\nschema_version: 1\n", "  document: x\n  vendor: y\n",
		"a: 1\n---\n!!map\n\"schema_version\": 2\n", "- a\n", "? a\n: b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := LooksLikeContract(data)
		if got || len(data) > 4096 {
			return
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for range 16 {
			var n yaml.Node
			err := dec.Decode(&n)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				// Invalid YAML: LoadFile would refuse it; nothing to compare.
				return
			}
			if len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
				continue
			}
			keys := map[string]bool{}
			for i := 0; i+1 < len(n.Content[0].Content); i += 2 {
				keys[n.Content[0].Content[i].Value] = true
			}
			if keys["schema_version"] || keys["document"] && keys["vendor"] {
				t.Fatalf("LooksLikeContract(%q) = false, but its root mapping has keys %v", data, keys)
			}
		}
	})
}

func TestExclusionMatch(t *testing.T) {
	tests := []struct {
		pattern string
		path    string
		want    bool
	}{
		{"contracts/old-*.yaml", "contracts/old-acme.yaml", true},
		{"contracts/old-*.yaml", "contracts/acme.yaml", false},
		// * stays within a segment.
		{"contracts/old-*.yaml", "contracts/x/old-acme.yaml", false},
		{"contracts/*.yaml", "contracts/x/acme.yaml", false},
		// ** is any number of segments, none included.
		{"**/drafts/**", "drafts/a.yaml", true},
		{"**/drafts/**", "contracts/drafts/a.yaml", true},
		{"**/drafts/**", "contracts/drafts/x/y/a.yaml", true},
		{"**/drafts/**", "contracts/drafts", true},
		{"**/drafts/**", "contracts/drafts-old/a.yaml", false},
		{"**/waivers.yaml", "waivers.yaml", true},
		{"**/waivers.yaml", "a/b/waivers.yaml", true},
		{"a/**/b.yaml", "a/b.yaml", true},
		{"a/**/b.yaml", "a/x/y/b.yaml", true},
		{"a/**/b.yaml", "x/a/b.yaml", false},
		{"**/**/b.yaml", "b.yaml", true},
		{"**", "anything/at/all.yaml", true},
		// A pattern without a slash is not a name anywhere: the path must match it whole.
		{"waivers.yaml", "contracts/waivers.yaml", false},
		{"waivers.yaml", "waivers.yaml", true},
		{"./contracts/*.yaml", "contracts/a.yaml", true},
		{"c?ntracts/[a-c]*.yaml", "contracts/b.yaml", true},
		{"c?ntracts/[a-c]*.yaml", "contracts/d.yaml", false},
	}
	for _, tt := range tests {
		e, err := ParseExclude([]string{tt.pattern})
		if err != nil {
			t.Fatalf("%q: %v", tt.pattern, err)
		}
		if got := e.Match(tt.path); got != tt.want {
			t.Errorf("%q matches %q = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
	for _, bad := range []string{"contracts/[a-", "", "  "} {
		if _, err := ParseExclude([]string{bad}); err == nil {
			t.Errorf("ParseExclude(%q): no error", bad)
		}
	}
	var none *Exclusion
	if none.Match("a.yaml") {
		t.Error("no patterns exclude a file")
	}
}

// layout is the one docs/ci.md documents: contracts beside their waivers, params and profiles
// in the policies directory, the config at the root.
var layout = map[string]string{
	".termlint.yaml":              "policies: [policies]\nwaivers: contracts/waivers.yaml\n",
	"contracts/acme.yaml":         minimal,
	"contracts/beta.yml":          minimal,
	"contracts/sub/gamma.yaml":    minimal,
	"contracts/waivers.yaml":      "waivers:\n  - contract: acme\n    rule: liability.cap\n",
	"contracts/README.md":         "# contracts\n",
	"contracts/no-version.yaml":   "document: {source: src.txt, language: nl}\nvendor: {name: Acme, country: BE}\n",
	"contracts/empty.yaml":        "",
	"contracts/list.yaml":         "- a\n- b\n",
	"contracts/drafts/delta.yaml": minimal,
	"contracts/old-epsilon.yaml":  minimal,
	"policies/params.yaml":        "liability:\n  cap_floor_months: 12\n",
	"policies/profiles/x.yaml":    "termination:\n  notice_days: 90\n",
	"policies/acme/rule.rego":     "package acme\n",
	".github/workflows/gate.yml":  "on: pull_request\n",
	"docs/mkdocs.yml":             "site_name: x\n",
}

func writeLayout(t *testing.T) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range layout {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	t.Chdir(dir)
}

func TestDiscoverLayout(t *testing.T) {
	writeLayout(t)
	contracts := []string{
		"contracts/acme.yaml", "contracts/beta.yml", "contracts/drafts/delta.yaml",
		"contracts/no-version.yaml", "contracts/old-epsilon.yaml", "contracts/sub/gamma.yaml",
	}
	notContracts := []string{"contracts/empty.yaml", "contracts/list.yaml", "contracts/waivers.yaml"}
	tests := []struct {
		name     string
		paths    []string
		exclude  []string
		want     []string
		skipped  []string
		excluded []string
	}{
		{
			name:  "repository root",
			paths: []string{"."},
			want:  contracts,
			// The workflow and the config are hidden; the params and profile are skipped.
			skipped: slices.Concat(notContracts, []string{"docs/mkdocs.yml", "policies/params.yaml", "policies/profiles/x.yaml"}),
		},
		{name: "contracts directory", paths: []string{"contracts"}, want: contracts, skipped: notContracts},
		{name: "trailing slash", paths: []string{"contracts/"}, want: contracts, skipped: notContracts},
		{
			// Relative to the searched directory (drafts/...) and as found (contracts/old-...).
			name:     "exclude",
			paths:    []string{"contracts"},
			exclude:  []string{"**/drafts/**", "contracts/old-*.yaml"},
			want:     []string{"contracts/acme.yaml", "contracts/beta.yml", "contracts/no-version.yaml", "contracts/sub/gamma.yaml"},
			skipped:  notContracts,
			excluded: []string{"contracts/old-epsilon.yaml"},
		},
		{
			name:     "exclude relative to the searched directory",
			paths:    []string{"."},
			exclude:  []string{"contracts/sub/*", "policies/**", "docs"},
			want:     []string{"contracts/acme.yaml", "contracts/beta.yml", "contracts/drafts/delta.yaml", "contracts/no-version.yaml", "contracts/old-epsilon.yaml"},
			skipped:  notContracts,
			excluded: []string{"contracts/sub/gamma.yaml"},
		},
		{
			// Named files are contracts, whatever they hold or the patterns say.
			name:    "named files win",
			paths:   []string{"contracts", "contracts/waivers.yaml", "contracts/old-epsilon.yaml"},
			exclude: []string{"contracts/old-*.yaml"},
			want: []string{
				"contracts/acme.yaml", "contracts/beta.yml", "contracts/drafts/delta.yaml", "contracts/no-version.yaml",
				"contracts/old-epsilon.yaml", "contracts/sub/gamma.yaml", "contracts/waivers.yaml",
			},
			skipped: []string{"contracts/empty.yaml", "contracts/list.yaml"},
		},
		{name: "named only", paths: []string{"policies/params.yaml"}, want: []string{"policies/params.yaml"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newTestLoader(t, Options{SkipQuotes: true, Exclude: tt.exclude})
			got := l.Discover(tt.paths)
			for i := range got {
				got[i] = filepath.ToSlash(got[i])
			}
			check := func(what string, got, want []string) {
				t.Helper()
				for i := range got {
					got[i] = filepath.ToSlash(got[i])
				}
				if !slices.Equal(got, want) {
					t.Errorf("%s =\n  %s\nwant\n  %s", what, strings.Join(got, "\n  "), strings.Join(want, "\n  "))
				}
			}
			check("Discover", got, tt.want)
			check("Skipped", slices.Clone(l.Skipped()), tt.skipped)
			check("Excluded", slices.Clone(l.Excluded()), tt.excluded)
		})
	}
}

// TestDiscoverFoundIsJudged loads what a search of the layout finds: the contract without
// schema_version is reported invalid, and a waivers file named on the command line gets the
// contract error that says what it lacks.
func TestDiscoverFoundIsJudged(t *testing.T) {
	writeLayout(t)
	writeFile(t, "contracts/src.txt", "text")
	l := newTestLoader(t, Options{SkipQuotes: true})
	want := map[string]string{
		"contracts/no-version.yaml": `missing required key "schema_version"`,
		"contracts/waivers.yaml":    `missing required key "schema_version"`,
		"contracts/acme.yaml":       "",
	}
	files := l.Discover([]string{"contracts", "contracts/waivers.yaml"})
	for _, f := range files {
		_, diags, err := l.LoadFile(f, nil)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		w, ok := want[filepath.ToSlash(f)]
		if !ok {
			continue
		}
		got := ""
		for _, d := range diags {
			got += d.Message + "\n"
		}
		if (w == "") != (got == "") || !strings.Contains(got, w) {
			t.Errorf("%s: diagnostics %q, want %q", f, got, w)
		}
	}
}

// TestDiscoverDeterministic runs the same search with the paths in another order and twice on
// one loader: the same files, the same skipped list, not growing.
func TestDiscoverDeterministic(t *testing.T) {
	writeLayout(t)
	a := newTestLoader(t, Options{SkipQuotes: true})
	b := newTestLoader(t, Options{SkipQuotes: true})
	fa := a.Discover([]string{"contracts", "policies"})
	fb := b.Discover([]string{"policies", "contracts/", "contracts"})
	if !slices.Equal(fa, fb) {
		t.Errorf("found %v, then %v", fa, fb)
	}
	sa := slices.Clone(a.Skipped())
	a.Discover([]string{"contracts", "policies"})
	if !slices.Equal(sa, a.Skipped()) || !slices.Equal(sa, b.Skipped()) {
		t.Errorf("skipped %v, then %v and %v", sa, a.Skipped(), b.Skipped())
	}
}

// TestDiscoverExcludedLinkAndUnreadable: an excluded link or directory is left out, not an input
// error; a file too large to judge is taken, so that loading says why.
func TestDiscoverExcludedLinkAndLarge(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, "c/a.yaml", minimal)
	writeFile(t, "c/big.yaml", "waivers: []\n"+strings.Repeat("# padding\n", 200))
	symlink(t, "a.yaml", "c/link.yaml")
	l := newTestLoader(t, Options{SkipQuotes: true, Exclude: []string{"link.yaml"}, Limits: Limits{MaxBytes: 1000}})
	got := l.Discover([]string{"c"})
	want := []string{filepath.Join("c", "a.yaml"), filepath.Join("c", "big.yaml")}
	if !slices.Equal(got, want) {
		t.Fatalf("Discover = %v, want %v", got, want)
	}
	_, diags, err := l.LoadFile(want[1], nil)
	if err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "larger than the limit") {
		t.Errorf("big.yaml: %v %v; want the size limit", err, diags)
	}
	if ex := l.Excluded(); len(ex) != 1 || ex[0] != filepath.Join("c", "link.yaml") {
		t.Errorf("Excluded = %v", ex)
	}
}

func TestNewLoaderBadExclude(t *testing.T) {
	if _, err := NewLoader(Options{Exclude: []string{"[a-"}}); err == nil || !strings.Contains(err.Error(), `"[a-"`) {
		t.Errorf("NewLoader with a bad pattern: %v", err)
	}
}

// TestHoldsContractHead covers files longer than the head holdsContract reads first: the answer
// must be the whole file's, wherever the head ends.
func TestHoldsContractHead(t *testing.T) {
	pad := func(n int) string { return strings.Repeat("#", n-1) + "\n" }
	tests := []struct {
		name, data string
		want       bool
	}{
		{"key after the head", pad(headBytes+100) + minimal, true},
		// The head ends inside "schema_version:1", which is no key; "schema_version:" alone
		// would be one.
		{"head ends in a line", pad(headBytes-15) + "schema_version:1\nwaivers: []\n", false},
		{"head ends after the colon", pad(headBytes-15) + "schema_version: 1\n", true},
		{"long non-contract", "waivers:\n" + strings.Repeat("  - rule: x\n", 1000), false},
		{"short", minimal, true},
	}
	l := newTestLoader(t, Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "f.yaml")
			writeFile(t, path, tt.data)
			if got, _ := l.holdsContract(path); got != tt.want {
				t.Errorf("holdsContract = %v, want %v", got, tt.want)
			}
			if got := LooksLikeContract([]byte(tt.data)); got != tt.want {
				t.Errorf("LooksLikeContract = %v, want %v", got, tt.want)
			}
		})
	}
}
