package engine

import (
	"reflect"
	"testing"
)

func TestRuleParams(t *testing.T) {
	params := map[string]any{
		"liability": map[string]any{"excluded_damage": map[string]any{"min": 1}, "flat": 3},
	}
	tests := []struct {
		id   string
		want map[string]any
	}{
		{"liability/excluded-damage", map[string]any{"min": 1}},
		{"liability/flat", nil},        // not a mapping: no params
		{"liability/missing", nil},     // absent
		{"liability/flat/deeper", nil}, // through a scalar
		{"other/excluded-damage", nil}, // another area
	}
	for _, tt := range tests {
		if got := RuleParams(params, tt.id); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("RuleParams(%q) = %v, want %v", tt.id, got, tt.want)
		}
	}
}
