package engine

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
)

// BenchmarkEvaluate evaluates the whole playbook on the longest fixture: input conversion, one
// query, verdicts, positions and sources.
func BenchmarkEvaluate(b *testing.B) {
	e, err := New(context.Background(), testSchema(b), Options{}, 0)
	if err != nil {
		b.Fatal(err)
	}
	c := loadFixture(b, "vooruit.yaml")
	b.ReportAllocs()
	for b.Loop() {
		if res := e.Evaluate(context.Background(), c); len(res.Rules) == 0 {
			b.Fatal("no results")
		}
	}
}

// BenchmarkCompile loads, type-checks and compiles the default playbook: the fixed cost of every
// run.
func BenchmarkCompile(b *testing.B) {
	s := testSchema(b)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := New(context.Background(), s, Options{}, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkRule evaluates each rule alone on the longest fixture, so a slow rule shows by name.
func BenchmarkRule(b *testing.B) {
	e, err := New(context.Background(), testSchema(b), Options{}, 0)
	if err != nil {
		b.Fatal(err)
	}
	c := loadFixture(b, "vooruit.yaml")
	in, err := ast.InterfaceToValue(c.Input)
	if err != nil {
		b.Fatal(err)
	}
	for i, r := range e.Rules() {
		q, err := rego.New(rego.Query(fmt.Sprintf("data.termlint.engine.r%d", i)), rego.Compiler(e.compiler), rego.Store(e.store)).PrepareForEval(context.Background())
		if err != nil {
			b.Fatal(err)
		}
		b.Run(strings.ReplaceAll(r.ID, "/", "."), func(b *testing.B) {
			for b.Loop() {
				if _, err := q.Eval(context.Background(), rego.EvalParsedInput(in)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
