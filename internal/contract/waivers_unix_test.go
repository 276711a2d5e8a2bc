//go:build unix

package contract

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestLoadWaiversDevices: a FIFO with no writer would block a plain open forever, and /dev/zero
// would be read until memory ran out; both are refused from the opened file's type.
func TestLoadWaiversDevices(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "waivers.yaml")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	for _, tc := range []struct{ path, want string }{
		{fifo, "a named pipe (FIFO), not a regular file"},
		{"/dev/zero", "a device, not a regular file"},
	} {
		if _, err := os.Stat(tc.path); err != nil {
			continue
		}
		// If the open blocked, the test would hang and the test binary's timeout would fail it.
		wf, err := LoadWaivers(tc.path, Limits{}, WaiverPolicy{}, time.Now())
		if err == nil || !strings.Contains(err.Error(), "waivers file "+tc.path+": "+tc.want) || wf != nil {
			t.Errorf("%s: file %+v, err %v", tc.path, wf, err)
		}
	}
}
