package engine

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/open-policy-agent/opa/v1/ast"
	"github.com/open-policy-agent/opa/v1/loader"
	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/policies"
)

// RulesPackage is the package under which every rule lives; each package below it with a
// METADATA custom.id is one rule.
const RulesPackage = "termlint.rules"

// Options say which policies to compile and with which thresholds.
type Options struct {
	// Dirs are the user's policy directories (-p), added to the default playbook.
	Dirs []string
	// NoDefault leaves out the embedded default playbook (its library stays available).
	NoDefault bool
	// Params are params files applied in order over the defaults, key by key.
	Params []string
	// Profile names a params profile: a file in a profiles/ directory of the playbook or a
	// policy dir, or a path to a YAML file.
	Profile string
	// Tests loads *_test.rego files too (for termlint test).
	Tests bool
}

// PolicyError lists what is wrong with the policies, each at its file and line.
type PolicyError struct {
	Problems []Problem
}

// Problem is one error in a policy file.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Message string `json:"message"`
}

func (e *PolicyError) Error() string {
	var b strings.Builder
	for i, p := range e.Problems {
		if i > 0 {
			b.WriteByte('\n')
		}
		if p.Line > 0 {
			fmt.Fprintf(&b, "%s:%d:%d: %s", p.File, p.Line, p.Column, p.Message)
		} else {
			fmt.Fprintf(&b, "%s: %s", p.File, p.Message)
		}
	}
	return b.String()
}

func policyErr(file, format string, args ...any) error {
	return &PolicyError{Problems: []Problem{{File: file, Message: fmt.Sprintf(format, args...)}}}
}

// embeddedPrefix names the files of the embedded playbook in messages, after the directory that
// holds them in termlint's repository.
const embeddedPrefix = "policies/"

// policySet is the loaded, not yet compiled, policies and data.
type policySet struct {
	modules map[string]*ast.Module
	// raw keeps each module's source text, for bundles.
	raw    map[string][]byte
	params map[string]any
}

// disabledBuiltins can reach the network or the process environment; policies may come from a
// pull request, so they must not.
func disabledBuiltin(name string) bool {
	return name == "http.send" || name == "opa.runtime" || strings.HasPrefix(name, "net.")
}

// Capabilities returns OPA's capabilities for this version less the builtins that could reach
// the network or read the environment.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if !disabledBuiltin(b.Name) {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

func loadPolicies(opts Options) (*policySet, error) {
	ps := &policySet{modules: map[string]*ast.Module{}, raw: map[string][]byte{}, params: map[string]any{}}
	filter := func(abspath string, info fs.FileInfo, _ int) bool {
		if info.IsDir() {
			return strings.HasPrefix(info.Name(), ".") && info.Name() != "."
		}
		if !strings.HasSuffix(abspath, ".rego") {
			return true
		}
		return !opts.Tests && strings.HasSuffix(abspath, "_test.rego")
	}
	// The library is always loaded: user rules written with --no-default still use it.
	embedded := []string{"lib"}
	if !opts.NoDefault {
		embedded = append(embedded, "rules")
	}
	if err := ps.addEmbedded(embedded, opts.Tests); err != nil {
		return nil, err
	}
	base, err := readParams(policies.FS(), "params.yaml", embeddedPrefix+"params.yaml")
	if err != nil {
		return nil, err
	}
	ps.params = base
	for _, dir := range opts.Dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, policyErr(dir, "cannot read policy directory: %v", err)
		}
		if !info.IsDir() {
			return nil, policyErr(dir, "not a directory: -p takes a directory of .rego files")
		}
		res, err := loader.NewFileLoader().WithProcessAnnotation(true).WithRegoVersion(ast.RegoV1).
			Filtered([]string{dir}, filter)
		if err != nil {
			return nil, loaderError(err)
		}
		if len(res.Modules) == 0 {
			return nil, policyErr(dir, "no .rego files in policy directory")
		}
		for _, m := range res.Modules {
			ps.modules[m.Name] = m.Parsed
			ps.raw[m.Name] = m.Raw
		}
		// A policy directory may bring thresholds for its own rules; they extend the defaults.
		p := filepath.Join(dir, "params.yaml")
		if _, err := os.Stat(p); err == nil {
			extra, err := readParams(os.DirFS(dir), "params.yaml", p)
			if err != nil {
				return nil, err
			}
			merge(ps.params, extra)
		}
	}
	if opts.Profile != "" {
		p, file, err := findProfile(opts)
		if err != nil {
			return nil, err
		}
		if err := override(ps.params, p, file); err != nil {
			return nil, err
		}
	}
	for _, f := range opts.Params {
		p, err := readParams(os.DirFS(filepath.Dir(f)), filepath.Base(f), f)
		if err != nil {
			return nil, err
		}
		if err := override(ps.params, p, f); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// addEmbedded parses the embedded playbook's .rego files under roots, each once, under the name
// the file has in termlint's repository, so that errors, test results and coverage all name it
// the same way. Parsing is a good part of every run's start-up, and the files are independent,
// so they are parsed in parallel.
func (ps *policySet) addEmbedded(roots []string, tests bool) error {
	fsys := policies.FS()
	var names []string
	for _, root := range roots {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				if p != root && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if strings.HasSuffix(p, ".rego") && (tests || !strings.HasSuffix(p, "_test.rego")) {
				names = append(names, p)
			}
			return nil
		})
		if err != nil {
			return fmt.Errorf("loading embedded playbook: %w", err)
		}
	}
	raws := make([][]byte, len(names))
	mods := make([]*ast.Module, len(names))
	errs := make([]error, len(names))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(names)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				raws[i], errs[i] = fs.ReadFile(fsys, names[i])
				if errs[i] == nil {
					mods[i], errs[i] = ast.ParseModuleWithOpts(embeddedPrefix+names[i], string(raws[i]), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
				}
			}
		}()
	}
	for i := range names {
		next <- i
	}
	close(next)
	wg.Wait()
	// The first error in file order, so that a broken playbook fails the same way every time.
	for _, err := range errs {
		if err != nil {
			return fmt.Errorf("parsing embedded playbook: %w", err)
		}
	}
	for i, n := range names {
		ps.modules[embeddedPrefix+n] = mods[i]
		ps.raw[embeddedPrefix+n] = raws[i]
	}
	return nil
}

func findProfile(opts Options) (map[string]any, string, error) {
	if strings.ContainsAny(opts.Profile, `/\`) || strings.HasSuffix(opts.Profile, ".yaml") {
		p, err := readParams(os.DirFS(filepath.Dir(opts.Profile)), filepath.Base(opts.Profile), opts.Profile)
		return p, opts.Profile, err
	}
	name := opts.Profile + ".yaml"
	for _, dir := range opts.Dirs {
		f := filepath.Join(dir, "profiles", name)
		if _, err := os.Stat(f); err == nil {
			p, err := readParams(os.DirFS(filepath.Dir(f)), name, f)
			return p, f, err
		}
	}
	f := path.Join("profiles", name)
	if _, err := fs.Stat(policies.FS(), f); err == nil {
		p, err := readParams(policies.FS(), f, embeddedPrefix+f)
		return p, embeddedPrefix + f, err
	}
	return nil, "", policyErr(opts.Profile, "unknown profile %q: available: %s", opts.Profile, strings.Join(Profiles(opts.Dirs), ", "))
}

// Profiles lists the profile names available in the playbook and the given policy dirs.
func Profiles(dirs []string) []string {
	seen := map[string]bool{"default": true}
	add := func(fsys fs.FS) {
		entries, _ := fs.ReadDir(fsys, "profiles")
		for _, e := range entries {
			if n, ok := strings.CutSuffix(e.Name(), ".yaml"); ok {
				seen[n] = true
			}
		}
	}
	add(policies.FS())
	for _, d := range dirs {
		add(os.DirFS(d))
	}
	out := slices.Sorted(maps.Keys(seen))
	return out
}

func readParams(fsys fs.FS, name, display string) (map[string]any, error) {
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil, policyErr(display, "cannot read params file: %v", err)
	}
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, policyErr(display, "invalid YAML: %v", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	var v any
	if err := n.Decode(&v); err != nil {
		return nil, policyErr(display, "invalid params: %v", err)
	}
	if v == nil {
		return map[string]any{}, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, policyErr(display, "params must be a mapping of rule groups to thresholds")
	}
	return m, nil
}

// merge adds src into dst key by key, replacing non-mapping values.
func merge(dst, src map[string]any) {
	for k, v := range src {
		if sm, ok := v.(map[string]any); ok {
			if dm, ok := dst[k].(map[string]any); ok {
				merge(dm, sm)
				continue
			}
		}
		dst[k] = v
	}
}

// override is merge for params that tune existing thresholds: a key the playbook does not have
// is almost always a typo, which would otherwise be silently ignored.
func override(dst, src map[string]any, file string) error {
	var walk func(dst, src map[string]any, prefix string) error
	walk = func(dst, src map[string]any, prefix string) error {
		keys := slices.Sorted(maps.Keys(src))
		for _, k := range keys {
			v := src[k]
			cur, exists := dst[k]
			if !exists {
				return policyErr(file, "unknown params key %s%s: it is not a threshold of any loaded rule", prefix, k)
			}
			sm, sIsMap := v.(map[string]any)
			dm, dIsMap := cur.(map[string]any)
			if sIsMap && dIsMap {
				if err := walk(dm, sm, prefix+k+"."); err != nil {
					return err
				}
				continue
			}
			dst[k] = v
		}
		return nil
	}
	return walk(dst, src, "")
}

func loaderError(err error) error {
	pe := &PolicyError{}
	var errs loader.Errors
	if errors.As(err, &errs) {
		for _, e := range errs {
			pe.Problems = append(pe.Problems, problemsOf(e)...)
		}
		return pe
	}
	return &PolicyError{Problems: problemsOf(err)}
}

func problemsOf(err error) []Problem {
	var errs ast.Errors
	if errors.As(err, &errs) {
		out := make([]Problem, 0, len(errs))
		for _, x := range errs {
			out = append(out, problemOf(x))
		}
		return out
	}
	var one *ast.Error
	if errors.As(err, &one) {
		return []Problem{problemOf(one)}
	}
	return []Problem{{Message: err.Error()}}
}

func problemOf(e *ast.Error) Problem {
	p := Problem{Message: e.Message}
	if e.Location != nil {
		p.File, p.Line, p.Column = e.Location.File, e.Location.Row, e.Location.Col
	}
	for _, b := range []string{"http.send", "opa.runtime", "net."} {
		if strings.Contains(e.Message, "undefined function "+b) {
			p.Message = fmt.Sprintf("%s: network and environment builtins (http.send, net.*, opa.runtime) are disabled in termlint policies", e.Message)
		}
	}
	return p
}
