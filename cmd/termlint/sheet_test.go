package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestCheckXLSX writes the deal's workbook twice through --report and reads it back: the same
// bytes each time, the vendor on every row, and its findings placed in the documents' files.
func TestCheckXLSX(t *testing.T) {
	dir := t.TempDir()
	var runs [][]byte
	for i := range 2 {
		path := filepath.Join(dir, "out"+string(rune('a'+i))+".xlsx")
		code, _, errs := runCmd(t, "", "check", "--fail-on", "never", "-f", "text", "--report", "xlsx="+path, "fixtures/deals/serso.yaml")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		runs = append(runs, b)
	}
	if !bytes.Equal(runs[0], runs[1]) {
		t.Fatal("two runs wrote different workbooks")
	}
	f, err := excelize.OpenReader(bytes.NewReader(runs[0]))
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = f.Close() }()
	rows, err := f.GetRows("Results")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 2 || rows[0][0] != "Contract" || rows[0][12] != "Location" {
		t.Fatalf("header %q", rows[0])
	}
	inDocument := false
	for _, row := range rows[1:] {
		if row[0] != "fixtures/deals/serso.yaml" || row[1] != "SerSo BV" {
			t.Errorf("row %q: want the deal and its vendor", row[:3])
		}
		if len(row) > 12 && strings.HasPrefix(row[12], "fixtures/contracts/serso.yaml:") {
			inDocument = true
		}
	}
	if !inDocument {
		t.Error("no finding is placed in the deal's document file")
	}
}

// TestCheckXLSXTerminal checks that a workbook is not written to a terminal, and is to a pipe.
func TestCheckXLSXTerminal(t *testing.T) {
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, isTerminal: true, getenv: func(string) string { return "" }}
	if code := run(e, []string{"check", "-f", "xlsx", "fixtures/contracts/serso.yaml"}); code != exitFailure || out.Len() != 0 || !strings.Contains(errb.String(), "--report xlsx=FILE") {
		t.Errorf("xlsx on a terminal: exit %d, %d bytes out, %q", code, out.Len(), errb.String())
	}
	code, stdout, errs := runCmd(t, "", "check", "--fail-on", "never", "-f", "xlsx", "fixtures/contracts/serso.yaml")
	if code != exitOK || !strings.HasPrefix(stdout, "PK") {
		t.Errorf("xlsx to a pipe: exit %d, %q, %s", code, stdout[:min(len(stdout), 10)], errs)
	}
}
