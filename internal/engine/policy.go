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
	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/safefile"
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
	// TrustedRoot is the directory a trusted tree was exported to (check --config-from-ref): the
	// policy files under it are named by their path inside it, as in the repository, so that
	// rules, messages and reports name the same file on every run, not a temporary directory.
	TrustedRoot string
	// Tests loads *_test.rego files too (for termlint test). With NoDefault, only the policy
	// directories' tests are loaded: the library's own tests are the playbook's, not the author's.
	Tests bool
}

// PolicyError lists what is wrong with the policies, each at its file and line.
type PolicyError struct {
	Problems []Problem
}

// Problem is one error in a policy file. It is contract.Diagnostic, the one type for a problem at
// a place in a file, so that input and policy errors sort, print and serialise alike; the name
// says where it comes from.
type Problem = contract.Diagnostic

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
	// authored names the files read from policy directories, as opposed to the embedded playbook;
	// a test run with NoDefault measures coverage on these only.
	authored map[string]bool
	// trustedRoot is Options.TrustedRoot.
	trustedRoot string
}

// Reasons a builtin is refused in termlint policies. Policies may come from a pull request, and a
// verdict must be the same wherever and whenever it is computed, so nothing a policy calls may
// read the runner's files, network or environment, or depend on the clock or on chance.
const (
	reasonNondeterministic = "non-deterministic (a verdict must not depend on when or where it runs)"
	reasonNetwork          = "it reaches the network or resolves names (policies may come from a pull request)"
	reasonEnvironment      = "it reads the runtime environment (environment variables, OPA's configuration)"
	reasonSchema           = "a schema's $ref can read local files or URLs, whose content would show in the error; check shapes with Rego instead"
	reasonClock            = "it depends on the current time (a verdict must not depend on when it runs)"
	reasonSigning          = "it signs requests for the network (http.send), which policies cannot reach"
	reasonNetFamily        = "the net.* family is refused whole: net.lookup_ip_addr resolves names through the runner's DNS, and no contract term is a network address"
)

// deniedBuiltins are refused whatever OPA's metadata says; most are marked non-deterministic by
// OPA too, but the reason given here is the more useful one.
var deniedBuiltins = map[string]string{
	"http.send":            reasonNetwork,
	"opa.runtime":          reasonEnvironment,
	"json.match_schema":    reasonSchema,
	"json.verify_schema":   reasonSchema,
	"time.now_ns":          reasonNondeterministic,
	"rand.intn":            reasonNondeterministic,
	"uuid.rfc4122":         reasonNondeterministic,
	"io.jwt.decode_verify": reasonClock,
	"crypto.x509.parse_and_verify_certificates":              reasonClock,
	"crypto.x509.parse_and_verify_certificates_with_options": reasonClock,
	"providers.aws.sign_req":                                 reasonSigning,
}

// deniedPrefixes refuse whole families, including builtins a later OPA version adds to them.
var deniedPrefixes = map[string]string{
	"net.": reasonNetFamily,
}

// refusedReason says why a builtin is refused, or "" when policies may call it.
func refusedReason(b *ast.Builtin) string {
	if r, ok := deniedBuiltins[b.Name]; ok {
		return r
	}
	// In sorted order, so that a builtin two prefixes cover gets the same reason every time.
	for _, prefix := range slices.Sorted(maps.Keys(deniedPrefixes)) {
		if strings.HasPrefix(b.Name, prefix) {
			return deniedPrefixes[prefix]
		}
	}
	if b.Nondeterministic {
		return reasonNondeterministic
	}
	return ""
}

// Capabilities returns OPA's capabilities for this version less the refused builtins: the one set
// check, test and bundle compile with.
func Capabilities() *ast.Capabilities {
	caps := ast.CapabilitiesForThisVersion()
	kept := caps.Builtins[:0:0]
	for _, b := range caps.Builtins {
		if refusedReason(b) == "" {
			kept = append(kept, b)
		}
	}
	caps.Builtins = kept
	caps.AllowNet = []string{}
	return caps
}

// Bounds on what a policy directory may hold: it may come from a pull request, so neither a huge
// file nor a huge tree may exhaust memory or time before the first rule is compiled.
const (
	// MaxPolicyFileSize bounds each .rego file of a policy directory.
	MaxPolicyFileSize = 1 << 20
	// MaxParamsFileSize bounds params, profile and policy-directory params.yaml files.
	MaxParamsFileSize = 1 << 20
	// MaxPolicyFiles bounds the number of .rego files in one policy directory.
	MaxPolicyFiles = 10_000
	// maxPolicyEntries bounds the entries of every kind walked in one policy directory.
	maxPolicyEntries = 100_000
)

func loadPolicies(opts Options) (*policySet, error) {
	ps := &policySet{modules: map[string]*ast.Module{}, raw: map[string][]byte{}, params: map[string]any{}, authored: map[string]bool{}, trustedRoot: opts.TrustedRoot}
	// The library is always loaded: user rules written with --no-default still use it.
	embedded := []string{"lib"}
	if !opts.NoDefault {
		embedded = append(embedded, "rules")
	}
	if err := ps.addEmbedded(embedded, opts.Tests && !opts.NoDefault); err != nil {
		return nil, err
	}
	base, err := readEmbeddedParams("params.yaml")
	if err != nil {
		return nil, err
	}
	ps.params = base
	for _, dir := range opts.Dirs {
		info, err := os.Stat(dir)
		if err != nil {
			return nil, policyErr(dir, "cannot read policy directory: %v", pathErrReason(err))
		}
		if !info.IsDir() {
			return nil, policyErr(dir, "not a directory: -p takes a directory of .rego files")
		}
		if err := ps.addDir(dir, opts.Tests); err != nil {
			return nil, err
		}
		// A policy directory may bring thresholds for its own rules; they extend the defaults.
		p := filepath.Join(dir, "params.yaml")
		if _, err := os.Lstat(p); err == nil {
			extra, err := readConfinedParams(dir, p)
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
		p, err := readParamsFile(f, f)
		if err != nil {
			return nil, err
		}
		if err := override(ps.params, p, f); err != nil {
			return nil, err
		}
	}
	return ps, nil
}

// addDir parses the .rego files of a policy directory, in sorted order, each named by its path
// under dir as given (as OPA's loader named them, so messages and coverage keep their names).
// Hidden directories are skipped. Only regular files are read, each bounded; a link that leads
// out of the directory is refused, since it would let a pull request's policies read any file.
// Links to directories are not followed: one inside the directory would load its files twice,
// one outside is refused.
// shown is how a policy file is named: inside the trusted tree, by its path there.
func (ps *policySet) shown(name string) string {
	if ps.trustedRoot == "" {
		return name
	}
	if rel, err := filepath.Rel(ps.trustedRoot, name); err == nil && filepath.IsLocal(rel) {
		return rel
	}
	return name
}

func (ps *policySet) addDir(dir string, tests bool) error {
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return policyErr(dir, "cannot read policy directory: %v", pathErrReason(err))
	}
	pe := &PolicyError{}
	var names []string
	entries := 0
	err = filepath.WalkDir(root, func(real string, d fs.DirEntry, err error) error {
		rel, rerr := filepath.Rel(root, real)
		if rerr != nil {
			return rerr
		}
		name := filepath.Join(dir, rel)
		if err != nil {
			pe.Problems = append(pe.Problems, Problem{File: name, Message: fmt.Sprintf("cannot read: %v", pathErrReason(err))})
			if d != nil && d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if entries++; entries > maxPolicyEntries {
			return policyErr(dir, "more than %d entries in the policy directory", maxPolicyEntries)
		}
		if d.IsDir() {
			if rel != "." && strings.HasPrefix(d.Name(), ".") {
				return fs.SkipDir
			}
			return nil
		}
		isRego := strings.HasSuffix(d.Name(), ".rego") && (tests || !strings.HasSuffix(d.Name(), "_test.rego"))
		if d.Type()&fs.ModeSymlink != 0 {
			target, cerr := safefile.Confine(dir, name)
			if cerr != nil {
				// A link to nowhere, out of the directory or into .git: refused when it would have
				// been loaded, with one message whatever lies at the other end.
				if isRego || isDirLink(real) {
					pe.Problems = append(pe.Problems, Problem{File: name, Message: "a symbolic link that leads outside the policy directory: policy files must lie inside it"})
				}
				return nil
			}
			if info, serr := os.Stat(target); serr == nil && info.IsDir() {
				return nil
			}
		}
		if !isRego {
			return nil
		}
		if len(names) == MaxPolicyFiles {
			return policyErr(dir, "more than %d .rego files in the policy directory", MaxPolicyFiles)
		}
		names = append(names, name)
		return nil
	})
	if err != nil {
		var limit *PolicyError
		if errors.As(err, &limit) {
			return limit
		}
		return policyErr(dir, "cannot read policy directory: %v", pathErrReason(err))
	}
	count := 0
	for _, path := range names {
		name := ps.shown(path)
		data, err := safefile.ReadFile(path, MaxPolicyFileSize)
		if err != nil {
			pe.Problems = append(pe.Problems, Problem{File: name, Message: fmt.Sprintf("cannot read policy file: %v", pathErrReason(err))})
			continue
		}
		m, err := ast.ParseModuleWithOpts(name, string(data), ast.ParserOptions{RegoVersion: ast.RegoV1, ProcessAnnotation: true})
		if err != nil {
			pe.Problems = append(pe.Problems, problemsOf(err)...)
			continue
		}
		ps.modules[name] = m
		ps.raw[name] = data
		ps.authored[name] = true
		count++
	}
	for i := range pe.Problems {
		pe.Problems[i].File = ps.shown(pe.Problems[i].File)
	}
	if len(pe.Problems) > 0 {
		return pe
	}
	if count == 0 {
		return policyErr(dir, "no .rego files in policy directory")
	}
	return nil
}

// isDirLink reports whether the link at path leads to a directory; Stat does not open the target,
// so it cannot block.
func isDirLink(path string) bool {
	info, err := os.Stat(path)
	return err == nil && info.IsDir()
}

// pathErrReason drops the path from an *fs.PathError: messages name the file as the user gave it,
// not as it resolved.
func pathErrReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
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
		p, err := readParamsFile(opts.Profile, opts.Profile)
		return p, opts.Profile, err
	}
	name := opts.Profile + ".yaml"
	for _, dir := range opts.Dirs {
		f := filepath.Join(dir, "profiles", name)
		if _, err := os.Lstat(f); err == nil {
			p, err := readConfinedParams(dir, f)
			return p, f, err
		}
	}
	f := path.Join("profiles", name)
	if _, err := fs.Stat(policies.FS(), f); err == nil {
		p, err := readEmbeddedParams(f)
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

func readEmbeddedParams(name string) (map[string]any, error) {
	data, err := fs.ReadFile(policies.FS(), name)
	if err != nil {
		return nil, policyErr(embeddedPrefix+name, "cannot read params file: %v", err)
	}
	return parseParams(data, embeddedPrefix+name)
}

// readParamsFile reads a params or profile file named on the command line or in the config:
// a regular file, bounded.
func readParamsFile(file, display string) (map[string]any, error) {
	data, err := safefile.ReadFile(file, MaxParamsFileSize)
	if err != nil {
		return nil, policyErr(display, "cannot read params file: %v", pathErrReason(err))
	}
	return parseParams(data, display)
}

// readConfinedParams reads a params file that a policy directory brings: it must lie inside the
// directory, so that a link cannot merge any file of the runner into data.termlint.params. The
// message is the same whatever lies outside.
func readConfinedParams(dir, file string) (map[string]any, error) {
	real, err := safefile.Confine(dir, file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, policyErr(file, "cannot read params file: %v", fs.ErrNotExist)
		}
		return nil, policyErr(file, "must be a regular file inside the policy directory %s: it %v", dir, err)
	}
	return readParamsFile(real, file)
}

func parseParams(data []byte, display string) (map[string]any, error) {
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
	// A refused builtin is missing from the capabilities, so the compiler only knows it as an
	// undefined function; say that it exists and why it is refused.
	if name, ok := strings.CutPrefix(e.Message, "undefined function "); ok {
		if b, ok := ast.BuiltinMap[name]; ok && refusedReason(b) != "" {
			p.Message = fmt.Sprintf("%s is not available in termlint policies: %s", name, refusedReason(b))
		}
	}
	return p
}
