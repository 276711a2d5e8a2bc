package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	sub := filepath.Join(root, "contracts", "2026")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	cfg := "policies: [policies]\nparams: [p.yaml]\nfail_on: warning\nwaivers: waivers.yaml\nreports: [sarif=out/termlint.sarif]\n"
	if err := os.WriteFile(filepath.Join(root, FileName), []byte(cfg), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := Discover(sub, false)
	if err != nil || p != filepath.Join(root, FileName) {
		t.Fatalf("Discover = %q, %v", p, err)
	}
	c, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	if c.FailOn != "warning" || c.Policies[0] != filepath.Join(root, "policies") || c.Waivers != filepath.Join(root, "waivers.yaml") {
		t.Errorf("config = %+v", c)
	}
	if c.Reports[0] != "sarif="+filepath.Join(root, "out/termlint.sarif") {
		t.Errorf("report path not made relative to the config: %q", c.Reports[0])
	}
}

func TestUnknownKey(t *testing.T) {
	p := filepath.Join(t.TempDir(), FileName)
	if err := os.WriteFile(p, []byte("fail_on: error\nfailon: never\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load(p)
	if err == nil || !strings.Contains(err.Error(), ":2:1:") || !strings.Contains(err.Error(), "failon") {
		t.Fatalf("want an error at line 2 naming failon, got %v", err)
	}
}

func TestWaiverPolicy(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       WaiverPolicy
		err        string
	}{
		{"absent: no allow-list, 12 months", "fail_on: error\n", WaiverPolicy{MaxMonths: 12}, ""},
		{"empty section: the defaults", "waiver_policy:\n", WaiverPolicy{MaxMonths: 12}, ""},
		{"approvers only", "waiver_policy:\n  approvers: [\"jane.doe@buyer.example\", Legal team]\n", WaiverPolicy{Approvers: []string{"jane.doe@buyer.example", "Legal team"}, MaxMonths: 12}, ""},
		{"both", "waiver_policy:\n  approvers: [a]\n  max_months: 60\n", WaiverPolicy{Approvers: []string{"a"}, MaxMonths: 60}, ""},
		{"horizon too long", "waiver_policy:\n  max_months: 61\n", WaiverPolicy{}, "waiver_policy.max_months: 61: expected a number of months from 1 to 60"},
		// An explicit 0 is not the default: it would read as "no waivers" and mean 12 months.
		{"horizon zero", "waiver_policy:\n  max_months: 0\n", WaiverPolicy{}, "waiver_policy.max_months: 0:"},
		{"horizon negative", "waiver_policy:\n  max_months: -3\n", WaiverPolicy{}, "waiver_policy.max_months: -3:"},
		{"blank approver", "waiver_policy:\n  approvers: [a, \"  \"]\n", WaiverPolicy{}, "waiver_policy.approvers[1]: blank"},
		{"empty allow-list", "waiver_policy:\n  approvers: []\n", WaiverPolicy{}, "waiver_policy.approvers: empty"},
		{"unknown key", "waiver_policy:\n  approver: [a]\n", WaiverPolicy{}, ":2:1: field approver not found"},
		{"not a list", "waiver_policy:\n  approvers: a\n", WaiverPolicy{}, ":2:1: cannot unmarshal"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), FileName)
			if err := os.WriteFile(p, []byte(tc.body), 0o644); err != nil {
				t.Fatal(err)
			}
			c, err := Load(p)
			if tc.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), p) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("err = %v, want %s: ...%s...", err, p, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := c.WaiverPolicy
			if got.MaxMonths != tc.want.MaxMonths || strings.Join(got.Approvers, "|") != strings.Join(tc.want.Approvers, "|") {
				t.Errorf("policy = %+v, want %+v", got, tc.want)
			}
		})
	}
}
