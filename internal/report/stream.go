package report

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"sort"

	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
)

// Sections hands each contract's section to fn in report order (by contract name), numbered
// from 0, and returns the first error.
type Sections func(fn func(i int, section io.Reader) error) error

// Sectioned is a Writer that can also write each contract's section on its own as the result
// arrives, and put the sections together at the end. A Stream then spools the sections instead
// of the results, which saves reading every result back. Assemble after Section must give the
// same bytes as Write.
type Sectioned interface {
	Writer
	// Section writes res's section. r is the report so far: FailOn, and New for res.
	Section(w io.Writer, r *Report, res *engine.Result) error
	// Assemble writes the report around the sections, once every result has arrived.
	Assemble(w io.Writer, r *Report, sections Sections) error
}

// spillBytes is how much of a report a Stream keeps in memory before it moves it to a temporary
// file: enough that a run of a few contracts never touches the disk.
const spillBytes = 4 << 20

// Stream builds a report from results as they arrive, in any order, for one or more writers,
// and keeps none of them: memory stays flat however many contracts a run has. A Sectioned
// writer's section of each result is written at once to a spool (memory, then a temporary file);
// for the other writers each result is spooled in a compact binary form and read back, one at a
// time and in report order, when they write.
type Stream struct {
	rep     *Report
	writers []Writer
	// spools[i] holds writer i's sections when it is Sectioned.
	spools []*spool
	// results holds every result in spool form when a writer is not Sectioned.
	results *spool
	enc     *resultEncoder
	names   []string
	order   []int
	done    bool
}

// NewStream prepares a stream into rep (which holds the rules, FailOn and, filled by the caller,
// input errors and warnings) for writers. Every result added must be of rules in rep.Rules.
func NewStream(rep *Report, writers ...Writer) *Stream {
	s := &Stream{rep: rep, writers: writers, spools: make([]*spool, len(writers))}
	rep.streamed = &result.Tally{}
	for i, w := range writers {
		if _, ok := w.(Sectioned); ok {
			s.spools[i] = &spool{limit: spillBytes}
		} else if s.results == nil {
			s.results = &spool{limit: spillBytes}
			s.enc = newResultEncoder(rep.Rules)
			rep.spooled = s.eachSpooled
		}
	}
	return s
}

// Report is the report the stream fills.
func (s *Stream) Report() *Report { return s.rep }

// Baseline compares the results with an earlier run's failures: it marks which failures are new
// and lists the baseline's failures that no longer occur; only new failures then count toward
// the exit code. Call it before the first Add.
func (s *Stream) Baseline(base []result.BaselineEntry) {
	s.rep.StartBaseline(base)
}

// Add takes one contract's result. It must not be changed afterwards.
func (s *Stream) Add(res *engine.Result) error {
	if s.enc != nil {
		// Encoded first: a result the report cannot hold must not be counted either.
		b, err := s.enc.encode(res)
		if err != nil {
			return err
		}
		if _, err := s.results.Write(b); err != nil {
			return err
		}
		s.results.endSection()
	}
	s.rep.Observe(res)
	s.rep.streamed.Add(&s.rep.Summary, res)
	s.names = append(s.names, res.Contract)
	for i, w := range s.writers {
		sp := s.spools[i]
		if sp == nil {
			continue
		}
		if err := w.(Sectioned).Section(sp, s.rep, res); err != nil {
			return err
		}
		sp.endSection()
	}
	return nil
}

// Finish ends the comparison with the baseline and puts the results in report order; call it
// once, after the last Add and before WriteTo.
func (s *Stream) Finish() {
	if s.done {
		return
	}
	s.done = true
	s.rep.FinishBaseline()
	// Contracts arrive in file order, which is report order but for rare names ("a.yaml#10"
	// sorts before "a.yaml#2"); a stable sort of the names gives the same order as sorting the
	// results would.
	s.order = make([]int, len(s.names))
	for j := range s.order {
		s.order[j] = j
	}
	sort.SliceStable(s.order, func(a, b int) bool { return s.names[s.order[a]] < s.names[s.order[b]] })
}

// WriteTo writes the report of the i-th writer given to NewStream to w.
func (s *Stream) WriteTo(i int, w io.Writer) error {
	s.Finish()
	sp := s.spools[i]
	if sp == nil {
		return s.writers[i].Write(w, s.rep)
	}
	if err := sp.flush(); err != nil {
		return err
	}
	sections := func(fn func(int, io.Reader) error) error {
		for n, j := range s.order {
			if err := fn(n, sp.section(j)); err != nil {
				return err
			}
		}
		return nil
	}
	return s.writers[i].(Sectioned).Assemble(w, s.rep, sections)
}

// eachSpooled reads the spooled results back, one at a time, in report order.
func (s *Stream) eachSpooled(fn func(*engine.Result) error) error {
	s.Finish()
	if err := s.results.flush(); err != nil {
		return err
	}
	var buf []byte
	for _, j := range s.order {
		var err error
		if buf, err = s.results.read(j, buf); err != nil {
			return err
		}
		res, err := decodeResult(buf, s.rep.Rules)
		if err != nil {
			return fmt.Errorf("reading back the result of %s: %w", s.names[j], err)
		}
		if err := fn(res); err != nil {
			return err
		}
	}
	return nil
}

// Close removes the temporary files.
func (s *Stream) Close() error {
	var errs []error
	for _, sp := range append(s.spools, s.results) {
		if sp != nil {
			errs = append(errs, sp.close())
		}
	}
	return errors.Join(errs...)
}

// spool holds sections of a report: in memory up to limit bytes, then in a temporary file.
type spool struct {
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

func (s *spool) Write(p []byte) (int, error) {
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
func (s *spool) spill() {
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

func (s *spool) endSection() {
	s.ends = append(s.ends, s.size)
}

func (s *spool) flush() error {
	if s.buf == nil {
		return nil
	}
	if err := s.buf.Flush(); err != nil {
		return fmt.Errorf("writing report to a temporary file: %w", err)
	}
	return nil
}

// bounds returns where section i starts and ends.
func (s *spool) bounds(i int) (start, end int64) {
	if i > 0 {
		start = s.ends[i-1]
	}
	return start, s.ends[i]
}

func (s *spool) section(i int) io.Reader {
	start, end := s.bounds(i)
	if s.file != nil {
		return io.NewSectionReader(s.file, start, end-start)
	}
	return bytes.NewReader(s.mem.Bytes()[start:end])
}

// read returns section i's bytes, in buf when it is large enough.
func (s *spool) read(i int, buf []byte) ([]byte, error) {
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

func (s *spool) close() error {
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
