package engine

import (
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/policies"
)

// LibrarySchemaFile is where WriteLibrary puts the input schema, under its directory.
const LibrarySchemaFile = "schemas/input.json"

// WriteLibrary writes what a custom policy compiles against inside termlint, for tools outside
// it (opa check, opa test, editors): the library data.termlint.lib as embedded, without its
// tests, under dir/lib, and the input schema policies are type-checked with at
// dir/schemas/input.json (outside lib, so that loading dir/lib as policies does not load the
// schema as data). It returns the files written, relative to dir, in order.
func WriteLibrary(schema *contract.Schema, dir string) ([]string, error) {
	fsys := policies.FS()
	var names []string
	err := fs.WalkDir(fsys, "lib", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(p, ".rego") && !strings.HasSuffix(p, "_test.rego") {
			names = append(names, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading the embedded library: %w", err)
	}
	files := map[string][]byte{}
	for _, n := range names {
		data, err := fs.ReadFile(fsys, n)
		if err != nil {
			return nil, fmt.Errorf("reading the embedded library: %w", err)
		}
		files[n] = data
	}
	js, err := json.MarshalIndent(schema.InputSchema(), "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encoding the input schema: %w", err)
	}
	files[LibrarySchemaFile] = append(js, '\n')
	names = append(names, LibrarySchemaFile)
	for _, n := range names {
		out := filepath.Join(dir, filepath.FromSlash(n))
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return nil, fmt.Errorf("writing the library: %w", err)
		}
		if err := os.WriteFile(out, files[n], 0o644); err != nil {
			return nil, fmt.Errorf("writing the library: %w", err)
		}
	}
	return names, nil
}
