package policies

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"go.yaml.in/yaml/v3"
)

var update = flag.Bool("update", false, "rewrite data.json from params.yaml")

// dataJSON renders params.yaml as the document termlint loads it into: data.termlint.params.
func dataJSON(t *testing.T) []byte {
	t.Helper()
	src, err := os.ReadFile("params.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var params map[string]any
	if err := yaml.Unmarshal(src, &params); err != nil {
		t.Fatalf("params.yaml: %v", err)
	}
	out, err := json.MarshalIndent(map[string]any{"termlint": map[string]any{"params": params}}, "", "  ")
	if err != nil {
		t.Fatalf("params.yaml as JSON: %v", err)
	}
	return append(out, '\n')
}

// TestDataJSON keeps data.json equal to params.yaml. termlint reads params.yaml (with its
// comments, and overrides on top); data.json exists so that plain OPA (opa test, opa eval, an
// editor) sees the same thresholds under data.termlint.params. termlint never reads data.json.
func TestDataJSON(t *testing.T) {
	want := dataJSON(t)
	if *update {
		if err := os.WriteFile("data.json", want, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	got, err := os.ReadFile("data.json")
	if err != nil {
		t.Fatalf("%v: run go test ./policies -run TestDataJSON -update", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data.json differs from params.yaml: run go test ./policies -run TestDataJSON -update")
	}
}

// TestDataJSONNotEmbedded: the embedded playbook must not carry data.json, or a bundle or a
// walk of the embedded files could see the thresholds twice.
func TestDataJSONNotEmbedded(t *testing.T) {
	if _, err := FS().Open("data.json"); err == nil {
		t.Error("data.json is embedded: termlint reads params.yaml only")
	}
}

// TestOPAToolVersion keeps the opa binary CI runs (tools/opa/go.mod) at the OPA version termlint
// links, so that opa test and opa check judge the playbook as termlint does.
func TestOPAToolVersion(t *testing.T) {
	version := func(file string) string {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		m := regexp.MustCompile(`(?m)^\s*github\.com/open-policy-agent/opa (v\S+)`).FindSubmatch(src)
		if m == nil {
			t.Fatalf("%s does not require github.com/open-policy-agent/opa", file)
		}
		return string(m[1])
	}
	main, tool := version(filepath.Join("..", "go.mod")), version(filepath.Join("..", "tools", "opa", "go.mod"))
	if main != tool {
		t.Errorf("tools/opa/go.mod has OPA %s, go.mod %s: run go get -tool github.com/open-policy-agent/opa@%s in tools/opa", tool, main, main)
	}
}
