// Package report writes what termlint found, one file per output format.
package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/termlint/termlint/internal/contract"
)

// ValidateSummary counts what a validate run looked at.
type ValidateSummary struct {
	Files      int `json:"files"`
	Contracts  int `json:"contracts"`
	Invalid    int `json:"invalid_files"`
	Unreadable int `json:"unreadable_files"`
	// Skipped counts the YAML files directory searches passed over: they hold no contract.
	Skipped int `json:"skipped_files"`
}

// ValidateVersion versions the JSON output of validate, for tools that read it.
const ValidateVersion = "termlint.validate/v1"

// WriteDiagnostics writes validation problems as text (file:line:col: message, the form editors
// and CI log parsers understand) or JSON.
func WriteDiagnostics(w io.Writer, format string, sum ValidateSummary, diags []contract.Diagnostic) error {
	if format == "json" {
		if diags == nil {
			diags = []contract.Diagnostic{}
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Version     string                `json:"version"`
			Valid       bool                  `json:"valid"`
			Summary     ValidateSummary       `json:"summary"`
			Diagnostics []contract.Diagnostic `json:"diagnostics"`
		}{ValidateVersion, len(diags) == 0, sum, diags})
	}
	for _, d := range diags {
		if _, err := io.WriteString(w, inertLines(location(d.File, d.Line, d.Column)+": "+textMessage(d.Message)+"\n")); err != nil {
			return err
		}
	}
	if sum.Skipped > 0 {
		if _, err := fmt.Fprintf(w, "%s\n", SkippedLine(sum.Skipped)); err != nil {
			return err
		}
	}
	return nil
}

// SkippedLine says how many YAML files directory searches passed over, so that a contract that
// lost its schema_version does not leave the run unseen.
func SkippedLine(n int) string {
	return fmt.Sprintf("%d YAML file(s) skipped: not contracts (no top-level schema_version, nor document and vendor)", n)
}
