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
