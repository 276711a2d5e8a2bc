package main

import (
	"context"
	"fmt"
	"time"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

func runTest(e *env, args []string) int {
	fs := newFlags(e, "test", "test [flags] [dirs...]\n\nRuns the Rego unit tests (rules named test_*) of the default playbook and of the given policy\ndirectories, with the compiler settings of check (strict, schema-typed input, no network builtins),\nand reports coverage per file and in total. With --no-default only the directories' tests run and\ncoverage counts only their files (the library stays loaded for them). todo_test_* rules are\nreported as skipped and do not fail the run.\nExit 0 no test failed (and coverage at least --coverage-min), 1 a test failed or erred or coverage\ntoo low, 2 policy error or no tests.")
	var pf policyFlags
	pf.register(fs)
	format := fs.StringP("format", "f", "text", "output format: text or json")
	covMin := fs.Float64("coverage-min", 0, "fail when total coverage is below this percentage")
	timeout := fs.Duration("timeout", 30*time.Second, "time limit for one test")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if !oneOf(*format, "text", "json") {
		return errorf(e, "test", "unknown format %q: want text or json", *format)
	}
	opts := pf.options(true)
	opts.Dirs = append(opts.Dirs, fs.Args()...)
	schema, err := contract.NewSchema()
	if err != nil {
		return errorf(e, "test", "%v", err)
	}
	rep, err := engine.RunTests(context.Background(), schema, opts, *timeout)
	if err != nil {
		return policyFailure(e, "test", err)
	}
	if err := report.WriteTests(e.stdout, *format, rep); err != nil {
		return errorf(e, "test", "writing output: %v", err)
	}
	if !rep.Passed() {
		return exitFail
	}
	if rep.Total < *covMin {
		fmt.Fprintf(e.stderr, "termlint test: coverage %.2f%% is below --coverage-min %.2f%%\n", rep.Total, *covMin)
		return exitFail
	}
	return exitOK
}
