package schema

import (
	"encoding/json"
	"testing"
)

// TestDescriptions walks the contract and waivers schemas: every property and every enum value
// must carry a description, since editors show them as tooltips to the people who encode
// contracts.
func TestDescriptions(t *testing.T) {
	for name, raw := range map[string][]byte{"contract": Contract(), "waivers": Waivers(), "deal": Deal()} {
		var doc map[string]any
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		props, enums := 0, 0
		var walk func(v any, path string)
		walk = func(v any, path string) {
			m, ok := v.(map[string]any)
			if !ok {
				if a, ok := v.([]any); ok {
					for _, e := range a {
						walk(e, path)
					}
				}
				return
			}
			if ps, ok := m["properties"].(map[string]any); ok {
				for k, p := range ps {
					props++
					pm, _ := p.(map[string]any)
					if d, _ := pm["description"].(string); d == "" {
						t.Errorf("%s: property %s.%s has no description", name, path, k)
					}
				}
			}
			if e, ok := m["enum"].([]any); ok {
				enums += len(e)
				d, _ := m["enumDescriptions"].([]any)
				if len(d) != len(e) {
					t.Errorf("%s: enum at %s has %d values but %d descriptions", name, path, len(e), len(d))
				}
			}
			for k, c := range m {
				// if/then/else only restate properties as conditions; they are not what an
				// editor offers.
				if k == "if" || k == "then" || k == "else" {
					continue
				}
				walk(c, path+"."+k)
			}
		}
		walk(doc, name)
		if props < 5 {
			t.Errorf("%s: walked only %d properties", name, props)
		}
		t.Logf("%s: %d properties, %d enum values, all described", name, props, enums)
	}
}

// TestDealSharesDefinitions keeps the deal schema's copies of the contract schema's definitions
// equal to them: the deal schema stands alone for editors, but a role or a src must mean the same
// in both files.
func TestDealSharesDefinitions(t *testing.T) {
	defs := func(raw []byte) map[string]any {
		var doc struct {
			Definitions map[string]any `json:"definitions"`
		}
		if err := json.Unmarshal(raw, &doc); err != nil {
			t.Fatal(err)
		}
		return doc.Definitions
	}
	contract, deal := defs(Contract()), defs(Deal())
	for _, name := range []string{"doc_role", "src", "src_item", "note"} {
		a, _ := json.Marshal(contract[name])
		b, _ := json.Marshal(deal[name])
		if contract[name] == nil || string(a) != string(b) {
			t.Errorf("definition %s differs between contract.schema.json and deal.schema.json:\n%s\n%s", name, a, b)
		}
	}
}
