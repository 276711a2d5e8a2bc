package report

import (
	"encoding/csv"
	"fmt"
	"io"
)

// utf8BOM starts the CSV file: without it Excel reads a CSV file in the machine's ANSI code page,
// and the vendors' quotes (“ ” € é) turn into mojibake.
const utf8BOM = "\ufeff"

// CSV writes the spreadsheet export (docs/report.md): RFC 4180 (comma, CRLF, fields quoted when
// they must be), UTF-8 with a byte order mark, a header row, then one row per contract and rule
// and one per input error. A cell that a spreadsheet would read as a formula gets a leading '.
type CSV struct {
	Vendors *Vendors
}

func (c CSV) Write(w io.Writer, r *Report) error {
	if _, err := io.WriteString(w, utf8BOM); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	header := make([]string, len(sheetColumns))
	for i, col := range sheetColumns {
		header[i] = col.Name
	}
	if err := cw.Write(header); err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	err := sheetRows(r, c.Vendors, func(row []string) error {
		for i, cell := range row {
			row[i] = csvCell(cell)
		}
		return cw.Write(row)
	})
	if err == nil {
		cw.Flush()
		err = cw.Error()
	}
	if err != nil {
		return fmt.Errorf("writing CSV: %w", err)
	}
	return nil
}

// csvCell neutralises a cell that a spreadsheet would run as a formula (=HYPERLINK(...) in a
// vendor's quote or a file name) by a leading single quote, which makes Excel and LibreOffice
// take it as text and not evaluate it.
func csvCell(s string) string {
	if formulaStart(s) {
		return "'" + s
	}
	return s
}
