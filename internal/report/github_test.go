package report

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

func TestGitHubEscape(t *testing.T) {
	tests := []struct {
		in, data, prop string
	}{
		{"plain", "plain", "plain"},
		{"100%", "100%25", "100%25"},
		{"%0A literally", "%250A literally", "%250A literally"},
		{"a:b,c", "a:b,c", "a%3Ab%2Cc"},
		{"line1\nline2", "line1%0Aline2", "line1%0Aline2"},
		{"crlf\r\nend", "crlf%0D%0Aend", "crlf%0D%0Aend"},
		{"::error::injected", "::error::injected", "%3A%3Aerror%3A%3Ainjected"},
		{"art. 8.2: \"x, 50%\"\n<y> | z", "art. 8.2: \"x, 50%25\"%0A<y> | z", "art. 8.2%3A \"x%2C 50%25\"%0A<y> | z"},
	}
	for _, tt := range tests {
		if got := escapeData(tt.in); got != tt.data {
			t.Errorf("escapeData(%q) = %q, want %q", tt.in, got, tt.data)
		}
		if got := escapeProperty(tt.in); got != tt.prop {
			t.Errorf("escapeProperty(%q) = %q, want %q", tt.in, got, tt.prop)
		}
		if back := unescapeData(escapeData(tt.in)); back != tt.in {
			t.Errorf("unescape(escapeData(%q)) = %q", tt.in, back)
		}
	}
}

// unescapeData undoes escapeData the way the Actions runner does.
func unescapeData(s string) string {
	return strings.NewReplacer("%0D", "\r", "%0A", "\n", "%3A", ":", "%2C", ",", "%25", "%").Replace(s)
}

// commandLine matches an annotation: level, properties, escaped message.
func commandLine() *regexp.Regexp {
	return regexp.MustCompile(`^::(error|warning|notice)( [^:]*)?::(.*)$`)
}

// TestGitHubAnnotations checks that every annotation of the synthetic report is one well-formed
// command line, whose message unescapes to the finding and quote, most severe first.
func TestGitHubAnnotations(t *testing.T) {
	out := string(render(t, GitHub{}, testReport()))
	commandLine := commandLine()
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	var levels []string
	var messages []string
	for _, l := range lines[:len(lines)-1] {
		m := commandLine.FindStringSubmatch(l)
		if m == nil {
			t.Fatalf("not a workflow command: %q", l)
		}
		levels = append(levels, m[1])
		messages = append(messages, unescapeData(m[3]))
	}
	wantLevels := "error error error error error warning notice"
	if got := strings.Join(levels, " "); got != wantLevels {
		t.Errorf("levels %q, want %q", got, wantLevels)
	}
	if want := "the vendor excludes 100% of \"direct\" damage, lost profit: all of it\nart. 8.2: \"Vendor is not liable for:\nindirect damage, lost profit & <data loss> | 100% of fees\"\nwaiver expired on 2024-01-01 (was: legacy contract, approved by cfo@example.com)"; messages[2] != want {
		t.Errorf("message round trip:\n got %q\nwant %q", messages[2], want)
	}
	if !strings.Contains(lines[0], "::error file=contracts/bad%2C file.yaml,title=termlint/input-error::") {
		t.Errorf("an input error without a line should annotate the file, with the comma escaped: %q", lines[0])
	}
	if !strings.Contains(out, ",line=12,col=5,title=new%3A liability/excluded-damage%3A No exclusion") {
		t.Errorf("finding annotation lacks position or escaped title:\n%s", out)
	}
	if strings.Contains(out, "the vendor excludes lost profit") {
		t.Errorf("waived findings should not be annotated:\n%s", out)
	}
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "termlint: 2 contracts, 3 rules: 1 failed, 1 unknown, 1 passed, 1 not applicable, 1 waived, 1 errors; 2 input errors") {
		t.Errorf("last line should be the totals, got %q", last)
	}
}

// manyReport has n findings of each of an error, a warning and an info rule in one contract.
func manyReport(errors, warnings, notices int) *Report {
	rules := []*engine.Rule{
		{ID: "a/error", Title: "E", Severity: engine.SeverityError},
		{ID: "b/warning", Title: "W", Severity: engine.SeverityWarning},
		{ID: "c/info", Title: "I", Severity: engine.SeverityInfo},
	}
	res := &engine.Result{Contract: "c.yaml", File: "c.yaml"}
	for i, n := range []int{errors, warnings, notices} {
		rr := engine.RuleResult{Rule: rules[i], Verdict: engine.Fail}
		if n == 0 {
			rr.Verdict = engine.Pass
		}
		for j := range n {
			rr.Findings = append(rr.Findings, engine.Finding{Message: fmt.Sprintf("%s %d", rules[i].ID, j), Line: j + 1, Column: 1})
		}
		res.Rules = append(res.Rules, rr)
	}
	return &Report{Rules: rules, Results: []*engine.Result{res}, Summary: result.Summary{FailOn: "error"}}
}

// TestGitHubLimit checks the per-level cap: at most 10 annotations of each level, "N more"
// notices that stay within the notice cap themselves, and every finding still in the log.
func TestGitHubLimit(t *testing.T) {
	tests := []struct {
		name                      string
		errors, warnings, notices int
		wantShown                 [3]int // errors, warnings, notices printed as annotations
		wantMore                  []string
	}{
		{"under the limit", 10, 3, 10, [3]int{10, 3, 10}, nil},
		{"errors over", 25, 0, 0, [3]int{10, 0, 1}, []string{"15 more errors"}},
		{"all over", 25, 12, 15, [3]int{10, 10, 10}, []string{"15 more errors", "2 more warnings", "8 more notices"}},
		// Two "more" notices leave room for 8 of the 9 notices; dropping one needs a third.
		{"notice room shrinks", 11, 11, 9, [3]int{10, 10, 10}, []string{"1 more error not", "1 more warning not", "2 more notices not"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := string(render(t, GitHub{}, manyReport(tt.errors, tt.warnings, tt.notices)))
			commandLine := commandLine()
			var shown [3]int
			rank := map[string]int{"error": 0, "warning": 1, "notice": 2}
			prev := 0
			inGroup := false
			logged := 0
			for _, l := range strings.Split(out, "\n") {
				switch {
				case l == "::group::Findings beyond the annotation limit":
					inGroup = true
				case l == "::endgroup::":
					inGroup = false
				case inGroup:
					logged++
				}
				m := commandLine.FindStringSubmatch(l)
				if m == nil {
					continue
				}
				// The "N more" notices follow their own level's group, by design.
				if rank[m[1]] < prev && m[2] != "" {
					t.Errorf("%s after a less severe annotation", l)
				}
				if m[2] != "" {
					prev = rank[m[1]]
				}
				shown[rank[m[1]]]++
			}
			if shown != tt.wantShown {
				t.Errorf("annotations per level = %v, want %v\n%s", shown, tt.wantShown, out)
			}
			for _, w := range tt.wantMore {
				if !strings.Contains(out, "::notice::"+w) {
					t.Errorf("missing %q notice:\n%s", w, out)
				}
			}
			real := shown[0] + shown[1] + shown[2] - len(tt.wantMore)
			if total := tt.errors + tt.warnings + tt.notices; real+logged != total {
				t.Errorf("%d annotated + %d in the log group, want %d findings in all", real, logged, total)
			}
		})
	}
}

// TestGitHubSummary checks that the Markdown summary is appended to $GITHUB_STEP_SUMMARY,
// keeping what other steps wrote, and skipped when the file has no room left.
func TestGitHubSummary(t *testing.T) {
	md := string(render(t, Markdown{}, testReport()))
	tests := []struct {
		name     string
		existing *string
		want     func(existing string) string
		warn     bool
	}{
		{"new file", nil, func(string) string { return md }, false},
		{"appends", ptr("## Earlier step\n"), func(e string) string { return e + "\n" + md }, false},
		{"full", ptr(strings.Repeat("x", StepSummaryLimit-100)), func(e string) string { return e }, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "summary.md")
			existing := ""
			if tt.existing != nil {
				existing = *tt.existing
				if err := os.WriteFile(path, []byte(existing), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := string(render(t, GitHub{SummaryPath: path}, testReport()))
			got, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want(existing) {
				t.Errorf("summary file:\n%.2000s", got)
			}
			if warned := strings.Contains(out, "::warning::the job summary"); warned != tt.warn {
				t.Errorf("warning about a full summary = %v, want %v", warned, tt.warn)
			}
		})
	}
	// With most of the step's room taken, the summary shrinks to fit rather than push the file
	// over GitHub's limit.
	path := filepath.Join(t.TempDir(), "summary.md")
	if err := os.WriteFile(path, []byte(strings.Repeat("x", StepSummaryLimit-200<<10)), 0o644); err != nil {
		t.Fatal(err)
	}
	render(t, GitHub{SummaryPath: path}, bigReport(10000))
	if st, err := os.Stat(path); err != nil || st.Size() >= StepSummaryLimit {
		t.Errorf("summary file grew to %v bytes (err %v), limit %d", st.Size(), err, StepSummaryLimit)
	}
	// Without a path, nothing is written anywhere and the notices point to the log.
	out := string(render(t, GitHub{}, manyReport(11, 0, 0)))
	if !strings.Contains(out, "see them in the log below") {
		t.Errorf("without a summary the overflow notice should point to the log:\n%s", out)
	}
}

func TestGitHubSummaryError(t *testing.T) {
	dir := t.TempDir()
	err := GitHub{SummaryPath: filepath.Join(dir, "missing", "summary.md")}.Write(&strings.Builder{}, testReport())
	if err == nil {
		t.Fatal("want an error for a summary path in a missing directory")
	}
}

func TestAnnotationLevel(t *testing.T) {
	tests := []struct {
		v    engine.Verdict
		sev  engine.Severity
		want string
	}{
		{engine.Fail, engine.SeverityError, "error"},
		{engine.Fail, engine.SeverityWarning, "warning"},
		{engine.Fail, engine.SeverityInfo, "notice"},
		{engine.Unknown, engine.SeverityError, "notice"},
		{engine.Error, engine.SeverityInfo, "error"},
		{engine.Waived, engine.SeverityError, ""},
		{engine.Pass, engine.SeverityError, ""},
		{engine.NotApplicable, engine.SeverityError, ""},
	}
	for _, tt := range tests {
		rr := &engine.RuleResult{Rule: &engine.Rule{Severity: tt.sev}, Verdict: tt.v}
		if got := annotationLevel(rr); got != tt.want {
			t.Errorf("annotationLevel(%s, %s) = %q, want %q", tt.v, tt.sev, got, tt.want)
		}
	}
}

func ptr(s string) *string { return &s }
