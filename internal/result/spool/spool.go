// Package spool keeps a run's output out of memory while results arrive: a Buffer of sections
// (in memory up to a limit, then in a temporary file) and a compact binary codec for results
// that must be read back at the end. It knows nothing of any format; report.Stream uses it.
package spool

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"math"
	"os"
)

// SpillBytes is how much of a report a Stream keeps in memory before it moves it to a temporary
// file: enough that a run of a few contracts never touches the disk.
const SpillBytes = 4 << 20

// New returns an empty Buffer that moves to a temporary file past limit bytes.
func New(limit int) *Buffer { return &Buffer{limit: limit} }

// Buffer holds sections of a report: in memory up to limit bytes, then in a temporary file.
type Buffer struct {
	limit int
	mem   bytes.Buffer
	file  *os.File
	buf   *bufio.Writer
	// unlinked says the file has no name left to remove.
	unlinked bool
	size     int64
	// ends[i] is where section i ends; it starts where section i-1 ends.
	ends []int64
}

func (s *Buffer) Write(p []byte) (int, error) {
	if s.file == nil && s.mem.Len()+len(p) > s.limit {
		s.spill()
	}
	var n int
	var err error
	if s.file != nil {
		n, err = s.buf.Write(p)
	} else {
		n, err = s.mem.Write(p)
	}
	s.size += int64(n)
	if err != nil {
		return n, fmt.Errorf("writing report to a temporary file: %w", err)
	}
	return n, nil
}

// spill moves the spool to a temporary file. Where none can be made, the report stays in
// memory: a run that needs more memory beats a run that fails.
func (s *Buffer) spill() {
	f, err := os.CreateTemp("", "termlint-report-*")
	if err != nil {
		s.limit = math.MaxInt
		return
	}
	s.file = f
	// Where the system allows it (not Windows), the file is unlinked at once and lives only as
	// long as it is open, so that a run that is killed leaves nothing behind.
	s.unlinked = os.Remove(f.Name()) == nil
	s.buf = bufio.NewWriterSize(f, 64<<10)
	// Writing to a bufio.Writer fails only when the file does, which the next write reports.
	_, _ = s.buf.Write(s.mem.Bytes())
	s.mem = bytes.Buffer{}
}

// EndSection ends the section written so far; the next write starts a new one.
func (s *Buffer) EndSection() {
	s.ends = append(s.ends, s.size)
}

// Flush writes what is buffered to the temporary file, before sections are read.
func (s *Buffer) Flush() error {
	if s.buf == nil {
		return nil
	}
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("writing report to a temporary file: %w", err)
	}
	return nil
}

// bounds returns where section i starts and ends.
func (s *Buffer) bounds(i int) (start, end int64) {
	if i > 0 {
		start = s.ends[i-1]
	}
	return start, s.ends[i]
}

// Section returns a reader of section i.
func (s *Buffer) Section(i int) io.Reader {
	start, end := s.bounds(i)
	if s.file != nil {
		return io.NewSectionReader(s.file, start, end-start)
	}
	return bytes.NewReader(s.mem.Bytes()[start:end])
}

// Read returns section i's bytes, in buf when it is large enough.
func (s *Buffer) Read(i int, buf []byte) ([]byte, error) {
	start, end := s.bounds(i)
	if s.file == nil {
		return s.mem.Bytes()[start:end], nil
	}
	n := int(end - start)
	if cap(buf) < n {
		buf = make([]byte, n)
	}
	buf = buf[:n]
	if _, err := s.file.ReadAt(buf, start); err != nil {
		return nil, fmt.Errorf("reading report from a temporary file: %w", err)
	}
	return buf, nil
}

// Close removes the temporary file, if there is one.
func (s *Buffer) Close() error {
	if s.file == nil {
		return nil
	}
	name := s.file.Name()
	err := s.file.Close()
	s.file = nil
	if !s.unlinked {
		if rerr := os.Remove(name); rerr != nil && err == nil {
			err = rerr
		}
	}
	if err != nil {
		return fmt.Errorf("removing temporary report file: %w", err)
	}
	return nil
}
