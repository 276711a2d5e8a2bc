// Package engine compiles the playbook's Rego policies once and evaluates contracts against
// them, turning each rule's deny, unknown and applies into a verdict with positioned findings.
package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/rego"
	"github.com/open-policy-agent/opa/v1/storage"
	"github.com/open-policy-agent/opa/v1/storage/inmem"

	"github.com/termlint/termlint/internal/contract"
)

// DefaultTimeout bounds the evaluation of one contract; real contracts take well under a
// millisecond, so this only stops runaway policies.
const DefaultTimeout = 5 * time.Second

// MaxTimeout is the largest per-contract time limit accepted: a config from a pull request must
// not be able to lift the bound, and no real contract needs more.
const MaxTimeout = 60 * time.Second

// Engine is a compiled playbook, ready to evaluate contracts concurrently.
type Engine struct {
	rules    []*Rule
	compiler *ast.Compiler
	store    storage.Store
	query    rego.PreparedEvalQuery
	timeout  time.Duration
	params   map[string]any

	// perRule queries are prepared only when a contract's evaluation fails, to find out which
	// rule failed without losing the others' verdicts.
	perRuleOnce sync.Once
	perRule     []rego.PreparedEvalQuery
	perRuleErr  error

	// observe, when set (by tests), is told the contract's deadline and the deadline of each
	// query run for it, so that tests can check the budget is shared without timing anything.
	observe func(contract, query time.Time)
}

// generatedModule is the file name of the query module the engine writes; it appears in
// messages about it.
const generatedModule = "termlint/engine.rego"

// New loads, type-checks and compiles the policies. A *PolicyError lists what is wrong with them.
func New(ctx context.Context, schema *contract.Schema, opts Options, timeout time.Duration) (*Engine, error) {
	p, err := Load(opts)
	if err != nil {
		return nil, err
	}
	return p.Compile(ctx, schema, timeout)
}

// Policies are policies loaded, parsed and checked for rules, not yet compiled: the part of New
// that does not need the contract schema, so that a command can do it while the schema compiles.
type Policies struct {
	ps    *policySet
	rules []*Rule
}

// Load reads and parses the policies and finds their rules. A *PolicyError lists what is wrong
// with them.
func Load(opts Options) (*Policies, error) {
	ps, err := loadPolicies(opts)
	if err != nil {
		return nil, err
	}
	rules, err := findRules(ps.modules)
	if err != nil {
		return nil, err
	}
	if len(rules) == 0 {
		return nil, policyErr(strings.Join(opts.Dirs, ", "), "no rules: a rule is a package under %s with a METADATA custom.id", RulesPackage)
	}
	if err := ps.addQueryModule(rules); err != nil {
		return nil, err
	}
	return &Policies{ps: ps, rules: rules}, nil
}

// Compile type-checks the policies against the contract schema and compiles them; call it once.
// A *PolicyError lists what is wrong with them.
func (p *Policies) Compile(ctx context.Context, schema *contract.Schema, timeout time.Duration) (*Engine, error) {
	ps, rules := p.ps, p.rules
	compiler, err := compile(ps.modules, schema)
	if err != nil {
		return nil, err
	}
	store := inmem.NewFromObject(map[string]any{"termlint": map[string]any{"params": ps.params}})
	q, err := rego.New(
		rego.Query("data.termlint.engine.results"),
		rego.Compiler(compiler),
		rego.Store(store),
		rego.StrictBuiltinErrors(true),
	).PrepareForEval(ctx)
	if err != nil {
		return nil, fmt.Errorf("preparing query: %w", err)
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &Engine{rules: rules, compiler: compiler, store: store, query: q, timeout: timeout, params: ps.params}, nil
}

// Rules returns the rules, sorted by id.
func (e *Engine) Rules() []*Rule { return e.rules }

// Params returns the thresholds in force (defaults with overrides applied).
func (e *Engine) Params() map[string]any { return e.params }

// newCompiler is the one compiler configuration for checks, tests and bundles: strict, with
// restricted capabilities, and input typed by the contract schema.
func newCompiler(schema *contract.Schema, print bool) *ast.Compiler {
	ss := ast.NewSchemaSet()
	ss.Put(ast.SchemaRootRef, schema.InputSchema())
	return ast.NewCompiler().
		WithStrict(true).
		WithCapabilities(Capabilities()).
		WithSchemas(ss).
		WithUseTypeCheckAnnotations(true).
		WithEnablePrintStatements(print)
}

func compile(modules map[string]*ast.Module, schema *contract.Schema) (*ast.Compiler, error) {
	c := newCompiler(schema, false)
	c.Compile(modules)
	if c.Failed() {
		return nil, &PolicyError{Problems: problemsOf(c.Errors)}
	}
	return c, nil
}

// findRules reads each rule package's METADATA. A package under termlint.rules that defines
// deny but has no id is an error: its findings would have no name in any report.
func findRules(modules map[string]*ast.Module) ([]*Rule, error) {
	byPkg := map[string]*Rule{}
	at := map[string]*ast.Location{}
	hasDeny := map[string]string{}
	var problems []Problem
	names := slices.Sorted(maps.Keys(modules))
	for _, name := range names {
		m := modules[name]
		pkg := strings.TrimPrefix(m.Package.Path.String(), "data.")
		if !strings.HasPrefix(pkg, RulesPackage+".") {
			continue
		}
		for _, r := range m.Rules {
			if r.Head.Name.String() == "deny" || (len(r.Head.Reference) > 0 && r.Head.Reference[0].Value.Compare(ast.Var("deny")) == 0) {
				hasDeny[pkg] = name
			}
		}
		for _, a := range m.Annotations {
			if a.Scope != "package" {
				continue
			}
			id, _ := a.Custom["id"].(string)
			if id == "" {
				continue
			}
			rule, err := ruleOf(a, pkg, name)
			if err != nil {
				problems = append(problems, *err)
				continue
			}
			if prev, dup := byPkg[pkg]; dup {
				problems = append(problems, Problem{File: name, Line: a.Location.Row, Column: a.Location.Col, Message: fmt.Sprintf("package %s has METADATA in two files (also %s)", pkg, prev.File)})
				continue
			}
			byPkg[pkg] = rule
			at[pkg] = a.Location
		}
	}
	// Maps are walked in sorted order: which of two packages with one id is "first", and so
	// which file a message names, must not change from run to run. By file, then package, so
	// that the error sits at the later file and names the earlier.
	pkgs := slices.SortedFunc(maps.Keys(byPkg), func(a, b string) int {
		if c := strings.Compare(byPkg[a].File, byPkg[b].File); c != 0 {
			return c
		}
		return strings.Compare(a, b)
	})
	ids := map[string]string{}
	var rules []*Rule
	for _, pkg := range pkgs {
		r := byPkg[pkg]
		if other, dup := ids[r.ID]; dup {
			problems = append(problems, Problem{
				File: r.File, Line: at[pkg].Row, Column: at[pkg].Col,
				Message: fmt.Sprintf("rule id %q is used by two packages: %s (%s) and %s (%s)", r.ID, other, byPkg[other].File, pkg, r.File),
			})
			continue
		}
		ids[r.ID] = pkg
		if _, ok := hasDeny[pkg]; !ok {
			problems = append(problems, Problem{File: r.File, Line: at[pkg].Row, Column: at[pkg].Col, Message: fmt.Sprintf("rule %s (package %s) defines no deny rule", r.ID, pkg)})
			continue
		}
		rules = append(rules, r)
	}
	for _, pkg := range slices.Sorted(maps.Keys(hasDeny)) {
		if _, ok := byPkg[pkg]; !ok {
			problems = append(problems, Problem{File: hasDeny[pkg], Message: fmt.Sprintf("package %s defines deny but has no package METADATA with custom.id (and title, severity)", pkg)})
		}
	}
	if len(problems) > 0 {
		// A total order (message last), so that two problems at one place keep their order too.
		sort.Slice(problems, func(i, j int) bool { return problems[i].Less(problems[j]) })
		return nil, &PolicyError{Problems: problems}
	}
	sort.Slice(rules, func(i, j int) bool { return rules[i].ID < rules[j].ID })
	return rules, nil
}

func ruleOf(a *ast.Annotations, pkg, file string) (*Rule, *Problem) {
	bad := func(format string, args ...any) *Problem {
		return &Problem{File: file, Line: a.Location.Row, Column: a.Location.Col, Message: fmt.Sprintf(format, args...)}
	}
	r := &Rule{Title: a.Title, Description: strings.TrimSpace(a.Description), Package: "data." + pkg, File: file}
	r.ID, _ = a.Custom["id"].(string)
	sev, _ := a.Custom["severity"].(string)
	r.Severity = Severity(sev)
	switch r.Severity {
	case SeverityError, SeverityWarning, SeverityInfo:
	default:
		return nil, bad("rule %s: custom.severity must be error, warning or info, got %q", r.ID, sev)
	}
	if r.Title == "" {
		return nil, bad("rule %s: METADATA needs a title", r.ID)
	}
	if refs, ok := a.Custom["references"].([]any); ok {
		for _, x := range refs {
			if s, ok := x.(string); ok {
				r.References = append(r.References, s)
			}
		}
	}
	r.Remediation, _ = a.Custom["remediation"].(string)
	r.Remediation = strings.TrimSpace(r.Remediation)
	return r, nil
}

func (ps *policySet) addQueryModule(rules []*Rule) error {
	mod, src, err := queryModule(rules, ps.modules)
	if err != nil {
		return err
	}
	ps.modules[generatedModule] = mod
	ps.raw[generatedModule] = []byte(src)
	return nil
}

// queryModule writes one Rego module that gathers every rule's deny, unknown and applies into a
// single object, so a contract is evaluated with one query instead of three per rule.
func queryModule(rules []*Rule, modules map[string]*ast.Module) (*ast.Module, string, error) {
	defined := map[string]bool{}
	for _, m := range modules {
		pkg := m.Package.Path.String()
		for _, r := range m.Rules {
			defined[pkg+"."+r.Head.Name.String()] = true
		}
	}
	var b strings.Builder
	b.WriteString("package termlint.engine\n\n")
	b.WriteString("results := {\n")
	for i, r := range rules {
		fmt.Fprintf(&b, "\t%q: r%d,\n", r.ID, i)
	}
	b.WriteString("}\n\n")
	for i, r := range rules {
		// A rule that does not apply is not evaluated further. One that applies gives its
		// failures and its open questions both: a failing rule's open questions are reported
		// next to its failures, since a reader must settle them too (the other clauses that
		// bear on the rule), though they do not change the verdict.
		fmt.Fprintf(&b, "r%[1]d := {\"applies\": false, \"deny\": set(), \"unknown\": set()} if a%[1]d == false\n\n", i)
		fmt.Fprintf(&b, "else := {\"applies\": true, \"deny\": d%[1]d, \"unknown\": u%[1]d}\n\n", i)
		for _, part := range []struct{ v, name, fallback string }{{"d", "deny", "set()"}, {"u", "unknown", "set()"}, {"a", "applies", "true"}} {
			ref := r.Package + "." + part.name
			if defined[ref] {
				fmt.Fprintf(&b, "%s%d := x if x := %s\n\nelse := %s\n\n", part.v, i, ref, part.fallback)
			} else {
				fmt.Fprintf(&b, "%s%d := %s\n\n", part.v, i, part.fallback)
			}
		}
	}
	m, err := ast.ParseModuleWithOpts(generatedModule, b.String(), ast.ParserOptions{RegoVersion: ast.RegoV1})
	if err != nil {
		return nil, "", fmt.Errorf("generating query module: %w", err)
	}
	return m, b.String(), nil
}

// EvaluateRun runs every rule on c within a run whose bound is ctx. An error in one rule (a
// runtime error or the time limit) makes that rule's verdict Error, naming the rule, and leaves
// the others' verdicts intact. When ctx ends before the contract's evaluation is complete, it
// returns ctx's error and no result, so that the caller reports the contract as not evaluated
// instead of as failing. The contract's own time limit is one deadline
// for all its work: half of it for the query that evaluates every rule at once and, if that
// fails, the rest shared by the rules re-run one by one to find the one at fault.
func (e *Engine) EvaluateRun(ctx context.Context, c *contract.Contract) (*Result, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	input, err := ast.InterfaceToValue(c.Input)
	if err != nil {
		return e.allError(c, fmt.Sprintf("cannot convert contract to policy input: %v", err)), nil
	}
	start := time.Now()
	deadline := start.Add(e.timeout)
	qctx, cancel := context.WithDeadline(ctx, start.Add(e.timeout/2))
	e.observed(qctx, deadline)
	rs, err := e.query.Eval(qctx, rego.EvalParsedInput(input))
	cancel()
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		res := e.evaluateRuleByRule(ctx, c, input, e.timeout-time.Since(start))
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		return res, nil
	}
	res := &Result{Contract: c.Name(), File: c.File, Rules: make([]RuleResult, len(e.rules))}
	if len(rs) != 1 || len(rs[0].Expressions) != 1 {
		return e.allError(c, "the policies produced no result"), nil
	}
	all, _ := rs[0].Expressions[0].Value.(map[string]any)
	for i, r := range e.rules {
		res.Rules[i] = e.verdict(c, r, all[r.ID])
	}
	return res, nil
}

func (e *Engine) observed(ctx context.Context, contractDeadline time.Time) {
	if e.observe != nil {
		d, _ := ctx.Deadline()
		e.observe(contractDeadline, d)
	}
}

func (e *Engine) allError(c *contract.Contract, msg string) *Result {
	res := &Result{Contract: c.Name(), File: c.File}
	for _, r := range e.rules {
		res.Rules = append(res.Rules, RuleResult{Rule: r, Verdict: Error, Findings: []Finding{{Message: msg, Line: 1, Column: 1}}})
	}
	return res
}

// evaluateRuleByRule is the slow path after a failed evaluation: each rule alone, so the rule at
// fault is named and the others still answer. The rules share what is left of the contract's
// deadline: in each pass every pending rule gets an equal share of the time left, the last one
// all of it, and a rule stopped by its share (not by the deadline) is tried again in the next
// pass. A looping rule therefore cannot take the others' time, and the whole never outlasts
// the contract's deadline, however many rules loop. left is what the contract's limit leaves; the
// once-per-engine preparation of the rules' queries is not the contract's work and is not counted.
func (e *Engine) evaluateRuleByRule(ctx context.Context, c *contract.Contract, input ast.Value, left time.Duration) *Result {
	e.perRuleOnce.Do(func() {
		for i := range e.rules {
			q, err := rego.New(
				rego.Query(fmt.Sprintf("data.termlint.engine.r%d", i)),
				rego.Compiler(e.compiler),
				rego.Store(e.store),
				rego.StrictBuiltinErrors(true),
			).PrepareForEval(ctx)
			if err != nil {
				e.perRuleErr = err
				return
			}
			e.perRule = append(e.perRule, q)
		}
	})
	if e.perRuleErr != nil {
		return e.allError(c, e.perRuleErr.Error())
	}
	deadline := time.Now().Add(left)
	cctx, cancel := context.WithDeadline(ctx, deadline)
	defer cancel()
	res := &Result{Contract: c.Name(), File: c.File, Rules: make([]RuleResult, len(e.rules))}
	errorResult := func(r *Rule, msg string) RuleResult {
		return RuleResult{Rule: r, Verdict: Error, Findings: []Finding{{Message: msg, Line: 1, Column: 1}}}
	}
	pending := make([]int, len(e.rules))
	for i := range pending {
		pending[i] = i
	}
	// started records the rules that ran at least once, for the message of those left over.
	started := make([]bool, len(e.rules))
	for len(pending) > 0 && cctx.Err() == nil {
		var next []int
		for j, i := range pending {
			r := e.rules[i]
			if cctx.Err() != nil {
				next = append(next, pending[j:]...)
				break
			}
			share := time.Until(deadline) / time.Duration(len(pending)-j)
			rctx, rcancel := context.WithTimeout(cctx, share)
			e.observed(rctx, deadline)
			started[i] = true
			rs, err := e.perRule[i].Eval(rctx, rego.EvalParsedInput(input))
			stopped := rctx.Err() != nil
			rcancel()
			switch {
			case err != nil && stopped:
				next = append(next, i)
			case err != nil:
				res.Rules[i] = errorResult(r, fmt.Sprintf("rule %s could not be evaluated: %v", r.ID, err))
			case len(rs) != 1 || len(rs[0].Expressions) != 1:
				res.Rules[i] = errorResult(r, fmt.Sprintf("rule %s produced no result", r.ID))
			default:
				res.Rules[i] = e.verdict(c, r, rs[0].Expressions[0].Value)
			}
		}
		if len(next) == len(pending) && cctx.Err() == nil {
			// Every pending rule used its whole share and time is left only through rounding:
			// the last of them had all of it, so none can finish.
			break
		}
		pending = next
	}
	for _, i := range pending {
		r := e.rules[i]
		if started[i] {
			res.Rules[i] = errorResult(r, fmt.Sprintf("rule %s was stopped at the contract's time limit of %s (a policy that loops or recurses heavily?)", r.ID, e.timeout))
		} else {
			res.Rules[i] = errorResult(r, fmt.Sprintf("rule %s not run: time limit: the contract's limit of %s passed before its turn came", r.ID, e.timeout))
		}
	}
	return res
}

func (e *Engine) verdict(c *contract.Contract, r *Rule, v any) RuleResult {
	m, _ := v.(map[string]any)
	rr := RuleResult{Rule: r}
	if applies, ok := m["applies"].(bool); ok && !applies {
		rr.Verdict = NotApplicable
		return rr
	}
	deny := findings(c, r, m["deny"])
	unknown := findings(c, r, m["unknown"])
	switch {
	case len(deny) > 0:
		for i := range unknown {
			unknown[i].Open = true
		}
		deny = append(deny, unknown...)
		rr.Verdict, rr.Findings = Fail, deny
	case len(unknown) > 0:
		rr.Verdict, rr.Findings = Unknown, unknown
	default:
		rr.Verdict = Pass
	}
	return rr
}

// findings turns the objects a rule returned into positioned findings, sorted by position.
func findings(c *contract.Contract, r *Rule, v any) []Finding {
	items, _ := v.([]any)
	out := make([]Finding, 0, len(items))
	for _, it := range items {
		f := Finding{}
		switch t := it.(type) {
		case map[string]any:
			msg, ok := t["msg"].(string)
			if !ok {
				msg = fmt.Sprintf("rule %s returned a finding without a msg string: %s", r.ID, compact(t))
			}
			f.Message = msg
			f.Path, _ = t["path"].([]any)
		case string:
			// A bare message is accepted, as conftest users write them; it points at the top.
			f.Message = t
		default:
			f.Message = fmt.Sprintf("rule %s returned a finding that is not an object: %s", r.ID, compact(t))
		}
		if f.Path == nil {
			f.Path = []any{}
		}
		// A finding outlives its contract, while strings from the input may share memory with
		// the whole file they were parsed from: path keys and messages are copied.
		f.Message = strings.Clone(f.Message)
		for i, p := range f.Path {
			switch t := p.(type) {
			case json.Number:
				if x, err := t.Int64(); err == nil {
					f.Path[i] = int(x)
				}
			case string:
				f.Path[i] = strings.Clone(t)
			}
		}
		var file string
		file, f.Line, f.Column = c.Locate(f.Path)
		if file != c.File {
			f.File = file
		}
		var all int
		f.Sources, all = c.SourcesCounted(f.Path)
		f.SourcesOmitted = all - len(f.Sources)
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return a.Message < b.Message
	})
	return out
}

func compact(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
