package contract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/termlint/termlint/schema"
)

// waiverYAML is one waiver; the line of each key is fixed, so the tests can name it: the item
// starts on line 2 (column 5), approved_by is on line 5 (value at column 18), expires on line
// 6 (value at column 14), and the optional extra keys from line 7.
func waiverYAML(approver, expires, extra string) string {
	return "waivers:\n" +
		"  - rule: liability/cap\n" +
		"    contract: \"contracts/*.yaml\"\n" +
		"    reason: accepted by legal\n" +
		"    approved_by: " + approver + "\n" +
		"    expires: " + expires + "\n" + extra
}

func writeWaivers(t *testing.T, body string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "waivers.yaml")
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestLoadWaiversPolicy(t *testing.T) {
	today := time.Date(2026, 12, 3, 15, 4, 5, 0, time.Local)
	policy := WaiverPolicy{Approvers: []string{"jane.doe@buyer.example", "Legal team"}, MaxMonths: 12}
	for _, tc := range []struct {
		name string
		body string
		// policy, when set, replaces the allow-list of two and the 12-month horizon.
		policy *WaiverPolicy
		today  time.Time
		// errs are the expected input errors as "line:col: message prefix"; none means the
		// waiver loads.
		errs []string
		// warns are the expected warnings, the same way.
		warns []string
	}{
		{
			name: "listed approver",
			body: waiverYAML("jane.doe@buyer.example", "2027-01-01", ""),
		},
		{
			// Trimming, collapsing white space and case folding make these the listed names.
			name: "approver differs in case and white space",
			body: waiverYAML("\"  Jane.Doe@BUYER.example \"", "2027-01-01", ""),
		},
		{
			name: "approver differs in inner white space",
			body: waiverYAML("\"legal   TEAM\"", "2027-01-01", ""),
		},
		{
			name: "unlisted approver is an error at approved_by",
			body: waiverYAML("mallory@vendor.example", "2027-01-01", ""),
			errs: []string{`5:18: waivers.0.approved_by: "mallory@vendor.example" is not in the waiver policy's approvers`},
		},
		{
			// A listed name inside a longer one is not a match: the comparison is whole.
			name: "approver containing a listed name",
			body: waiverYAML("\"Legal team (per Mallory)\"", "2027-01-01", ""),
			errs: []string{`5:18: waivers.0.approved_by: "Legal team (per Mallory)" is not in`},
		},
		{
			name: "9999-12-31 is beyond the horizon",
			body: waiverYAML("Legal team", "9999-12-31", ""),
			errs: []string{"6:14: waivers.0.expires: expires 9999-12-31 is more than 12 months after 2026-12-03; the waiver policy allows at most 12 months (until 2027-12-03)"},
		},
		{
			// 2026-12-03 + 12 months = 2027-12-03, the last day allowed.
			name: "exactly twelve months ahead",
			body: waiverYAML("Legal team", "2027-12-03", ""),
		},
		{
			name: "one day past twelve months",
			body: waiverYAML("Legal team", "2027-12-04", ""),
			errs: []string{"6:14: waivers.0.expires: expires 2027-12-04 is more than 12 months"},
		},
		{
			// 2028-02-29 + 12 months has no 29 February: the horizon is 2029-02-28, not the
			// 2029-03-01 that time.AddDate would give.
			name:  "horizon from a leap day stays in February",
			body:  waiverYAML("Legal team", "2029-03-01", ""),
			today: time.Date(2028, 2, 29, 0, 0, 0, 0, time.UTC),
			errs:  []string{"6:14: waivers.0.expires: expires 2029-03-01 is more than 12 months after 2028-02-29; the waiver policy allows at most 12 months (until 2029-02-28)"},
		},
		{
			name:   "a shorter horizon from the policy",
			body:   waiverYAML("Legal team", "2027-03-04", ""),
			policy: &WaiverPolicy{Approvers: []string{"Legal team"}, MaxMonths: 3},
			errs:   []string{"6:14: waivers.0.expires: expires 2027-03-04 is more than 3 months after 2026-12-03"},
		},
		{
			name: "unparseable date",
			body: waiverYAML("Legal team", "2027-02-30", ""),
			errs: []string{`6:14: waivers.0.expires: "2027-02-30" is not a date (YYYY-MM-DD)`},
		},
		{
			// Expired yesterday: not an input error, the waiver loads (and will not apply) and
			// a warning names its line.
			name:  "expired yesterday",
			body:  waiverYAML("Legal team", "2026-12-02", ""),
			warns: []string{"2:5: waivers.0: expired on 2026-12-02: rule liability/cap fails again"},
		},
		{
			name: "expires today is still active",
			body: waiverYAML("Legal team", "2026-12-03", ""),
		},
		{
			// Without an allow-list anyone may approve, and the run says so once.
			name:   "no allow-list",
			body:   waiverYAML("anyone at all", "2027-01-01", "") + strings.Replace(waiverYAML("someone else", "2027-01-01", ""), "waivers:\n", "", 1),
			policy: &WaiverPolicy{},
			warns:  []string{"1:1: waiver approvers are not restricted"},
		},
		{
			name: "blank article is scoped to nothing",
			body: waiverYAML("Legal team", "2027-01-01", "    article: \"  \"\n"),
			errs: []string{"7:14: waivers.0.article: blank: the waiver is scoped to nothing"},
		},
		{
			name: "empty path segment is scoped to nothing",
			body: waiverYAML("Legal team", "2027-01-01", "    path: liability..cap\n"),
			errs: []string{`7:11: waivers.0.path: "liability..cap" is not a dotted path`},
		},
		{
			name: "bad contract pattern is scoped to nothing",
			body: strings.Replace(waiverYAML("Legal team", "2027-01-01", ""), `"contracts/*.yaml"`, `"contracts/[a.yaml"`, 1),
			errs: []string{`3:15: waivers.0.contract: "contracts/[a.yaml" is not a valid pattern`},
		},
		{
			name: "blank rule is scoped to nothing",
			body: strings.Replace(waiverYAML("Legal team", "2027-01-01", ""), "rule: liability/cap", `rule: " "`, 1),
			errs: []string{"2:11: waivers.0.rule: blank: the waiver is scoped to nothing"},
		},
		{
			// Every problem of a waiver is reported, not only the first.
			name: "several problems at once",
			body: waiverYAML("mallory", "9999-12-31", ""),
			errs: []string{"5:18: waivers.0.approved_by:", "6:14: waivers.0.expires: expires 9999-12-31"},
		},
		{
			// A good waiver does not make a bad one's file usable: the whole file is refused.
			name: "one bad waiver among good ones",
			body: waiverYAML("Legal team", "2027-01-01", "") + "  - rule: a/b\n    contract: x\n    reason: r\n    approved_by: mallory\n    expires: 2027-01-01\n",
			errs: []string{`10:18: waivers.1.approved_by: "mallory"`},
		},
		{
			name: "malformed entry, as before",
			body: "waivers:\n  - rule: a/b\n    contract: x\n    approved_by: Legal team\n    expires: 2027-01-01\n",
			errs: []string{`2:5: missing required key "reason" in waivers.0`},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pol := policy
			if tc.policy != nil {
				pol = *tc.policy
			}
			day := today
			if !tc.today.IsZero() {
				day = tc.today
			}
			p := writeWaivers(t, tc.body)
			wf, err := LoadWaivers(p, Limits{}, pol, day)
			if err != nil {
				t.Fatal(err)
			}
			check := func(kind string, got []Diagnostic, want []string) {
				t.Helper()
				if len(got) != len(want) {
					t.Fatalf("%s = %v, want %d: %q", kind, got, len(want), want)
				}
				for i, w := range want {
					if d := got[i]; d.File != p || !strings.HasPrefix(d.String(), p+":"+w) {
						t.Errorf("%s %d\n got %s\nwant %s:%s...", kind, i, d, p, w)
					}
				}
			}
			check("errors", wf.Errors, tc.errs)
			check("warnings", wf.Warnings, tc.warns)
			if len(tc.errs) > 0 && wf.Waivers != nil {
				t.Errorf("a file with errors must apply no waiver, got %d", len(wf.Waivers))
			}
			if len(tc.errs) == 0 && len(wf.Waivers) == 0 {
				t.Errorf("no waiver loaded")
			}
		})
	}
}

func TestLoadWaiversScope(t *testing.T) {
	p := writeWaivers(t, waiverYAML("Legal team", "2027-01-01", "    article: \" Art.  8.1 \"\n    path: liability.cap.0\n"))
	wf, err := LoadWaivers(p, Limits{}, WaiverPolicy{Approvers: []string{"legal team"}}, time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
	if err != nil || len(wf.Errors) > 0 || len(wf.Waivers) != 1 {
		t.Fatalf("err %v, file %+v", err, wf)
	}
	w := wf.Waivers[0]
	if w.Article != "Art. 8.1" || strings.Join(w.Path, "|") != "liability|cap|0" || !w.Narrowed() {
		t.Errorf("waiver = %+v", w)
	}
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{w.Article, "8.1", true},
		{"art. 8.1", "ART.8.1", true},
		{"Artikel  8.1", "article 8.1", true},
		{" 8.1 ", "8.1", true},
		{"art. 8.1", "art. 8.10", false},
		{"art. 8.1", "8.1.a", false},
		{"annex 2", "2", false},
	} {
		if got := NormaliseArticle(tc.a) == NormaliseArticle(tc.b); got != tc.same {
			t.Errorf("%q and %q: same = %v, want %v (%q, %q)", tc.a, tc.b, got, tc.same, NormaliseArticle(tc.a), NormaliseArticle(tc.b))
		}
	}
}

func TestLoadWaiversOversized(t *testing.T) {
	// A sparse file past the limit: refused from its size, without reading 2 MiB of it.
	p := filepath.Join(t.TempDir(), "waivers.yaml")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(2 << 20); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	wf, err := LoadWaivers(p, Limits{}, WaiverPolicy{}, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if len(wf.Errors) != 1 || !strings.Contains(wf.Errors[0].String(), p+":1:1: waivers file is larger than the limit of 1048576 bytes") || wf.Waivers != nil {
		t.Errorf("file = %+v", wf)
	}
}

func TestLoadWaiversNotRegular(t *testing.T) {
	dir := t.TempDir()
	_, err := LoadWaivers(dir, Limits{}, WaiverPolicy{}, time.Now())
	if err == nil || !strings.Contains(err.Error(), "waivers file "+dir+": a directory, not a regular file") {
		t.Errorf("directory: err = %v", err)
	}
	if _, err := os.Stat(os.DevNull); err == nil {
		_, err := LoadWaivers(os.DevNull, Limits{}, WaiverPolicy{}, time.Now())
		if err == nil || !strings.Contains(err.Error(), "not a regular file") {
			t.Errorf("%s: err = %v", os.DevNull, err)
		}
	}
}

// FuzzLoadWaivers: any file content ends in waivers or diagnostics, never a panic, and a file
// with errors applies no waiver.
func FuzzLoadWaivers(f *testing.F) {
	f.Add(waiverYAML("Legal team", "2027-01-01", "    article: \"8.1\"\n    path: a.b.0\n"))
	f.Add(waiverYAML("mallory", "9999-12-31", ""))
	f.Add("waivers: []\n")
	f.Add("waivers:\n  - &a {rule: x}\n  - *a\n")
	// The content is judged without a file or a schema compilation per input: both cost more
	// than the parse and would leave the fuzzer a few hundred inputs a second.
	p := "waivers.yaml"
	s, err := compileSchema(schema.WaiversID, schema.Waivers())
	if err != nil {
		f.Fatal(err)
	}
	today := time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC)
	policy := WaiverPolicy{Approvers: []string{"Legal team"}}
	f.Fuzz(func(t *testing.T, body string) {
		wf := parseWaivers(s, p, []byte(body), DefaultLimits(), policy, today)
		if len(wf.Errors) > 0 && wf.Waivers != nil {
			t.Fatalf("errors %v with %d waivers", wf.Errors, len(wf.Waivers))
		}
		for _, d := range append(wf.Errors, wf.Warnings...) {
			if d.File != p || d.Line < 1 || d.Column < 1 || d.Message == "" {
				t.Fatalf("diagnostic without a place: %+v", d)
			}
		}
		for _, w := range wf.Waivers {
			if !listed(policy.Approvers, w.ApprovedBy) || w.Expires.After(addMonths(today, DefaultWaiverMonths)) || w.Rule == "" || w.Contract == "" {
				t.Fatalf("a waiver outside the policy loaded: %+v", w)
			}
		}
	})
}
