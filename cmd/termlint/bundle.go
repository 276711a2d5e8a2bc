package main

import (
	"bytes"
	"context"
	"os"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

func runBundle(e *env, args []string) int {
	fs := newFlags(e, "bundle", "bundle [flags] -o FILE\n\nBuilds an OPA bundle (tar.gz) of the playbook: rules and library without tests, params as\ndata.termlint.params, and the termlint.engine module whose results object holds every rule's\ndeny, unknown and applies. Run it with: opa run --server --bundle FILE (see docs/opa-server.md).")
	var pf policyFlags
	pf.register(fs)
	out := fs.StringP("output", "o", "", "file to write (- for standard output)")
	revision := fs.String("revision", version, "revision recorded in the bundle manifest")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if *out == "" {
		return errorf(e, "bundle", "give the output file with -o (e.g. -o playbook.tar.gz)")
	}
	schema, err := contract.NewSchema()
	if err != nil {
		return errorf(e, "bundle", "%v", err)
	}
	var buf bytes.Buffer
	if err := engine.WriteBundle(context.Background(), schema, pf.options(false), *revision, &buf); err != nil {
		return policyFailure(e, "bundle", err)
	}
	if *out == "-" {
		_, err = e.stdout.Write(buf.Bytes())
	} else {
		err = os.WriteFile(*out, buf.Bytes(), 0o644)
	}
	if err != nil {
		return errorf(e, "bundle", "%v", err)
	}
	return exitOK
}
