//go:build unix

package result

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadBaselineSpecialFiles gives the reader a FIFO with no writer, which blocks a plain
// open, and /dev/zero, which never ends, and expects a prompt refusal of each.
func TestReadBaselineSpecialFiles(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "base.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("cannot make a FIFO: %v", err)
	}
	tests := []struct{ path, want string }{
		{fifo, "base.json is not a regular file but a named pipe"},
		{os.DevNull, "is not a regular file but a device"},
		{"/dev/zero", "is not a regular file but a device"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			if _, err := os.Stat(tt.path); err != nil {
				t.Skip(err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := ReadBaseline(tt.path)
				done <- err
			}()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), tt.want) {
					t.Errorf("got %v, want an error containing %q", err, tt.want)
				}
			// A guard against a hang, not a timing assertion: the refusal takes microseconds.
			case <-time.After(time.Minute):
				t.Fatal("ReadBaseline blocked")
			}
		})
	}
}
