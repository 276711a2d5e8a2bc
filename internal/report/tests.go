package report

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"

	"github.com/termlint/termlint/internal/engine"
)

// WriteTests writes a Rego test run: a line per test, failures with where they failed, coverage
// per file and in total. The closing line has the "N passed, N failed" form CI log readers know.
func WriteTests(out io.Writer, format string, r *engine.TestReport) error {
	if format == "json" {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(r)
	}
	w := bufio.NewWriter(out)
	passed, failed := 0, 0
	for _, t := range r.Tests {
		switch t.Outcome {
		case "pass":
			passed++
		case "skip":
		default:
			failed++
		}
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
	fmt.Fprintf(w, "%d passed, %d failed\n", passed, failed)
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
