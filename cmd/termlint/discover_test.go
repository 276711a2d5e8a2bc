package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// discoveryRepo lays out a project as docs/ci.md documents it: the waivers beside the contracts,
// params in the policies directory, the config at the root; and a broken draft for exclude to
// leave out.
func discoveryRepo(t *testing.T, config string) string {
	t.Helper()
	dir := t.TempDir()
	serso, err := os.ReadFile("fixtures/contracts/serso.yaml")
	if err != nil {
		t.Fatal(err)
	}
	params, err := os.ReadFile("examples/policies/params.yaml")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		".termlint.yaml":              config,
		"contracts/serso.yaml":        string(serso),
		"contracts/waivers.yaml":      "waivers: []\n",
		"contracts/drafts/draft.yaml": "schema_version: \"1\"\nvendor: 3\n",
		"policies/params.yaml":        string(params),
	}
	for name, content := range files {
		writeTestFile(t, filepath.Join(dir, filepath.FromSlash(name)), content)
	}
	return dir
}

func TestDiscoveryCommands(t *testing.T) {
	dir := discoveryRepo(t, "no_quotes: true\nfail_on: never\nwaivers: contracts/waivers.yaml\nexclude: ['**/drafts/**']\n")
	contracts := filepath.Join(dir, "contracts")
	tests := []struct {
		name string
		args []string
		code int
		// want are substrings of stdout, absent of stdout and stderr together.
		want, absent []string
	}{
		{
			// validate reads no config: the draft is found and reported.
			name: "validate", args: []string{"validate", "--no-quotes", contracts}, code: 1,
			want:   []string{"draft.yaml", "1 YAML file(s) skipped: not contracts"},
			absent: []string{"waivers.yaml"},
		},
		{
			name: "validate exclude", args: []string{"validate", "--no-quotes", "--exclude", "**/drafts/**", contracts}, code: 0,
			want:   []string{"1 YAML file(s) skipped"},
			absent: []string{"draft.yaml", "waivers.yaml"},
		},
		{
			name: "validate json", args: []string{"validate", "--no-quotes", "-f", "json", "--exclude", "drafts/**", contracts}, code: 0,
			want: []string{`"skipped_files": 1`},
		},
		{
			// The documented set-up: the waivers file is skipped, the config's exclude applies.
			name: "check contracts", args: []string{"check", contracts}, code: 0,
			want:   []string{"1 contract(s)", "1 YAML file(s) skipped"},
			absent: []string{"input-error", "schema_version\""},
		},
		{
			name: "check root", args: []string{"check", "-f", "json", dir}, code: 0,
			// waivers.yaml and policies/params.yaml; .termlint.yaml is hidden.
			want: []string{`"skipped_files": 2`, `"input_errors": 0`},
		},
		{
			// A flag replaces the config's patterns, as every flag does.
			name: "flag over config", args: []string{"check", "--exclude", "nothing/**", contracts}, code: 2,
			want: []string{"draft.yaml"},
		},
		{
			// Named on the command line: read as a contract, and the error says what it lacks.
			name: "named waivers", args: []string{"validate", filepath.Join(contracts, "waivers.yaml")}, code: 1,
			want:   []string{`missing required key "schema_version"`},
			absent: []string{"skipped"},
		},
		{
			name: "named and excluded", args: []string{"validate", "--exclude", "**", filepath.Join(contracts, "drafts", "draft.yaml")}, code: 1,
			want: []string{"draft.yaml"},
		},
		{
			// serso.yaml and waivers.yaml match **/*.yaml (** as no directory) before their
			// content is read; drafts is not searched, so its file is not counted.
			name: "nothing left", args: []string{"check", "--exclude", "**/*.yaml", "--exclude", "drafts", contracts}, code: 2,
			want: []string{"no contracts found", ": 2 excluded"}, absent: []string{"skipped"},
		},
		{
			name: "bad pattern", args: []string{"validate", "--exclude", "[a-", contracts}, code: 2,
			want: []string{`"[a-"`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errs := runCmd(t, "", tt.args...)
			if code != tt.code {
				t.Errorf("exit %d, want %d\n%s%s", code, tt.code, out, errs)
			}
			for _, w := range tt.want {
				if !strings.Contains(out+errs, w) {
					t.Errorf("output lacks %q:\n%s%s", w, out, errs)
				}
			}
			for _, a := range tt.absent {
				if strings.Contains(out+errs, a) {
					t.Errorf("output has %q:\n%s%s", a, out, errs)
				}
			}
		})
	}
}

func TestConfigBadExclude(t *testing.T) {
	dir := discoveryRepo(t, "exclude: ['contracts/[a-']\n")
	code, out, errs := runCmd(t, "", "check", filepath.Join(dir, "contracts"))
	if code != 2 || !strings.Contains(errs, "exclude[0]") {
		t.Errorf("exit %d, want 2 naming exclude[0]:\n%s%s", code, out, errs)
	}
}
