package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// secret is in every file outside the repository a hostile contract points at; it must never
// show in any output.
const secret = "TOKEN=hunter2"

func copyFiles(t *testing.T, from, to string) {
	t.Helper()
	entries, err := os.ReadDir(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(to, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() {
			copyFiles(t, filepath.Join(from, e.Name()), filepath.Join(to, e.Name()))
			continue
		}
		data, err := os.ReadFile(filepath.Join(from, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(to, e.Name()), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeTestFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func hostileContract(source string) string {
	return "schema_version: \"1\"\ndocument: {source: \"" + source + "\", language: nl}\nvendor: {name: Evil BV, country: BE}\n" +
		"governing_law: {value: BE, src: {art: \"1\", quote: \"" + secret + "\"}}\n"
}

// hostileRepo builds a repository holding the good fixtures, fixtures/hostile, and the hostile
// cases git cannot carry (links, FIFOs), with secret files beside the repository. It returns the
// repository and, per hostile file, what its one message must hold.
func hostileRepo(t *testing.T) (repo string, want map[string]string) {
	t.Helper()
	base := t.TempDir()
	repo = filepath.Join(base, "repo")
	writeTestFile(t, filepath.Join(repo, ".git", "config"), "[http] extraheader = "+secret+"\n")
	writeTestFile(t, filepath.Join(base, "secret.txt"), secret+"\n")
	for _, d := range []string{"contracts", "sources", "hostile"} {
		copyFiles(t, filepath.Join("fixtures", d), filepath.Join(repo, "fixtures", d))
	}
	hostile := filepath.Join(repo, "fixtures", "hostile")
	for _, f := range []string{"README.md"} {
		_ = os.Remove(filepath.Join(hostile, f))
	}
	outside := "is not a file inside the source root"
	want = map[string]string{
		"source-parent.yaml":           "4:20: document.source: source text \"../../../../../../../../../../../../../../../../etc/passwd\" " + outside,
		"source-absolute.yaml":         "4:20: document.source: source text \"/etc/passwd\" " + outside,
		"source-absolute-missing.yaml": "4:20: document.source: source text \"/etc/termlint-no-such-file\" " + outside,
		"source-proc-environ.yaml":     "4:20: document.source: source text \"/proc/self/environ\" " + outside,
		"source-git-config.yaml":       "4:20: document.source: source text \"../../.git/config\" " + outside,
		"alias-documents.yaml":         "file expands to more than 200000 values (aliases included, all its documents together)",
	}
	link := func(target, name string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(hostile, name)); err != nil {
			t.Skipf("symlinks: %v", err)
		}
	}
	// Sources that are links out of the repository, to a file that exists and to one that
	// does not; a link that leads nowhere; absolute paths beside the repository.
	link(filepath.Join(base, "secret.txt"), "out.txt")
	link(filepath.Join(base, "no-such.txt"), "out-missing.txt")
	link("no-such.txt", "dangling.txt")
	cases := map[string]string{
		"link-out.yaml":         "out.txt",
		"link-out-missing.yaml": "out-missing.txt",
		"link-dangling.yaml":    "dangling.txt",
		"abs-existing.yaml":     filepath.Join(base, "secret.txt"),
		"abs-missing.yaml":      filepath.Join(base, "no-such.txt"),
	}
	for name, source := range cases {
		writeTestFile(t, filepath.Join(hostile, name), hostileContract(source))
		want[name] = "2:20: document.source: source text \"" + source + "\" " + outside
	}
	// Contract files a directory search meets as links: each its own input error.
	linkMsg := "a symbolic link: a directory search does not follow links"
	link(filepath.Join(base, "secret.txt"), "contract-out.yaml")
	link("no-such.yaml", "contract-dangling.yaml")
	link("contract-loop.yaml", "contract-loop.yaml")
	link("../contracts", "contract-dir.yaml")
	for _, name := range []string{"contract-out.yaml", "contract-dangling.yaml", "contract-loop.yaml", "contract-dir.yaml"} {
		want[name] = linkMsg
	}
	if runtime.GOOS != "windows" {
		// A FIFO as a source and as a contract: refused at once, never waited on.
		if err := mkfifo(filepath.Join(hostile, "pipe.txt")); err == nil {
			writeTestFile(t, filepath.Join(hostile, "fifo-source.yaml"), hostileContract("pipe.txt"))
			want["fifo-source.yaml"] = "2:20: document.source: cannot read source text \"pipe.txt\": not a regular file (a named pipe)"
			if err := mkfifo(filepath.Join(hostile, "pipe.yaml")); err != nil {
				t.Fatal(err)
			}
			want["pipe.yaml"] = "not a regular file (a named pipe)"
		}
	}
	if os.Geteuid() != 0 && runtime.GOOS != "windows" {
		writeTestFile(t, filepath.Join(hostile, "locked.yaml"), hostileContract("../sources/serso.txt"))
		if err := os.Chmod(filepath.Join(hostile, "locked.yaml"), 0); err != nil {
			t.Fatal(err)
		}
		want["locked.yaml"] = "permission denied"
	}
	return repo, want
}

// TestHostileInputs runs validate and check over good contracts mixed with every hostile case:
// each hostile file gives its one clear message, the good contracts are still checked, nothing
// of the files outside shows, and the run exits 2.
func TestHostileInputs(t *testing.T) {
	repo, want := hostileRepo(t)
	fixtures := filepath.Join(repo, "fixtures")
	hostile := filepath.Join(fixtures, "hostile")
	good := []string{"build-software.yaml", "laspect.yaml", "premium-plus.yaml", "serso.yaml", "vooruit.yaml"}

	type diag struct {
		File         string
		Line, Column int
		Message      string
	}
	messages := func(t *testing.T, diags []diag) map[string][]string {
		t.Helper()
		got := map[string][]string{}
		for _, d := range diags {
			m := d.Message
			if d.Line > 0 {
				m = strings.Join([]string{strconv.Itoa(d.Line), strconv.Itoa(d.Column), " " + d.Message}, ":")
			}
			got[filepath.Base(d.File)] = append(got[filepath.Base(d.File)], m)
		}
		return got
	}
	checkMessages := func(t *testing.T, got map[string][]string) {
		t.Helper()
		for name, w := range want {
			ms := got[name]
			if len(ms) != 1 || !strings.Contains(ms[0], w) {
				t.Errorf("%s: got %q; want one message with %q", name, ms, w)
			}
		}
		// The same words whether a target outside exists or not.
		same := func(a, b string) {
			t.Helper()
			ma, mb := strings.Join(got[a], ""), strings.Join(got[b], "")
			// Positions and the quoted source path differ by design; the rest must not.
			strip := func(m string) string {
				i, j := strings.Index(m, `"`), strings.LastIndex(m, `"`)
				if i < 0 || j <= i {
					return m
				}
				_, before, _ := strings.Cut(m[:i], ": ")
				return before + m[j:]
			}
			if ma == "" || strip(ma) != strip(mb) {
				t.Errorf("%s and %s give different messages:\n%s\n%s", a, b, ma, mb)
			}
		}
		same("link-out.yaml", "link-out-missing.yaml")
		same("abs-existing.yaml", "abs-missing.yaml")
		same("source-absolute.yaml", "source-absolute-missing.yaml")
		same("link-out.yaml", "link-dangling.yaml")
		same("abs-existing.yaml", "source-git-config.yaml")
	}
	noLeak := func(t *testing.T, out string) {
		t.Helper()
		for _, s := range []string{"hunter2", "root:x:", "extraheader", "panic", "goroutine "} {
			if strings.Contains(out, s) {
				t.Errorf("output holds %q:\n%.3000s", s, out)
			}
		}
	}
	// A device named on the command line is refused like a FIFO.
	args := []string{fixtures}
	if runtime.GOOS != "windows" {
		args = append(args, "/dev/zero")
	}

	t.Run("validate", func(t *testing.T) {
		code, out, errs := runCmd(t, "", append([]string{"validate", "-f", "json"}, args...)...)
		noLeak(t, out+errs)
		if code != 2 {
			t.Errorf("exit %d, want 2\n%s", code, errs)
		}
		var v struct {
			Summary struct {
				Contracts int
			}
			Diagnostics []diag
		}
		if err := json.Unmarshal([]byte(out), &v); err != nil {
			t.Fatalf("%v\n%.2000s", err, out)
		}
		got := messages(t, v.Diagnostics)
		checkMessages(t, got)
		if runtime.GOOS != "windows" && (len(got["zero"]) != 1 || !strings.Contains(got["zero"][0], "not a regular file (a device)")) {
			t.Errorf("/dev/zero: %q", got["zero"])
		}
		for _, g := range good {
			if len(got[g]) > 0 {
				t.Errorf("good contract %s: %q", g, got[g])
			}
		}
		// The five good contracts and the first document of alias-documents.yaml.
		if v.Summary.Contracts != len(good)+1 {
			t.Errorf("%d contracts valid, want %d", v.Summary.Contracts, len(good)+1)
		}
	})

	t.Run("check", func(t *testing.T) {
		code, out, errs := runCmd(t, "", append([]string{"check", "--no-config", "-f", "json"}, args...)...)
		noLeak(t, out+errs)
		if code != 2 {
			t.Errorf("exit %d, want 2\n%s", code, errs)
		}
		var r struct {
			InputErrors []diag `json:"input_errors"`
			Contracts   []struct {
				Contract string
				Results  []json.RawMessage
			}
		}
		if err := json.Unmarshal([]byte(out), &r); err != nil {
			t.Fatalf("%v\n%.2000s", err, out)
		}
		checkMessages(t, messages(t, r.InputErrors))
		evaluated := map[string]int{}
		for _, c := range r.Contracts {
			evaluated[filepath.Base(c.Contract)] = len(c.Results)
		}
		for _, g := range good {
			if evaluated[g] == 0 {
				t.Errorf("good contract %s has no results; evaluated: %v", g, evaluated)
			}
		}
		for name := range want {
			if evaluated[name] > 0 && name != "alias-documents.yaml" {
				t.Errorf("hostile %s was evaluated", name)
			}
		}
	})

	t.Run("text output", func(t *testing.T) {
		// The text formats print the unreadable files as file: reason.
		code, out, errs := runCmd(t, "", "check", "--no-config", "--fail-on", "never", hostile)
		noLeak(t, out+errs)
		if code != 2 {
			t.Errorf("exit %d, want 2", code)
		}
		wantLine := filepath.Join(hostile, "contract-dangling.yaml") + ": input-error a symbolic link"
		if !strings.Contains(out, wantLine) {
			t.Errorf("text output lacks %q:\n%.3000s", wantLine, out)
		}
		code, out, _ = runCmd(t, "", "validate", hostile)
		noLeak(t, out)
		if code != 2 || !strings.Contains(out, filepath.Join(hostile, "source-absolute.yaml")+":4:20: document.source:") {
			t.Errorf("validate text: exit %d\n%.3000s", code, out)
		}
	})

	t.Run("source root flag", func(t *testing.T) {
		// Widened to the directory beside the repository, the link out is a source again.
		base := filepath.Dir(repo)
		code, out, errs := runCmd(t, "", "validate", "--source-root", base, filepath.Join(hostile, "link-out.yaml"))
		if code != 0 {
			t.Errorf("exit %d with --source-root %s\n%s%s", code, base, out, errs)
		}
		code, _, errs = runCmd(t, "", "validate", "--source-root", filepath.Join(base, "nowhere"), filepath.Join(hostile, "link-out.yaml"))
		if code != 2 || !strings.Contains(errs, "source root") {
			t.Errorf("missing --source-root: exit %d %s", code, errs)
		}
	})
}
