package main

import (
	"context"
	"fmt"

	"github.com/termlint/termlint/internal/check"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

// runReport writes the HTML report (docs/report.md): the check pipeline with the html writer,
// which also needs each contract's source texts, collected as the contracts are evaluated.
func runReport(e *env, args []string) int {
	fs := newFlags(e, "report", "report [flags] [paths...] -o report.html\n\nChecks the contracts and deals like check, and writes one self-contained HTML page for people:\nthe matrix of contracts and rules, a memo per contract and each source text with the quoted\npassages marked and linked to the findings. Print it from a browser for a PDF.\nExit 0 the report was written, 2 usage, input or policy error (an input that could not be checked\nis listed in the report, which is still written).")
	cf := checkFlags{format: "text", failOn: "never", color: "never", runTimeout: defaultRunTimeout}
	var out string
	fs.StringVarP(&out, "output", "o", "", "file to write the report to (- for standard output)")
	cf.loadFlags.register(fs)
	cf.policyFlags.register(fs)
	fs.DurationVar(&cf.timeout, "timeout", engine.DefaultTimeout, fmt.Sprintf("time limit for evaluating one contract (at most %s)", engine.MaxTimeout))
	fs.DurationVar(&cf.runTimeout, "run-timeout", defaultRunTimeout, "time limit for evaluating all contracts; those left are reported as not evaluated")
	fs.StringVar(&cf.waivers, "waivers", "", "waivers file: accepted deviations with reason, approver and expiry")
	fs.StringVar(&cf.configPath, "config", "", "config file (default: .termlint.yaml found by walking up from the first path)")
	fs.BoolVar(&cf.noConfig, "no-config", false, "ignore .termlint.yaml")
	cf.trust.register(fs)
	fs.StringVar(&cf.today, "today", "", "date waivers are judged on, YYYY-MM-DD (default: today)")
	_ = fs.MarkHidden("today")
	if code, stop := parse(e, fs, args); stop {
		return code
	}
	if out == "" {
		if e.isTerminal {
			return errorf(e, "report", "give the file to write with -o (e.g. -o report.html), or -o - for standard output")
		}
		out = "-"
	}
	trusted, err := applyConfig(fs, &cf)
	defer trusted.cleanup()
	if err != nil {
		return errorf(e, "report", "%v", err)
	}
	cf.trustedRoot = trusted.root
	opts, err := cf.checkOptions(e, fs.Args())
	if err != nil {
		return errorf(e, "report", "%v", err)
	}
	// What the config may say for check's outputs does not apply: the report is the one output.
	ann := report.NewAnnotations()
	opts.Warnings = trusted.changedWarnings()
	opts.FailOn, opts.Baseline, opts.ChangedFile, opts.ChangedOnly = "never", "", "", false
	opts.Report = report.Options{Annotations: ann}
	opts.Annotate = ann.Add
	opts.BeforeWrite = nil
	if out == "-" {
		opts.Format, opts.Reports = "html", nil
	} else {
		opts.Format, opts.Reports = "", []string{"html=" + out}
	}
	return writeReport(e, opts)
}

// writeReport runs the pipeline and turns its outcome into the exit code: the findings do not
// change it, the report is what was asked for.
func writeReport(e *env, opts check.Options) int {
	c, err := check.New(opts)
	if err != nil {
		return errorf(e, "report", "%v", err)
	}
	defer func() {
		if err := c.Close(); err != nil {
			fmt.Fprintf(e.stderr, "termlint report: %v\n", err)
		}
	}()
	res, err := c.Run(context.Background())
	if err != nil {
		return policyFailure(e, "report", err)
	}
	if res.InputError() {
		fmt.Fprintf(e.stderr, "termlint report: %d input(s) could not be checked; the report lists them\n", len(res.Report.InputErrors))
		return exitFailure
	}
	return exitOK
}
