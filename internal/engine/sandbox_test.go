package engine

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// ruleHeader is a rule package whose deny body starts on line 9, column 2.
const ruleHeader = `# METADATA
# title: Test rule
# custom:
#   id: test/sandbox
#   severity: error
package termlint.rules.test.sandbox

deny contains {"msg": sprintf("%v", [x]), "path": []} if {
`

// writePolicy writes a policy dir with one rule whose deny body is x := call, at line 9, col 7.
func writePolicy(t *testing.T, call string) string {
	t.Helper()
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "x.rego"), ruleHeader+"\tx := "+call+"\n}\n"); err != nil {
		t.Fatal(err)
	}
	return dir
}

func policyError(t *testing.T, err error) *PolicyError {
	t.Helper()
	var pe *PolicyError
	if !errors.As(err, &pe) {
		t.Fatalf("want a PolicyError, got %v", err)
	}
	return pe
}

// TestRefusedBuiltins compiles a policy calling each refused builtin: each must be refused at
// its file, line and column, naming the builtin and the reason.
func TestRefusedBuiltins(t *testing.T) {
	secret := filepath.Join(t.TempDir(), "secret.json")
	if err := writeFile(secret, `{"SECRET-7f3a": true}`); err != nil {
		t.Fatal(err)
	}
	ref := fmt.Sprintf(`{"$ref": "file://%s"}`, filepath.ToSlash(secret))
	tests := []struct {
		call, name, reason string
	}{
		{"time.now_ns()", "time.now_ns", "non-deterministic (a verdict must not depend on when or where it runs)"},
		{`rand.intn("k", 10)`, "rand.intn", "non-deterministic"},
		{`uuid.rfc4122("k")`, "uuid.rfc4122", "non-deterministic"},
		{"json.match_schema({}, " + ref + ")", "json.match_schema", "$ref can read local files"},
		{"json.verify_schema(" + ref + ")", "json.verify_schema", "$ref can read local files"},
		{`http.send({"method": "GET", "url": "http://127.0.0.1:1"})`, "http.send", "network"},
		{"opa.runtime()", "opa.runtime", "runtime environment"},
		{`net.lookup_ip_addr("example.com")`, "net.lookup_ip_addr", "network"},
		{`net.cidr_contains("10.0.0.0/8", "10.0.0.1")`, "net.cidr_contains", "network"},
		{`io.jwt.decode_verify("a.b.c", {"secret": "s"})`, "io.jwt.decode_verify", "current time"},
		{`io.jwt.encode_sign({"alg": "HS256"}, {}, {"kty": "oct", "k": "AA"})`, "io.jwt.encode_sign", "non-deterministic"},
		{`crypto.x509.parse_and_verify_certificates("x")`, "crypto.x509.parse_and_verify_certificates", "current time"},
		{`crypto.x509.parse_and_verify_certificates_with_options("x", {})`, "crypto.x509.parse_and_verify_certificates_with_options", "current time"},
		{`providers.aws.sign_req({}, {}, 0)`, "providers.aws.sign_req", "http.send"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := writePolicy(t, tt.call)
			_, err := New(context.Background(), testSchema(t), Options{Dirs: []string{dir}, NoDefault: true}, 0)
			pe := policyError(t, err)
			want := fmt.Sprintf("%s:9:7: %s is not available in termlint policies: ", filepath.Join(dir, "x.rego"), tt.name)
			if !strings.Contains(pe.Error(), want) || !strings.Contains(pe.Error(), tt.reason) {
				t.Errorf("want %q ... %q in:\n%v", want, tt.reason, pe)
			}
			if strings.Contains(pe.Error(), "SECRET-7f3a") {
				t.Errorf("the message shows the referenced file's content:\n%v", pe)
			}
		})
	}
}

// TestSandboxSameEverywhere: test and bundle compile with the capabilities of check.
func TestSandboxSameEverywhere(t *testing.T) {
	dir := writePolicy(t, "time.now_ns()")
	opts := Options{Dirs: []string{dir}, NoDefault: true}
	runs := map[string]func() error{
		"check": func() error { _, err := New(context.Background(), testSchema(t), opts, 0); return err },
		"test": func() error {
			_, err := RunTests(context.Background(), testSchema(t), opts, time.Second)
			return err
		},
		"bundle": func() error {
			return WriteBundle(context.Background(), testSchema(t), opts, "r", new(strings.Builder))
		},
	}
	for name, run := range runs {
		t.Run(name, func(t *testing.T) {
			pe := policyError(t, run())
			if !strings.Contains(pe.Error(), "x.rego:9:7: time.now_ns is not available in termlint policies") {
				t.Errorf("got:\n%v", pe)
			}
		})
	}
}

// TestSandboxDocumented keeps the list in docs/policy-authoring.md in step with the builtins this
// OPA version has and termlint refuses.
func TestSandboxDocumented(t *testing.T) {
	doc, err := os.ReadFile(filepath.Join("..", "..", "docs", "policy-authoring.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, sandbox, ok := strings.Cut(string(doc), "### Sandbox")
	if !ok {
		t.Fatal("docs/policy-authoring.md has no Sandbox section")
	}
	sandbox, _, _ = strings.Cut(sandbox, "\n## ")
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z0-9_.]+)` \\|").FindAllStringSubmatch(sandbox, -1) {
		listed[m[1]] = true
	}
	refused := RefusedBuiltins()
	for name := range refused {
		if !listed[name] {
			t.Errorf("%s is refused but not in the Sandbox table", name)
		}
	}
	for name := range listed {
		if _, ok := refused[name]; !ok {
			t.Errorf("%s is in the Sandbox table but not refused", name)
		}
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
}

const goodRule = `# METADATA
# title: Test rule
# custom:
#   id: test/good
#   severity: error
package termlint.rules.test.good

deny contains {"msg": "m", "path": []} if false
`

// TestPolicyDirReadSafely: what a policy directory holds is read only if it is a bounded regular
// file inside the directory; everything else is a PolicyError naming the file, without a word of
// what lies outside.
func TestPolicyDirReadSafely(t *testing.T) {
	outside := t.TempDir()
	secretYAML := filepath.Join(outside, "secret.yaml")
	if err := writeFile(secretYAML, "SECRET_TOKEN_9c1: hunter2\n"); err != nil {
		t.Fatal(err)
	}
	secretRego := filepath.Join(outside, "secret.rego")
	if err := writeFile(secretRego, "package SECRET_TOKEN_9c1\n"); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name  string
		setup func(t *testing.T, dir string)
		file  string // the file the problem must name
		want  string
	}{
		{"params.yaml links outside", func(t *testing.T, dir string) {
			symlink(t, secretYAML, filepath.Join(dir, "params.yaml"))
		}, "params.yaml", "must be a regular file inside the policy directory"},
		{"params.yaml links outside through ..", func(t *testing.T, dir string) {
			rel, err := filepath.Rel(dir, secretYAML)
			if err != nil {
				t.Fatal(err)
			}
			symlink(t, rel, filepath.Join(dir, "params.yaml"))
		}, "params.yaml", "must be a regular file inside the policy directory"},
		{"params.yaml is a directory", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "params.yaml"), 0o755); err != nil {
				t.Fatal(err)
			}
		}, "params.yaml", "not a regular file"},
		{"profile links outside", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "profiles"), 0o755); err != nil {
				t.Fatal(err)
			}
			symlink(t, secretYAML, filepath.Join(dir, "profiles", "evil.yaml"))
		}, filepath.Join("profiles", "evil.yaml"), "must be a regular file inside the policy directory"},
		{".rego links outside", func(t *testing.T, dir string) {
			symlink(t, secretRego, filepath.Join(dir, "y.rego"))
		}, "y.rego", "symbolic link that leads outside the policy directory"},
		{"directory link outside", func(t *testing.T, dir string) {
			symlink(t, outside, filepath.Join(dir, "more"))
		}, "more", "symbolic link that leads outside the policy directory"},
		{"dangling .rego link", func(t *testing.T, dir string) {
			symlink(t, filepath.Join(outside, "nothing.rego"), filepath.Join(dir, "y.rego"))
		}, "y.rego", "symbolic link that leads outside the policy directory"},
		{"oversized .rego", func(t *testing.T, dir string) {
			big := "package termlint.big\n#" + strings.Repeat("x", MaxPolicyFileSize) + "\n"
			if err := writeFile(filepath.Join(dir, "big.rego"), big); err != nil {
				t.Fatal(err)
			}
		}, "big.rego", fmt.Sprintf("larger than the limit of %d bytes", MaxPolicyFileSize)},
		{"directory named .rego", func(t *testing.T, dir string) {
			if err := os.Mkdir(filepath.Join(dir, "d.rego"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := writeFile(filepath.Join(dir, "d.rego", "bad.rego"), "package"); err != nil {
				t.Fatal(err)
			}
		}, filepath.Join("d.rego", "bad.rego"), "unexpected eof"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := writeFile(filepath.Join(dir, "x.rego"), goodRule); err != nil {
				t.Fatal(err)
			}
			tt.setup(t, dir)
			opts := Options{Dirs: []string{dir}, NoDefault: true}
			if strings.HasPrefix(tt.name, "profile") {
				opts.Profile = "evil"
			}
			_, err := New(context.Background(), testSchema(t), opts, 0)
			pe := policyError(t, err)
			found := false
			for _, p := range pe.Problems {
				if p.File == filepath.Join(dir, tt.file) && strings.Contains(p.Message, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem for %s saying %q in:\n%v", tt.file, tt.want, pe)
			}
			if msg := pe.Error(); strings.Contains(msg, "SECRET_TOKEN_9c1") || strings.Contains(msg, "hunter2") {
				t.Errorf("the message shows content from outside the directory:\n%s", msg)
			}
		})
	}
}

// TestPolicyDirWalk: modules are named by their path under the directory as given, hidden
// directories are skipped, and a link inside the directory is followed.
func TestPolicyDirWalk(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(filepath.Join(dir, "x.rego"), goodRule); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, ".git", "broken.rego"), "package"); err != nil {
		t.Fatal(err)
	}
	if err := os.Mkdir(filepath.Join(dir, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(filepath.Join(dir, "sub", "lib.rego"), "package termlint.mylib\n\nok := true\n"); err != nil {
		t.Fatal(err)
	}
	symlink(t, filepath.Join("sub", "lib.rego"), filepath.Join(dir, "alias.rego"))
	if err := writeFile(filepath.Join(dir, "params.yaml"), "mine:\n  limit: 3\n"); err != nil {
		t.Fatal(err)
	}
	ps, err := loadPolicies(Options{Dirs: []string{dir}, NoDefault: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"x.rego", "alias.rego", filepath.Join("sub", "lib.rego")} {
		if ps.modules[filepath.Join(dir, name)] == nil {
			t.Errorf("module %s not loaded under its path", name)
		}
	}
	if ps.modules[filepath.Join(dir, ".git", "broken.rego")] != nil {
		t.Error("a hidden directory was loaded")
	}
	if ps.params["mine"] == nil {
		t.Error("the directory's params.yaml was not merged")
	}
}

func TestTooManyPolicyFiles(t *testing.T) {
	dir := t.TempDir()
	for i := range MaxPolicyFiles + 1 {
		f, err := os.Create(filepath.Join(dir, fmt.Sprintf("r%05d.rego", i)))
		if err != nil {
			t.Fatal(err)
		}
		_ = f.Close()
	}
	_, err := loadPolicies(Options{Dirs: []string{dir}, NoDefault: true})
	pe := policyError(t, err)
	if !strings.Contains(pe.Error(), fmt.Sprintf("more than %d .rego files", MaxPolicyFiles)) {
		t.Errorf("got %v", pe)
	}
}

// TestFIFOPolicyRefused: a FIFO named x.rego is refused, not waited on.
func TestFIFOPolicyRefused(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	for _, name := range []string{"x.rego", "params.yaml"} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			if name != "x.rego" {
				if err := writeFile(filepath.Join(dir, "x.rego"), goodRule); err != nil {
					t.Fatal(err)
				}
			}
			if err := syscall.Mkfifo(filepath.Join(dir, name), 0o644); err != nil {
				t.Skipf("mkfifo: %v", err)
			}
			done := make(chan error, 1)
			go func() {
				_, err := loadPolicies(Options{Dirs: []string{dir}, NoDefault: true})
				done <- err
			}()
			// A generous guard, not a timing assertion: without it a regression hangs the suite.
			select {
			case err := <-done:
				pe := policyError(t, err)
				if !strings.Contains(pe.Error(), filepath.Join(dir, name)) || !strings.Contains(pe.Error(), "not a regular file") {
					t.Errorf("got %v", pe)
				}
			case <-time.After(time.Minute):
				t.Fatal("loading the policies blocked on a FIFO")
			}
		})
	}
}

func TestParamsFilesBounded(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := writeFile(big, "a: "+strings.Repeat("x", MaxParamsFileSize)+"\n"); err != nil {
		t.Fatal(err)
	}
	for name, opts := range map[string]Options{"--params": {Params: []string{big}}, "--profile": {Profile: big}} {
		t.Run(name, func(t *testing.T) {
			_, err := loadPolicies(opts)
			pe := policyError(t, err)
			if !strings.Contains(pe.Error(), "larger than the limit") {
				t.Errorf("got %v", pe)
			}
		})
	}
}

const loopRule = `# METADATA
# title: Loops
# custom:
#   id: test/loop%d
#   severity: error
package termlint.rules.test.loop%d

deny contains {"msg": "never", "path": []} if {
	some a in numbers.range(1, 100000)
	some b in numbers.range(1, 100000)
	a * b == -1
}
`

// TestContractDeadlineShared: with several looping rules, the re-run rule by rule shares the
// contract's one deadline: every query's deadline is at or before the deadline of the phase it
// belongs to, and all re-runs have the same one. Deadlines are compared with each other, not with
// a clock; a rule that runs out of time is an error that says so, and the fast rule keeps its
// verdict.
func TestContractDeadlineShared(t *testing.T) {
	dir := t.TempDir()
	for i := range 3 {
		if err := writeFile(filepath.Join(dir, fmt.Sprintf("loop%d.rego", i)), fmt.Sprintf(loopRule, i, i)); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeFile(filepath.Join(dir, "good.rego"), goodRule); err != nil {
		t.Fatal(err)
	}
	e, err := New(context.Background(), testSchema(t), Options{Dirs: []string{dir}, NoDefault: true}, 2*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct{ phase, query time.Time }
	var queries []seen
	e.observe = func(c, q time.Time) { queries = append(queries, seen{c, q}) }
	res := e.Evaluate(context.Background(), loadFixture(t, "serso.yaml"))
	if len(queries) < 2 {
		t.Fatalf("%d queries run: want the combined one and the rules re-run", len(queries))
	}
	for i, q := range queries {
		if q.query.After(q.phase) {
			t.Errorf("query %d runs %s past the contract's deadline", i, q.query.Sub(q.phase))
		}
		if i > 1 && !q.phase.Equal(queries[1].phase) {
			t.Errorf("re-run %d has a deadline of its own", i)
		}
	}
	for _, rr := range res.Rules {
		msg := ""
		if len(rr.Findings) > 0 {
			msg = rr.Findings[0].Message
		}
		switch {
		case rr.Rule.ID == "test/good":
			if rr.Verdict != Pass {
				t.Errorf("the fast rule lost its verdict: %s %s", rr.Verdict, msg)
			}
		case rr.Verdict != Error || !strings.Contains(msg, rr.Rule.ID) || !strings.Contains(msg, "time limit of 2s"):
			t.Errorf("%s: verdict %s, %q", rr.Rule.ID, rr.Verdict, msg)
		}
	}
}

// TestRuleNotRunAfterDeadline: a rule whose turn comes after the contract's deadline is an error
// saying it was not run.
func TestRuleNotRunAfterDeadline(t *testing.T) {
	e, err := New(context.Background(), testSchema(t), Options{}, time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c := loadFixture(t, "serso.yaml")
	input, err := astValue(c)
	if err != nil {
		t.Fatal(err)
	}
	res := e.evaluateRuleByRule(context.Background(), c, input, -time.Second)
	for _, rr := range res.Rules {
		if rr.Verdict != Error || !strings.Contains(rr.Findings[0].Message, "not run: time limit") {
			t.Errorf("%s: %s %+v", rr.Rule.ID, rr.Verdict, rr.Findings)
		}
	}
}

// TestRunContextEnds: once the run's context ends, a contract is not evaluated, and one whose
// evaluation it interrupts has no result rather than errors in every rule.
func TestRunContextEnds(t *testing.T) {
	e, err := New(context.Background(), testSchema(t), Options{Dirs: []string{"testdata/loop"}}, MaxTimeout)
	if err != nil {
		t.Fatal(err)
	}
	c := loadFixture(t, "serso.yaml")
	done, cancel := context.WithCancel(context.Background())
	cancel()
	if res, err := e.EvaluateRun(done, c); res != nil || !errors.Is(err, context.Canceled) {
		t.Errorf("ended run: result %v, error %v", res, err)
	}
	// The looping rule cannot finish, so the run's short limit always ends it first.
	short, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if res, err := e.EvaluateRun(short, c); res != nil || !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("interrupted run: result %v, error %v", res, err)
	}
}
