package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"syscall"
	"testing"
	"time"
)

func write(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "ok.txt"), "hello")
	write(t, filepath.Join(dir, "big.txt"), "0123456789")
	if err := os.Symlink("ok.txt", filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}

	data, err := ReadFile(filepath.Join(dir, "ok.txt"), 5)
	if err != nil || string(data) != "hello" {
		t.Fatalf("ReadFile(ok.txt, 5) = %q, %v; want hello", data, err)
	}
	// A link given on the command line is followed: the file it names is regular.
	if data, err := ReadFile(filepath.Join(dir, "link.txt"), 5); err != nil || string(data) != "hello" {
		t.Fatalf("ReadFile(link.txt) = %q, %v; want hello", data, err)
	}
	var tooLarge *TooLargeError
	if _, err := ReadFile(filepath.Join(dir, "big.txt"), 9); !errors.As(err, &tooLarge) || tooLarge.Limit != 9 {
		t.Fatalf("ReadFile(big.txt, 9) = %v; want TooLargeError with limit 9", err)
	}
	if _, err := ReadFile(dir, 100); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("ReadFile(dir) = %v; want ErrNotRegular", err)
	}
	if _, err := ReadFile(filepath.Join(dir, "missing"), 100); !errors.Is(err, fs.ErrNotExist) {
		t.Fatalf("ReadFile(missing) = %v; want not exist", err)
	}
}

func TestReadFileDevicesAndFIFOs(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs or /dev/zero")
	}
	if _, err := ReadFile("/dev/zero", 1<<20); !errors.Is(err, ErrNotRegular) {
		t.Fatalf("ReadFile(/dev/zero) = %v; want ErrNotRegular", err)
	}
	fifo := filepath.Join(t.TempDir(), "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan error, 1)
	go func() {
		_, err := ReadFile(fifo, 1<<20)
		done <- err
	}()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Fatalf("ReadFile(fifo) = %v; want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		// Not a timing assertion: a FIFO with no writer blocks forever, so any bound will do.
		t.Fatal("ReadFile(fifo) blocked")
	}
}

func TestConfine(t *testing.T) {
	base := t.TempDir()
	root := filepath.Join(base, "repo")
	write(t, filepath.Join(root, "sources", "acme.txt"), "terms")
	write(t, filepath.Join(root, ".git", "config"), "[credential]")
	write(t, filepath.Join(base, "secret.txt"), "secret")
	links := map[string]string{
		"sources/out.txt":      filepath.Join(base, "secret.txt"),
		"sources/out-missing":  filepath.Join(base, "nothing-here.txt"),
		"sources/in.txt":       "acme.txt",
		"sources/loop":         "loop",
		"sources/outdir":       base,
		"sources/gitlink.txt":  filepath.Join(root, ".git", "config"),
		"sources/dangling.txt": "missing.txt",
	}
	for name, target := range links {
		if err := os.Symlink(target, filepath.Join(root, name)); err != nil {
			t.Fatal(err)
		}
	}
	in := func(p string) string { return filepath.Join(root, p) }
	tests := []struct {
		path     string
		want     string // resolved path, when allowed
		wantErr  error
		notExist bool
	}{
		{path: in("sources/acme.txt"), want: in("sources/acme.txt")},
		{path: in("sources/in.txt"), want: in("sources/acme.txt")},
		{path: in("sources/missing.txt"), notExist: true},
		{path: in("sources/nodir/missing.txt"), notExist: true},
		{path: in("../secret.txt"), wantErr: ErrOutside},
		{path: filepath.Join(base, "secret.txt"), wantErr: ErrOutside},
		{path: "/proc/self/environ", wantErr: ErrOutside},
		{path: in("sources/out.txt"), wantErr: ErrOutside},
		// A link out of the root gives the same answer whether its target exists or not.
		{path: in("sources/out-missing"), wantErr: ErrOutside},
		{path: in("sources/outdir/secret.txt"), wantErr: ErrOutside},
		{path: in("sources/outdir/nothing-here.txt"), wantErr: ErrOutside},
		{path: in("sources/loop"), wantErr: ErrOutside},
		{path: in("sources/dangling.txt"), wantErr: ErrOutside},
		{path: in(".git/config"), wantErr: ErrInGit},
		{path: in("sources/gitlink.txt"), wantErr: ErrInGit},
	}
	for _, tt := range tests {
		got, err := Confine(root, tt.path)
		switch {
		case tt.notExist:
			if !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("Confine(%s) = %q, %v; want not exist", tt.path, got, err)
			}
		case tt.wantErr != nil:
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("Confine(%s) = %q, %v; want %v", tt.path, got, err, tt.wantErr)
			}
		default:
			real, _ := filepath.EvalSymlinks(tt.want)
			if err != nil || got != real {
				t.Errorf("Confine(%s) = %q, %v; want %q", tt.path, got, err, real)
			}
		}
	}
}

func TestRepoRoot(t *testing.T) {
	base := t.TempDir()
	write(t, filepath.Join(base, "repo", ".git", "HEAD"), "ref: refs/heads/main")
	write(t, filepath.Join(base, "repo", "contracts", "a.yaml"), "")
	if got := RepoRoot(filepath.Join(base, "repo", "contracts")); got != filepath.Join(base, "repo") {
		t.Errorf("RepoRoot(contracts) = %q; want the repository", got)
	}
	if got := RepoRoot(base); got != "" && got == base {
		t.Errorf("RepoRoot(outside) = %q; want no repository at %s", got, base)
	}
}
