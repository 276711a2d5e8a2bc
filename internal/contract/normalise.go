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
				c = &unitNode{}
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
					t[k] = walk(cu, e, append(path, k))
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
	walk(s.units, v, nil)
	return diags
}

func pathString(path []any) string {
	parts := make([]string, len(path))
	for i, p := range path {
		parts[i] = fmt.Sprint(p)
	}
	return strings.Join(parts, ".")
}
