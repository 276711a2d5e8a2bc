package main

import (
	"fmt"
	"path/filepath"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

func runLib(e *env, args []string) int {
	fs := newFlags(e, "lib", "lib --out DIR\n\nWrites the helper library custom policies import (data.termlint.lib) to DIR/lib, and the input\nschema policies are type-checked against to DIR/"+engine.LibrarySchemaFile+", for opa and editors:\n  opa check --strict --schema DIR/"+engine.LibrarySchemaFile+" DIR/lib my-policies")
	out := fs.String("out", "", "directory to write to (created if missing; its files are overwritten)")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if *out == "" || fs.NArg() > 0 {
		return errorf(e, "lib", "give the output directory with --out DIR, and nothing else")
	}
	schema, err := contract.NewSchema()
	if err != nil {
		return errorf(e, "lib", "%v", err)
	}
	names, err := engine.WriteLibrary(schema, *out)
	if err != nil {
		return errorf(e, "lib", "%v", err)
	}
	for _, n := range names {
		fmt.Fprintln(e.stdout, filepath.Join(*out, filepath.FromSlash(n)))
	}
	return exitOK
}
