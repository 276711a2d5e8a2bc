package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/schema"
)

// Waiver accepts one rule's failure on matching contracts until it expires.
type Waiver struct {
	Rule       string
	Contract   string
	Reason     string
	ApprovedBy string
	// Expires is the last day the waiver applies.
	Expires time.Time
	// File, Line and Column locate the waiver, for the warning when it is unused.
	File         string
	Line, Column int
}

// LoadWaivers reads a waivers file. Content problems (a waiver without reason, approver or a
// valid date) come back as diagnostics with line and column; an error means the file could not
// be read.
func LoadWaivers(path string, limits Limits) ([]Waiver, []Diagnostic, error) {
	if limits == (Limits{}) {
		limits = DefaultLimits()
	}
	s, err := compileSchema(schema.WaiversID, schema.Waivers())
	if err != nil {
		return nil, nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
	}
	data, err := readLimited(f, limits.MaxBytes)
	_ = f.Close()
	if err != nil {
		return nil, []Diagnostic{{File: path, Line: 1, Column: 1, Message: err.Error()}}, nil
	}
	if d, bad := checkText(path, data); bad {
		return nil, []Diagnostic{d}, nil
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, []Diagnostic{{File: path, Line: 1, Column: 1, Message: "empty waivers file: expected a mapping with a waivers list"}}, nil
		}
		return nil, []Diagnostic{syntaxDiagnostic(path, data, err)}, nil
	}
	c := &Contract{File: path, Documents: 1, root: &root}
	m, diags := decode(c, limits, s, "a waivers file (a mapping with a waivers list)")
	if len(diags) > 0 {
		return nil, diags, nil
	}
	list, _ := m["waivers"].([]any)
	out := make([]Waiver, 0, len(list))
	for i, e := range list {
		w, _ := e.(map[string]any)
		line, col := c.Position([]any{"waivers", i})
		str := func(k string) string { s, _ := w[k].(string); return s }
		exp, err := time.Parse(time.DateOnly, str("expires"))
		if err != nil {
			l, cl := c.Position([]any{"waivers", i, "expires"})
			diags = append(diags, Diagnostic{File: path, Line: l, Column: cl, Message: fmt.Sprintf("waivers.%d.expires: %q is not a date (YYYY-MM-DD)", i, str("expires"))})
			continue
		}
		out = append(out, Waiver{
			Rule: str("rule"), Contract: str("contract"), Reason: str("reason"), ApprovedBy: str("approved_by"),
			Expires: exp, File: path, Line: line, Column: col,
		})
	}
	if len(diags) > 0 {
		return nil, diags, nil
	}
	return out, nil, nil
}
