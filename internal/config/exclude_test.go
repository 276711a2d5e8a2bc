package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestExclude: the patterns are kept as written (not made relative to the config's directory,
// unlike its paths), and a pattern that is not valid is refused with its index.
func TestExclude(t *testing.T) {
	tests := []struct {
		name, yaml string
		want       []string
		err        string
	}{
		{"patterns", "exclude: ['**/drafts/**', contracts/old-*.yaml]\n", []string{"**/drafts/**", "contracts/old-*.yaml"}, ""},
		{"absent", "fail_on: error\n", nil, ""},
		{"bad", "exclude: [ok/*, 'contracts/[a-']\n", nil, "exclude[1]"},
		{"blank", "exclude: ['']\n", nil, "exclude[0]"},
		{"not a list", "exclude: 3\n", nil, "cannot unmarshal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "sub")
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(dir, FileName)
			if err := os.WriteFile(path, []byte(tt.yaml), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(path)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) || !strings.Contains(err.Error(), path) {
					t.Fatalf("Load: %v; want an error naming %s and %q", err, path, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(c.Exclude, tt.want) {
				t.Errorf("Exclude = %q, want %q", c.Exclude, tt.want)
			}
		})
	}
}
