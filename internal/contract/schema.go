package contract

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"

	"github.com/termlint/termlint/schema"
)

// Schema is the compiled contract schema, plus what the loader derives from it: where durations
// and money sit, so that units are normalised wherever the schema puts them.
type Schema struct {
	compiled *jsonschema.Schema
	doc      map[string]any
	units    *unitNode
	// deal is the deal schema, whose deal mapping policies see as input.deal.
	deal map[string]any
}

// NewSchema compiles the embedded contract schema.
func NewSchema() (*Schema, error) {
	s, err := compileSchema(schema.ID, schema.Contract())
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(schema.Deal(), &s.deal); err != nil {
		return nil, fmt.Errorf("reading embedded schema %s: %w", schema.DealID, err)
	}
	return s, nil
}

func compileSchema(id string, raw []byte) (*Schema, error) {
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("reading embedded schema %s: %w", id, err)
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft7)
	if err := c.AddResource(id, doc); err != nil {
		return nil, fmt.Errorf("adding schema %s: %w", id, err)
	}
	compiled, err := c.Compile(id)
	if err != nil {
		return nil, fmt.Errorf("compiling schema %s: %w", id, err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("schema %s is not an object", id)
	}
	s := &Schema{compiled: compiled, doc: m, units: &unitNode{}}
	s.units.build(s, m, 0)
	return s, nil
}

func (s *Schema) validate(c *document, v map[string]any) []Diagnostic {
	// The validator understands the loader's types as they are, json.Number included.
	err := s.compiled.Validate(v)
	if err == nil {
		return nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return []Diagnostic{{File: c.File, Line: 1, Column: 1, Message: err.Error()}}
	}
	var out []Diagnostic
	seen := map[string]bool{}
	for _, leaf := range leaves(ve) {
		d := s.diagnostic(c, leaf)
		if k := d.String(); !seen[k] {
			seen[k] = true
			out = append(out, d)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}

// leaves flattens an error tree to the errors a person should read. Under anyOf, the branches
// whose type does not even match are dropped: "expected a list" is noise when the author clearly
// wrote a mapping for the mapping branch.
func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	switch e.ErrorKind.(type) {
	case *kind.AnyOf, *kind.OneOf:
		var keep []*jsonschema.ValidationError
		for _, c := range e.Causes {
			if _, isType := c.ErrorKind.(*kind.Type); isType && len(c.Causes) == 0 {
				continue
			}
			keep = append(keep, c)
		}
		if len(keep) == 0 {
			return []*jsonschema.ValidationError{e}
		}
		// Several plausible branches: report the one that got furthest (deepest error), which is
		// the branch the author meant.
		best := keep[0]
		for _, c := range keep[1:] {
			if depth(c) > depth(best) {
				best = c
			}
		}
		return leaves(best)
	}
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

func depth(e *jsonschema.ValidationError) int {
	d := len(e.InstanceLocation)
	for _, c := range e.Causes {
		d = max(d, depth(c))
	}
	return d
}

func pathOf(loc []string) []any {
	p := make([]any, len(loc))
	for i, s := range loc {
		p[i] = s
	}
	return p
}

func pointer(loc []string) string {
	if len(loc) == 0 {
		return "the contract"
	}
	return strings.Join(loc, ".")
}

// diagnostic words a schema error for a person who writes contracts, not JSON Schema.
func (s *Schema) diagnostic(c *document, e *jsonschema.ValidationError) Diagnostic {
	loc := e.InstanceLocation
	line, col := c.Position(pathOf(loc))
	msg := ""
	switch k := e.ErrorKind.(type) {
	case *kind.AdditionalProperties:
		sort.Strings(k.Properties)
		name := k.Properties[0]
		line, col = c.keyPosition(pathOf(loc), name)
		msg = fmt.Sprintf("unknown key %q in %s", name, pointer(loc))
		if hint := closest(name, s.allowedKeys(e.SchemaURL)); hint != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", hint)
		}
		msg += "; your own annotations must start with x-"
	case *kind.Required:
		missing := k.Missing[0]
		switch missing {
		case "src":
			msg = fmt.Sprintf("missing src in %s: a fact needs its article and verbatim quote, or status: absent", pointer(loc))
		case "note":
			msg = fmt.Sprintf("missing note in %s: status ambiguous needs a note saying what a person must look at", pointer(loc))
		default:
			msg = fmt.Sprintf("missing required key %q in %s", missing, pointer(loc))
		}
	case *kind.Type:
		msg = fmt.Sprintf("%s: expected %s, got %s", pointer(loc), wantNames(k.Want), jsonTypeName(k.Got))
		if len(loc) > 0 && loc[len(loc)-1] == "src" && k.Got != "null" {
			msg = fmt.Sprintf("%s: src must be null when status is absent", pointer(loc))
		}
	case *kind.Enum:
		msg = fmt.Sprintf("%s: %s is not allowed; expected one of %s", pointer(loc), display(k.Got), displayList(k.Want))
	case *kind.Const:
		msg = fmt.Sprintf("%s: expected %s, got %s", pointer(loc), display(k.Want), display(k.Got))
	case *kind.Pattern:
		msg = s.patternMessage(e, k, loc)
	case *kind.MaxItems:
		msg = fmt.Sprintf("%s: %d items, more than the %d allowed", pointer(loc), k.Got, k.Want)
	case *kind.MinItems:
		msg = fmt.Sprintf("%s: must not be empty", pointer(loc))
	case *kind.MinLength:
		msg = fmt.Sprintf("%s: must not be empty", pointer(loc))
	case *kind.MaxLength:
		msg = fmt.Sprintf("%s: %d characters, more than the %d allowed: quote the clause, not the document", pointer(loc), k.Got, k.Want)
	case *kind.Not:
		// The only "not" in the schema: a fact group set in another document carries no status.
		msg = fmt.Sprintf("%s: defined_in and status exclude each other: a value set in another document is neither absent nor ambiguous here", pointer(loc))
	case *kind.Minimum:
		msg = fmt.Sprintf("%s: %v is below the minimum %v", pointer(loc), k.Got, k.Want)
	case *kind.Maximum:
		msg = fmt.Sprintf("%s: %v is above the maximum %v", pointer(loc), k.Got, k.Want)
	default:
		msg = fmt.Sprintf("%s: %s", pointer(loc), e.Error())
	}
	return Diagnostic{File: c.File, Line: line, Column: col, Message: msg}
}

func (s *Schema) patternMessage(e *jsonschema.ValidationError, k *kind.Pattern, loc []string) string {
	switch {
	case strings.HasSuffix(e.SchemaURL, "/definitions/duration"):
		_, err := ParseDuration(k.Got)
		if err != nil {
			return fmt.Sprintf("%s: %v", pointer(loc), err)
		}
	case strings.HasSuffix(e.SchemaURL, "/currency"):
		return fmt.Sprintf("%s: invalid currency %q: want an ISO 4217 code such as EUR", pointer(loc), k.Got)
	case strings.HasSuffix(e.SchemaURL, "/country") || strings.HasSuffix(e.SchemaURL, "/value") || strings.Contains(e.SchemaURL, "/countries/"):
		return fmt.Sprintf("%s: invalid country %q: want an ISO 3166-1 alpha-2 code such as BE or NL", pointer(loc), k.Got)
	case strings.HasSuffix(e.SchemaURL, "/language"):
		return fmt.Sprintf("%s: invalid language %q: want an ISO 639-1 code such as nl", pointer(loc), k.Got)
	}
	return fmt.Sprintf("%s: %q does not have the expected form %s", pointer(loc), k.Got, k.Want)
}

// allowedKeys returns the property names of the schema object at url (the object whose
// additionalProperties rejected a key), for a "did you mean" hint.
func (s *Schema) allowedKeys(url string) []string {
	_, frag, _ := strings.Cut(url, "#")
	frag = strings.TrimSuffix(frag, "/additionalProperties")
	var v any = s.doc
	for _, part := range strings.Split(strings.TrimPrefix(frag, "/"), "/") {
		if part == "" {
			continue
		}
		switch t := v.(type) {
		case map[string]any:
			v = t[part]
		case []any:
			var i int
			if _, err := fmt.Sscan(part, &i); err != nil || i >= len(t) {
				return nil
			}
			v = t[i]
		default:
			return nil
		}
	}
	m, _ := v.(map[string]any)
	props, _ := m["properties"].(map[string]any)
	keys := slices.Sorted(maps.Keys(props))
	return keys
}

// closest returns the allowed key nearest to name when it is near enough to be a typo.
func closest(name string, keys []string) string {
	best, bestD := "", len(name)/3+2
	for _, k := range keys {
		if d := levenshtein(name, k); d < bestD {
			best, bestD = k, d
		}
	}
	return best
}

func levenshtein(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

func wantNames(want []string) string {
	names := make([]string, len(want))
	for i, w := range want {
		names[i] = jsonTypeName(w)
	}
	return strings.Join(names, " or ")
}

func jsonTypeName(t string) string {
	switch t {
	case "object":
		return "a mapping"
	case "array":
		return "a list"
	case "string":
		return "text"
	case "number", "integer":
		return "a number"
	case "boolean":
		return "true or false"
	case "null":
		return "null"
	}
	return t
}

func display(v any) string {
	switch t := v.(type) {
	case string:
		return fmt.Sprintf("%q", t)
	case nil:
		return "null"
	}
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}

func displayList(vs []any) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		parts[i] = display(v)
	}
	return strings.Join(parts, ", ")
}
