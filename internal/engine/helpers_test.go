package engine

import (
	"context"
	"fmt"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/termlint/termlint/internal/contract"
)

// The tests' shorthands: termlint itself evaluates within a run (EvaluateRun) and refuses
// builtins through Capabilities, so these live beside the tests, where deadcode does not count
// them as the program's.

// Evaluate is EvaluateRun for a single contract: when ctx ends first, every rule's verdict is
// Error.
func (e *Engine) Evaluate(ctx context.Context, c *contract.Contract) *Result {
	res, err := e.EvaluateRun(ctx, c)
	if err != nil {
		return e.allError(c, fmt.Sprintf("not evaluated: %v", err))
	}
	return res
}

// RefusedBuiltins lists the builtins of this OPA version that termlint policies cannot call, with
// the reason for each.
func RefusedBuiltins() map[string]string {
	out := map[string]string{}
	for _, b := range ast.CapabilitiesForThisVersion().Builtins {
		if r := refusedReason(b); r != "" {
			out[b.Name] = r
		}
	}
	return out
}
