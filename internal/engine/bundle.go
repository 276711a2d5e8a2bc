package engine

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/open-policy-agent/opa/v1/bundle"

	"github.com/termlint/termlint/internal/contract"
)

// WriteBundle writes the playbook as an OPA bundle (tar.gz): the rules and library without their
// tests, the params as data.termlint.params, and the generated termlint.engine module, so that an
// OPA server answers data.termlint.engine.results for an exported contract with the same deny,
// unknown and applies that check turns into verdicts. The policies are compiled first, so a
// bundle is only written from a playbook that check would accept.
func WriteBundle(ctx context.Context, schema *contract.Schema, opts Options, revision string, w io.Writer) error {
	opts.Tests = false
	ps, err := loadPolicies(opts)
	if err != nil {
		return err
	}
	rules, err := findRules(ps.modules)
	if err != nil {
		return err
	}
	if err := ps.addQueryModule(rules); err != nil {
		return err
	}
	if _, err := compile(ps.modules, schema); err != nil {
		return err
	}
	names := slices.Sorted(maps.Keys(ps.modules))
	b := bundle.Bundle{
		Manifest: bundle.Manifest{Revision: revision, Roots: &[]string{"termlint"}},
		Data:     map[string]any{"termlint": map[string]any{"params": ps.params}},
	}
	for _, n := range names {
		b.Modules = append(b.Modules, bundle.ModuleFile{URL: n, Path: n, Raw: ps.raw[n], Parsed: ps.modules[n]})
	}
	if err := bundle.NewWriter(w).Write(b); err != nil {
		return fmt.Errorf("writing bundle: %w", err)
	}
	return nil
}
