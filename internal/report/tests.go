package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/termlint/termlint/internal/engine"
)

// WriteTests writes a Rego test run: a line per test, failures with where they failed, coverage
// per file and in total. The closing line has the "N passed, N failed" form CI log readers know,
// with ", N skipped" when todo tests were not run.
func WriteTests(out io.Writer, format string, r *engine.TestReport) error {
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	w := bufio.NewWriter(out)
	for _, t := range r.Tests {
		printf(w, "%-5s %s:%d %s.%s\n", upper(t.Outcome), cleanLine(t.File), t.Line, cleanLine(t.Package), cleanLine(t.Name))
		if t.Message != "" {
			printf(w, "      %s\n", textMessage(t.Message))
		}
	}
	fmt.Fprintln(w, "\ncoverage:")
	for _, c := range r.Coverage {
		printf(w, "  %6.2f%%  %s\n", c.Percent, cleanLine(c.File))
	}
	fmt.Fprintf(w, "  %6.2f%%  total\n\n", r.Total)
	fmt.Fprintf(w, "%d passed, %d failed", r.Summary.Passed, r.Summary.Failed)
	if r.Summary.Skipped > 0 {
		fmt.Fprintf(w, ", %d skipped", r.Summary.Skipped)
	}
	fmt.Fprintln(w)
	return w.Flush()
}

func upper(s string) string {
	switch s {
	case "pass":
		return "PASS"
	case "fail":
		return "FAIL"
	case "skip":
		return "SKIP"
	}
	return "ERROR"
}
