package report

import (
	"bufio"
	"fmt"
	"io"

	"github.com/termlint/termlint/internal/engine"
)

// Outputs writes the run's counts as key=value lines, the form of a GitHub Actions step's
// $GITHUB_OUTPUT file, so the Action sets its outputs from termlint itself rather than from a
// JSON parser the runner may lack. Only numbers and true/false are written: nothing from a
// contract, so no value can hold a line break that would forge another output.
type Outputs struct{}

// Section writes nothing: the counts are known at the end.
func (Outputs) Section(io.Writer, *Report, *engine.Result) error { return nil }

// Assemble writes the counts.
func (o Outputs) Assemble(w io.Writer, r *Report, _ Sections) error { return o.Write(w, r) }

// Write writes the counts.
func (Outputs) Write(out io.Writer, r *Report) error {
	w := bufio.NewWriter(out)
	t := r.Totals()
	newCount := ""
	if r.HasBaseline {
		newCount = fmt.Sprint(len(r.New))
	}
	for _, kv := range []struct {
		k string
		v any
	}{
		{"contracts", r.ContractCount()},
		{"failed", t.Failed},
		{"unknown", t.Unknown},
		{"passed", t.Passed},
		{"not-applicable", t.NotApplicable},
		{"waived", t.Waived},
		{"errors", t.Errors},
		{"input-errors", len(r.InputErrors)},
		{"new", newCount},
		{"failing", r.ExitFailing() || len(r.InputErrors) > 0},
	} {
		fmt.Fprintf(w, "%s=%v\n", kv.k, kv.v)
	}
	return w.Flush()
}
