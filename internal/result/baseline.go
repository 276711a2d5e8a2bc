package result

import (
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/safefile"
)

// MaxBaselineBytes bounds a baseline file. A baseline is trusted input, but a wrong path (a device,
// a log) must not exhaust memory; the JSON of ten thousand contracts is about 100 MiB.
const MaxBaselineBytes = 256 << 20

// maxNewFindings bounds the list of new findings a report keeps. New findings are few in a pull
// request; a run without a fitting baseline can have them by the hundred thousand, and then a
// count and the first ones (in report order) say enough.
const maxNewFindings = 10000

// baselineDoc is what a baseline is read as: only the parts of termlint's JSON output that the
// comparison needs. A fingerprint field in the file is not read: the reader computes each one from
// the message and sources, so that an edited file cannot claim a match it does not have.
type baselineDoc struct {
	Version string `json:"version"`
	Rules   []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"rules"`
	Contracts []struct {
		Contract string `json:"contract"`
		Results  []struct {
			Rule     string         `json:"rule"`
			Verdict  engine.Verdict `json:"verdict"`
			Findings []struct {
				Message string            `json:"message"`
				Sources []contract.Source `json:"sources"`
				Open    bool              `json:"open"`
			} `json:"findings"`
		} `json:"results"`
	} `json:"contracts"`
}

// ReadBaseline reads the failing and waived findings of an earlier run's JSON output (termlint
// check -f json), e.g. one made on the target branch of a pull request.
func ReadBaseline(path string) ([]BaselineEntry, error) {
	data, err := readBounded(path, MaxBaselineBytes)
	if err != nil {
		return nil, err
	}
	var doc baselineDoc
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(path, data, err)
	}
	if doc.Version != CheckVersion {
		return nil, fmt.Errorf("baseline %s has version %q; this termlint reads %q (make it with termlint check -f json)", path, doc.Version, CheckVersion)
	}
	titles := map[string]string{}
	for _, r := range doc.Rules {
		titles[r.ID] = r.Title
	}
	var out []BaselineEntry
	for _, c := range doc.Contracts {
		for _, r := range c.Results {
			if r.Verdict != engine.Fail && r.Verdict != engine.Waived {
				continue
			}
			if len(r.Findings) == 0 {
				// The finding FindingsOf gives such a result, so that it fingerprints alike.
				f := engine.Finding{Message: titles[r.Rule]}
				out = append(out, BaselineEntry{Contract: c.Contract, Rule: r.Rule, Message: f.Message, Fingerprint: FindingFingerprint(c.Contract, r.Rule, f)})
				continue
			}
			for _, bf := range r.Findings {
				if bf.Open {
					// An open question is not a failure: it can be neither new nor fixed.
					continue
				}
				f := engine.Finding{Message: bf.Message, Sources: bf.Sources}
				out = append(out, BaselineEntry{Contract: c.Contract, Rule: r.Rule, Message: f.Message, Fingerprint: FindingFingerprint(c.Contract, r.Rule, f)})
			}
		}
	}
	return out, nil
}

// readBounded reads a baseline: a regular file of at most limit bytes.
func readBounded(path string, limit int64) ([]byte, error) {
	return ReadBounded("baseline", path, limit)
}

// ReadBounded reads a regular file of at most limit bytes; what names it in errors. Anything
// else is refused before it is read: a FIFO would block, a device such as /dev/zero never ends.
// The list of changed files (report.ReadChanged) is read the same way.
func ReadBounded(what, path string, limit int64) ([]byte, error) {
	f, info, err := safefile.Open(path)
	if errors.Is(err, safefile.ErrNotRegular) {
		kind := "not a file"
		if fi, serr := os.Stat(path); serr == nil {
			kind = fileKind(fi.Mode())
		}
		return nil, fmt.Errorf("%s %s is not a regular file but %s", what, path, kind)
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	// Only read: a failing Close loses nothing.
	defer func() { _ = f.Close() }()
	if info.Size() > limit {
		return nil, fmt.Errorf("%s %s is larger than the limit of %s", what, path, byteSize(limit))
	}
	// The bounded read also catches a file that grew since it was opened.
	data, err := safefile.ReadLimited(f, limit)
	var tooLarge *safefile.TooLargeError
	if errors.As(err, &tooLarge) {
		return nil, fmt.Errorf("%s %s is larger than the limit of %s", what, path, byteSize(limit))
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", what, err)
	}
	return data, nil
}

func fileKind(m os.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&os.ModeNamedPipe != 0:
		return "a named pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	case m&os.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

func byteSize(n int64) string {
	if n >= 1<<20 && n%(1<<20) == 0 {
		return strconv.FormatInt(n>>20, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// jsonError names the place in the file where decoding failed.
func jsonError(path string, data []byte, err error) error {
	var off int64 = -1
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		off = syn.Offset
	case errors.As(err, &typ):
		off = typ.Offset
	}
	if off < 0 {
		return fmt.Errorf("baseline %s is not termlint JSON output: %w", path, err)
	}
	line, col := lineCol(data, off)
	return fmt.Errorf("baseline %s:%d:%d: not termlint JSON output: %w", path, line, col, err)
}

// lineCol gives the 1-based line and column of the byte before off, the column counted in
// characters as termlint's other positions are: the decoder's offset is just past the byte it
// stopped at.
func lineCol(data []byte, off int64) (line, col int) {
	off = min(max(off, 0), int64(len(data)))
	if off == 0 {
		return 1, 1
	}
	line, start := 1, 0
	for i := range int(off - 1) {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:off])
}

// findingKey is what a baseline matches a finding on.
type findingKey struct{ contract, rule, fingerprint string }

// baselineRun is a comparison with a baseline in progress: results are observed one at a time,
// so that a Stream need not keep them. It keeps the baseline's findings and what concerns the new
// findings, so its size follows the baseline and the new findings, not the run.
type baselineRun struct {
	entries []BaselineEntry
	// unmatched counts, per key, the baseline's findings no result of this run has matched yet:
	// the baseline is a multiset, so one old finding excuses one identical finding now.
	unmatched map[findingKey]int
	// checked has the baseline's contracts, true for those this run checked.
	checked map[string]bool
	// newCount counts the new findings, listed or not.
	newCount int
}

// StartBaseline begins a comparison with an earlier run's failures: Observe then marks which
// failures are new, FinishBaseline lists the baseline's failures that no longer occur, and only
// new failures fail the run. Call it before the first Observe.
func (s *Summary) StartBaseline(base []BaselineEntry) {
	s.HasBaseline = true
	s.New = map[string]bool{}
	s.newFindings = map[string][]int{}
	s.NewFindings, s.NewFindingsOmitted = nil, 0
	s.Fixed = nil
	b := &baselineRun{entries: base, unmatched: map[findingKey]int{}, checked: map[string]bool{}}
	for _, e := range base {
		b.unmatched[findingKey{e.Contract, e.Rule, e.Fingerprint}]++
		b.checked[e.Contract] = false
	}
	s.baseline = b
}

// IsNewFinding says whether the i-th finding (as FindingsOf lists them) of rr is a failure the
// baseline lacks.
func (s *Summary) IsNewFinding(res *engine.Result, rr *engine.RuleResult, i int) bool {
	key := Fingerprint(res.Contract, rr)
	if !s.HasBaseline || rr.Verdict != engine.Fail || !s.New[key] {
		return false
	}
	some, partly := s.newFindings[key]
	return !partly || slices.Contains(some, i)
}

// Observe marks res's new failures; a no-op without a baseline. Findings are matched in
// the order the result lists them (by position), so that of two identical findings where the
// baseline had one, the later one is new.
func (s *Summary) Observe(res *engine.Result) {
	b := s.baseline
	if b == nil {
		return
	}
	if _, inBase := b.checked[res.Contract]; inBase {
		b.checked[res.Contract] = true
	}
	for i := range res.Rules {
		rr := &res.Rules[i]
		if rr.Verdict != engine.Fail && rr.Verdict != engine.Waived {
			continue
		}
		fs := FindingsOf(rr)
		var newIdx []int
		for j, f := range fs {
			if f.Open {
				continue
			}
			fp := FindingFingerprint(res.Contract, rr.Rule.ID, f)
			k := findingKey{res.Contract, rr.Rule.ID, fp}
			if b.unmatched[k] > 0 {
				b.unmatched[k]--
				continue
			}
			// A waived finding the baseline lacks is neither new nor failing.
			if rr.Verdict != engine.Fail {
				continue
			}
			newIdx = append(newIdx, j)
			b.newCount++
			s.NewFindings = append(s.NewFindings, NewFinding{
				Contract: res.Contract, File: f.FileOf(res), Rule: rr.Rule.ID,
				Line: f.Line, Column: f.Column, Message: f.Message, Sources: cloneSources(f.Sources), Fingerprint: fp,
			})
			if len(s.NewFindings) >= 2*maxNewFindings {
				// Cut to the first in report order, whatever order results arrive in, so that
				// the list is the same on every run.
				sortNewFindings(s.NewFindings)
				s.NewFindings = s.NewFindings[:maxNewFindings]
			}
		}
		if len(newIdx) > 0 {
			key := Fingerprint(res.Contract, rr)
			s.New[key] = true
			if len(newIdx) < failures(fs) {
				s.newFindings[key] = newIdx
			}
		}
	}
}

// cloneSources copies the clauses a kept new finding cites: a streamed result is dropped once
// written, and the strings it shares with its parsed contract must not keep the contract alive.
func cloneSources(srcs []contract.Source) []contract.Source {
	if len(srcs) == 0 {
		return nil
	}
	out := make([]contract.Source, len(srcs))
	for i, s := range srcs {
		out[i] = contract.Source{Art: strings.Clone(s.Art), Quote: strings.Clone(s.Quote)}
	}
	return out
}

func sortNewFindings(fs []NewFinding) {
	slices.SortFunc(fs, func(a, b NewFinding) int {
		return cmp.Or(cmp.Compare(a.Contract, b.Contract), cmp.Compare(a.Rule, b.Rule), cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column), cmp.Compare(a.Fingerprint, b.Fingerprint), cmp.Compare(a.Message, b.Message))
	})
}

// FinishBaseline lists the baseline's findings that no run result repeated, in the contracts this
// run checked, and puts the new findings in report order.
func (s *Summary) FinishBaseline() {
	b := s.baseline
	if b == nil {
		return
	}
	s.baseline = nil
	sortNewFindings(s.NewFindings)
	if len(s.NewFindings) > maxNewFindings {
		s.NewFindings = s.NewFindings[:maxNewFindings]
	}
	s.NewFindingsOmitted = b.newCount - len(s.NewFindings)
	for _, e := range b.entries {
		// A contract that was not part of this run is not fixed, just not checked.
		k := findingKey{e.Contract, e.Rule, e.Fingerprint}
		if b.checked[e.Contract] && b.unmatched[k] > 0 {
			b.unmatched[k]--
			s.Fixed = append(s.Fixed, e)
		}
	}
	slices.SortStableFunc(s.Fixed, func(a, b BaselineEntry) int {
		return cmp.Or(cmp.Compare(a.Contract, b.Contract), cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message), cmp.Compare(a.Fingerprint, b.Fingerprint))
	})
}

// BaselineEntry is one failing (or waived) finding of a baseline.
type BaselineEntry struct {
	Contract string `json:"contract"`
	Rule     string `json:"rule"`
	Message  string `json:"message"`
	// Fingerprint is FindingFingerprint of the finding, computed when the baseline is read.
	Fingerprint string `json:"fingerprint"`
}

// NewFinding is a failing finding that a baseline lacks.
type NewFinding struct {
	Contract string `json:"contract"`
	File     string `json:"file"`
	Rule     string `json:"rule"`
	Line     int    `json:"line"`
	Column   int    `json:"column"`
	Message  string `json:"message"`
	// Sources are the vendor's clauses the finding cites, so that a reviewer sees the new
	// failure in full without looking it up in the contract.
	Sources     []contract.Source `json:"sources,omitempty"`
	Fingerprint string            `json:"fingerprint"`
}

// failures counts the findings of a failing rule that are failures, not open questions.
func failures(fs []engine.Finding) int {
	n := 0
	for _, f := range fs {
		if !f.Open {
			n++
		}
	}
	return n
}
