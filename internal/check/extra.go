package check

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/termlint/termlint/internal/report"
)

// extraReport is a report written to a file beside the main output (--report FORMAT=PATH).
type extraReport struct {
	format string
	writer report.Writer
	path   string
}

// write writes the report to a temporary file beside its path and renames it into place, so a
// full disk or a killed job leaves the previous report or none, never a truncated one that a
// later step (the SARIF upload) would read as complete. Renaming also replaces a symbolic link
// at the path rather than writing through it.
func (x extraReport) write(stream *report.Stream, i int) (err error) {
	dir := filepath.Dir(x.path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(x.path)+".tmp-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			_ = f.Close()
			_ = os.Remove(f.Name())
		}
	}()
	// Buffered: reports are written in many small pieces.
	w := bufio.NewWriterSize(f, 64<<10)
	if err := stream.WriteTo(i, w); err != nil {
		return err
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), x.path)
}

func extraReports(specs []string, opts report.Options) ([]extraReport, error) {
	var out []extraReport
	for _, spec := range specs {
		format, path, ok := strings.Cut(spec, "=")
		if !ok || path == "" {
			return nil, fmt.Errorf("--report takes FORMAT=PATH (e.g. sarif=termlint.sarif), got %q", spec)
		}
		o := opts
		// Colour codes belong on terminals, not in files; and only the main output appends the
		// job summary, so it is not written twice.
		o.Color = false
		o.SummaryPath = ""
		w, err := report.New(format, o)
		if err != nil {
			return nil, err
		}
		out = append(out, extraReport{format: format, writer: w, path: path})
	}
	return out, nil
}
