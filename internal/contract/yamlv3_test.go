package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// yamlV3Compared is the version of go.yaml.in/yaml/v3 the fast parser (fastyaml.go,
// fastresolve.go) was last held against. The parser copies yaml.v3's behaviour (styles, tags,
// lines, columns, how plain scalars resolve); a new yaml.v3 may change that behaviour without
// changing a test's input, so the comparison is re-done by a person, not assumed.
const yamlV3Compared = "v3.0.6"

// TestYAMLv3VersionCompared fails when go.mod moves yaml.v3 to a version the fast parser was not
// compared with. What to do then is in its message and in docs/architecture.md.
func TestYAMLv3VersionCompared(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	got := ""
	for line := range strings.SplitSeq(string(data), "\n") {
		// "require go.yaml.in/yaml/v3 vX" on one line, or "go.yaml.in/yaml/v3 vX" in a block.
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(line), "require "))
		if len(f) >= 2 && f[0] == "go.yaml.in/yaml/v3" {
			got = f[1]
		}
	}
	if got == "" {
		t.Fatal("go.mod does not require go.yaml.in/yaml/v3: the fast parser's reference is gone")
	}
	if got != yamlV3Compared {
		t.Fatalf("go.mod requires go.yaml.in/yaml/v3 %s, but the fast YAML parser was last compared with %s.\n"+
			"Before changing yamlV3Compared in %s:\n"+
			"  1. read yaml.v3's changes between the two versions for its scanner, parser and resolve.go;\n"+
			"  2. go test ./internal/contract -run 'FastYAML|YAMLv3|ResolvePlain|IsYAMLFloat' -count=1\n"+
			"  3. go test ./internal/contract -run '^$' -fuzz '^FuzzFastYAML$' -fuzztime 10m\n"+
			"  4. go test ./cmd/termlint -run TestCheckGolden -count=1 (compares TERMLINT_YAML=v3 too)\n"+
			"Any difference is a bug of the fast parser: fix it, or make it decline the input.",
			got, yamlV3Compared, "internal/contract/yamlv3_test.go")
	}
}

// TestYAMLv3Option loads every fixture with and without Options.YAMLv3: the contracts must be
// the same, and the yaml.v3 load must really have bypassed the fast parser (its trees keep the
// comments the fast parser drops).
func TestYAMLv3Option(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", "fixtures", "contracts", "*.yaml"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	load := func(v3 bool) *Loader {
		l, err := NewLoader(Options{Limits: DefaultLimits(), YAMLv3: v3})
		if err != nil {
			t.Fatal(err)
		}
		return l
	}
	fast, slow := load(false), load(true)
	comments := 0
	for _, f := range files {
		a, da, err := fast.LoadFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		b, db, err := slow.LoadFile(f, nil)
		if err != nil {
			t.Fatal(err)
		}
		if len(da) != 0 || len(db) != 0 || len(a) != 1 || len(b) != 1 {
			t.Fatalf("%s: fast %d contracts %v, yaml.v3 %d contracts %v", f, len(a), da, len(b), db)
		}
		if d := nodeDiff(b[0].root, a[0].root, "$"); d != "" {
			t.Errorf("%s: trees differ at %s", f, d)
		}
		if hasComment(a[0].root) {
			t.Errorf("%s: the default load kept a comment: it did not use the fast parser", f)
		}
		if hasComment(b[0].root) {
			comments++
		}
	}
	if comments == 0 {
		t.Error("no fixture's yaml.v3 tree holds a comment: YAMLv3 did not reach yaml.v3")
	}
}

func hasComment(n *yaml.Node) bool {
	if n.HeadComment != "" || n.LineComment != "" || n.FootComment != "" {
		return true
	}
	for _, c := range n.Content {
		if hasComment(c) {
			return true
		}
	}
	return false
}
