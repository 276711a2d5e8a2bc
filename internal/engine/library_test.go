package engine

import (
	"encoding/json"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/policies"
)

// TestWriteLibrary: the exported library is the embedded one, byte for byte and without tests,
// and with the exported schema it type-checks the example custom policies in strict mode, as
// opa check --strict --schema would outside termlint; a typo in an input reference still fails.
func TestWriteLibrary(t *testing.T) {
	schema, err := contract.NewSchema()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	names, err := WriteLibrary(schema, dir)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(names, LibrarySchemaFile) || !slices.Contains(names, "lib/lib.rego") {
		t.Fatalf("written: %v", names)
	}
	modules := map[string]*ast.Module{}
	for _, n := range names {
		got, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			t.Fatal(err)
		}
		if n == LibrarySchemaFile {
			continue
		}
		if strings.HasSuffix(n, "_test.rego") {
			t.Errorf("%s: tests are not part of the exported library", n)
		}
		want, err := fs.ReadFile(policies.FS(), n)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from the embedded library", n)
		}
		modules[n] = parseModule(t, n, got)
	}
	raw, err := os.ReadFile(filepath.Join(dir, LibrarySchemaFile))
	if err != nil {
		t.Fatal(err)
	}
	var inputSchema any
	if err := json.Unmarshal(raw, &inputSchema); err != nil {
		t.Fatalf("%s: %v", LibrarySchemaFile, err)
	}
	examples := filepath.Join("..", "..", "examples", "policies", "acme", "cap_floor.rego")
	src, err := os.ReadFile(examples)
	if err != nil {
		t.Fatal(err)
	}
	check := func(policy string) ast.Errors {
		mods := map[string]*ast.Module{"custom.rego": parseModule(t, "custom.rego", []byte(policy))}
		for n, m := range modules {
			mods[n] = m
		}
		ss := ast.NewSchemaSet()
		ss.Put(ast.SchemaRootRef, inputSchema)
		c := ast.NewCompiler().WithStrict(true).WithSchemas(ss)
		c.Compile(mods)
		return c.Errors
	}
	if errs := check(string(src)); len(errs) > 0 {
		t.Errorf("the example policy does not compile against the exported library: %v", errs)
	}
	typo := strings.Replace(string(src), "input.liability.caps", "input.liability.cpas", 1)
	if errs := check(typo); len(errs) == 0 || !strings.Contains(errs.Error(), "input.liability.cpas") {
		t.Errorf("a typo in an input reference passed the exported schema: %v", errs)
	}
}

func parseModule(t *testing.T, name string, src []byte) *ast.Module {
	t.Helper()
	m, err := ast.ParseModuleWithOpts(name, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return m
}
