package engine

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/termlint/termlint/schema"
)

// TestAmountWordsLocations keeps drafting/amount-words in step with the contract model: the rule
// looks for amounts only where its locations list says, so a money field added to the schema
// but not to that list would go unchecked without a word.
func TestAmountWordsLocations(t *testing.T) {
	var doc any
	if err := json.Unmarshal(schema.Contract(), &doc); err != nil {
		t.Fatal(err)
	}
	var want []string
	moneyRefs(doc, nil, &want)
	if len(want) == 0 {
		t.Fatal("no use of #/definitions/money found in the schema; has the definition been renamed?")
	}
	slices.Sort(want)

	e, err := New(context.Background(), testSchema(t), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := rego.New(rego.Query("data.termlint.rules.drafting.amount_words.locations"), rego.Compiler(e.compiler), rego.Store(e.store)).Eval(context.Background())
	if err != nil || len(rs) != 1 {
		t.Fatalf("evaluating locations: %v %v", rs, err)
	}
	var got []string
	for _, loc := range rs[0].Expressions[0].Value.([]any) {
		var parts []string
		for _, p := range loc.([]any) {
			parts = append(parts, p.(string))
		}
		got = append(got, strings.Join(parts, "."))
	}
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("drafting/amount-words locations and the schema's money fields differ:\nrule:   %v\nschema: %v", got, want)
	}
}

// moneyRefs collects the data path of every schema node that refers to the money definition:
// properties name a key, items stand for "*", and combinators (anyOf, then, ...) add nothing.
func moneyRefs(node any, path []string, out *[]string) {
	switch n := node.(type) {
	case map[string]any:
		if n["$ref"] == "#/definitions/money" {
			*out = append(*out, strings.Join(path, "."))
		}
		for k, v := range n {
			switch k {
			case "definitions":
				// Definitions are reached through their uses.
			case "properties":
				if props, ok := v.(map[string]any); ok {
					for name, sub := range props {
						moneyRefs(sub, append(slices.Clone(path), name), out)
					}
				}
			case "items":
				moneyRefs(v, append(slices.Clone(path), "*"), out)
			default:
				moneyRefs(v, path, out)
			}
		}
	case []any:
		for _, v := range n {
			moneyRefs(v, path, out)
		}
	}
}
