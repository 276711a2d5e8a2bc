package report

import (
	"errors"
	"fmt"
	"io"
	"sort"

	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
	"github.com/termlint/termlint/internal/result/spool"
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

// Stream builds a report from results as they arrive, in any order, for one or more writers,
// and keeps none of them: memory stays flat however many contracts a run has. A Sectioned
// writer's section of each result is written at once to a spool (memory, then a temporary file);
// for the other writers each result is spooled in a compact binary form and read back, one at a
// time and in report order, when they write.
type Stream struct {
	rep     *Report
	writers []Writer
	// spools[i] holds writer i's sections when it is Sectioned.
	spools []*spool.Buffer
	// results holds every result in spool form when a writer is not Sectioned.
	results *spool.Buffer
	enc     *spool.Encoder
	names   []string
	order   []int
	done    bool
}

// NewStream prepares a stream into rep (which holds the rules, FailOn and, filled by the caller,
// input errors and warnings) for writers. Every result added must be of rules in rep.Rules.
func NewStream(rep *Report, writers ...Writer) *Stream {
	return newStream(rep, spool.SpillBytes, writers...)
}

// newStream is NewStream with spools that move to a temporary file past spill bytes.
func newStream(rep *Report, spill int, writers ...Writer) *Stream {
	s := &Stream{rep: rep, writers: writers, spools: make([]*spool.Buffer, len(writers))}
	rep.streamed = &result.Tally{}
	for i, w := range writers {
		if _, ok := w.(Sectioned); ok {
			s.spools[i] = spool.New(spill)
		} else if s.results == nil {
			s.results = spool.New(spill)
			s.enc = spool.NewEncoder(rep.Rules)
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
		b, err := s.enc.Encode(res)
		if err != nil {
			return err
		}
		if _, err := s.results.Write(b); err != nil {
			return err
		}
		s.results.EndSection()
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
		sp.EndSection()
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
	if err := sp.Flush(); err != nil {
		return err
	}
	sections := func(fn func(int, io.Reader) error) error {
		for n, j := range s.order {
			if err := fn(n, sp.Section(j)); err != nil {
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
	if err := s.results.Flush(); err != nil {
		return err
	}
	var buf []byte
	for _, j := range s.order {
		var err error
		if buf, err = s.results.Read(j, buf); err != nil {
			return err
		}
		res, err := spool.Decode(buf, s.rep.Rules)
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
			errs = append(errs, sp.Close())
		}
	}
	return errors.Join(errs...)
}
