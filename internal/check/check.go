// Package check runs the check pipeline: discover the contract files, load them, evaluate each
// contract against the compiled policies, waive accepted failures, compare with a baseline and
// stream the results to the report writers. cmd/termlint maps flags and the config to Options
// and the Outcome to an exit code; everything between is here, so that the pipeline can be read,
// tested and reused without the command line.
package check

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
	"github.com/termlint/termlint/internal/result"
)

// Options is one check run, every input resolved: paths are the ones to read (the trusted tree
// has already relocated them), and every choice the config could make has been made.
type Options struct {
	// Paths are the contract files and directories to search; "-" is Stdin.
	Paths []string
	// Load tunes the loader: limits, quote checks, source root, exclusions.
	Load contract.Options
	// Policies selects the playbook, custom policies, params and profile.
	Policies engine.Options
	// Timeout bounds the evaluation of one contract; RunTimeout bounds all of them.
	Timeout, RunTimeout time.Duration
	// FailOn is the lowest severity that fails the run: error, warning or never.
	FailOn string
	// Format is the main output's format, written to Stdout; empty writes no main output (the
	// reports are then only the extra ones).
	Format string
	// Report tunes the writers; its Changed is filled from ChangedFile.
	Report report.Options
	// Reports are the extra reports, FORMAT=PATH each.
	Reports []string
	// ChangedFile lists the paths a pull request changed; ChangedOnly checks only those.
	ChangedFile string
	ChangedOnly bool
	// Waivers is the waivers file, judged under WaiverPolicy on Today.
	Waivers      string
	WaiverPolicy contract.WaiverPolicy
	Today        time.Time
	// Baseline is the JSON output of an earlier run: only new failures then fail the run.
	Baseline string
	// ToolVersion is recorded in the reports.
	ToolVersion string
	// Warnings are added to the report's after the run's own (e.g. changed trusted inputs).
	Warnings []contract.Diagnostic
	// BeforeWrite, when set, runs once every result is in and before any report is written:
	// the heap is then at its peak, which is when a heap profile is worth taking.
	BeforeWrite func() error
	// Annotate, when set, receives each evaluated contract's annotation (its source texts and
	// where its quotes lie), named as its result is, before the contract is dropped. It is called
	// from several goroutines at once.
	Annotate func(name string, a contract.Annotation)

	Stdin  io.Reader
	Stdout io.Writer
}

// Outcome is what a run found, for the exit decision.
type Outcome struct {
	// Report holds the tallies, input errors and warnings of the run.
	Report *report.Report
	// Unreadable says a file (or the waivers file) could not be used at all.
	Unreadable bool
	// SARIFWarning, when a SARIF report was written, says it would lose results on upload.
	SARIFWarning string
}

// InputError reports whether an input could not be checked: the run fails with a usage/input
// exit code whatever the findings.
func (o *Outcome) InputError() bool {
	return o.Unreadable || len(o.Report.InputErrors) > 0
}

// Failing reports whether a finding fails the run at the fail-on level (new ones only, with a
// baseline).
func (o *Outcome) Failing() bool { return o.Report.ExitFailing() }

// Checker is a prepared run: its writers exist, so a bad format is found before any work.
type Checker struct {
	opts   Options
	writer report.Writer
	extra  []extraReport
	stream *report.Stream
}

// New checks the output options and makes the writers. Close the Checker when done with it.
func New(opts Options) (*Checker, error) {
	c := &Checker{opts: opts}
	if opts.ChangedFile != "" {
		changed, err := report.ReadChanged(opts.ChangedFile)
		if err != nil {
			return nil, err
		}
		c.opts.Report.Changed = changed
	}
	if report.NeedsVendors(append([]string{opts.Format}, opts.Reports...)...) {
		c.opts.Report.Vendors = report.NewVendors()
	}
	var err error
	if opts.Format != "" {
		if c.writer, err = report.New(opts.Format, c.opts.Report); err != nil {
			return nil, err
		}
	} else if len(opts.Reports) == 0 {
		return nil, fmt.Errorf("no output: give a format or a report to write")
	}
	if c.extra, err = extraReports(opts.Reports, c.opts.Report); err != nil {
		return nil, err
	}
	return c, nil
}

// Close removes the spool of the results; the reports are written by then.
func (c *Checker) Close() error {
	if c.stream == nil {
		return nil
	}
	return c.stream.Close()
}

// Run runs the pipeline and writes every report. An error is an input, policy or output error
// that stopped the run (an *engine.PolicyError for broken policies); problems with single
// contracts are in the Outcome's report instead.
func (c *Checker) Run(ctx context.Context) (*Outcome, error) {
	runCtx, cancel := context.WithTimeout(ctx, c.opts.RunTimeout)
	defer cancel()
	eng, files, loader, err := c.prepare(ctx)
	if err != nil {
		return nil, err
	}
	rep := &report.Report{ToolVersion: c.opts.ToolVersion, Rules: eng.Rules(), Summary: result.Summary{FailOn: c.opts.FailOn}, Skipped: len(loader.Skipped())}
	// Waivers and the baseline are read before the contracts are evaluated, so that each result
	// can be waived, compared and written as it arrives instead of being kept to the end.
	waivers, waiverDiags, err := c.readWaivers(rep)
	if err != nil {
		return nil, err
	}
	var base []result.BaselineEntry
	if c.opts.Baseline != "" {
		if base, err = result.ReadBaseline(c.opts.Baseline); err != nil {
			return nil, err
		}
	}
	var writers []report.Writer
	if c.writer != nil {
		writers = append(writers, c.writer)
	}
	for _, x := range c.extra {
		writers = append(writers, x.writer)
	}
	c.stream = report.NewStream(rep, writers...)
	if c.opts.Baseline != "" {
		c.stream.Baseline(base)
	}
	ev := evaluation{eng: eng, loader: loader, waivers: waivers, stream: c.stream, stdin: c.opts.Stdin, runTimeout: c.opts.RunTimeout, annotate: c.opts.Annotate, vendors: c.opts.Report.Vendors}
	out := &Outcome{Report: rep}
	if out.Unreadable, err = ev.run(runCtx, files); err != nil {
		return nil, fmt.Errorf("writing output: %w", err)
	}
	if len(waiverDiags) > 0 {
		// A broken waivers file is an input error: applying half of it would fail or pass
		// contracts for the wrong reason.
		rep.InputErrors = append(rep.InputErrors, waiverDiags...)
		out.Unreadable = true
	}
	if waivers != nil {
		rep.Warnings = append(rep.Warnings, waivers.Unused()...)
	}
	rep.Warnings = append(rep.Warnings, c.opts.Warnings...)
	if err := c.write(); err != nil {
		return nil, err
	}
	if c.sarif() {
		out.SARIFWarning = report.SARIFWarning(rep)
	}
	return out, nil
}

// prepare parses the policies while the contract schema compiles and the paths are searched
// (start-up is most of a run on a few contracts), then compiles them against that schema.
func (c *Checker) prepare(ctx context.Context) (*engine.Engine, []string, *contract.Loader, error) {
	type loaded struct {
		policies *engine.Policies
		err      error
	}
	policies := make(chan loaded, 1)
	go func() {
		p, err := engine.Load(c.opts.Policies)
		policies <- loaded{p, err}
	}()
	files, loader, err := Discover(c.opts.Paths, c.opts.Load, "check")
	if err != nil {
		return nil, nil, nil, err
	}
	if c.opts.ChangedOnly {
		if c.opts.ChangedFile == "" {
			return nil, nil, nil, fmt.Errorf("--changed-only needs --changed FILE, the list of changed paths")
		}
		files = onlyChanged(files, c.opts.Report.Changed)
	}
	pol := <-policies
	if pol.err != nil {
		return nil, nil, nil, pol.err
	}
	eng, err := pol.policies.Compile(ctx, loader.Schema(), c.opts.Timeout)
	if err != nil {
		return nil, nil, nil, err
	}
	return eng, files, loader, nil
}

// readWaivers reads the waivers file, if any: its warnings go into rep at once; its errors are
// returned to be reported as input errors, and then no waiver applies.
func (c *Checker) readWaivers(rep *report.Report) (*engine.WaiverSet, []contract.Diagnostic, error) {
	if c.opts.Waivers == "" {
		return nil, nil, nil
	}
	wf, err := contract.LoadWaivers(c.opts.Waivers, contract.Limits{}, c.opts.WaiverPolicy, c.opts.Today)
	if err != nil {
		return nil, nil, err
	}
	rep.Warnings = append(rep.Warnings, wf.Warnings...)
	if len(wf.Errors) > 0 {
		return nil, wf.Errors, nil
	}
	return engine.NewWaiverSet(wf.Waivers, c.opts.Today), nil, nil
}

// write writes the main report to Stdout and every extra report to its file.
func (c *Checker) write() error {
	c.stream.Finish()
	if c.opts.BeforeWrite != nil {
		if err := c.opts.BeforeWrite(); err != nil {
			return err
		}
	}
	first := 0
	if c.writer != nil {
		if err := c.stream.WriteTo(0, c.opts.Stdout); err != nil {
			return fmt.Errorf("writing output: %w", err)
		}
		first = 1
	}
	for i, x := range c.extra {
		if err := x.write(c.stream, i+first); err != nil {
			return fmt.Errorf("writing %s: %w", x.path, err)
		}
	}
	return nil
}

// sarif reports whether one of the reports is SARIF.
func (c *Checker) sarif() bool {
	if c.opts.Format == "sarif" {
		return true
	}
	for _, x := range c.extra {
		if x.format == "sarif" {
			return true
		}
	}
	return false
}

// Discover finds the contract files among paths and makes their loader, for a command named cmd
// (which the messages name).
func Discover(paths []string, opts contract.Options, cmd string) ([]string, *contract.Loader, error) {
	if len(paths) == 0 {
		return nil, nil, fmt.Errorf("no paths given: name contract files or directories (e.g. termlint %s contracts/)", cmd)
	}
	loader, err := contract.NewLoader(opts)
	if err != nil {
		return nil, nil, err
	}
	files := loader.Discover(paths)
	if len(files) == 0 {
		return nil, nil, fmt.Errorf("no contracts found in %v%s", paths, passedOver(loader))
	}
	return files, loader, nil
}

// passedOver says what a search found but did not take, for the message that it found nothing.
func passedOver(l *contract.Loader) string {
	var parts []string
	if n := len(l.Skipped()); n > 0 {
		parts = append(parts, report.SkippedLine(n))
	}
	if n := len(l.Excluded()); n > 0 {
		parts = append(parts, fmt.Sprintf("%d excluded", n))
	}
	if len(parts) == 0 {
		return ": no *.yaml or *.yml files"
	}
	return ": " + strings.Join(parts, ", ")
}
