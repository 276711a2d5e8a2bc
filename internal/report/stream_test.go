package report

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/engine"
	"github.com/termlint/termlint/internal/result"
	"github.com/termlint/termlint/internal/result/spool"
)

// streamResults are results in the order a run delivers them (files sorted, the documents of a
// file in order), with the names whose report order differs from it: "a.yaml#10" sorts before
// "a.yaml#2", "a.yaml!.yaml" before "a.yaml#1", and "sub-a.yaml" before "sub/x.yaml".
func streamResults() []*engine.Result {
	base := testReport().Results
	var names []string
	for i := 1; i <= 11; i++ {
		names = append(names, fmt.Sprintf("c/a.yaml#%d", i))
	}
	names = append(names, "c/a.yaml!.yaml", "c/sub/x.yaml", "c/sub-a.yaml")
	var out []*engine.Result
	for i, n := range names {
		r := *base[i%len(base)]
		r.Contract, r.File = n, n
		out = append(out, &r)
	}
	return out
}

func streamReport() *Report {
	r := testReport()
	r.Results, r.New, r.NewFindings, r.HasBaseline = nil, nil, nil, false
	return r
}

// streamBaseline has, on a contract of the run, one of the two findings by which a rule still
// fails (the other is new) and a finding of a rule that passes now (fixed), and a finding on a
// contract that is not in the run, which must not count as fixed.
func streamBaseline(results []*engine.Result) []result.BaselineEntry {
	entry := func(contractName, rule string, f engine.Finding) result.BaselineEntry {
		return result.BaselineEntry{Contract: contractName, Rule: rule, Message: f.Message, Fingerprint: result.FindingFingerprint(contractName, rule, f)}
	}
	still := results[0].Rules[1]
	return []result.BaselineEntry{
		entry(results[0].Contract, still.Rule.ID, still.Findings[0]),
		entry(results[0].Contract, "termination/notice-period", engine.Finding{Message: "the notice period is six months"}),
		entry("c/gone.yaml", "liability/excluded-damage", engine.Finding{Message: "the vendor excludes data loss"}),
	}
}

// TestStreamMatchesWrite checks that writing results as they arrive gives the bytes Write gives
// for the same results sorted, kept and compared with the baseline at the end, in every format,
// whether the stream stays in memory or moves to a temporary file, and that a stream keeps no
// result.
func TestStreamMatchesWrite(t *testing.T) {
	tests := []struct {
		name    string
		writers []Writer
	}{
		{"text", []Writer{&Text{}}},
		{"text colour", []Writer{&Text{Color: true, ShowPassed: true}}},
		{"json", []Writer{JSON{}}},
		{"text and json", []Writer{&Text{}, JSON{}}},
		{"sarif", []Writer{SARIF{}}},
		{"github", []Writer{GitHub{}}},
		{"junit", []Writer{JUnit{}}},
		{"markdown", []Writer{Markdown{}}},
		// Small enough that contracts are listed one a line, then cut off.
		{"markdown, cut", []Writer{Markdown{MaxBytes: 2 << 10}}},
		{"text, sarif and junit", []Writer{&Text{}, SARIF{}, JUnit{}}},
	}
	for _, tt := range tests {
		for _, spill := range []int{spool.SpillBytes, 1} {
			for _, baseline := range []bool{false, true} {
				t.Run(fmt.Sprintf("%s/spill %d/baseline %v", tt.name, spill, baseline), func(t *testing.T) {
					results := streamResults()
					ws := tt.writers

					want := streamReport()
					want.Results = append([]*engine.Result(nil), results...)
					sort.SliceStable(want.Results, func(i, j int) bool { return want.Results[i].Contract < want.Results[j].Contract })
					if baseline {
						compareBaseline(want, streamBaseline(results))
					}

					got := streamReport()
					s := newStream(got, spill, ws...)
					defer func() {
						if err := s.Close(); err != nil {
							t.Error(err)
						}
					}()
					if baseline {
						s.Baseline(streamBaseline(results))
					}
					for _, res := range results {
						if err := s.Add(res); err != nil {
							t.Fatal(err)
						}
					}
					s.Finish()
					if len(got.Results) != 0 {
						t.Fatalf("the stream kept %d results", len(got.Results))
					}
					for i, wr := range ws {
						// Twice: a writer may read the spooled results more than once.
						for range 2 {
							var buf bytes.Buffer
							if err := s.WriteTo(i, &buf); err != nil {
								t.Fatal(err)
							}
							if exp := render(t, wr, want); !bytes.Equal(buf.Bytes(), exp) {
								t.Fatalf("%T: stream wrote\n%s\nwant\n%s", wr, buf.Bytes(), exp)
							}
						}
					}
					if got.ExitFailing() != want.ExitFailing() || got.Totals() != want.Totals() || got.ContractCount() != want.ContractCount() {
						t.Errorf("tally differs: failing %v, %+v, %d; want %v, %+v, %d", got.ExitFailing(), got.Totals(), got.ContractCount(), want.ExitFailing(), want.Totals(), want.ContractCount())
					}
				})
			}
		}
	}
}

// TestStreamRefusesUnlistedRule checks that a result of a rule the report does not list is
// refused rather than spooled under a wrong rule.
func TestStreamRefusesUnlistedRule(t *testing.T) {
	got := streamReport()
	s := NewStream(got, SARIF{})
	defer func() { _ = s.Close() }()
	res := *streamResults()[0]
	res.Rules = append([]engine.RuleResult(nil), res.Rules...)
	res.Rules[0].Rule = &engine.Rule{ID: "custom/not-listed"}
	err := s.Add(&res)
	if err == nil || !strings.Contains(err.Error(), "custom/not-listed") {
		t.Fatalf("got %v, want an error naming the rule", err)
	}
	if got.ContractCount() != 0 {
		t.Errorf("the refused result was counted")
	}
}

// TestStreamNoContracts checks a run in which no contract could be checked.
func TestStreamNoContracts(t *testing.T) {
	for _, w := range []Writer{&Text{}, JSON{}, SARIF{}, GitHub{}, JUnit{}, Markdown{}} {
		want := streamReport()
		got := streamReport()
		s := NewStream(got, w)
		s.Finish()
		var buf bytes.Buffer
		if err := s.WriteTo(0, &buf); err != nil {
			t.Fatal(err)
		}
		if exp := render(t, w, want); !bytes.Equal(buf.Bytes(), exp) {
			t.Errorf("%T: stream wrote\n%s\nwant\n%s", w, buf.Bytes(), exp)
		}
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}
}

// compareBaseline is the baseline comparison over a report that holds every result, the way it
// was done before results streamed: the reference the streamed comparison must match.
func compareBaseline(r *Report, base []result.BaselineEntry) {
	r.StartBaseline(base)
	for _, res := range r.Results {
		r.Observe(res)
	}
	r.FinishBaseline()
}
