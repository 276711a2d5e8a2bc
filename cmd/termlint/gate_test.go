package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

type jsonOut struct {
	Failing  bool
	Warnings []struct {
		Line, Column int
		Message      string
	}
	InputErrors []struct {
		File         string
		Line, Column int
		Message      string
	} `json:"input_errors"`
	Contracts []struct {
		Contract string
		Results  []struct {
			Rule    string
			Verdict string
			Failing bool
			Waiver  *struct {
				Reason  string
				Expired bool
			}
		}
	}
	Baseline *struct {
		New   int
		Fixed []struct{ Contract, Rule string }
	}
}

func decodeJSON(t *testing.T, out string) jsonOut {
	t.Helper()
	var d jsonOut
	if err := json.Unmarshal([]byte(out), &d); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return d
}

func verdictOf(d jsonOut, contract, rule string) (string, *struct {
	Reason  string
	Expired bool
},
) {
	for _, c := range d.Contracts {
		if c.Contract != contract {
			continue
		}
		for _, r := range c.Results {
			if r.Rule == rule {
				return r.Verdict, r.Waiver
			}
		}
	}
	return "", nil
}

func TestWaivers(t *testing.T) {
	code, out, errs := runCmd(t, "", "check", "-f", "json", "--today", "2026-11-21", "--waivers", "cmd/termlint/testdata/waivers.yaml", "fixtures/contracts/serso.yaml")
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	d := decodeJSON(t, out)
	// Active: the failure is waived, with its reason.
	v, w := verdictOf(d, "fixtures/contracts/serso.yaml", "gdpr/processor-agreement")
	if v != "waived" || w == nil || !strings.Contains(w.Reason, "DPA-114") {
		t.Errorf("active waiver: verdict %s waiver %+v", v, w)
	}
	// Expired: the failure counts again and says its waiver expired.
	v, w = verdictOf(d, "fixtures/contracts/serso.yaml", "liability/excluded-damage")
	if v != "fail" || w == nil || !w.Expired {
		t.Errorf("expired waiver: verdict %s waiver %+v", v, w)
	}
	// Warnings, in file order: no approver allow-list is configured (line 1), the expired
	// waiver (line 7) and the unused one (line 12), each at the waiver's own line.
	want := []struct {
		line int
		text string
	}{{1, "approvers are not restricted"}, {7, "expired on 2026-01-31"}, {12, "unused waiver"}}
	if len(d.Warnings) != len(want) {
		t.Fatalf("warnings = %+v", d.Warnings)
	}
	for i, w := range want {
		if d.Warnings[i].Line != w.line || !strings.Contains(d.Warnings[i].Message, w.text) {
			t.Errorf("warning %d = %+v, want line %d with %q", i, d.Warnings[i], w.line, w.text)
		}
	}
	// The same waiver before its expiry date waives the failure.
	_, out, _ = runCmd(t, "", "check", "-f", "json", "--today", "2026-01-31", "--waivers", "cmd/termlint/testdata/waivers.yaml", "fixtures/contracts/serso.yaml")
	if v, _ := verdictOf(decodeJSON(t, out), "fixtures/contracts/serso.yaml", "liability/excluded-damage"); v != "waived" {
		t.Errorf("on its last day the waiver must still apply, verdict %s", v)
	}
}

// TestWaiverPolicy replays the attack of issue 9 through check: a pull request adds a waiver with
// an approver of its own choosing or an expiry of 9999-12-31. With waiver_policy in the config,
// both are input errors at the offending line (exit 2) and nothing is waived.
func TestWaiverPolicy(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "termlint.yaml")
	if err := os.WriteFile(cfg, []byte("waiver_policy:\n  approvers: [\"Legal team\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waiver := func(approver, expires string) string {
		return "waivers:\n  - rule: gdpr/processor-agreement\n    contract: fixtures/contracts/serso.yaml\n    reason: r\n" +
			"    approved_by: " + approver + "\n    expires: " + expires + "\n"
	}
	for _, tc := range []struct {
		name, body string
		code       int
		// want is the input error, file:line:col: message start; empty when the waiver applies.
		want string
	}{
		{"listed approver, case and spaces aside", waiver("\" legal  TEAM\"", "2027-12-03"), exitFail, ""},
		{"unlisted approver", waiver("Mallory", "2027-01-01"), exitFailure, "w.yaml:5:18: waivers.0.approved_by: \"Mallory\" is not in the waiver policy's approvers"},
		{"expiry beyond the horizon", waiver("Legal team", "9999-12-31"), exitFailure, "w.yaml:6:14: waivers.0.expires: expires 9999-12-31 is more than 12 months after 2026-12-03; the waiver policy allows at most 12 months"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "w.yaml")
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			code, out, errs := runCmd(t, "", "check", "-f", "json", "--config", cfg, "--today", "2026-12-03", "--waivers", p, "fixtures/contracts/serso.yaml", "fixtures/contracts/vooruit.yaml")
			if code != tc.code {
				t.Fatalf("exit %d, want %d: %s", code, tc.code, errs)
			}
			d := decodeJSON(t, out)
			// The waiver names serso only: the same failure elsewhere stands.
			if v, _ := verdictOf(d, "fixtures/contracts/vooruit.yaml", "gdpr/processor-agreement"); v != "fail" {
				t.Errorf("vooruit: verdict %s, want fail", v)
			}
			v, _ := verdictOf(d, "fixtures/contracts/serso.yaml", "gdpr/processor-agreement")
			if tc.want == "" {
				if v != "waived" || len(d.InputErrors) != 0 {
					t.Errorf("verdict %s, input errors %+v; want waived", v, d.InputErrors)
				}
				return
			}
			if v != "fail" || len(d.InputErrors) != 1 {
				t.Fatalf("verdict %s, input errors %+v; want fail and one error", v, d.InputErrors)
			}
			e := d.InputErrors[0]
			if got := filepath.Base(e.File) + ":" + itoa(e.Line) + ":" + itoa(e.Column) + ": " + e.Message; !strings.HasPrefix(got, tc.want) {
				t.Errorf("input error\n got %s\nwant %s...", got, tc.want)
			}
		})
	}
}

func TestMalformedWaivers(t *testing.T) {
	code, out, _ := runCmd(t, "", "check", "-f", "json", "--waivers", "cmd/termlint/testdata/waivers-bad.yaml", "fixtures/contracts/serso.yaml")
	if code != 2 {
		t.Fatalf("exit %d, want 2 (input error)", code)
	}
	d := decodeJSON(t, out)
	var msgs []string
	for _, e := range d.InputErrors {
		msgs = append(msgs, e.File+":"+itoa(e.Line)+":"+itoa(e.Column)+": "+e.Message)
	}
	joined := strings.Join(msgs, "\n")
	if !strings.Contains(joined, `waivers-bad.yaml:2:5: missing required key "reason" in waivers.0`) {
		t.Errorf("missing reason not reported at its line:\n%s", joined)
	}
	if !strings.Contains(joined, `waivers-bad.yaml:10:14: waivers.1.expires: "2026-02-30" is not a date`) && !strings.Contains(joined, "reason") {
		t.Errorf("input errors:\n%s", joined)
	}
}

func TestInvalidWaiverDate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "w.yaml")
	body := "waivers:\n  - rule: a/b\n    contract: x\n    reason: r\n    approved_by: me\n    expires: 2026-02-30\n"
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCmd(t, "", "check", "--waivers", p, "fixtures/contracts/serso.yaml")
	if code != 2 || !strings.Contains(out, "w.yaml:6:14: input-error waivers.0.expires: \"2026-02-30\" is not a date") {
		t.Errorf("exit %d, output:\n%.600s", code, out)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	_, out, _ := runCmd(t, "", "check", "-f", "json", "--fail-on", "never", "fixtures/contracts/serso.yaml")
	if err := os.WriteFile(base, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	// Same contract, same failures: nothing new, exit 0.
	code, out, _ := runCmd(t, "", "check", "-f", "json", "--baseline", base, "fixtures/contracts/serso.yaml")
	d := decodeJSON(t, out)
	if code != 0 || d.Baseline == nil || d.Baseline.New != 0 {
		t.Fatalf("unchanged: exit %d baseline %+v", code, d.Baseline)
	}
	// A waiver makes one failure disappear from the failures: reported as fixed.
	code, out, _ = runCmd(t, "", "check", "-f", "json", "--today", "2026-11-21", "--baseline", base, "--waivers", "cmd/termlint/testdata/waivers.yaml", "fixtures/contracts/serso.yaml")
	d = decodeJSON(t, out)
	if code != 0 || d.Baseline.New != 0 {
		t.Fatalf("waived: exit %d baseline %+v", code, d.Baseline)
	}
	// Another contract's failures are all new: exit 1.
	code, out, _ = runCmd(t, "", "check", "-f", "json", "--baseline", base, "fixtures/contracts/serso.yaml", "fixtures/contracts/laspect.yaml")
	d = decodeJSON(t, out)
	if code != 1 || d.Baseline.New == 0 {
		t.Fatalf("new contract: exit %d baseline %+v", code, d.Baseline)
	}
	for _, c := range d.Contracts {
		for _, r := range c.Results {
			if c.Contract == "fixtures/contracts/serso.yaml" && r.Failing {
				t.Errorf("old failure %s counts toward the exit code", r.Rule)
			}
		}
	}
}

func TestBaselineFixed(t *testing.T) {
	dir := t.TempDir()
	base := filepath.Join(dir, "base.json")
	// A baseline in which serso also failed a rule that passes today.
	_, out, _ := runCmd(t, "", "check", "-f", "json", "--fail-on", "never", "fixtures/contracts/serso.yaml")
	out = strings.Replace(out, `"rule": "term/auto-renewal",
          "severity": "warning",
          "verdict": "pass"`, `"rule": "term/auto-renewal",
          "severity": "warning",
          "verdict": "fail"`, 1)
	if err := os.WriteFile(base, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	_, out, _ = runCmd(t, "", "check", "-f", "json", "--baseline", base, "fixtures/contracts/serso.yaml")
	d := decodeJSON(t, out)
	if len(d.Baseline.Fixed) != 1 || d.Baseline.Fixed[0].Rule != "term/auto-renewal" {
		t.Fatalf("fixed = %+v", d.Baseline.Fixed)
	}
}

func TestConfigAndReports(t *testing.T) {
	dir := t.TempDir()
	cfg := "fail_on: never\nreports:\n  - sarif=out/t.sarif\n  - junit=out/t.xml\n  - markdown=out/s.md\n"
	if err := os.WriteFile(filepath.Join(dir, ".termlint.yaml"), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("fixtures/contracts/serso.yaml")
	data, _ := os.ReadFile(abs)
	// The contract sits in the config's directory, its source beside it (a source must lie in
	// the contract's directory when that is in no repository).
	contractBody := strings.Replace(string(data), "source: ../sources/serso.txt", "source: serso.txt", 1)
	if err := os.WriteFile(filepath.Join(dir, "serso.yaml"), []byte(contractBody), 0o644); err != nil {
		t.Fatal(err)
	}
	srcText, _ := os.ReadFile("fixtures/sources/serso.txt")
	if err := os.WriteFile(filepath.Join(dir, "serso.txt"), srcText, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "", "check", filepath.Join(dir, "serso.yaml"))
	if code != 0 {
		t.Fatalf("fail_on: never from the config was not applied: exit %d %s", code, errs)
	}
	for _, f := range []string{"out/t.sarif", "out/t.xml", "out/s.md"} {
		if st, err := os.Stat(filepath.Join(dir, f)); err != nil || st.Size() == 0 {
			t.Errorf("report %s not written: %v", f, err)
		}
	}
	// A flag wins over the config.
	code, _, _ = runCmd(t, "", "check", "--fail-on", "error", filepath.Join(dir, "serso.yaml"))
	if code != 1 {
		t.Errorf("--fail-on error did not override the config: exit %d", code)
	}
	code, _, _ = runCmd(t, "", "check", "--no-config", filepath.Join(dir, "serso.yaml"))
	if code != 1 {
		t.Errorf("--no-config still read the config: exit %d", code)
	}
}

func TestGitHubFormatWritesSummary(t *testing.T) {
	summary := filepath.Join(t.TempDir(), "summary.md")
	var outb, errb strings.Builder
	e := &env{stdin: strings.NewReader(""), stdout: &outb, stderr: &errb, getenv: func(k string) string {
		if k == "GITHUB_STEP_SUMMARY" {
			return summary
		}
		return ""
	}}
	code := run(e, []string{"check", "-f", "github", "fixtures/contracts/serso.yaml"})
	if code != 1 {
		t.Fatalf("exit %d: %s", code, errb.String())
	}
	if !strings.HasPrefix(outb.String(), "::error file=fixtures/contracts/serso.yaml,line=") {
		t.Errorf("annotations: %.300s", outb.String())
	}
	b, err := os.ReadFile(summary)
	if err != nil || !strings.Contains(string(b), "| gdpr/processor-agreement |") {
		t.Errorf("job summary: %v %.300s", err, b)
	}
}
