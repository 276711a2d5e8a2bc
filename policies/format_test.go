package policies

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/format"
)

// TestFormatted holds the playbook and the examples to `opa fmt`, so policy authors diffing a
// rule see only real changes; CI has no opa binary, so OPA's formatter runs here.
func TestFormatted(t *testing.T) {
	for _, root := range []string{".", filepath.Join("..", "examples", "policies")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".rego") {
				return err
			}
			src, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			got, err := format.SourceWithOpts(path, src, format.Opts{RegoVersion: ast.RegoV1})
			if err != nil {
				t.Errorf("%s: %v", path, err)
				return nil
			}
			if !bytes.Equal(got, src) {
				t.Errorf("%s is not formatted: run opa fmt -w %s", path, path)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
