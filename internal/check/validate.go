package check

import (
	"fmt"
	"io"
	"sort"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/report"
)

// ValidateOptions is one validate run: the first half of the check pipeline, discover and load,
// with the problems written in Format (text or json) to Stdout.
type ValidateOptions struct {
	Paths  []string
	Load   contract.Options
	Format string
	Stdin  io.Reader
	Stdout io.Writer
}

// ValidateOutcome is what a validate run found, for the exit decision.
type ValidateOutcome struct {
	// Unreadable says a file could not be read at all.
	Unreadable bool
	// Invalid says a contract breaks the contract model or misquotes its source.
	Invalid bool
}

// Validate loads every contract among the paths without evaluating it and writes what is wrong.
func Validate(opts ValidateOptions) (*ValidateOutcome, error) {
	files, loader, err := Discover(opts.Paths, opts.Load, "validate")
	if err != nil {
		return nil, err
	}
	var (
		diags   []contract.Diagnostic
		summary report.ValidateSummary
		out     ValidateOutcome
	)
	summary.Skipped = len(loader.Skipped())
	loader.LoadFiles(files, opts.Stdin, 0, func(r contract.FileResult) {
		summary.Files++
		if r.Err != nil {
			out.Unreadable = true
			diags = append(diags, contract.Diagnostic{File: r.File, Line: 0, Column: 0, Message: contract.Reason(r.Err)})
			summary.Unreadable++
			return
		}
		summary.Contracts += len(r.Contracts)
		if len(r.Diagnostics) > 0 {
			summary.Invalid++
		}
		diags = append(diags, r.Diagnostics...)
	})
	sort.SliceStable(diags, func(i, j int) bool { return diags[i].Less(diags[j]) })
	if err := report.WriteDiagnostics(opts.Stdout, opts.Format, summary, diags); err != nil {
		return nil, fmt.Errorf("writing output: %w", err)
	}
	out.Invalid = len(diags) > 0
	return &out, nil
}
