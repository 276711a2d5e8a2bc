package check

import (
	"bytes"
	"context"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// TestRun runs the pipeline without the command line, as another program would: the outcome and
// the JSON report must agree with each other and with the fixtures.
func TestRun(t *testing.T) {
	root := filepath.Join("..", "..")
	tests := []struct {
		name       string
		paths      []string
		failOn     string
		inputError bool
		failing    bool
		contracts  int
	}{
		{"fixtures fail at error", []string{"fixtures/contracts"}, "error", false, true, 5},
		{"never fails", []string{"fixtures/contracts"}, "never", false, false, 5},
		{"an invalid contract is an input error", []string{"fixtures/contracts/serso.yaml", "fixtures/invalid/bad-enum.yaml"}, "never", true, false, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var paths []string
			for _, p := range tt.paths {
				paths = append(paths, filepath.Join(root, p))
			}
			var out bytes.Buffer
			c, err := New(Options{
				Paths: paths, Load: contract.Options{Limits: contract.DefaultLimits()},
				Timeout: engine.DefaultTimeout, RunTimeout: time.Minute, FailOn: tt.failOn, Format: "json",
				Today: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), ToolVersion: "test",
				Stdin: strings.NewReader(""), Stdout: &out,
			})
			if err != nil {
				t.Fatal(err)
			}
			o, err := c.Run(context.Background())
			if cerr := c.Close(); cerr != nil {
				t.Error(cerr)
			}
			if err != nil {
				t.Fatal(err)
			}
			if o.InputError() != tt.inputError || o.Failing() != tt.failing {
				t.Errorf("input error %v, failing %v; want %v, %v", o.InputError(), o.Failing(), tt.inputError, tt.failing)
			}
			var doc struct {
				Failing   bool              `json:"failing"`
				Contracts []json.RawMessage `json:"contracts"`
			}
			if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
				t.Fatalf("the JSON report: %v", err)
			}
			if doc.Failing != tt.failing || len(doc.Contracts) != tt.contracts {
				t.Errorf("report: failing %v, %d contracts; want %v, %d", doc.Failing, len(doc.Contracts), tt.failing, tt.contracts)
			}
		})
	}
}

// TestNewRejects checks that output options fail before any work, with the format's message.
func TestNewRejects(t *testing.T) {
	for _, o := range []Options{
		{Format: "yaml"},
		{Format: "json", Reports: []string{"sarif"}},
		{Format: "json", ChangedFile: filepath.Join(t.TempDir(), "missing")},
	} {
		if _, err := New(o); err == nil {
			t.Errorf("%+v: no error", o)
		}
	}
}

// TestChangedOnlyNeedsChanged checks the one option that needs another.
func TestChangedOnlyNeedsChanged(t *testing.T) {
	c, err := New(Options{Paths: []string{filepath.Join("..", "..", "fixtures", "contracts")}, Format: "json", ChangedOnly: true, RunTimeout: time.Minute, Stdout: &bytes.Buffer{}})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	if _, err := c.Run(context.Background()); err == nil || !strings.Contains(err.Error(), "--changed") {
		t.Errorf("got %v, want an error naming --changed", err)
	}
}
