package contract

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// unitKind says what a schema location holds that the loader must normalise.
type unitKind int

const (
	plain unitKind = iota
	durationUnit
	moneyUnit
)

// unitNode is a trie of the schema's shape, keeping only what leads to a duration or money
// value, so that normalisation follows the schema instead of a list of key names.
type unitNode struct {
	kind     unitKind
	children map[string]*unitNode
	items    *unitNode
	// step is the key that leads here, boxed once: the walk appends it to every path it passes
	// down, and boxing the key on each visit would allocate.
	step any
}

// maxSchemaDepth guards the walk of $refs; the contract schema is not recursive, and this keeps
// a future recursive one from looping.
const maxSchemaDepth = 32

func (u *unitNode) build(s *Schema, node map[string]any, depth int) {
	if depth > maxSchemaDepth {
		return
	}
	if ref, ok := node["$ref"].(string); ok {
		switch ref {
		case "#/definitions/duration":
			u.kind = durationUnit
			return
		case "#/definitions/money":
			u.kind = moneyUnit
			return
		}
		if def := s.definition(ref); def != nil {
			u.build(s, def, depth+1)
		}
	}
	if props, ok := node["properties"].(map[string]any); ok {
		for k, p := range props {
			pm, ok := p.(map[string]any)
			if !ok {
				continue
			}
			if u.children == nil {
				u.children = map[string]*unitNode{}
			}
			c := u.children[k]
			if c == nil {
				c = &unitNode{step: k}
				u.children[k] = c
			}
			c.build(s, pm, depth+1)
		}
	}
	if items, ok := node["items"].(map[string]any); ok {
		if u.items == nil {
			u.items = &unitNode{}
		}
		u.items.build(s, items, depth+1)
	}
	for _, kw := range []string{"anyOf", "allOf", "oneOf"} {
		alts, _ := node[kw].([]any)
		for _, a := range alts {
			if am, ok := a.(map[string]any); ok {
				u.build(s, am, depth+1)
			}
		}
	}
}

func (s *Schema) definition(ref string) map[string]any {
	name, ok := strings.CutPrefix(ref, "#/definitions/")
	if !ok {
		return nil
	}
	defs, _ := s.doc["definitions"].(map[string]any)
	d, _ := defs[name].(map[string]any)
	return d
}

// normalise rewrites durations and money words in place, after the schema has accepted the
// value, and reports words that cannot be read as numbers.
func (s *Schema) normalise(c *Contract, v map[string]any) []Diagnostic {
	var diags []Diagnostic
	var walk func(u *unitNode, v any, path []any) any
	walk = func(u *unitNode, v any, path []any) any {
		switch u.kind {
		case durationUnit:
			str, ok := v.(string)
			if !ok {
				return v
			}
			d, err := ParseDuration(str)
			if err != nil {
				line, col := c.Position(path)
				diags = append(diags, Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf("%s: %v", pathString(path), err)})
				return v
			}
			return d.Value()
		case moneyUnit:
			m, ok := v.(map[string]any)
			if !ok {
				return v
			}
			if w, ok := m["amount_words"].(string); ok {
				n, err := ParseNumberWords(w)
				if err != nil {
					p := append(append([]any{}, path...), "amount_words")
					line, col := c.Position(p)
					diags = append(diags, Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf("%s: %v", pathString(p), err)})
					return v
				}
				m["amount_words"] = map[string]any{"text": w, "value": json.Number(strconv.FormatInt(n, 10))}
			}
			return m
		}
		switch t := v.(type) {
		case map[string]any:
			for k, cu := range u.children {
				if e, ok := t[k]; ok {
					t[k] = walk(cu, e, append(path, cu.step))
				}
			}
		case []any:
			if u.items != nil {
				for i, e := range t {
					t[i] = walk(u.items, e, append(path, i))
				}
			}
		}
		return v
	}
	// The path is only read while a diagnostic is made, so one buffer serves the whole walk;
	// contracts nest far less than 16 deep.
	walk(s.units, v, make([]any, 0, 16))
	return diags
}

func pathString(path []any) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	return strings.Join(parts, ".")
}

// InputSchema returns the schema of the input policies see: the contract schema with durations
// as {text, days, indefinite} and money words as {text, value}. OPA's type checker uses it, so a
// policy that reads input.liabilty or compares a duration as text fails at compile time. It is
// derived here, next to the normalisation it describes, so the two cannot drift apart.
func (s *Schema) InputSchema() map[string]any {
	out := deepCopy(s.doc).(map[string]any)
	defs := out["definitions"].(map[string]any)
	if s.deal != nil {
		// A deal's input is a contract's plus input.deal, the deal file's mapping; the deal
		// schema's definitions that the contract schema lacks come with it.
		dealDefs := deepCopy(s.deal["definitions"]).(map[string]any)
		for k, v := range dealDefs {
			if _, ok := defs[k]; !ok {
				defs[k] = v
			}
		}
		deal := deepCopy(dealDefs["deal"]).(map[string]any)
		deal["description"] = "The deal, when the input is a deal file's: its documents (each with id and status) and their order of precedence. Absent for a contract checked alone."
		out["properties"].(map[string]any)["deal"] = deal
	}
	stripValidationOnly(out)
	dropNullAlternatives(out)
	dur := defs["duration"].(map[string]any)
	defs["duration"] = map[string]any{
		"type":        "object",
		"description": dur["description"],
		"properties": map[string]any{
			"text":       map[string]any{"type": "string", "description": "The duration as written (12mo)."},
			"days":       map[string]any{"type": "number", "description": "The duration in calendar days (12mo = 365); absent when indefinite."},
			"indefinite": map[string]any{"type": "boolean", "description": "The document says indefinite."},
		},
		"additionalProperties": false,
	}
	money := defs["money"].(map[string]any)
	props := money["properties"].(map[string]any)
	props["amount_words"] = map[string]any{
		"type":        "object",
		"description": "The amount in words as written, and the number termlint read from it.",
		"properties": map[string]any{
			"text":  map[string]any{"type": "string", "description": "The words as written."},
			"value": map[string]any{"type": "number", "description": "The number the words say."},
		},
		"additionalProperties": false,
	}
	return out
}

// stripValidationOnly removes the three-state constraints (allOf with if/then/else): they check
// how src and status combine, which the loader has already enforced, and OPA's type checker
// cannot merge them into a type.
func stripValidationOnly(v any) {
	switch t := v.(type) {
	case map[string]any:
		delete(t, "allOf")
		delete(t, "if")
		delete(t, "then")
		delete(t, "else")
		defs, _ := t["definitions"].(map[string]any)
		delete(defs, "three_state")
		delete(defs, "three_state_nested")
		for _, e := range t {
			stripValidationOnly(e)
		}
	case []any:
		for _, e := range t {
			stripValidationOnly(e)
		}
	}
}

// dropNullAlternatives removes the `type: null` alternatives of anyOf and oneOf. OPA's schema
// reader has no null type and reads one as any, and a union with any is any: src (an item, a
// list of them, or null) became any, so every fact group a list could be instead of its items
// (the marker, which carries src) made the list's elements any too, and a typo in an item's
// field (s.prior_notic on an item of input.suspension) compiled and silently never matched.
// Without the alternative, src is an item or a list, which is what a rule may read from it; a
// rule that compares src with null still compiles (equality takes any two values).
func dropNullAlternatives(v any) {
	switch t := v.(type) {
	case map[string]any:
		for _, kw := range []string{"anyOf", "oneOf"} {
			alts, ok := t[kw].([]any)
			if !ok {
				continue
			}
			kept := alts[:0]
			for _, a := range alts {
				if am, ok := a.(map[string]any); ok && am["type"] == "null" {
					continue
				}
				kept = append(kept, a)
			}
			t[kw] = kept
		}
		for _, e := range t {
			dropNullAlternatives(e)
		}
	case []any:
		for _, e := range t {
			dropNullAlternatives(e)
		}
	}
}

func deepCopy(v any) any {
	switch t := v.(type) {
	case map[string]any:
		m := make(map[string]any, len(t))
		for k, e := range t {
			m[k] = deepCopy(e)
		}
		return m
	case []any:
		s := make([]any, len(t))
		for i, e := range t {
			s[i] = deepCopy(e)
		}
		return s
	}
	return v
}
