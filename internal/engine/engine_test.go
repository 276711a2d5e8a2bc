package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/open-policy-agent/opa/v1/bundle"
	"github.com/open-policy-agent/opa/v1/rego"

	"github.com/termlint/termlint/internal/contract"
)

func testSchema(t testing.TB) *contract.Schema {
	t.Helper()
	s, err := contract.NewSchema()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func loadFixture(t testing.TB, name string) *contract.Contract {
	t.Helper()
	return loadFile(t, filepath.Join("..", "..", "fixtures", "contracts", name))
}

func loadFile(t testing.TB, path string) *contract.Contract {
	t.Helper()
	l, err := contract.NewLoader(contract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	cs, diags, err := l.LoadFile(path, nil)
	if err != nil || len(diags) > 0 || len(cs) != 1 {
		t.Fatalf("loading %s: %v %v", path, err, diags)
	}
	return cs[0]
}

func TestPolicyErrors(t *testing.T) {
	tests := []struct {
		dir, file string
		line      int
		want      string
	}{
		{"typo", "typo.rego", 8, "liabilty"},
		// A typo in a field of a list's item, and of an object nested in one: the lists may be a
		// status marker instead, and the marker's src (which may be null) once made both any.
		{"itemtypo", "itemtypo.rego", 10, "prior_notic"},
		{"nestedtypo", "nestedtypo.rego", 10, "amout"},
		{"syntax", "syntax.rego", 10, "unexpected eof"},
		{"httpsend", "httpsend.rego", 9, "http.send is not available in termlint policies: it reaches the network"},
		{"nometa", "nometa.rego", 0, "no package METADATA with custom.id"},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			_, err := New(context.Background(), testSchema(t), Options{Dirs: []string{filepath.Join("testdata", tt.dir)}}, 0)
			var pe *PolicyError
			if !errors.As(err, &pe) {
				t.Fatalf("want a PolicyError, got %v", err)
			}
			found := false
			for _, p := range pe.Problems {
				if strings.HasSuffix(p.File, tt.file) && (tt.line == 0 || p.Line == tt.line) && strings.Contains(p.Message, tt.want) {
					found = true
				}
			}
			if !found {
				t.Errorf("no problem at %s:%d mentioning %q in:\n%v", tt.file, tt.line, tt.want, pe)
			}
		})
	}
}

// TestRunawayPolicyStopped evaluates a rule that would loop for hours: the time limit must stop
// it, name the rule, and leave the other rules' verdicts intact. The limit is generous: the other
// rules are re-run alone within what the combined query leaves of it, and on a loaded 2-core
// machine a second once starved two of them into a spurious time-out.
func TestRunawayPolicyStopped(t *testing.T) {
	e, err := New(context.Background(), testSchema(t), Options{Dirs: []string{"testdata/loop"}}, 4*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	c := loadFixture(t, "serso.yaml")
	res := e.Evaluate(context.Background(), c)
	sawLoop, others := false, 0
	for _, rr := range res.Rules {
		if rr.Rule.ID == "test/loop" {
			sawLoop = true
			if rr.Verdict != Error || !strings.Contains(rr.Findings[0].Message, "test/loop") || !strings.Contains(rr.Findings[0].Message, "time limit") {
				t.Errorf("loop rule: verdict %s, findings %+v", rr.Verdict, rr.Findings)
			}
			continue
		}
		if rr.Verdict == Error {
			t.Errorf("rule %s lost its verdict: %+v", rr.Rule.ID, rr.Findings)
		}
		others++
	}
	if !sawLoop || others == 0 {
		t.Fatalf("loop rule seen %v, other rules %d", sawLoop, others)
	}
}

func TestCustomRuleWithDefault(t *testing.T) {
	e, err := New(context.Background(), testSchema(t), Options{Dirs: []string{"testdata/custom"}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, r := range e.Rules() {
		ids[r.ID] = true
	}
	if !ids["custom/law-stated"] || !ids["liability/excluded-damage"] {
		t.Fatalf("rules = %v", ids)
	}
	e2, err := New(context.Background(), testSchema(t), Options{Dirs: []string{"testdata/custom"}, NoDefault: true}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(e2.Rules()) != 1 {
		t.Fatalf("--no-default kept %d rules", len(e2.Rules()))
	}
}

func TestParamsOverride(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := writeFile(p, body); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.yaml", "liability:\n  excluded_damage:\n    max_categories: 99\n")
	e, err := New(context.Background(), testSchema(t), Options{Params: []string{good}}, 0)
	if err != nil {
		t.Fatal(err)
	}
	ed := e.Params()["liability"].(map[string]any)["excluded_damage"].(map[string]any)
	if ed["max_categories"] != 99 || ed["forbidden"] == nil {
		t.Errorf("override not merged key by key: %v", ed)
	}
	typo := write("typo.yaml", "liability:\n  excluded_damage:\n    max_categries: 3\n")
	_, err = New(context.Background(), testSchema(t), Options{Params: []string{typo}}, 0)
	if err == nil || !strings.Contains(err.Error(), "unknown params key liability.excluded_damage.max_categries") {
		t.Errorf("want an unknown-key error, got %v", err)
	}
	_, err = New(context.Background(), testSchema(t), Options{Profile: "no-such-profile"}, 0)
	if err == nil || !strings.Contains(err.Error(), "financial-entity") {
		t.Errorf("want the list of profiles, got %v", err)
	}
	e, err = New(context.Background(), testSchema(t), Options{Profile: "financial-entity"}, 0)
	if err != nil {
		t.Fatal(err)
	}
	if e.Params()["dora"].(map[string]any)["minimum_content"].(map[string]any)["enabled"] != true {
		t.Error("financial-entity profile did not enable the DORA check")
	}
}

// TestDeterministic evaluates the same contract twice and expects identical results.
func TestDeterministic(t *testing.T) {
	e, err := New(context.Background(), testSchema(t), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	c := loadFixture(t, "vooruit.yaml")
	a, _ := json.Marshal(e.Evaluate(context.Background(), c))
	for range 5 {
		b, _ := json.Marshal(e.Evaluate(context.Background(), c))
		if !bytes.Equal(a, b) {
			t.Fatal("two evaluations of one contract differ")
		}
	}
}

// TestBundleRoundTrip reads the bundle back with OPA's own reader, evaluates a fixture with
// plain OPA, and expects the same deny/unknown/applies outcome per rule as the engine.
func TestBundleRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteBundle(context.Background(), testSchema(t), Options{}, "test", &buf); err != nil {
		t.Fatal(err)
	}
	b, err := bundle.NewReader(bytes.NewReader(buf.Bytes())).Read()
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range b.Modules {
		if strings.HasSuffix(m.Path, "_test.rego") {
			t.Errorf("bundle holds a test file: %s", m.Path)
		}
	}
	e, err := New(context.Background(), testSchema(t), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	// Two contracts and a deal: an OPA server takes a deal's input (termlint export) as it is.
	for _, name := range []string{"serso.yaml", "laspect.yaml", "../deals/vooruit.yaml"} {
		c := loadFixture(t, name)
		want := e.Evaluate(context.Background(), c)
		rs, err := rego.New(rego.Query("data.termlint.engine.results"), rego.ParsedBundle("playbook", &b), rego.Input(c.Input)).Eval(context.Background())
		if err != nil || len(rs) != 1 {
			t.Fatalf("evaluating with the bundle: %v", err)
		}
		got := rs[0].Expressions[0].Value.(map[string]any)
		for _, rr := range want.Rules {
			raw := got[rr.Rule.ID].(map[string]any)
			v := e.verdict(c, rr.Rule, raw)
			if v.Verdict != rr.Verdict || len(v.Findings) != len(rr.Findings) {
				t.Errorf("%s %s: bundle says %s (%d findings), engine %s (%d)", name, rr.Rule.ID, v.Verdict, len(v.Findings), rr.Verdict, len(rr.Findings))
			}
		}
	}
}
