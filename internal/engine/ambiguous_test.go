package engine

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
)

// ambiguityExceptions are the rules that may answer other than unknown while a fact group they
// read is marked, each with the reason. group is the group's path with "*" for a list index (or
// "*" alone for every group); marking is "ambiguous", "deferred" or "" for both. A rule that fails
// with findings outside the marked group needs no entry: it fails on something else.
var ambiguityExceptions = []struct{ rule, group, marking, reason string }{
	{
		"drafting/notes", "*", "",
		"its only fact is the encoder's own record of a drafting defect (drafting_notes), shown as written: " +
			"marking it changes the note, which is the message; the rule is never unknown by definition",
	},
	{
		"drafting/amount-words", "*", "",
		"it compares the words and the figures of an amount as the document writes them, which an unclear " +
			"fact still does; a deferred one writes no amount here to compare",
	},
	{
		"claims/time-limit", "liability.claim_time_limits.*", "ambiguous",
		"it judges only periods of the scopes in its definition; a period whose scope, as encoded, is other " +
			"(the CSA's 45-day notice for its warranty remedy) is not judged, unclear or not (an encoder unsure " +
			"of the scope leaves it out, and that answers unknown); an unclear period of a judged scope answers unknown",
	},
	{
		"term/one-sided-convenience", "termination_rights.*", "ambiguous",
		"it reads an unclear right only for whether it may be a right without a reason (may_be_convenience): " +
			"one whose grounds, as encoded, are others is left aside",
	},
}

func excepted(rule string, path []any, marking string) bool {
	var parts []string
	for _, p := range path {
		if _, ok := p.(int); ok {
			parts = append(parts, "*")
		} else {
			parts = append(parts, fmt.Sprint(p))
		}
	}
	group := strings.Join(parts, ".")
	for _, x := range ambiguityExceptions {
		if x.rule == rule && (x.group == "*" || x.group == group) && (x.marking == "" || x.marking == marking) {
			return true
		}
	}
	return false
}

// TestAmbiguousGivesUnknown marks each fact group of each fixture in turn ambiguous (keeping its
// values, as an encoder does who writes status: ambiguous beside what the clause seems to say),
// and deferred (its values gone, set in a cover page that is not provided), and requires every
// rule that reads the group to answer unknown, or to fail on a finding outside the group. A rule
// reads a group when either marking changes its verdict or findings. It is the guard behind
// lib.ambiguous and lib.unclear: a deny that stands on an ambiguous fact, or a pass or "not
// applicable" that counts one, shows here. What it cannot see: a fail elsewhere that the marked
// fact might have lifted (an unclear carve-out and the cap it names); the carve-out rules' Rego
// tests cover that.
func TestAmbiguousGivesUnknown(t *testing.T) {
	if testing.Short() {
		t.Skip("evaluates the playbook about two thousand times")
	}
	e, err := New(context.Background(), testSchema(t), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob("../../fixtures/contracts/*.yaml")
	if len(files) != 5 {
		t.Fatalf("want the five fixtures, got %v", files)
	}
	// The Common Paper deals hold what the Dutch terms lack (data use, indemnities, the buyer's
	// caps, a processor agreement and an SLA), which the newer rules read.
	files = append(files, "../../fixtures/deals/commonpaper/deal-accept.yaml", "../../fixtures/deals/commonpaper/deal-refuse.yaml")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c := loadFile(t, f)
			base := outcomes(e, c, c.Input)
			for _, g := range factGroups(c.Input, nil) {
				marked := map[string]map[string]outcome{
					"ambiguous": outcomes(e, c, replaced(c.Input, g.path, markAmbiguous(g.value))),
					"deferred":  outcomes(e, c, replaced(c.Input, g.path, markDeferred(g.value))),
				}
				for id, b := range base {
					reads := false
					for _, m := range marked {
						reads = reads || !m[id].same(b)
					}
					if !reads {
						continue
					}
					for how, m := range marked {
						got := m[id]
						switch {
						case got.verdict == Unknown:
						case got.verdict == Fail && !got.failsAt(g.path):
						case excepted(id, g.path, how):
						default:
							t.Errorf("%s %s: %s answers %s (%s); want unknown", pathKey(g.path), how, id, got.verdict, strings.Join(got.findings, " | "))
						}
					}
				}
			}
		})
	}
}

type outcome struct {
	verdict  Verdict
	findings []string
	paths    [][]any
}

func (o outcome) same(p outcome) bool {
	return o.verdict == p.verdict && slices.Equal(o.findings, p.findings)
}

// failsAt: a finding lies at the group or within it.
func (o outcome) failsAt(path []any) bool {
	for _, p := range o.paths {
		if len(p) >= len(path) && pathKey(p[:len(path)]) == pathKey(path) {
			return true
		}
	}
	return false
}

func outcomes(e *Engine, c *contract.Contract, input map[string]any) map[string]outcome {
	cc := *c
	cc.Input = input
	res := e.Evaluate(context.Background(), &cc)
	out := map[string]outcome{}
	for _, rr := range res.Rules {
		o := outcome{verdict: rr.Verdict}
		for _, f := range rr.Findings {
			o.findings = append(o.findings, pathKey(f.Path)+": "+f.Message)
			if !f.Open {
				// The failures decide the verdict; an open question beside them does not.
				o.paths = append(o.paths, f.Path)
			}
		}
		sort.Strings(o.findings)
		out[rr.Rule.ID] = o
	}
	return out
}

type group struct {
	path  []any
	value any
}

// factGroups lists every fact group (a mapping with src) and every list section (a list of
// mappings) of v, outermost first.
func factGroups(v any, path []any) []group {
	var out []group
	switch t := v.(type) {
	case map[string]any:
		if len(path) == 1 && path[0] == "deal" {
			// A deal's list of documents: no fact of the vendor's terms.
			return nil
		}
		if _, ok := t["src"]; ok && len(path) > 0 {
			out = append(out, group{slices.Clone(path), t})
		}
		keys := make([]string, 0, len(t))
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if k == "src" || strings.HasPrefix(k, "x-") {
				continue
			}
			out = append(out, factGroups(t[k], append(slices.Clip(path), k))...)
		}
	case []any:
		// A list section (of fact groups) may be a marker instead; a list of values may not.
		if len(t) > 0 && isMap(t[0]) {
			out = append(out, group{slices.Clone(path), t})
		}
		for i, e := range t {
			out = append(out, factGroups(e, append(slices.Clip(path), i))...)
		}
	}
	return out
}

func isMap(v any) bool {
	_, ok := v.(map[string]any)
	return ok
}

var generatedSrc = map[string]any{"art": "1", "quote": "generated"}

// markAmbiguous keeps a mapping's values beside status: ambiguous; a list becomes the marker
// that stands for the whole list.
func markAmbiguous(v any) any {
	if m, ok := v.(map[string]any); ok {
		out := make(map[string]any, len(m)+2)
		for k, e := range m {
			out[k] = e
		}
		out["status"], out["note"] = "ambiguous", "marked by the test"
		return out
	}
	return map[string]any{"status": "ambiguous", "note": "marked by the test", "src": generatedSrc}
}

// markDeferred is what the loader makes of a value set in a document the deal does not provide.
func markDeferred(v any) any {
	src := any(generatedSrc)
	if m, ok := v.(map[string]any); ok && m["src"] != nil {
		src = m["src"]
	}
	return map[string]any{"status": "deferred", "defined_in": "cover_page", "variable": "Generated", "src": src}
}

// replaced copies input along path only, with the value at path replaced.
func replaced(v any, path []any, with any) map[string]any {
	var rec func(v any, path []any) any
	rec = func(v any, path []any) any {
		if len(path) == 0 {
			return with
		}
		switch t := v.(type) {
		case map[string]any:
			out := make(map[string]any, len(t))
			for k, e := range t {
				out[k] = e
			}
			k := path[0].(string)
			out[k] = rec(t[k], path[1:])
			return out
		case []any:
			out := slices.Clone(t)
			i := path[0].(int)
			out[i] = rec(t[i], path[1:])
			return out
		}
		panic(fmt.Sprintf("no %v in %T", path, v))
	}
	return rec(v, path).(map[string]any)
}

func pathKey(p []any) string {
	parts := make([]string, len(p))
	for i, s := range p {
		parts[i] = fmt.Sprint(s)
	}
	return strings.Join(parts, ".")
}
