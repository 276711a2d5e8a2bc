package engine

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
)

// expected is fixtures/expected/<vendor>.json (or deals/<deal>.json): every rule's verdict on one
// vendor's terms or one deal, each argued from the quoted clause by a person, not copied from
// termlint's output.
type expected struct {
	Contract string `json:"contract"`
	// Deal is the deal file, relative to the repository, for the expectations of a deal.
	Deal     string `json:"deal"`
	Verdicts map[string]struct {
		Verdict string `json:"verdict"`
		Reason  string `json:"reason"`
	} `json:"verdicts"`
}

// TestGoldenVerdicts evaluates the five fixtures with the default playbook and compares every
// rule's verdict with the argued expectation. A new rule without an argued verdict fails too.
func TestGoldenVerdicts(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/expected/*.json")
	if len(files) != 5 {
		t.Fatalf("want expected verdicts for the five vendors, got %v", files)
	}
	compareVerdicts(t, files, func(t *testing.T, f string, _ expected) *contract.Contract {
		return loadFixture(t, filepath.Base(strings.TrimSuffix(f, ".json"))+".yaml")
	})
}

// TestGoldenDealVerdicts does the same for the deals: the five vendors' terms with the documents
// they refer to, and the Common Paper deals.
func TestGoldenDealVerdicts(t *testing.T) {
	files, _ := filepath.Glob("../../fixtures/expected/deals/*.json")
	if len(files) < 7 {
		t.Fatalf("want expected verdicts for the five vendors' deals and the Common Paper deals, got %v", files)
	}
	compareVerdicts(t, files, func(t *testing.T, f string, exp expected) *contract.Contract {
		if exp.Deal == "" {
			t.Fatalf("%s names no deal", f)
		}
		return loadFile(t, filepath.Join("..", "..", filepath.FromSlash(exp.Deal)))
	})
}

func compareVerdicts(t *testing.T, files []string, load func(*testing.T, string, expected) *contract.Contract) {
	t.Helper()
	e, err := New(context.Background(), testSchema(t), Options{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var exp expected
		if err := json.Unmarshal(data, &exp); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			res := e.Evaluate(context.Background(), load(t, f, exp))
			seen := map[string]bool{}
			for _, rr := range res.Rules {
				seen[rr.Rule.ID] = true
				want, ok := exp.Verdicts[rr.Rule.ID]
				if !ok {
					t.Errorf("%s: no argued verdict for rule %s (termlint says %s)", f, rr.Rule.ID, rr.Verdict)
					continue
				}
				if want.Reason == "" {
					t.Errorf("%s: rule %s has a verdict without a reason", f, rr.Rule.ID)
				}
				if string(rr.Verdict) != want.Verdict {
					var msgs []string
					for _, fd := range rr.Findings {
						msgs = append(msgs, fd.Message)
					}
					t.Errorf("%s: termlint says %s, the argued verdict is %s (%s)\nfindings: %s", rr.Rule.ID, rr.Verdict, want.Verdict, want.Reason, strings.Join(msgs, " | "))
				}
			}
			var extra []string
			for id := range exp.Verdicts {
				if !seen[id] {
					extra = append(extra, id)
				}
			}
			sort.Strings(extra)
			if len(extra) > 0 {
				t.Errorf("%s argues verdicts for rules the playbook does not have: %v", f, extra)
			}
		})
	}
}
