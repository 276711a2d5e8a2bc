package spool

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// A report.Stream spools each result in this compact binary form, for the formats that need every
// result again at the end (SARIF, GitHub, Markdown, JUnit). It is private to one run, so it has
// no version. It keeps what a writer can see: nil and empty slices apart, and each path step's Go
// type, since fingerprints print the path. A rule is written as its index in the report's rules,
// found by id, and read back as the report's rule; a Stream refuses a result whose rule the
// report does not list.
//
// gob would do the same with more bytes per result, and needs every type a policy may put in a
// path registered process-wide.

// Path step kinds.
const (
	stepInt byte = iota
	stepString
	stepNumber // json.Number that is not an int (a policy wrote 1.5)
	stepTrue
	stepFalse
	stepNull
	stepJSON // an object or array in a path: kept as JSON, read back with json.Number
)

// Encoder writes results of one run in spool form.
type Encoder struct {
	rules map[string]int
	buf   []byte
}

// NewEncoder returns an Encoder for results of rules, the report's rules.
func NewEncoder(rules []*engine.Rule) *Encoder {
	e := &Encoder{rules: make(map[string]int, len(rules))}
	for i, r := range rules {
		e.rules[r.ID] = i
	}
	return e
}

// Encode returns res in spool form; the bytes are valid until the next call.
func (e *Encoder) Encode(res *engine.Result) ([]byte, error) {
	b := e.buf[:0]
	b = appendString(b, res.Contract)
	b = appendString(b, res.File)
	b = binary.AppendUvarint(b, sliceLen(res.Rules == nil, len(res.Rules)))
	for i := range res.Rules {
		rr := &res.Rules[i]
		idx, ok := -1, rr.Rule != nil
		if ok {
			idx, ok = e.rules[rr.Rule.ID]
		}
		if !ok {
			return nil, fmt.Errorf("result for %s: rule %s is not among the report's rules", res.Contract, ruleIDOf(rr.Rule))
		}
		b = binary.AppendUvarint(b, uint64(idx))
		b = appendString(b, string(rr.Verdict))
		b = binary.AppendUvarint(b, sliceLen(rr.Findings == nil, len(rr.Findings)))
		for _, f := range rr.Findings {
			var err error
			if b, err = appendFinding(b, f); err != nil {
				return nil, fmt.Errorf("result for %s, rule %s: %w", res.Contract, rr.Rule.ID, err)
			}
		}
		if w := rr.Waiver; w == nil {
			b = append(b, 0)
		} else {
			b = append(b, 1)
			b = appendString(b, w.Reason)
			b = appendString(b, w.ApprovedBy)
			b = appendString(b, w.Expires)
			b = appendBool(b, w.Expired)
		}
	}
	e.buf = b
	return b, nil
}

func appendFinding(b []byte, f engine.Finding) ([]byte, error) {
	b = appendString(b, f.Message)
	b = binary.AppendUvarint(b, sliceLen(f.Path == nil, len(f.Path)))
	for _, step := range f.Path {
		var err error
		if b, err = appendStep(b, step); err != nil {
			return nil, err
		}
	}
	b = appendString(b, f.File)
	b = binary.AppendVarint(b, int64(f.Line))
	b = binary.AppendVarint(b, int64(f.Column))
	b = binary.AppendUvarint(b, sliceLen(f.Sources == nil, len(f.Sources)))
	for _, s := range f.Sources {
		b = appendString(b, s.Art)
		b = appendString(b, s.Quote)
	}
	var flags byte
	if f.Waived {
		flags |= findingWaived
	}
	if f.Open {
		flags |= findingOpen
	}
	return append(b, flags), nil
}

// The flags of a finding, one bit each.
const (
	findingWaived = 1 << iota
	findingOpen
)

func appendStep(b []byte, step any) ([]byte, error) {
	switch v := step.(type) {
	case int:
		return binary.AppendVarint(append(b, stepInt), int64(v)), nil
	case string:
		return appendString(append(b, stepString), v), nil
	case json.Number:
		return appendString(append(b, stepNumber), string(v)), nil
	case bool:
		if v {
			return append(b, stepTrue), nil
		}
		return append(b, stepFalse), nil
	case nil:
		return append(b, stepNull), nil
	case map[string]any, []any:
		// Policy results are JSON: an object's or array's elements are of the kinds above, and
		// come back the same from JSON read with UseNumber.
		j, err := json.Marshal(step)
		if err != nil {
			return nil, fmt.Errorf("finding path step %v: %w", step, err)
		}
		return appendString(append(b, stepJSON), string(j)), nil
	}
	return nil, fmt.Errorf("finding path step %v: a %T is not a value a policy returns", step, step)
}

// sliceLen is 0 for a nil slice and n+1 for one of length n.
func sliceLen(isNil bool, n int) uint64 {
	if isNil {
		return 0
	}
	return uint64(n) + 1
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func ruleIDOf(r *engine.Rule) string {
	if r == nil {
		return "(none)"
	}
	return r.ID
}

var errCorrupt = errors.New("spooled result is corrupt")

// resultDecoder reads what Encoder wrote, with the same rules.
type resultDecoder struct {
	rules []*engine.Rule
	b     []byte
	err   error
}

// Decode reads a result Encode wrote with the same rules; corrupt bytes are an error, never a
// panic.
func Decode(b []byte, rules []*engine.Rule) (*engine.Result, error) {
	d := &resultDecoder{rules: rules, b: b}
	res := &engine.Result{Contract: d.string(), File: d.string()}
	n, isNil := d.slice()
	if !isNil {
		res.Rules = make([]engine.RuleResult, 0, n)
	}
	for range n {
		rr := engine.RuleResult{}
		if i := d.uvarint(); i < uint64(len(rules)) {
			rr.Rule = rules[i]
		} else {
			d.fail()
		}
		rr.Verdict = engine.Verdict(d.string())
		if m, isNil := d.slice(); !isNil {
			rr.Findings = make([]engine.Finding, 0, m)
			for range m {
				rr.Findings = append(rr.Findings, d.finding())
			}
		}
		if d.bool() {
			rr.Waiver = &engine.WaiverNote{Reason: d.string(), ApprovedBy: d.string(), Expires: d.string(), Expired: d.bool()}
		}
		res.Rules = append(res.Rules, rr)
		if d.err != nil {
			break
		}
	}
	if d.err == nil && len(d.b) > 0 {
		d.fail()
	}
	if d.err != nil {
		return nil, d.err
	}
	return res, nil
}

func (d *resultDecoder) finding() engine.Finding {
	f := engine.Finding{Message: d.string()}
	if n, isNil := d.slice(); !isNil {
		f.Path = make([]any, 0, n)
		for range n {
			f.Path = append(f.Path, d.step())
		}
	}
	f.File = d.string()
	f.Line = int(d.varint())
	f.Column = int(d.varint())
	if n, isNil := d.slice(); !isNil {
		f.Sources = make([]contract.Source, 0, n)
		for range n {
			f.Sources = append(f.Sources, contract.Source{Art: d.string(), Quote: d.string()})
		}
	}
	flags := d.byte()
	f.Waived, f.Open = flags&findingWaived != 0, flags&findingOpen != 0
	return f
}

func (d *resultDecoder) step() any {
	switch d.byte() {
	case stepInt:
		return int(d.varint())
	case stepString:
		return d.string()
	case stepNumber:
		return json.Number(d.string())
	case stepTrue:
		return true
	case stepFalse:
		return false
	case stepNull:
		return nil
	case stepJSON:
		raw := d.string()
		dec := json.NewDecoder(strings.NewReader(raw))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err != nil || dec.InputOffset() != int64(len(raw)) {
			d.fail()
		}
		return v
	}
	d.fail()
	return nil
}

func (d *resultDecoder) fail() {
	if d.err == nil {
		d.err = errCorrupt
	}
	d.b = nil
}

func (d *resultDecoder) byte() byte {
	if len(d.b) == 0 {
		d.fail()
		return 0
	}
	c := d.b[0]
	d.b = d.b[1:]
	return c
}

func (d *resultDecoder) bool() bool {
	switch d.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	d.fail()
	return false
}

func (d *resultDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	d.skip(n)
	return v
}

func (d *resultDecoder) varint() int64 {
	v, n := binary.Varint(d.b)
	d.skip(n)
	return v
}

// skip moves past a varint of n bytes; n <= 0 is binary's way of saying there was none.
func (d *resultDecoder) skip(n int) {
	if n <= 0 {
		d.fail()
		return
	}
	d.b = d.b[n:]
}

// slice reads a length written by sliceLen. Every element takes at least a byte, so a length
// past the bytes left is corrupt, and a corrupt length cannot make the decoder allocate without
// limit.
func (d *resultDecoder) slice() (n int, isNil bool) {
	v := d.uvarint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(d.b)) {
		d.fail()
		return 0, true
	}
	return int(v - 1), false
}

func (d *resultDecoder) string() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail()
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}
