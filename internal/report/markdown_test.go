package report

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

func TestMarkdownEscape(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text 100%, a: b", "plain text 100%, a: b"},
		{"a | b", `a \| b`},
		{"<script>&", "&lt;script&gt;&amp;"},
		{"*bold* _it_ `code` [link](x) ~s~ ![img]", `\*bold\* \_it\_ \` + "`code\\`" + ` \[link\](x) \~s\~ \!\[img\]`},
		{"# heading", `\# heading`},
		{`back\slash`, `back\\slash`},
		{"$x^2$", `\$x^2\$`},
		{"line1\nline2\r\nline3\rline4", "line1<br>line2<br>line3<br>line4"},
		{"ünïcödé ’quotes’", "ünïcödé ’quotes’"},
	}
	for _, tt := range tests {
		if got := mdInline(tt.in); got != tt.want {
			t.Errorf("mdInline(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestMarkdownContent checks the structure a reader relies on: a table row per rule with its
// verdict marker, quotes as blockquotes, and no line of user text escaping its table cell.
func TestMarkdownContent(t *testing.T) {
	out := string(render(t, Markdown{}, testReport()))
	for _, want := range []string{
		"## termlint: ❌ failing\n",
		"| liability/excluded-damage | No exclusion of forbidden damage categories | error | ❌ fail |\n",
		"| gdpr/processor-agreement | A processor agreement is in force | warning | ❓ unknown |\n",
		"| termination/notice-period | Notice period of at most three months | info | ➖ not applicable |\n",
		"| gdpr/processor-agreement | A processor agreement is in force | warning | 💥 error |\n",
		"| liability/excluded-damage | No exclusion of forbidden damage categories | error | 🔕 waived |\n",
		"| termination/notice-period | Notice period of at most three months | info | ✅ pass |\n",
		"  > **art. 8.2**: Vendor is not liable for:<br>indirect damage, lost profit &amp; &lt;data loss&gt; \\| 100% of fees\n",
		"  >\n  > **art. 8.4**: \\# Not a heading; \\`not code\\`\n",
		"## termlint: ❌ failing\n\n**2 new, 0 existing** failures (against the baseline) · 0 fixed\n\n",
		"### New failures\n\n- ❌ **liability/excluded-damage** (No exclusion of forbidden damage categories) at **contracts/acme.yaml:12:5**: the vendor excludes 100% of \"direct\" damage, lost profit: all of it\n",
		"- ❌ **liability/excluded-damage** at line 20, column 7: new: the cap is below 50% of the fees\n",
		"- **contracts/bad, file.yaml**: cannot read",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q in:\n%s", want, out)
		}
	}
	// Every table row must have exactly four cells: an unescaped | or newline in a quote would
	// add cells or cut the row.
	row := regexp.MustCompile(`^\|( [^|]*(\\\|[^|]*)* \|){4}$`)
	for _, l := range strings.Split(out, "\n") {
		if strings.HasPrefix(l, "|") && !row.MatchString(l) && !strings.HasPrefix(l, "| --- ") {
			t.Errorf("malformed table row %q", l)
		}
		if strings.Contains(l, "<data") || strings.Contains(l, "<wiki") {
			t.Errorf("raw HTML from a quote reached the output: %q", l)
		}
	}
}

// bigReport has n contracts of three rules each, every contract failing with a quote, so that
// the full sections of all of them would need several MiB.
func bigReport(n int) *Report {
	gdpr, liability, notice := testRules()
	r := &Report{ToolVersion: "dev", Rules: []*engine.Rule{gdpr, liability, notice}, Summary: result.Summary{FailOn: "error"}}
	quote := strings.Repeat("The supplier shall not be liable for indirect damage | <loss> & 100%. ", 3)
	for i := range n {
		name := fmt.Sprintf("contracts/vendor-%05d.yaml", i)
		r.Results = append(r.Results, &engine.Result{Contract: name, File: name, Rules: []engine.RuleResult{
			{Rule: gdpr, Verdict: engine.Pass},
			{Rule: liability, Verdict: engine.Fail, Findings: []engine.Finding{
				{Message: "the vendor excludes direct damage", Line: 12, Column: 5, Sources: []contract.Source{{Art: "8.2", Quote: quote}}},
				{Message: "the cap is below 50% of the fees", Line: 20, Column: 7, Sources: []contract.Source{{Art: "8.3", Quote: quote}}},
			}},
			{Rule: notice, Verdict: engine.Unknown, Findings: []engine.Finding{{Message: "no notice period given", Line: 3, Column: 1}}},
		}})
	}
	return r
}

// TestMarkdownSize writes 10,000 contracts and checks the summary stays under GitHub's 1 MiB,
// that every contract is accounted for (in full, on one line, or counted), and that the cut is
// announced.
func TestMarkdownSize(t *testing.T) {
	const contracts = 10000
	tests := []struct {
		name        string
		md          Markdown
		inputErrors int
		limit       int
	}{
		{"default budget", Markdown{}, 0, 1 << 20},
		{"default budget, many input errors", Markdown{}, 20000, 1 << 20},
		{"small budget", Markdown{MaxBytes: 64 << 10}, 0, 64 << 10},
		{"tiny budget", Markdown{MaxBytes: 1}, 50, minMarkdownBytes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := bigReport(contracts)
			for i := range tt.inputErrors {
				r.InputErrors = append(r.InputErrors, contract.Diagnostic{File: fmt.Sprintf("bad/%05d.yaml", i), Line: 1, Column: 1, Message: "mapping values are not allowed here"})
			}
			out := string(render(t, tt.md, r))
			if len(out) >= tt.limit {
				t.Fatalf("summary is %d bytes, limit %d", len(out), tt.limit)
			}
			if tt.md.MaxBytes == 0 && len(out) > DefaultMarkdownBytes {
				t.Fatalf("summary is %d bytes, over DefaultMarkdownBytes", len(out))
			}
			full := strings.Count(out, "\n### ❌ contracts/vendor-")
			oneLine := strings.Count(out, "\n- ❌ contracts/vendor-")
			more := 0
			if m := regexp.MustCompile(`\n(\d+) more contracts? not shown`).FindStringSubmatch(out); m != nil {
				more, _ = strconv.Atoi(m[1])
			} else {
				t.Errorf("no \"N more contracts not shown\" line")
			}
			if full+oneLine+more != contracts {
				t.Errorf("%d in full + %d on one line + %d counted = %d, want %d", full, oneLine, more, full+oneLine+more, contracts)
			}
			if tt.inputErrors > 0 && !strings.Contains(out, "more input errors not shown") && !strings.Contains(out, "input errors not shown") {
				t.Errorf("input errors were cut without saying so")
			}
			t.Logf("%d bytes: %d contracts in full, %d on one line, %d counted", len(out), full, oneLine, more)
		})
	}
}

// TestMarkdownFits checks that a report that fits is shown whole, with no cut-off line.
func TestMarkdownFits(t *testing.T) {
	out := string(render(t, Markdown{}, bigReport(20)))
	if strings.Contains(out, "not shown") || strings.Count(out, "\n### ❌ contracts/vendor-") != 20 {
		t.Errorf("20 contracts should all be shown in full:\n%s", out)
	}
}
