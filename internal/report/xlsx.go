package report

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// xlsxDate is the fixed creation and modification date of every XLSX file: a file with the time
// it was written would differ on every run, and the results do not depend on it.
const xlsxDate = "2000-01-01T00:00:00Z"

// xlsxSheet names the one worksheet.
const xlsxSheet = "Results"

// XLSX writes the spreadsheet export as an Excel workbook (docs/report.md): the rows and columns
// of the CSV, with a frozen header, a filter on every column, set widths and wrapped text. Every
// text is a string cell, never a formula, however it starts. The same results give the same bytes.
type XLSX struct {
	Vendors *Vendors
}

func (x XLSX) Write(w io.Writer, r *Report) (err error) {
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("writing XLSX: %w", cerr)
		}
	}()
	if err := x.write(f, r); err != nil {
		return fmt.Errorf("writing XLSX: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("writing XLSX: %w", err)
	}
	return nil
}

func (x XLSX) write(f *excelize.File, r *Report) error {
	if err := f.SetSheetName("Sheet1", xlsxSheet); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{
		Creator: "termlint", LastModifiedBy: "termlint", Title: "termlint check results",
		Created: xlsxDate, Modified: xlsxDate, Version: r.ToolVersion,
	}); err != nil {
		return err
	}
	top := &excelize.Alignment{Vertical: "top", WrapText: true}
	head, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true}, Alignment: top,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{Alignment: top})
	if err != nil {
		return err
	}
	// The stream writer keeps the sheet in a temporary file past a few megabytes, not in memory.
	sw, err := f.NewStreamWriter(xlsxSheet)
	if err != nil {
		return err
	}
	for i, col := range sheetColumns {
		if err := sw.SetColWidth(i+1, i+1, col.Width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	header := make([]any, len(sheetColumns))
	for i, col := range sheetColumns {
		header[i] = excelize.Cell{StyleID: head, Value: col.Name}
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	n := 1
	err = sheetRows(r, x.Vendors, func(row []string) error {
		n++
		cells := make([]any, len(row))
		for i, s := range row {
			if i == sheetFindingsColumn {
				count, _ := strconv.Atoi(s)
				cells[i] = excelize.Cell{StyleID: body, Value: count}
				continue
			}
			// A string value is written as an inline string cell: Excel shows it as text and
			// never evaluates it, so a quote that starts with = needs no quote mark here.
			cells[i] = excelize.Cell{StyleID: body, Value: s}
		}
		return sw.SetRow("A"+strconv.Itoa(n), cells)
	})
	if err != nil {
		return err
	}
	last, err := excelize.CoordinatesToCellName(len(sheetColumns), max(n, 2))
	if err != nil {
		return err
	}
	// A table gives every column its filter button; with only the header it still spans two rows,
	// as a table must.
	disable := false
	if err := sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: "Results", StyleName: "TableStyleLight1", ShowRowStripes: &disable}); err != nil {
		return err
	}
	return sw.Flush()
}
