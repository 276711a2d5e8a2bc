package contract

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/safefile"
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

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("symlinks: %v", err)
	}
}

// sourceContract is a contract citing source with one quote, which is in the secret file
// outside the repository: were it checked there, "found" would tell.
func sourceContract(source string) string {
	return "schema_version: \"1\"\ndocument: {source: " + source + ", language: nl}\nvendor: {name: Acme, country: BE}\n" +
		"governing_law: {value: BE, src: {art: \"1\", quote: \"TOKEN=hunter2\"}}\n"
}

// confineRepo lays out a repository with a contract directory and a secret beside it.
func confineRepo(t *testing.T) (base, repo string) {
	t.Helper()
	base = t.TempDir()
	repo = filepath.Join(base, "repo")
	writeFile(t, filepath.Join(repo, ".git", "config"), "[remote] TOKEN=hunter2\n")
	writeFile(t, filepath.Join(repo, "sources", "ok.txt"), "Belgisch recht. TOKEN=hunter2 is not a secret here.\n")
	writeFile(t, filepath.Join(base, "secret.txt"), "TOKEN=hunter2\n")
	if err := os.MkdirAll(filepath.Join(repo, "contracts"), 0o755); err != nil {
		t.Fatal(err)
	}
	return base, repo
}

func TestSourceConfined(t *testing.T) {
	base, repo := confineRepo(t)
	contracts := filepath.Join(repo, "contracts")
	links := map[string]string{
		"out.txt":      filepath.Join(base, "secret.txt"),
		"out-none.txt": filepath.Join(base, "no-such.txt"),
		"dangling.txt": "no-such.txt",
		"loop.txt":     "loop.txt",
		"git.txt":      filepath.Join(repo, ".git", "config"),
		"in.txt":       filepath.Join(repo, "sources", "ok.txt"),
	}
	for name, target := range links {
		symlink(t, target, filepath.Join(contracts, name))
	}
	writeFile(t, filepath.Join(repo, "sources", "big.txt"), strings.Repeat("x", 2048))
	outside := "is not a file inside the source root"
	tests := []struct {
		source string
		want   string // in the one diagnostic; "" for a contract that loads
	}{
		{source: "../sources/ok.txt"},
		{source: "in.txt"},
		{source: filepath.Join(repo, "sources", "ok.txt")},
		{source: "../sources/missing.txt", want: `not found (looked for ` + filepath.ToSlash(filepath.Join(contracts, "../sources/missing.txt"))},
		{source: "../sources", want: "not a regular file (a directory)"},
		{source: "../sources/big.txt", want: "larger than the limit of 1024 bytes"},
		{source: "../../secret.txt", want: outside},
		{source: "../../no-such.txt", want: outside},
		{source: filepath.Join(base, "secret.txt"), want: outside},
		{source: filepath.Join(base, "no-such.txt"), want: outside},
		{source: "/proc/self/environ", want: outside},
		{source: "../.git/config", want: outside},
		{source: "out.txt", want: outside},
		{source: "out-none.txt", want: outside},
		{source: "dangling.txt", want: outside},
		{source: "loop.txt", want: outside},
		{source: "git.txt", want: outside},
	}
	l := newTestLoader(t, Options{Limits: Limits{MaxSourceBytes: 1024}})
	var refused []string
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			cs, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract(tt.source)))
			if tt.want == "" {
				if len(diags) > 0 || len(cs) != 1 {
					t.Fatalf("want the contract to load, got:\n%s", format(diags))
				}
				return
			}
			// One diagnostic, at the source: line, and no quote checked against anything.
			if len(diags) != 1 {
				t.Fatalf("want one diagnostic, got:\n%s", format(diags))
			}
			d := diags[0]
			if d.Line != 2 || d.Column != 20 || !strings.Contains(d.Message, tt.want) {
				t.Errorf("got %s; want 2:20 and %q", d, tt.want)
			}
			if strings.Contains(d.Message, "hunter2") {
				t.Errorf("message shows the target's content: %s", d.Message)
			}
			if tt.want == outside {
				refused = append(refused, strings.Replace(d.Message, `"`+tt.source+`"`, "SOURCE", 1))
			}
		})
	}
	for _, m := range refused {
		if m != refused[0] {
			t.Errorf("messages for refused sources differ, which tells what lies outside:\n%s\n%s", refused[0], m)
		}
	}
}

func TestSourceRootOption(t *testing.T) {
	base, repo := confineRepo(t)
	contracts := filepath.Join(repo, "contracts")
	// --source-root widens the root: the file beside the repository is a source now.
	l := newTestLoader(t, Options{SourceRoot: base})
	if _, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract("../../secret.txt"))); len(diags) > 0 {
		t.Errorf("source inside --source-root refused:\n%s", format(diags))
	}
	// ... and narrows it: the repository's own sources are outside a root of contracts/.
	l = newTestLoader(t, Options{SourceRoot: contracts})
	if _, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract("../sources/ok.txt"))); len(diags) != 1 || !strings.Contains(diags[0].Message, "not a file inside the source root") {
		t.Errorf("source outside --source-root: got\n%s", format(diags))
	}
	if _, err := NewLoader(Options{SourceRoot: filepath.Join(base, "no-such-dir")}); err == nil {
		t.Error("a missing --source-root was accepted")
	}
}

func TestSourceRootWithoutRepository(t *testing.T) {
	base := t.TempDir()
	if safefile.RepoRoot(base) != "" {
		t.Skip("the temporary directory is inside a git repository")
	}
	writeFile(t, filepath.Join(base, "sources", "ok.txt"), "TOKEN=hunter2\n")
	writeFile(t, filepath.Join(base, "contracts", "ok.txt"), "TOKEN=hunter2\n")
	contracts := filepath.Join(base, "contracts")
	l := newTestLoader(t, Options{})
	// Outside a repository the root is the contract's directory: a sibling directory is out.
	if _, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract("ok.txt"))); len(diags) > 0 {
		t.Errorf("source beside the contract refused:\n%s", format(diags))
	}
	if _, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract("../sources/ok.txt"))); len(diags) != 1 || !strings.Contains(diags[0].Message, "not a file inside the source root") {
		t.Errorf("source in a sibling directory: got\n%s", format(diags))
	}
}

func TestSourceRootOfStdin(t *testing.T) {
	base, repo := confineRepo(t)
	t.Chdir(filepath.Join(repo, "contracts"))
	l := newTestLoader(t, Options{})
	if _, diags, err := l.LoadFile("-", strings.NewReader(sourceContract("../sources/ok.txt"))); err != nil || len(diags) > 0 {
		t.Errorf("stdin with a source in the working directory's repository: %v\n%s", err, format(diags))
	}
	_, diags, err := l.LoadFile("-", strings.NewReader(sourceContract(filepath.Join(base, "secret.txt"))))
	if err != nil || len(diags) != 1 || !strings.Contains(diags[0].Message, "not a file inside the source root") {
		t.Errorf("stdin with a source outside the repository: %v\n%s", err, format(diags))
	}
}

func TestSourceFIFO(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	_, repo := confineRepo(t)
	contracts := filepath.Join(repo, "contracts")
	if err := mkfifo(filepath.Join(contracts, "pipe.txt")); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	l := newTestLoader(t, Options{})
	// A FIFO with no writer would block a plain open forever; the test's own deadline is the
	// bound on a hang.
	_, diags := l.Load(filepath.Join(contracts, "c.yaml"), contracts, []byte(sourceContract("pipe.txt")))
	if len(diags) != 1 || !strings.Contains(diags[0].Message, "not a regular file (a named pipe)") {
		t.Errorf("FIFO source: got\n%s", format(diags))
	}
}

func TestDiscoverUnreadable(t *testing.T) {
	dir := t.TempDir()
	root := filepath.Join(dir, "contracts")
	writeFile(t, filepath.Join(root, "good.yaml"), minimal)
	writeFile(t, filepath.Join(root, "sub", "also-good.yml"), minimal)
	writeFile(t, filepath.Join(root, "notes.txt"), "not a contract")
	writeFile(t, filepath.Join(root, ".hidden", "skipped.yaml"), minimal)
	writeFile(t, filepath.Join(dir, "outside.yaml"), minimal)
	symlink(t, "no-such.yaml", filepath.Join(root, "dangling.yaml"))
	symlink(t, "loop.yaml", filepath.Join(root, "loop.yaml"))
	symlink(t, "sub", filepath.Join(root, "dirlink.yaml"))
	symlink(t, filepath.Join(dir, "outside.yaml"), filepath.Join(root, "out.yaml"))
	symlink(t, "good.yaml", filepath.Join(root, "named.yaml"))
	symlink(t, "sub", filepath.Join(root, "subdir-link"))
	join := func(p string) string { return filepath.Join(root, p) }

	l := newTestLoader(t, Options{SkipQuotes: true})
	files := l.Discover([]string{root, join("named.yaml"), filepath.Join(dir, "no-such-file.yaml")})
	want := []string{
		join("dangling.yaml"), join("dirlink.yaml"), join("good.yaml"), join("loop.yaml"),
		join("named.yaml"), join("out.yaml"), join("sub/also-good.yml"), filepath.Join(dir, "no-such-file.yaml"),
	}
	// Discover sorts; so does want, once sorted the same way.
	sort.Strings(want)
	if strings.Join(files, "\n") != strings.Join(want, "\n") {
		t.Fatalf("Discover =\n%s\nwant\n%s", strings.Join(files, "\n"), strings.Join(want, "\n"))
	}
	tests := map[string]string{
		join("good.yaml"):         "",
		join("sub/also-good.yml"): "",
		// Named on the command line: followed, even though the search also met it.
		join("named.yaml"):                      "",
		join("dangling.yaml"):                   "directory search does not follow links",
		join("loop.yaml"):                       "directory search does not follow links",
		join("dirlink.yaml"):                    "directory search does not follow links",
		join("out.yaml"):                        "directory search does not follow links",
		filepath.Join(dir, "no-such-file.yaml"): "no such file or directory",
	}
	for _, f := range files {
		cs, diags, err := l.LoadFile(f, nil)
		wantErr := tests[f]
		switch {
		case wantErr == "" && (err != nil || len(diags) > 0 || len(cs) != 1):
			t.Errorf("%s: %v\n%s", f, err, format(diags))
		case wantErr != "" && (err == nil || !errors.Is(err, ErrUnreadable) || !strings.Contains(Reason(err), wantErr)):
			t.Errorf("%s: error %v; want one with %q", f, err, wantErr)
		case wantErr != "" && strings.Contains(Reason(err), f):
			t.Errorf("%s: reason %q repeats the file name", f, Reason(err))
		}
	}

	// Named explicitly, links are followed and what they lead to is judged.
	named := map[string]string{
		"dangling.yaml": "no such file or directory",
		"loop.yaml":     "too many levels of symbolic links",
	}
	for name, want := range named {
		l := newTestLoader(t, Options{SkipQuotes: true})
		files := l.Discover([]string{join(name)})
		_, _, err := l.LoadFile(files[0], nil)
		if err == nil || !strings.Contains(Reason(err), want) {
			t.Errorf("named %s: %v; want %q", name, err, want)
		}
	}
	// A named link to a directory is searched.
	l = newTestLoader(t, Options{SkipQuotes: true})
	files = l.Discover([]string{join("dirlink.yaml")})
	if len(files) != 1 || files[0] != join("dirlink.yaml/also-good.yml") {
		t.Errorf("named link to a directory: found %v", files)
	} else if _, _, err := l.LoadFile(files[0], nil); err != nil {
		t.Errorf("named link to a directory: %v", err)
	}
}

func TestDiscoverNoPermission(t *testing.T) {
	if runtime.GOOS == "windows" || os.Geteuid() == 0 {
		t.Skip("permissions do not bind root (or this system)")
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "good.yaml"), minimal)
	writeFile(t, filepath.Join(dir, "secret.yaml"), minimal)
	writeFile(t, filepath.Join(dir, "locked", "inner.yaml"), minimal)
	if err := os.Chmod(filepath.Join(dir, "secret.yaml"), 0); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(filepath.Join(dir, "locked"), 0); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(filepath.Join(dir, "locked"), 0o755) })
	l := newTestLoader(t, Options{SkipQuotes: true})
	files := l.Discover([]string{dir})
	got := map[string]error{}
	for _, f := range files {
		_, _, err := l.LoadFile(f, nil)
		got[filepath.Base(f)] = err
	}
	if got["good.yaml"] != nil {
		t.Errorf("good.yaml: %v", got["good.yaml"])
	}
	for _, name := range []string{"secret.yaml", "locked"} {
		if err, ok := got[name]; !ok || !errors.Is(err, fs.ErrPermission) {
			t.Errorf("%s: %v (listed %v); want permission denied", name, err, ok)
		}
	}
}

func TestContractFIFOAndDevice(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev/zero")
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	l := newTestLoader(t, Options{SkipQuotes: true})
	for path, want := range map[string]string{fifo: "a named pipe", "/dev/zero": "a device"} {
		// Both named: a search would not pick up a FIFO's name as a link, but a user may name one.
		files := l.Discover([]string{path})
		_, _, err := l.LoadFile(files[0], nil)
		if !errors.Is(err, safefile.ErrNotRegular) || !strings.Contains(Reason(err), want) {
			t.Errorf("%s: %v; want not a regular file (%s)", path, err, want)
		}
	}
}

// TestHostileFixtures loads every file of fixtures/hostile and compares the diagnostics with the
// file's .golden twin (-update rewrites them). The goldens are the same on every machine: no
// message about a refused source depends on what lies outside the repository.
func TestHostileFixtures(t *testing.T) {
	t.Chdir("../..")
	files, err := filepath.Glob("fixtures/hostile/*.yaml")
	if err != nil || len(files) < 6 {
		t.Fatalf("want at least 6 hostile fixtures, got %d (%v)", len(files), err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			l := newTestLoader(t, Options{})
			_, diags, err := l.LoadFile(file, nil)
			if err != nil {
				t.Fatal(err)
			}
			if len(diags) != 1 {
				t.Errorf("want exactly one diagnostic (no quote checked), got:\n%s", format(diags))
			}
			got := format(diags)
			// Neither the targets' content nor the quotes (found or not) show.
			for _, leak := range []string{"root:", "GITHUB_TOKEN", "extraheader", "[core]", "gitdir:", "PATH="} {
				if strings.Contains(got, leak) {
					t.Errorf("diagnostics show %q:\n%s", leak, got)
				}
			}
			golden := strings.TrimSuffix(file, ".yaml") + ".golden"
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("missing golden file (run with -update): %v", err)
			}
			if got != string(want) {
				t.Errorf("diagnostics differ from %s\ngot:\n%swant:\n%s", golden, got, want)
			}
		})
	}
}
