package config

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestDiscover(t *testing.T) {
	repo := t.TempDir()
	writeFile(t, filepath.Join(repo, ".git", "HEAD"), "ref: refs/heads/main\n")
	writeFile(t, filepath.Join(repo, "contracts", "a.yaml"), "")
	sub := filepath.Join(repo, "contracts")

	// No config anywhere in the repository: none, even if one lies above it.
	if p, err := Discover(sub, false); err != nil || p != "" {
		t.Fatalf("Discover without config = %q, %v; want none", p, err)
	}
	writeFile(t, filepath.Join(repo, FileName), "fail_on: error\n")
	if p, err := Discover(filepath.Join(sub, "a.yaml"), false); err != nil || p != filepath.Join(repo, FileName) {
		t.Fatalf("Discover = %q, %v; want the root config", p, err)
	}
	// A nested config would loosen the checks of the contracts beside it: refused by default.
	writeFile(t, filepath.Join(sub, FileName), "fail_on: never\n")
	_, err := Discover(sub, false)
	if err == nil || !strings.Contains(err.Error(), "contracts/.termlint.yaml: a config below the repository root is not read") {
		t.Fatalf("Discover with a nested config = %v; want it refused, named relative to the root", err)
	}
	// Asked for, the nearest wins.
	if p, err := Discover(sub, true); err != nil || p != filepath.Join(sub, FileName) {
		t.Fatalf("Discover(allowNested) = %q, %v; want the nested config", p, err)
	}
	// Outside a repository the nearest file walking up is read, as before.
	plain := t.TempDir()
	writeFile(t, filepath.Join(plain, FileName), "fail_on: error\n")
	if p, err := Discover(filepath.Join(plain, "x", "y"), false); err != nil || p != filepath.Join(plain, FileName) {
		t.Fatalf("Discover outside a repository = %q, %v", p, err)
	}
}

func TestConfine(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	writeFile(t, filepath.Join(root, "policies", "x.rego"), "package x")
	writeFile(t, filepath.Join(base, "secret.yaml"), "token: s3cr3t")
	if err := os.Symlink(filepath.Join(base, "secret.yaml"), filepath.Join(root, "params.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(base, filepath.Join(root, "out")); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, config, wantErr string
	}{
		{"inside", "policies: [policies]\nreports: [sarif=build/termlint.sarif]\nwaivers: waivers.yaml\n", ""},
		{"params up", "params: [../secret.yaml]\n", "params: ../secret.yaml does not lead to a file inside the root"},
		{"params absolute", "params: [" + filepath.Join(base, "secret.yaml") + "]\n", "does not lead to a file inside the root"},
		{"params link out", "params: [params.yaml]\n", "params: params.yaml does not lead"},
		{"baseline in git", "baseline: .git/config\n", "baseline: .git/config is inside a .git directory"},
		{"report up", "reports: [sarif=../termlint.sarif]\n", "reports: ../termlint.sarif does not lead"},
		{"report absolute", "reports: [sarif=/tmp/termlint.sarif]\n", "termlint.sarif does not lead to a file inside the root"},
		{"report through a link", "reports: [sarif=out/termlint.sarif]\n", "reports: out/termlint.sarif does not lead"},
		{"report is a link", "reports: [sarif=params.yaml]\n", "reports: params.yaml does not lead"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := filepath.Join(root, FileName)
			writeFile(t, p, tt.config)
			c, err := Load(p)
			if err != nil {
				t.Fatal(err)
			}
			err = c.Confine(root, root)
			switch {
			case tt.wantErr == "" && err != nil:
				t.Fatalf("Confine = %v; want nil", err)
			case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
				t.Fatalf("Confine = %v; want %q", err, tt.wantErr)
			case err != nil && strings.Contains(err.Error(), "s3cr3t"):
				t.Fatalf("the message shows the target's content: %v", err)
			}
		})
	}
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-C", dir, "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}

func TestExportRefAndChanged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	repo := t.TempDir()
	git(t, repo, "init", "-q", "-b", "main")
	writeFile(t, filepath.Join(repo, FileName), "policies: [policies]\nwaivers: waivers.yaml\n")
	writeFile(t, filepath.Join(repo, "policies", "a.rego"), "package a\n")
	writeFile(t, filepath.Join(repo, "waivers.yaml"), "waivers: []\n")
	writeFile(t, filepath.Join(repo, "contracts", "c.yaml"), "x: 1\n")
	if err := os.Symlink("/etc/passwd", filepath.Join(repo, "policies", "link.rego")); err != nil {
		t.Fatal(err)
	}
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "base")
	// The pull request loosens the config, edits a policy and adds one.
	git(t, repo, "checkout", "-q", "-b", "pr")
	writeFile(t, filepath.Join(repo, FileName), "policies: [policies]\nno_default: true\n")
	writeFile(t, filepath.Join(repo, "policies", "a.rego"), "package a\n# loosened\n")
	writeFile(t, filepath.Join(repo, "policies", "b.rego"), "package b\n")
	git(t, repo, "add", "-A")
	git(t, repo, "commit", "-q", "-m", "pr")

	dst := t.TempDir()
	commit, err := ExportRef(context.Background(), repo, "main", dst, []string{FileName, "policies", "waivers.yaml", "absent.yaml"}, RefLimits{})
	if err != nil {
		t.Fatal(err)
	}
	if want := git(t, repo, "rev-parse", "main"); commit != want {
		t.Errorf("commit = %s; want main's %s", commit, want)
	}
	got, err := os.ReadFile(filepath.Join(dst, FileName))
	if err != nil || string(got) != "policies: [policies]\nwaivers: waivers.yaml\n" {
		t.Fatalf("exported config = %q, %v; want main's", got, err)
	}
	if _, err := os.Stat(filepath.Join(dst, "policies", "b.rego")); err == nil {
		t.Error("the pull request's new policy was exported from main")
	}
	if _, err := os.Lstat(filepath.Join(dst, "policies", "link.rego")); err == nil {
		t.Error("a symbolic link was exported")
	}
	if _, err := os.Stat(filepath.Join(dst, "contracts")); err == nil {
		t.Error("paths not asked for were exported")
	}

	changed := Changed(dst, repo, []string{FileName, "policies", "waivers.yaml"})
	want := []string{".termlint.yaml", "policies/a.rego", "policies/b.rego", "policies/link.rego"}
	if !slices.Equal(changed, want) {
		t.Errorf("Changed = %v; want %v", changed, want)
	}

	for _, bad := range []string{"--upload-pack=evil", "no-such-branch", ""} {
		if _, err := ExportRef(context.Background(), repo, bad, t.TempDir(), nil, RefLimits{}); err == nil {
			t.Errorf("ExportRef(%q) succeeded", bad)
		}
	}
	lim := DefaultRefLimits()
	lim.MaxFileBytes = 4
	if _, err := ExportRef(context.Background(), repo, "main", t.TempDir(), nil, lim); err == nil || !strings.Contains(err.Error(), "larger than the limit of 4 bytes") {
		t.Errorf("ExportRef past the file limit = %v", err)
	} else if errors.Is(err, os.ErrNotExist) {
		t.Errorf("unexpected error kind: %v", err)
	}
}

// TestChangedBounded: a pull request that fills a trusted directory with files gets that
// directory reported once, not every file compared and listed.
func TestChangedBounded(t *testing.T) {
	trusted, work := t.TempDir(), t.TempDir()
	writeFile(t, filepath.Join(trusted, "policies", "a.rego"), "package a\n")
	writeFile(t, filepath.Join(work, "policies", "a.rego"), "package a\n")
	for i := range maxCompareFiles {
		if err := os.WriteFile(filepath.Join(work, "policies", "x"+strconv.Itoa(i)+".rego"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if got := Changed(trusted, work, []string{"policies"}); !slices.Equal(got, []string{"policies"}) {
		t.Errorf("Changed = %d entries (first %v); want the directory alone", len(got), got[:min(len(got), 3)])
	}
}
