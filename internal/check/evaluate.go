package check

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

// evaluation is the middle of the pipeline: load, evaluate, waive, hand to the stream.
type evaluation struct {
	eng        *engine.Engine
	loader     *contract.Loader
	waivers    *engine.WaiverSet
	stream     *report.Stream
	stdin      io.Reader
	runTimeout time.Duration
	annotate   func(name string, a contract.Annotation)
	// vendors, when set, records each contract's vendor for the spreadsheet formats.
	vendors *report.Vendors
}

// evaluated is one file's outcome, handed from the parallel workers to the in-order collector.
type evaluated struct {
	file         contract.FileResult
	results      []*engine.Result
	notEvaluated []contract.Diagnostic
}

// run loads and evaluates every file, in parallel, waives each result's accepted failures and
// hands it to the stream in file order; it reports whether a file could not be read. Once ctx
// (the run's time limit) ends, the contracts left are input errors, not evaluated.
func (ev *evaluation) run(ctx context.Context, files []string) (bool, error) {
	rep := ev.stream.Report()
	unreadable := false
	var failed error
	contract.Each(ev.loader, files, ev.stdin, 0, func(fr contract.FileResult) evaluated {
		return ev.evaluate(ctx, fr)
	}, func(d evaluated) {
		if d.file.Err != nil {
			unreadable = true
			rep.InputErrors = append(rep.InputErrors, contract.Diagnostic{File: d.file.File, Message: contract.Reason(d.file.Err)})
			return
		}
		rep.InputErrors = append(rep.InputErrors, d.file.Diagnostics...)
		rep.InputErrors = append(rep.InputErrors, d.notEvaluated...)
		for _, res := range d.results {
			if ev.waivers != nil {
				ev.waivers.Apply(res)
			}
			if failed == nil {
				failed = ev.stream.Add(res)
			}
		}
	})
	sort.SliceStable(rep.InputErrors, func(i, j int) bool { return rep.InputErrors[i].Less(rep.InputErrors[j]) })
	return unreadable, failed
}

// evaluate evaluates the contracts of one loaded file; it runs on a worker.
func (ev *evaluation) evaluate(ctx context.Context, fr contract.FileResult) evaluated {
	d := evaluated{file: fr}
	for _, c := range fr.Contracts {
		res, err := ev.eng.EvaluateRun(ctx, c)
		if err != nil {
			line, col := c.Position([]any{})
			d.notEvaluated = append(d.notEvaluated, contract.Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf("not evaluated: the run's time limit of %s passed", ev.runTimeout)})
			continue
		}
		d.results = append(d.results, res)
		if ev.annotate != nil {
			ev.annotate(c.Name(), ev.loader.Annotate(c))
		}
		if ev.vendors != nil {
			ev.vendors.Add(c.Name(), contract.Describe(c))
		}
	}
	// The contracts are not needed past this point; dropping them keeps memory flat.
	d.file.Contracts = nil
	return d
}

// onlyChanged keeps the files a pull request changed, compared as findings name them.
func onlyChanged(files []string, changed map[string]bool) []string {
	var out []string
	for _, f := range files {
		if changed[strings.TrimPrefix(filepath.ToSlash(filepath.Clean(f)), "./")] {
			out = append(out, f)
		}
	}
	return out
}
