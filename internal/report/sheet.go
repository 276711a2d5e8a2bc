package report

import (
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// Vendors collects, while a run evaluates, each contract's vendor and title: the spreadsheet
// formats name the vendor on every row, and a result does not carry it. Only the two strings are
// kept per contract, never the source texts (which only the HTML report needs).
type Vendors struct {
	mu sync.Mutex
	by map[string]contract.Annotation
}

// NewVendors makes an empty collection.
func NewVendors() *Vendors { return &Vendors{by: map[string]contract.Annotation{}} }

// Add records the vendor and title of the contract whose result is named name; a's texts are
// dropped. It may be called from several goroutines at once.
func (v *Vendors) Add(name string, a contract.Annotation) {
	v.mu.Lock()
	defer v.mu.Unlock()
	v.by[name] = contract.Annotation{Vendor: a.Vendor, Title: a.Title}
}

func (v *Vendors) vendor(name string) string {
	if v == nil {
		return ""
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.by[name].Vendor
}

// NeedsVendors reports whether one of the formats (each a format or a FORMAT=PATH report) is a
// spreadsheet, which needs the run to collect the vendors.
func NeedsVendors(formats ...string) bool {
	for _, f := range formats {
		f, _, _ = strings.Cut(f, "=")
		if f == "csv" || f == "xlsx" {
			return true
		}
	}
	return false
}

// sheetColumn is a column of the spreadsheet formats: its header and, in the XLSX, its width in
// characters.
type sheetColumn struct {
	Name  string
	Width float64
}

// sheetColumns are the columns of both spreadsheet formats, in order. Findings is the only number.
var sheetColumns = []sheetColumn{
	{"Contract", 30},
	{"Vendor", 24},
	{"Rule", 28},
	{"Title", 36},
	{"Severity", 10},
	{"Verdict", 16},
	{"Findings", 9},
	{"Articles", 14},
	{"Quotes", 70},
	{"Messages", 60},
	{"What to negotiate", 50},
	{"Waiver", 30},
	{"Location", 36},
}

// sheetFindingsColumn is the index of Findings, the column written as a number.
const sheetFindingsColumn = 6

// maxCellChars is the most a cell holds: Excel's limit (32,767 UTF-16 code units), which it also
// applies when it opens a CSV file, cutting the text wherever it falls. A longer cell is cut at
// a line, with a note saying so, in both formats.
const maxCellChars = 32767

// sheetRows calls fn with every row of the spreadsheet after the header, in report order: per
// contract one row per rule (by rule id) whatever its verdict, then one row per input error. A
// row's cells are cleaned of control characters, but not yet neutralised against formulas: each
// format does that its own way.
func sheetRows(r *Report, vendors *Vendors, fn func(row []string) error) error {
	err := r.each(func(res *engine.Result) error {
		vendor := cleanLine(vendors.vendor(res.Contract))
		for _, rr := range byRuleID(res) {
			if err := fn(ruleRow(res, rr, vendor)); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for _, d := range r.InputErrors {
		row := make([]string, len(sheetColumns))
		row[0] = cleanLine(d.File)
		row[5] = "not checked"
		row[sheetFindingsColumn] = "0"
		row[9] = capCell(cleanText(d.Message))
		row[12] = location(d.File, d.Line, d.Column)
		if err := fn(row); err != nil {
			return err
		}
	}
	return nil
}

// ruleRow is one rule's verdict on one contract. A rule with several findings lists them one a
// line in each cell, numbered [1], [2], ... alike in every cell, so that a finding's articles,
// message and place line up; a clause that several findings quote is shown once, with their
// numbers. Every line of a message ends with its citation: the articles, or where no article
// is given, the place in the YAML.
func ruleRow(res *engine.Result, rr *engine.RuleResult, vendor string) []string {
	row := make([]string, len(sheetColumns))
	row[0] = cleanLine(res.Contract)
	row[1] = vendor
	row[2] = cleanLine(rr.Rule.ID)
	row[3] = cleanLine(rr.Rule.Title)
	row[4] = cleanLine(string(rr.Rule.Severity))
	row[5] = signOf(rr.Verdict).Word
	var findings []engine.Finding
	if result.Reported(rr.Verdict) {
		findings = result.FindingsOf(rr)
	} else {
		findings = rr.Findings
	}
	if rr.Verdict == engine.Fail || rr.Verdict == engine.Unknown || rr.Verdict == engine.Waived {
		// What to negotiate is for what fails or must be settled, not for what meets the playbook
		// or a rule that could not be evaluated.
		row[10] = cleanText(rr.Rule.Remediation)
	}
	row[sheetFindingsColumn] = strconv.Itoa(len(findings))
	row[11] = cleanLine(waiverText(rr.Waiver))

	var arts, msgs, locs []string
	type clause struct {
		art, quote string
		cited      []string
	}
	var clauses []*clause
	seen := map[[2]string]*clause{}
	for i, f := range findings {
		num := ""
		if len(findings) > 1 {
			num = "[" + strconv.Itoa(i+1) + "] "
		}
		var fa []string
		for _, src := range f.Sources {
			if src.Art != "" && !contains(fa, src.Art) {
				fa = append(fa, src.Art)
			}
			key := [2]string{src.Art, src.Quote}
			c := seen[key]
			if c == nil {
				c = &clause{art: src.Art, quote: src.Quote}
				seen[key] = c
				clauses = append(clauses, c)
			}
			c.cited = append(c.cited, strconv.Itoa(i+1))
		}
		at := location(f.FileOf(res), f.Line, f.Column)
		cite := at
		if len(fa) > 0 {
			arts = append(arts, num+cleanLine("art. "+strings.Join(fa, ", ")))
			cite = cleanLine("art. " + strings.Join(fa, ", "))
		}
		// The verdict has its column; a line says only what sets a finding apart from the rule's
		// verdict: an open question of a failing rule, or a finding a waiver accepts.
		prefix := openPrefix(f)
		if f.Waived && rr.Verdict != engine.Waived {
			prefix += "waived: "
		}
		msgs = append(msgs, num+cleanLine(prefix+f.Message)+" ("+cite+")")
		locs = append(locs, num+at)
	}
	quotes := make([]string, 0, len(clauses))
	for _, c := range clauses {
		num := ""
		if len(findings) > 1 {
			num = "[" + strings.Join(c.cited, ", ") + "] "
		}
		art := "art. " + c.art
		if c.art == "" {
			art = "no article"
		}
		// A quote keeps its line breaks, as the clause has them.
		quotes = append(quotes, num+cleanLine(art)+": “"+cleanText(c.quote)+"”")
	}
	row[7] = capCell(strings.Join(arts, "\n"))
	row[8] = capCell(strings.Join(quotes, "\n"))
	row[9] = capCell(strings.Join(msgs, "\n"))
	row[12] = capCell(strings.Join(locs, "\n"))
	return row
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// capCell cuts a cell longer than maxCellChars at the last whole line that leaves room for a note
// saying how many lines were left out, so that Excel does not cut it mid-word and silently.
func capCell(s string) string {
	if utf16Len(s) <= maxCellChars {
		return s
	}
	lines := strings.Split(s, "\n")
	// The note is under 200 code units; cutting at whole lines keeps each finding's line whole.
	budget := maxCellChars - 200
	n, used := 0, 0
	for n < len(lines) {
		l := utf16Len(lines[n]) + 1
		if used+l > budget {
			break
		}
		used += l
		n++
	}
	note := "… " + plural(len(lines)-n, "more line") + " not shown"
	kept := strings.Join(lines[:n], "\n")
	if n == 0 {
		// One line longer than a cell: cut within it, at a rune.
		kept = truncateUTF16(lines[0], budget)
		note = "… the rest not shown"
		if len(lines) > 1 {
			note = "… the rest of this line and " + plural(len(lines)-1, "more line") + " not shown"
		}
	}
	if kept != "" {
		kept += "\n"
	}
	return kept + note + ": a spreadsheet cell holds at most 32,767 characters (the json format has them all)"
}

func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += max(utf16.RuneLen(r), 1)
	}
	return n
}

func truncateUTF16(s string, units int) string {
	n := 0
	for i, r := range s {
		l := max(utf16.RuneLen(r), 1)
		if n+l > units {
			return s[:i]
		}
		n += l
	}
	return s
}

// formulaStart reports whether a spreadsheet would read s as a formula (or, for tab and carriage
// return, could shift it into one when the cell is pasted): OWASP's list of leading characters.
func formulaStart(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}
