// Package contract loads contract YAML into the value policies see, keeping every node's source
// position, and checks it: YAML hygiene and limits, the JSON Schema, units and verbatim quotes.
package contract

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// document is one parsed YAML document of a file, whose nodes know their positions: what a
// contract and a waivers file share, so that each can place its diagnostics.
type document struct {
	// File is the path as the user named it (or "-" for standard input).
	File string
	root *yaml.Node
}

// Contract is one YAML document of a file, loaded and normalised.
type Contract struct {
	document
	// Index is the document's position in a multi-document file, from 0; Documents is how many the
	// file holds, so that reports can say "doc 2 of 3" only when it matters.
	Index, Documents int
	// Input is the normalised value handed to policies: durations as {text, days}, money words as
	// {text, value}. For a deal, the documents' facts merged (see deal.go).
	Input map[string]any
	// isDeal marks a deal file's document; prov, in a deal, says which document each value of
	// Input comes from.
	isDeal bool
	prov   *provenance
}

// Name identifies the contract in reports: the file, and the document number when the file holds
// several.
func (c *Contract) Name() string {
	if c.Documents > 1 {
		return fmt.Sprintf("%s#%d", c.File, c.Index+1)
	}
	return c.File
}

// Diagnostic is a problem with an input, at a place in a file.
type Diagnostic struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s:%d:%d: %s", d.File, d.Line, d.Column, d.Message)
}

// Less orders diagnostics by file, then position, then text, so output is stable.
func (d Diagnostic) Less(o Diagnostic) bool {
	if d.File != o.File {
		return d.File < o.File
	}
	if d.Line != o.Line {
		return d.Line < o.Line
	}
	if d.Column != o.Column {
		return d.Column < o.Column
	}
	return d.Message < o.Message
}

// Source is one place in the vendor's document, as recorded in a src mapping.
type Source struct {
	Art   string `json:"art"`
	Quote string `json:"quote"`
}

// Position returns the line and column of the node at path (keys and list indexes, as policies
// write them). A path that leaves the document stops at the deepest node that exists, so a finding
// about a missing key points at the mapping that lacks it.
func (c *document) Position(path []any) (line, col int) {
	n := c.root
	key := c.root
	for _, step := range path {
		next, k := child(n, step)
		if next == nil {
			break
		}
		n, key = next, k
	}
	return placeOf(key, n)
}

// placeOf chooses where to point for a value: at its key when the value is a block collection
// (the key line is what a reader looks for), otherwise at the value itself.
func placeOf(key, val *yaml.Node) (int, int) {
	if key != nil && key != val && (val.Kind == yaml.MappingNode || val.Kind == yaml.SequenceNode) && val.Style&yaml.FlowStyle == 0 {
		return key.Line, key.Column
	}
	return val.Line, val.Column
}

// child steps from a mapping by key or a sequence by index; it returns the value node and the key
// node (the item itself for sequences).
func child(n *yaml.Node, step any) (val, key *yaml.Node) {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil {
		return nil, nil
	}
	switch n.Kind {
	case yaml.DocumentNode:
		if len(n.Content) == 0 {
			return nil, nil
		}
		return child(n.Content[0], step)
	case yaml.MappingNode:
		s, ok := step.(string)
		if !ok {
			return nil, nil
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == s {
				return deref(n.Content[i+1]), n.Content[i]
			}
		}
	case yaml.SequenceNode:
		i, ok := index(step)
		if !ok || i < 0 || i >= len(n.Content) {
			return nil, nil
		}
		return deref(n.Content[i]), n.Content[i]
	}
	return nil, nil
}

func deref(n *yaml.Node) *yaml.Node {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	return n
}

// index accepts the number types a path may hold: Go ints from our own code, json.Number and
// float64 from policies' output, and decimal strings from JSON pointers.
func index(step any) (int, bool) {
	switch v := step.(type) {
	case int:
		return v, true
	case float64:
		return int(v), v == float64(int(v))
	case json.Number:
		i, err := v.Int64()
		return int(i), err == nil
	case string:
		i, err := strconv.Atoi(v)
		return i, err == nil
	}
	return 0, false
}

// MaxSources bounds how many passages a finding about a set of facts quotes: enough to show the
// clauses a lawyer must read, not a whole section repeated under every rule that speaks of it.
const MaxSources = 10

// SourcesCounted returns the clauses a finding at path speaks of, so it can quote the vendor's
// words, with how many distinct passages the set at path holds in all (more than returned when the
// bound cut it):
//   - the src of the value at path, when it has one;
//   - for a list or a mapping of fact groups without a src of its own (all exclusions, all of
//     liability), the srcs of the facts in it, in document order, each passage once, at most
//     MaxSources: an ancestor's src would quote a clause about something else;
//   - otherwise (a scalar, a missing key, a set whose facts carry no src) the src of the deepest
//     mapping along the path that has one, the clause the fact belongs to.
func (c *Contract) SourcesCounted(path []any) ([]Source, int) {
	var found any
	var v any = c.Input
	// In a deal, a src above the value's own document is another document's clause.
	from := 0
	if c.prov != nil {
		_, from = c.prov.owner(path)
	}
	for i := 0; ; i++ {
		if m, ok := v.(map[string]any); ok && i >= from {
			if s, ok := m["src"]; ok && s != nil {
				found = s
			}
		}
		if i == len(path) {
			break
		}
		switch t := v.(type) {
		case map[string]any:
			s, ok := path[i].(string)
			if !ok {
				return bounded(sourcesOf(found))
			}
			v = t[s]
		case []any:
			j, ok := index(path[i])
			if !ok || j < 0 || j >= len(t) {
				return bounded(sourcesOf(found))
			}
			v = t[j]
		default:
			return bounded(sourcesOf(found))
		}
	}
	if m, ok := v.(map[string]any); ok && m["src"] != nil {
		return bounded(sourcesOf(m["src"]))
	}
	// The whole contract is no set of facts: a finding about it quotes nothing rather than ten
	// passages picked at random.
	if inner := c.sourcesUnder(path, v); len(path) > 0 && len(inner) > 0 {
		return bounded(inner)
	}
	return bounded(sourcesOf(found))
}

// bounded keeps the first MaxSources distinct passages and says how many there were.
func bounded(srcs []Source) ([]Source, int) {
	seen := make(map[Source]bool, len(srcs))
	out := srcs[:0:0]
	for _, s := range srcs {
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	n := len(out)
	if n > MaxSources {
		out = out[:MaxSources]
	}
	return out, n
}

// sourcesUnder collects the srcs of the facts in a list or mapping: a fact with a src gives it
// (its parts' srcs are narrower quotes of the same clause); one without is searched further.
// Mapping keys are taken in the order the facts stand in their documents.
func (c *Contract) sourcesUnder(path []any, v any) []Source {
	var out []Source
	switch t := v.(type) {
	case []any:
		for i, e := range t {
			out = append(out, c.factSources(append(path[:len(path):len(path)], i), e)...)
		}
	case map[string]any:
		type kid struct {
			key  string
			file string
			line int
			col  int
		}
		kids := make([]kid, 0, len(t))
		for k := range t {
			if k == "src" || k == "note" {
				continue
			}
			f, l, col := c.Locate(append(path[:len(path):len(path)], k))
			kids = append(kids, kid{k, f, l, col})
		}
		slices.SortFunc(kids, func(a, b kid) int {
			return cmp.Or(strings.Compare(a.file, b.file), cmp.Compare(a.line, b.line), cmp.Compare(a.col, b.col), strings.Compare(a.key, b.key))
		})
		for _, k := range kids {
			out = append(out, c.factSources(append(path[:len(path):len(path)], k.key), t[k.key])...)
		}
	}
	return out
}

func (c *Contract) factSources(path []any, v any) []Source {
	if m, ok := v.(map[string]any); ok && m["src"] != nil {
		return sourcesOf(m["src"])
	}
	return c.sourcesUnder(path, v)
}

func sourcesOf(v any) []Source {
	// Findings outlive their contract (reports are written at the end), and a parsed string may
	// share memory with the whole file it came from: cloning keeps a quote from pinning its file.
	one := func(m map[string]any) Source {
		a, _ := m["art"].(string)
		q, _ := m["quote"].(string)
		return Source{Art: strings.Clone(a), Quote: strings.Clone(q)}
	}
	switch t := v.(type) {
	case map[string]any:
		return []Source{one(t)}
	case []any:
		out := make([]Source, 0, len(t))
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				out = append(out, one(m))
			}
		}
		return out
	}
	return nil
}

// keyPosition points at key name inside the mapping at path, or at the mapping.
func (c *document) keyPosition(path []any, name string) (int, int) {
	n := c.root
	for _, step := range path {
		next, _ := child(n, step)
		if next == nil {
			return c.Position(path)
		}
		n = next
	}
	n = deref(n)
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = deref(n.Content[0])
	}
	if n.Kind == yaml.MappingNode {
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == name {
				return n.Content[i].Line, n.Content[i].Column
			}
		}
	}
	return c.Position(path)
}
