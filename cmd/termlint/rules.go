package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

func runRules(e *env, args []string) int {
	fs := newFlags(e, "rules", "rules [flags]\n\nLists the rules of the playbook: id, severity, title and legal basis.\n--format markdown writes the rule reference (docs/rules.md).")
	var pf policyFlags
	pf.register(fs)
	format := fs.StringP("format", "f", "text", "output format: text, json or markdown")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if !oneOf(*format, "text", "json", "markdown") {
		return errorf(e, "rules", "unknown format %q: want text, json or markdown", *format)
	}
	schema, err := contract.NewSchema()
	if err != nil {
		return errorf(e, "rules", "%v", err)
	}
	eng, err := engine.New(context.Background(), schema, pf.options(false), 0)
	if err != nil {
		return policyFailure(e, "rules", err)
	}
	if err := report.WriteRules(e.stdout, *format, eng.Rules(), eng.Params()); err != nil {
		return errorf(e, "rules", "writing output: %v", err)
	}
	return exitOK
}

func runExport(e *env, args []string) int {
	fs := newFlags(e, "export", "export [flags] FILE\n\nPrints the input the policies see for a contract, as JSON: durations as {text, days}, money in words\nas {text, value}. Send it to an OPA server running the bundle to get the same verdicts as check.\nA file with several documents prints a JSON array.")
	var lf loadFlags
	lf.register(fs)
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if fs.NArg() != 1 {
		return errorf(e, "export", "give exactly one contract file (or - for standard input)")
	}
	loader, err := lf.loader(e)
	if err != nil {
		return errorf(e, "export", "%v", err)
	}
	cs, diags, err := loader.LoadFile(fs.Arg(0), e.stdin)
	if err != nil {
		return errorf(e, "export", "%v", err)
	}
	if len(diags) > 0 {
		for _, d := range diags {
			fmt.Fprintln(e.stderr, d.String())
		}
		return exitFail
	}
	var v any
	if len(cs) == 1 {
		v = cs[0].Input
	} else {
		list := make([]any, len(cs))
		for i, c := range cs {
			list[i] = c.Input
		}
		v = list
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return errorf(e, "export", "writing output: %v", err)
	}
	return exitOK
}
