package policies

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/open-policy-agent/opa/v1/ast"
)

// MaxRegoLine is the longest line of Rego allowed, in characters (a tab is one), as Regal's
// line-length rule counts them: long messages are built with concat over several lines.
const MaxRegoLine = 120

// regoFiles lists the Rego files of the playbook and of the example custom policies.
func regoFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, root := range []string{".", filepath.Join("..", "examples", "policies")} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".rego") {
				files = append(files, path)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(files) == 0 {
		t.Fatal("no Rego files found")
	}
	return files
}

func parseRego(t *testing.T, path string) ([]byte, *ast.Module) {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	m, err := ast.ParseModuleWithOpts(path, string(src), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return src, m
}

// TestLineLength: no line of Rego over MaxRegoLine characters, comments included.
func TestLineLength(t *testing.T) {
	for _, path := range regoFiles(t) {
		src, _ := parseRego(t, path)
		for i, line := range strings.Split(string(src), "\n") {
			if n := utf8.RuneCountInString(line); n > MaxRegoLine {
				t.Errorf("%s:%d: line of %d characters, over %d", path, i+1, n, MaxRegoLine)
			}
		}
	}
}

// builtinNames are the names of OPA's built-in functions that a bare variable could hide (all,
// count, max...); namespaced ones (time.now_ns) cannot be shadowed by a variable.
func builtinNames() map[string]bool {
	names := map[string]bool{}
	for name := range ast.BuiltinMap {
		if !strings.Contains(name, ".") {
			names[name] = true
		}
	}
	return names
}

// boundVars returns the variables a module declares: rule and function names, function
// arguments, the left side of := and =, some and every declarations. A reference to a built-in
// (a call) is not a declaration.
func boundVars(m *ast.Module) []*ast.Term {
	var out []*ast.Term
	collect := func(x any) {
		ast.WalkTerms(x, func(t *ast.Term) bool {
			if _, ok := t.Value.(ast.Var); ok {
				out = append(out, t)
			}
			// Only the variables themselves: a ref or call is read, not declared.
			_, isRef := t.Value.(ast.Ref)
			_, isCall := t.Value.(ast.Call)
			return isRef || isCall
		})
	}
	for _, r := range m.Rules {
		for _, a := range r.Head.Args {
			collect(a)
		}
	}
	ast.WalkExprs(m, func(e *ast.Expr) bool {
		if e.IsAssignment() || e.IsEquality() {
			collect(e.Operand(0))
		}
		switch x := e.Terms.(type) {
		case *ast.SomeDecl:
			for _, s := range x.Symbols {
				if call, ok := s.Value.(ast.Call); ok {
					// some k, v in xs: the operands but the collection.
					for _, op := range call[1 : len(call)-1] {
						collect(op)
					}
				} else {
					collect(s)
				}
			}
		case *ast.Every:
			if x.Key != nil {
				collect(x.Key)
			}
			collect(x.Value)
		}
		return false
	})
	return out
}

// TestNoShadowedBuiltins: a variable or argument named like a built-in (all, count...) hides it
// in its scope, so a later call reads the variable instead.
func TestNoShadowedBuiltins(t *testing.T) {
	builtins := builtinNames()
	for _, path := range regoFiles(t) {
		_, m := parseRego(t, path)
		for _, r := range m.Rules {
			if name := r.Head.Name.String(); builtins[name] {
				t.Errorf("%s:%d: rule %s shadows the built-in %s", path, r.Location.Row, name, name)
			}
		}
		for _, v := range boundVars(m) {
			if name := string(v.Value.(ast.Var)); builtins[name] {
				t.Errorf("%s:%d: variable %s shadows the built-in %s", path, v.Location.Row, name, name)
			}
		}
	}
}

// TestNoRedundantExistenceChecks: an expression that only checks a reference is defined
// (input.x.y), directly followed by one that uses that same reference, checks nothing the second
// does not: the second is undefined too when the reference is. Written once, it reads as intended.
func TestNoRedundantExistenceChecks(t *testing.T) {
	for _, path := range regoFiles(t) {
		_, m := parseRego(t, path)
		ast.WalkBodies(m, func(b ast.Body) bool {
			for i := 0; i+1 < len(b); i++ {
				if ref, ok := redundant(b[i], b[i+1]); ok {
					t.Errorf("%s:%d: %v is checked for existence, then used in the next expression", path, b[i].Location.Row, ref)
				}
			}
			return false
		})
	}
}

// existenceCheck: the expression is a bare reference to a value, neither negated nor a call.
func existenceCheck(e *ast.Expr) (ast.Ref, bool) {
	if e.Negated || len(e.With) > 0 {
		return nil, false
	}
	t, ok := e.Terms.(*ast.Term)
	if !ok {
		return nil, false
	}
	ref, ok := t.Value.(ast.Ref)
	return ref, ok && len(ref) > 1
}

// redundant: prev only checks that a reference is defined, and next, which is neither negated
// nor under with, reads it (or a reference below it) as an operand, outside any comprehension,
// so next is undefined whenever the reference is.
func redundant(prev, next *ast.Expr) (ast.Ref, bool) {
	ref, ok := existenceCheck(prev)
	if !ok || next.Negated || len(next.With) > 0 {
		return nil, false
	}
	var operands []*ast.Term
	switch x := next.Terms.(type) {
	case []*ast.Term:
		operands = x[1:]
	case *ast.Term:
		operands = []*ast.Term{x}
	default:
		return nil, false
	}
	found := false
	for _, op := range operands {
		ast.WalkTerms(op, func(t *ast.Term) bool {
			switch v := t.Value.(type) {
			case ast.Ref:
				if v.HasPrefix(ref) {
					found = true
				}
				return true
			case *ast.ArrayComprehension, *ast.SetComprehension, *ast.ObjectComprehension:
				return true
			}
			return found
		})
	}
	return ref, found
}

func TestStyleHelpers(t *testing.T) {
	mod := func(src string) *ast.Module {
		m, err := ast.ParseModuleWithOpts("x.rego", src, ast.ParserOptions{RegoVersion: ast.RegoV1})
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	names := func(m *ast.Module) []string {
		var out []string
		for _, v := range boundVars(m) {
			out = append(out, v.String())
		}
		slices.Sort(out)
		return out
	}
	got := names(mod("package x\n\nf(a, [b]) := c if {\n\tall := count([1])\n\tsome k, v in input.xs\n\tevery w in input.ys { w > 0 }\n\tc := {all: k | some z in [v]; z}\n}\n"))
	want := []string{"a", "all", "b", "c", "k", "v", "w", "z"}
	if !slices.Equal(got, want) {
		t.Errorf("bound variables: got %v, want %v", got, want)
	}
	for _, tc := range []struct {
		body string
		want bool
	}{
		{"input.a.b\n\tinput.a.b == 1", true},
		{"input.a.b\n\tcount(input.a.b.c) > 1", true},
		{"input.a.b\n\tnot input.a.b == 1", false},
		{"input.a.b\n\tinput.a.c == 1", false},
		{"input.a\n\tinput.a.b == 1", true},
		{"input.a.b == 1\n\tinput.a.b", false},
	} {
		m := mod(fmt.Sprintf("package x\n\nr if {\n\t%s\n}\n", tc.body))
		b := m.Rules[0].Body
		if _, got := redundant(b[0], b[1]); got != tc.want {
			t.Errorf("%q: redundant = %v, want %v", tc.body, got, tc.want)
		}
	}
}

// TestRulesTogether: every definition of a rule or function in a file is in one run, so a reader
// finds all of a name's cases in one place (Regal's messy-rule).
func TestRulesTogether(t *testing.T) {
	for _, path := range regoFiles(t) {
		_, m := parseRego(t, path)
		for _, name := range scattered(m) {
			t.Errorf("%s: the definitions of %s are split by other rules: keep them together", path, name)
		}
	}
}

// scattered returns the names whose definitions are interrupted by another name's.
func scattered(m *ast.Module) []string {
	seen := map[string]bool{}
	var out []string
	prev := ""
	for _, r := range m.Rules {
		name := r.Head.Ref().String()
		if name != prev && seen[name] && !slices.Contains(out, name) {
			out = append(out, name)
		}
		seen[name] = true
		prev = name
	}
	return out
}
