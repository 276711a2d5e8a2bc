package report_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/termlint/termlint/internal/check"
	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/report"
)

// htmlReport runs the pipeline as termlint report does and returns the page.
func htmlReport(t *testing.T, paths ...string) []byte {
	t.Helper()
	ann := report.NewAnnotations()
	var out bytes.Buffer
	c, err := check.New(check.Options{
		Paths: paths, Load: contract.Options{Limits: contract.DefaultLimits()},
		Timeout: engine.DefaultTimeout, RunTimeout: 5 * time.Minute, FailOn: "never",
		Format: "html", Report: report.Options{Annotations: ann}, Annotate: ann.Add,
		ToolVersion: "dev", Today: time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC), Stdout: &out,
	})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { _ = c.Close() }()
	o, err := c.Run(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if o.InputError() {
		t.Fatalf("input errors: %v", o.Report.InputErrors)
	}
	return out.Bytes()
}

// TestHTMLGolden compares the report of the five fixtures, and of a deal, with the golden files
// in testdata; it also requires the same bytes from a second run (the workers finish in any
// order). Rewrite them with go test ./internal/report -run TestHTMLGolden -update, and review the
// diff.
func TestHTMLGolden(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	golden := func(name string) string { return filepath.Join(root, "internal", "report", "testdata", name) }
	t.Chdir(root)
	for _, tt := range []struct {
		name  string
		paths []string
	}{
		{"report-contracts.html", []string{"fixtures/contracts"}},
		{"report-deal-serso.html", []string{"fixtures/deals/serso.yaml"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := htmlReport(t, tt.paths...)
			if again := htmlReport(t, tt.paths...); !bytes.Equal(got, again) {
				t.Fatal("two runs gave different reports")
			}
			report.CheckHTMLLinks(t, string(got))
			if *report.Update {
				if err := os.WriteFile(golden(tt.name), got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden(tt.name))
			if err != nil {
				t.Fatalf("%v (run go test ./internal/report -run TestHTMLGolden -update)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("the report differs from %s (if the change is wanted: go test ./internal/report -run TestHTMLGolden -update, and review the diff):\n%s", tt.name, firstLineDiff(string(want), string(got)))
			}
		})
	}
}

func TestHTMLContents(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(root)
	page := string(htmlReport(t, "fixtures/contracts"))
	for _, want := range []string{
		// Self-contained: nothing is fetched.
		`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
		"@page { size: A4;",
		// One memo and one annotated text per vendor.
		"<h2>Vooruit Groep B.V.</h2>", `id="c5-text"`, `<code>../sources/vooruit.txt</code>`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	// Addresses in the vendors' texts are text; no element may load one.
	for _, bad := range []string{"<script", "<link", "<img", "<iframe", "<object", "@import", "url("} {
		if strings.Contains(page, bad) {
			t.Errorf("the report holds %q: it must not load anything", bad)
		}
	}
	if m := regexp.MustCompile(`<[a-z]+ [^>]*\b(src|srcset|action)=`).FindString(page); m != "" {
		t.Errorf("an element loads something: %s", m)
	}
	if n := strings.Count(page, `<section class="contract"`); n != 5 {
		t.Errorf("%d contract sections, want 5", n)
	}
}

func firstLineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(wl) || i < len(gl); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n- " + abbrev(w) + "\n+ " + abbrev(g)
		}
	}
	return ""
}

func abbrev(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}
