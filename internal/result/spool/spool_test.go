package spool

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// TestBufferSections writes sections below and past the spill limit and reads each back, both
// ways, and expects the temporary file to be gone after Close.
func TestBufferSections(t *testing.T) {
	sections := []string{"first", "", "third, longer than the limit", "x"}
	tests := []struct {
		name   string
		limit  int
		onDisk bool
	}{
		{"in memory", SpillBytes, false},
		{"spilled", 8, true},
		{"spilled at once", 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := New(tt.limit)
			for _, s := range sections {
				if _, err := io.WriteString(b, s); err != nil {
					t.Fatal(err)
				}
				b.EndSection()
			}
			if err := b.Flush(); err != nil {
				t.Fatal(err)
			}
			if got := b.file != nil; got != tt.onDisk {
				t.Fatalf("on disk %v, want %v", got, tt.onDisk)
			}
			var name string
			if b.file != nil {
				name = b.file.Name()
			}
			var buf []byte
			// Backwards: sections are read at random, not only in the order written.
			for i := len(sections) - 1; i >= 0; i-- {
				got, err := io.ReadAll(b.Section(i))
				if err != nil || string(got) != sections[i] {
					t.Errorf("Section(%d) = %q, %v; want %q", i, got, err, sections[i])
				}
				if buf, err = b.Read(i, buf); err != nil || !bytes.Equal(buf, []byte(sections[i])) {
					t.Errorf("Read(%d) = %q, %v; want %q", i, buf, err, sections[i])
				}
			}
			if err := b.Close(); err != nil {
				t.Fatal(err)
			}
			if name != "" {
				if _, err := os.Stat(name); !os.IsNotExist(err) {
					t.Errorf("temporary file %s left behind: %v", name, err)
				}
			}
		})
	}
}
