package config

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/safefile"
)

// A config is read as an untrusted file: bounded, regular files only.
func TestLoadBoundedRead(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, []byte("# "+strings.Repeat("x", 1<<20)+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	var tooLarge *safefile.TooLargeError
	if _, err := Load(big); !errors.As(err, &tooLarge) {
		t.Errorf("Load(2 MiB config) = %v; want a too-large error", err)
	}
	if _, err := Load(dir); !errors.Is(err, safefile.ErrNotRegular) {
		t.Errorf("Load(directory) = %v; want not a regular file", err)
	}
	if runtime.GOOS != "windows" {
		if _, err := Load("/dev/zero"); !errors.Is(err, safefile.ErrNotRegular) {
			t.Errorf("Load(/dev/zero) = %v; want not a regular file", err)
		}
	}
}
