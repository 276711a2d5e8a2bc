package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitRepo runs git in dir with a fixed identity, for tests that replay a pull request.
func gitRepo(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func put(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

// prRepo makes a repository whose main branch holds serso's contract and source with the given
// root config ("" for none), and checks out a branch pr for the test to change.
func prRepo(t *testing.T, baseConfig string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	contractBody, err := os.ReadFile("fixtures/contracts/serso.yaml")
	if err != nil {
		t.Fatal(err)
	}
	source, err := os.ReadFile("fixtures/sources/serso.txt")
	if err != nil {
		t.Fatal(err)
	}
	repo := t.TempDir()
	gitRepo(t, repo, "init", "-q", "-b", "main")
	put(t, filepath.Join(repo, "contracts", "serso.yaml"), string(contractBody))
	put(t, filepath.Join(repo, "sources", "serso.txt"), string(source))
	if baseConfig != "" {
		put(t, filepath.Join(repo, ".termlint.yaml"), baseConfig)
	}
	gitRepo(t, repo, "add", "-A")
	gitRepo(t, repo, "commit", "-q", "-m", "base")
	gitRepo(t, repo, "checkout", "-q", "-b", "pr")
	return repo
}

func commitAll(t *testing.T, repo string) {
	t.Helper()
	gitRepo(t, repo, "add", "-A")
	gitRepo(t, repo, "commit", "-q", "-m", "pull request")
}

// TestGateConfigFromPullRequest replays attack 1 of issue 9: a pull request that adds or loosens
// .termlint.yaml to turn a failing gate green.
func TestGateConfigFromPullRequest(t *testing.T) {
	repo := prRepo(t, "fail_on: error\n")
	// The pull request loosens the root config and adds a nested one beside the contracts.
	put(t, filepath.Join(repo, ".termlint.yaml"), "fail_on: never\nno_quotes: true\n")
	put(t, filepath.Join(repo, "contracts", ".termlint.yaml"), "fail_on: never\n")
	commitAll(t, repo)
	t.Chdir(repo)

	// Without a trusted tree, the nested config is refused rather than read.
	code, _, errs := runCmd(t, "", "check", "contracts")
	if code != 2 || !strings.Contains(errs, "contracts/.termlint.yaml: a config below the repository root is not read") {
		t.Fatalf("nested config: exit %d, stderr %s; want 2 and the refusal", code, errs)
	}
	// Asked for, it is read: the attack as it was.
	if code, _, errs := runCmd(t, "", "check", "--nested-config", "contracts/serso.yaml"); code != 0 {
		t.Fatalf("--nested-config: exit %d %s; want 0, the nested fail_on: never", code, errs)
	}
	// From the base branch, the pull request's configs have no effect, and the changed file is
	// named for the reviewer.
	for _, args := range [][]string{
		{"check", "-f", "json", "--config-from-ref", "main", "contracts"},
		{"check", "-f", "json", "--trusted-dir", worktree(t, repo, "main"), "contracts"},
	} {
		code, out, errs := runCmd(t, "", args...)
		if code != 1 {
			t.Fatalf("%v: exit %d %s; want 1, the base config's fail_on: error", args, code, errs)
		}
		d := decodeJSON(t, out)
		found := false
		for _, w := range d.Warnings {
			if strings.Contains(w.Message, "this change to a trusted input was not used") {
				found = true
			}
		}
		if !found {
			t.Errorf("%v: no warning that .termlint.yaml changed: %+v", args, d.Warnings)
		}
	}
}

// TestGateConfigAddedByPullRequest: a base branch without config keeps running without one.
func TestGateConfigAddedByPullRequest(t *testing.T) {
	repo := prRepo(t, "")
	put(t, filepath.Join(repo, ".termlint.yaml"), "fail_on: never\n")
	commitAll(t, repo)
	t.Chdir(repo)
	code, out, errs := runCmd(t, "", "check", "-f", "json", "--config-from-ref", "main", "contracts")
	if code != 1 {
		t.Fatalf("exit %d %s; want 1", code, errs)
	}
	if !strings.Contains(out, `"file": ".termlint.yaml"`) {
		t.Errorf("the added config is not named in the warnings:\n%.2000s", out)
	}
}

// TestGateConfigPathsConfined: a trusted config cannot name files outside its tree, and reports
// stay in the repository.
func TestGateConfigPathsConfined(t *testing.T) {
	repo := prRepo(t, "fail_on: error\n")
	t.Chdir(repo)
	for _, cfg := range []string{
		"params: [/proc/self/environ]\n",
		"params: [../../etc/passwd]\n",
		"reports: [sarif=/tmp/termlint-escape.sarif]\n",
		"reports: [sarif=../escape.sarif]\n",
		"waivers: .git/config\n",
	} {
		put(t, filepath.Join(repo, ".termlint.yaml"), cfg)
		code, out, errs := runCmd(t, "", "check", "contracts")
		if code != 2 || !strings.Contains(errs, "paths in the config must stay inside") && !strings.Contains(errs, "inside a .git directory") {
			t.Errorf("config %q: exit %d, stderr %s; want 2 and a confinement error", cfg, code, errs)
		}
		if strings.Contains(out+errs, "PATH=") || strings.Contains(out+errs, "root:x:") {
			t.Errorf("config %q: output shows the target's content", cfg)
		}
	}
	if _, err := os.Stat("/tmp/termlint-escape.sarif"); err == nil {
		t.Error("a report was written outside the repository")
	}
}

func worktree(t *testing.T, repo, ref string) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "trusted")
	gitRepo(t, repo, "worktree", "add", "-q", "--detach", dir, ref)
	return dir
}

// TestReportsAtomic: a report that cannot be written leaves the previous one whole, and a link
// at a report's path is replaced, not written through.
func TestReportsAtomic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "elsewhere.txt")
	put(t, target, "keep me")
	link := filepath.Join(dir, "report.sarif")
	if err := os.Symlink(target, link); err != nil {
		t.Fatal(err)
	}
	code, _, errs := runCmd(t, "", "check", "--no-config", "--fail-on", "never", "--report", "sarif="+link, "fixtures/contracts/serso.yaml")
	if code != 0 {
		t.Fatalf("exit %d %s", code, errs)
	}
	if b, _ := os.ReadFile(target); string(b) != "keep me" {
		t.Errorf("the report was written through the link into %s", target)
	}
	if info, err := os.Lstat(link); err != nil || !info.Mode().IsRegular() {
		t.Errorf("the report is not a regular file at its path: %v", err)
	}
	// A directory in the way: the write fails, and no temporary file is left behind.
	blocked := filepath.Join(dir, "out")
	put(t, filepath.Join(blocked, "x.sarif", "placeholder"), "")
	code, _, errs = runCmd(t, "", "check", "--no-config", "--fail-on", "never", "--report", "sarif="+filepath.Join(blocked, "x.sarif"), "fixtures/contracts/serso.yaml")
	if code != 2 || !strings.Contains(errs, "x.sarif") {
		t.Errorf("exit %d, stderr %s; want 2 naming the report", code, errs)
	}
	entries, _ := os.ReadDir(blocked)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

// TestGateWaiverFromPullRequest replays the waiver half of attack 1: a pull request adds a
// waiver for a failing rule, approved by nobody the buyer named, valid until 9999.
func TestGateWaiverFromPullRequest(t *testing.T) {
	repo := prRepo(t, "fail_on: error\nwaivers: waivers.yaml\nwaiver_policy:\n  approvers: [J. Janssens, legal]\n")
	put(t, filepath.Join(repo, "waivers.yaml"), "waivers: []\n")
	gitRepo(t, repo, "checkout", "-q", "main")
	commitAll(t, repo)
	gitRepo(t, repo, "checkout", "-q", "pr")
	gitRepo(t, repo, "merge", "-q", "main")
	waiver := "waivers:\n  - rule: gdpr/processor-agreement\n    contract: contracts/serso.yaml\n    reason: fine\n    approved_by: the author\n    expires: 9999-12-31\n"
	put(t, filepath.Join(repo, "waivers.yaml"), waiver)
	commitAll(t, repo)
	t.Chdir(repo)

	// Read from the pull request, the waiver is refused at its line: the gate fails with an
	// input error instead of passing.
	code, out, errs := runCmd(t, "", "check", "contracts")
	if code != 2 || !strings.Contains(out, "waivers.yaml:5:") {
		t.Fatalf("waiver from the pull request: exit %d, want 2 and an error at the approver's line\n%s%s", code, out, errs)
	}
	// Read from the base branch, the waiver does not exist yet: the failure stands and the
	// change is named for the reviewer.
	code, out, errs = runCmd(t, "", "check", "-f", "json", "--config-from-ref", "main", "contracts")
	if code != 1 {
		t.Fatalf("--config-from-ref: exit %d %s; want 1", code, errs)
	}
	d := decodeJSON(t, out)
	if v, _ := verdictOf(d, "contracts/serso.yaml", "gdpr/processor-agreement"); v != "fail" {
		t.Errorf("gdpr/processor-agreement = %s; want fail, the pull request's waiver unused", v)
	}
	if !strings.Contains(out, `"file": "waivers.yaml"`) {
		t.Errorf("the changed waivers file is not named in the warnings")
	}
}

// TestStderrCannotCommandTheRunner: messages on standard error quote file names and policy text a
// pull request chose; none of their lines may read as a workflow command.
func TestStderrCannotCommandTheRunner(t *testing.T) {
	dir := t.TempDir()
	put(t, filepath.Join(dir, "a\n::error::INJECTED\n.rego"), "package x\n\nbroken(\n")
	code, _, errs := runCmd(t, "", "check", "--no-config", "-p", dir, "fixtures/contracts/serso.yaml")
	if code != 2 || !strings.Contains(errs, "INJECTED") {
		t.Fatalf("exit %d, stderr %q; want 2 naming the file", code, errs)
	}
	for _, line := range strings.Split(errs, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "::") {
			t.Errorf("stderr line reads as a workflow command: %q", line)
		}
	}
}

// TestTrustedRunsAreDeterministic: policies exported from a ref to a temporary directory are
// named by their path in the repository, so two runs give the same bytes.
func TestTrustedRunsAreDeterministic(t *testing.T) {
	repo := prRepo(t, "policies: [policies]\n")
	gitRepo(t, repo, "checkout", "-q", "main")
	src, err := os.ReadFile("examples/policies/acme/cap_floor.rego")
	if err != nil {
		t.Fatal(err)
	}
	put(t, filepath.Join(repo, "policies", "acme", "cap_floor.rego"), string(src))
	commitAll(t, repo)
	t.Chdir(repo)
	_, first, errs := runCmd(t, "", "check", "-f", "json", "--fail-on", "never", "--config-from-ref", "main", "contracts")
	_, second, _ := runCmd(t, "", "check", "-f", "json", "--fail-on", "never", "--config-from-ref", "main", "contracts")
	if first != second {
		t.Errorf("two runs differ")
	}
	if strings.Contains(first, "termlint-trusted-") || !strings.Contains(first, `"file": "policies/acme/cap_floor.rego"`) {
		t.Errorf("the custom rule is not named by its path in the repository (stderr %s)", errs)
	}
}

// TestHelpOnce: every command's --help prints its usage once, on standard output.
func TestHelpOnce(t *testing.T) {
	for _, c := range commands() {
		code, out, _ := runCmd(t, "", c.name, "--help")
		if code != 0 || strings.Count(out, "Usage: termlint "+c.name) != 1 {
			t.Errorf("%s --help: exit %d, usage printed %d times", c.name, code, strings.Count(out, "Usage: termlint "+c.name))
		}
	}
}
