package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestCheckChangedAndCategory runs check as the action does, with the changed files and a SARIF
// category: serso sorts before vooruit, so without --changed serso's errors come first; with
// vooruit named as changed, its errors lead the annotations.
func TestCheckChangedAndCategory(t *testing.T) {
	dir := t.TempDir()
	changed := filepath.Join(dir, "changed.txt")
	if err := os.WriteFile(changed, []byte("./fixtures/contracts/vooruit.yaml\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	sarif := filepath.Join(dir, "out.sarif")
	firstError := regexp.MustCompile(`(?m)^::error file=([^,]*),`)
	contracts := []string{"fixtures/contracts/serso.yaml", "fixtures/contracts/vooruit.yaml"}

	_, out, errOut := runCmd(t, "", append([]string{"check", "--no-config", "-f", "github"}, contracts...)...)
	if m := firstError.FindStringSubmatch(out); m == nil || m[1] != "fixtures/contracts/serso.yaml" {
		t.Fatalf("without --changed the first error should be serso's: %q\n%s%s", m, out, errOut)
	}
	args := append([]string{"check", "--no-config", "-f", "github", "--changed", changed, "--sarif-category", "contracts", "--report", "sarif=" + sarif}, contracts...)
	_, out, errOut = runCmd(t, "", args...)
	if m := firstError.FindStringSubmatch(out); m == nil || m[1] != "fixtures/contracts/vooruit.yaml" {
		t.Errorf("with vooruit changed its errors should come first: %q\n%s%s", m, out, errOut)
	}
	data, err := os.ReadFile(sarif)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Runs []struct {
			AutomationDetails struct{ ID string } `json:"automationDetails"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(data, &doc); err != nil || len(doc.Runs) != 1 || doc.Runs[0].AutomationDetails.ID != "contracts/" {
		t.Errorf("automationDetails %+v (%v)", doc.Runs, err)
	}

	code, _, errOut := runCmd(t, "", "check", "--no-config", "--changed", filepath.Join(dir, "missing.txt"), contracts[0])
	if code != 2 || !strings.Contains(errOut, "reading list of changed files") {
		t.Errorf("a missing --changed file: exit %d, %q", code, errOut)
	}
}

func TestChangedOnly(t *testing.T) {
	list := filepath.Join(t.TempDir(), "changed.txt")
	if err := os.WriteFile(list, []byte("fixtures/contracts/serso.yaml\nfixtures/sources/serso.txt\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "check", "-f", "json", "--no-config", "--changed", list, "--changed-only", "fixtures/contracts")
	if code != 1 {
		t.Fatalf("exit %d %s", code, errs)
	}
	d := decodeJSON(t, out)
	if len(d.Contracts) != 1 || d.Contracts[0].Contract != "fixtures/contracts/serso.yaml" {
		t.Errorf("checked %d contracts; want serso's alone", len(d.Contracts))
	}
	if code, _, errs := runCmd(t, "", "check", "--no-config", "--changed-only", "fixtures/contracts"); code != 2 || !strings.Contains(errs, "--changed-only needs --changed") {
		t.Errorf("without --changed: exit %d %s", code, errs)
	}
}
