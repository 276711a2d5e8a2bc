package contract

import (
	"fmt"
	"testing"
)

// TestInputSchemaHasNoAny walks the input schema the way OPA's type checker reads it and fails on
// any node it would read as any: such a node, joined into a union, makes the whole union any, and
// a typo in any path beneath it compiles and silently never matches (a `type: null` alternative of
// src did that to every list's items). The x- annotations are exempt: OPA ignores
// patternProperties, and rules never read them.
func TestInputSchemaHasNoAny(t *testing.T) {
	s, err := NewSchema()
	if err != nil {
		t.Fatal(err)
	}
	var walk func(v any, path string)
	walk = func(v any, path string) {
		n, ok := v.(map[string]any)
		if !ok {
			return
		}
		typed := false
		for _, k := range []string{"type", "properties", "items", "anyOf", "oneOf", "allOf", "$ref"} {
			if _, ok := n[k]; ok {
				typed = true
			}
		}
		if !typed || n["type"] == "null" {
			t.Errorf("%s: OPA reads this schema as any: %v", path, n)
		}
		if _, ok := n["type"].([]any); ok {
			t.Errorf("%s: a list of types, which OPA reads as one of them only: %v", path, n["type"])
		}
		for _, k := range []string{"properties", "definitions"} {
			m, _ := n[k].(map[string]any)
			for name, e := range m {
				walk(e, path+"/"+k+"/"+name)
			}
		}
		walk(n["items"], path+"/items")
		for _, k := range []string{"anyOf", "oneOf", "allOf"} {
			alts, _ := n[k].([]any)
			for i, a := range alts {
				walk(a, fmt.Sprintf("%s/%s/%d", path, k, i))
			}
		}
	}
	walk(s.InputSchema(), "#")
}
