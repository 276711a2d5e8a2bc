package main

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/termlint/termlint/internal/contract"
)

// schemaEnums returns every enum value of the contract schema.
func schemaEnums(t *testing.T) map[string]bool {
	t.Helper()
	data, err := os.ReadFile("schema/contract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var s any
	if err := json.Unmarshal(data, &s); err != nil {
		t.Fatal(err)
	}
	out := map[string]bool{}
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			if e, ok := t["enum"].([]any); ok {
				for _, x := range e {
					if s, ok := x.(string); ok {
						out[s] = true
					}
				}
			}
			for _, e := range t {
				walk(e)
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(s)
	return out
}

// labelled returns the enum values policies/lib/labels.rego gives words of their own: their raw
// form ("other", "non payment") is what a message must not show.
func labelled(t *testing.T) []string {
	t.Helper()
	data, err := os.ReadFile("policies/lib/labels.rego")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range regexp.MustCompile(`(?m)^\s*"([a-z0-9_]+)": "`).FindAllStringSubmatch(string(data), -1) {
		out = append(out, m[1])
	}
	return out
}

var (
	identifier  = regexp.MustCompile(`\b[a-z0-9]+(?:_[a-z0-9]+)+\b`)
	itemID      = regexp.MustCompile(`\b(the (?:cap|exclusion|carve-out)) "[a-z0-9_]+"`)
	note        = regexp.MustCompile(`marked ambiguous: .*`)
	unformatted = regexp.MustCompile(`\b(?:[A-Z]{3}|€) ?[0-9]{5,}`)
)

// messageFaults lists what is wrong with a message: raw enum identifiers, raw enum values in a
// list position, unformatted amounts.
func messageFaults(msg string, enums map[string]bool, bare *regexp.Regexp) []string {
	var out []string
	// A cap, exclusion or carve-out is named by its article, never by the id the encoding gives it
	// (the cap "order_price").
	for _, m := range itemID.FindAllString(msg, -1) {
		out = append(out, "named by its encoding id: "+m)
	}
	// An encoder's note may use a schema word: it is quoted as written.
	msg = note.ReplaceAllString(msg, "marked ambiguous: NOTE")
	for _, w := range identifier.FindAllString(msg, -1) {
		if enums[w] {
			out = append(out, "enum identifier "+w)
		}
	}
	for _, m := range bare.FindAllStringSubmatch(msg, -1) {
		out = append(out, "raw enum value in a list: "+strings.TrimSpace(m[0]))
	}
	for _, a := range unformatted.FindAllString(msg, -1) {
		out = append(out, "unformatted amount "+a)
	}
	return out
}

// bareValues matches a labelled enum value in its raw form where a list or a parenthesis holds it:
// "(grounds: maintenance, other)", "(non payment)".
func bareValues(values []string) *regexp.Regexp {
	alts := make([]string, 0, 2*len(values))
	for _, v := range values {
		// A plain word ("attached") is English in a note; only "other" and compound values are
		// machine words in a list.
		if !strings.Contains(v, "_") && v != "other" {
			continue
		}
		alts = append(alts, regexp.QuoteMeta(v))
		if strings.Contains(v, "_") {
			alts = append(alts, regexp.QuoteMeta(strings.ReplaceAll(v, "_", " ")))
		}
	}
	return regexp.MustCompile(`(?:[(:,]\s*|\b(?:and|or) )(?:` + strings.Join(alts, "|") + `)(?:[,;)]|\s(?:and|or)\s|$)`)
}

// TestMessageQualityDetector: the detectors find what they must, so that the test over the
// fixtures cannot pass for want of looking.
func TestMessageQualityDetector(t *testing.T) {
	enums := schemaEnums(t)
	bare := bareValues(labelled(t))
	for _, bad := range []string{
		"the cap is measured by fees_paid_lookback",
		"the vendor may suspend performance (grounds: maintenance, other) in full",
		"(grounds: non payment)",
		"the amount is EUR 2500000 in figures",
	} {
		if len(messageFaults(bad, enums, bare)) == 0 {
			t.Errorf("no fault found in %q", bad)
		}
	}
	for _, good := range []string{
		"the amount is EUR 2,500,000 in figures",
		"grounds: non-payment, anything else",
		"other terms than these",
	} {
		if f := messageFaults(good, enums, bare); len(f) > 0 {
			t.Errorf("faults %v found in %q", f, good)
		}
	}
}

// TestMessageQuality runs every fixture (contracts and deals) and checks each finding's message
// and quote: no raw enum identifier, no raw enum value in a list, no amount without thousands
// separators, and no quote from another article than the fact the finding is about (its sources
// are srcs at or under its path, or, when there are none there, the nearest src above it).
func TestMessageQuality(t *testing.T) {
	enums := schemaEnums(t)
	bare := bareValues(labelled(t))
	code, out, errs := runCmd(t, "", "check", "--fail-on", "never", "-f", "json", "fixtures/contracts", "fixtures/deals")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep struct {
		Contracts []struct {
			Contract string `json:"contract"`
			File     string `json:"file"`
			Results  []struct {
				Rule     string `json:"rule"`
				Findings []struct {
					Message string            `json:"message"`
					Path    []any             `json:"path"`
					Sources []contract.Source `json:"sources"`
				} `json:"findings"`
			} `json:"results"`
		} `json:"contracts"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	l, err := contract.NewLoader(contract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var messages, sets, labelsSeen, amountsSeen int
	for _, c := range rep.Contracts {
		cs, diags, err := l.LoadFile(c.File, nil)
		if err != nil || len(diags) > 0 || len(cs) != 1 {
			t.Fatalf("%s: %v %v", c.File, err, diags)
		}
		in := cs[0].Input
		for _, r := range c.Results {
			for _, f := range r.Findings {
				messages++
				for _, fault := range messageFaults(f.Message, enums, bare) {
					t.Errorf("%s %s %v: %s in %q", c.Contract, r.Rule, f.Path, fault, f.Message)
				}
				if strings.Contains(f.Message, "non-payment") || strings.Contains(f.Message, "anything else") ||
					strings.Contains(f.Message, "death or personal injury") {
					labelsSeen++
				}
				if regexp.MustCompile(`[A-Z]{3} [0-9]{1,3},[0-9]{3}`).MatchString(f.Message) {
					amountsSeen++
				}
				allowed := srcsUnder(at(in, f.Path))
				if len(allowed) == 0 {
					allowed = nearestAbove(in, f.Path)
				} else if len(f.Sources) > 1 {
					sets++
				}
				for _, s := range f.Sources {
					if !allowed[s] {
						t.Errorf("%s %s %v quotes art. %s %q, which is no fact at or under its path",
							c.Contract, r.Rule, f.Path, s.Art, s.Quote)
					}
				}
			}
		}
	}
	// Not vacuous: the run saw the fixtures' findings, labels, formatted amounts and sets of facts.
	if messages < 500 || labelsSeen == 0 || amountsSeen == 0 || sets == 0 {
		t.Errorf("checked %d messages, %d with labels, %d with amounts, %d sets: the test looked at too little",
			messages, labelsSeen, amountsSeen, sets)
	}
}

func at(v any, path []any) any {
	for _, p := range path {
		switch t := v.(type) {
		case map[string]any:
			s, _ := p.(string)
			v = t[s]
		case []any:
			i, ok := p.(float64)
			if !ok || int(i) < 0 || int(i) >= len(t) {
				return nil
			}
			v = t[int(i)]
		default:
			return nil
		}
	}
	return v
}

func srcOf(v any) []contract.Source {
	var out []contract.Source
	one := func(m map[string]any) {
		a, _ := m["art"].(string)
		q, _ := m["quote"].(string)
		out = append(out, contract.Source{Art: a, Quote: q})
	}
	switch t := v.(type) {
	case map[string]any:
		one(t)
	case []any:
		for _, e := range t {
			if m, ok := e.(map[string]any); ok {
				one(m)
			}
		}
	}
	return out
}

func srcsUnder(v any) map[contract.Source]bool {
	out := map[contract.Source]bool{}
	var walk func(any)
	walk = func(v any) {
		switch t := v.(type) {
		case map[string]any:
			for _, s := range srcOf(t["src"]) {
				out[s] = true
			}
			for k, e := range t {
				if k != "src" {
					walk(e)
				}
			}
		case []any:
			for _, e := range t {
				walk(e)
			}
		}
	}
	walk(v)
	return out
}

func nearestAbove(in map[string]any, path []any) map[contract.Source]bool {
	out := map[contract.Source]bool{}
	for n := len(path); n >= 0; n-- {
		if m, ok := at(in, path[:n]).(map[string]any); ok && m["src"] != nil {
			for _, s := range srcOf(m["src"]) {
				out[s] = true
			}
			return out
		}
	}
	return out
}
