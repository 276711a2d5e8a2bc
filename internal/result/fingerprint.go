package result

import (
	"sort"
	"strconv"
	"strings"

	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/engine"
)

// FindingFingerprint identifies one finding across runs by what it says, not where: the contract,
// the rule, the message and the vendor's clauses it cites (article and quote). It is the one
// recipe behind SARIF's partialFingerprints (FingerprintKey) and the baseline's matching, so that
// code scanning and --baseline agree on which findings are the same.
//
// Left out on purpose: the line and column, and the YAML path, since a list index shifts when an
// entry is inserted above (a new clause above an old one must not make the old one new).
// Normalised: runs of white space in the message and article become one space, quotes are
// compared as the quote check compares them (contract.NormaliseQuote), and the sources are
// sorted, so that reflowing the YAML or reordering a src list changes nothing. Each field is
// length-prefixed so that no two different findings give the same input to the hash.
func FindingFingerprint(contractName, ruleID string, f engine.Finding) string {
	var b strings.Builder
	field := func(s string) {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	field(contractName)
	field(ruleID)
	field(collapseSpace(f.Message))
	field(strconv.Itoa(len(f.Sources)))
	for _, s := range sortedSources(f.Sources) {
		field(s)
	}
	return hash(b.String())
}

// sortedSources gives each source as its normalised, length-prefixed article and quote, sorted.
func sortedSources(srcs []contract.Source) []string {
	out := make([]string, len(srcs))
	for i, s := range srcs {
		art, quote := collapseSpace(s.Art), contract.NormaliseQuote(s.Quote)
		out[i] = strconv.Itoa(len(art)) + ":" + art + quote
	}
	sort.Strings(out)
	return out
}

// collapseSpace trims s and makes each run of white space one space.
func collapseSpace(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
