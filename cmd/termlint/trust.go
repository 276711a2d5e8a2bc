package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/termlint/termlint/internal/config"
	"github.com/termlint/termlint/internal/contract"
	"github.com/termlint/termlint/internal/safefile"
)

// trustFlags choose where the trusted inputs of a check come from: the config, policies, params,
// profiles, waivers and baseline. A pull request may change the contracts and their sources;
// it must not be able to change what they are judged by.
type trustFlags struct {
	dir          string
	fromRef      string
	nestedConfig bool
}

func (tf *trustFlags) register(fs flagSet) {
	fs.StringVar(&tf.dir, "trusted-dir", "", "read the config, policies, params, profiles and waivers from this tree (e.g. a checkout of the base branch), not the working tree")
	fs.StringVar(&tf.fromRef, "config-from-ref", "", "read the config, policies, params, profiles and waivers from this git ref (e.g. origin/main), not the working tree")
	fs.BoolVar(&tf.nestedConfig, "nested-config", false, "read a .termlint.yaml below the repository root (the nearest one wins); refused by default")
}

// trustedTree is where a run reads its trusted inputs from. Its zero value, for a run without
// --trusted-dir or --config-from-ref, reads them from the working tree.
type trustedTree struct {
	// root is the trusted tree; "" for the working tree.
	root string
	// repo is the working tree's repository root (or the working directory): reports are
	// written inside it, and trusted inputs are compared with their copy in it.
	repo string
	// ref names the trusted tree in messages.
	ref string
	// temp is removed by cleanup: the export of --config-from-ref.
	temp string
	// rels are the trusted inputs read, relative to root.
	rels []string
}

func (tf *trustFlags) open(flags flagSet) (*trustedTree, error) {
	t := &trustedTree{}
	wd, err := os.Getwd()
	if err != nil {
		return t, err
	}
	t.repo = wd
	if r := safefile.RepoRoot(wd); r != "" {
		t.repo = r
	}
	switch {
	case tf.dir != "" && tf.fromRef != "":
		return t, errors.New("--trusted-dir and --config-from-ref both name the trusted tree: give one")
	case tf.dir != "":
		info, err := os.Stat(tf.dir)
		if err != nil || !info.IsDir() {
			return t, fmt.Errorf("--trusted-dir %s: not a directory", tf.dir)
		}
		if t.root, err = filepath.Abs(tf.dir); err != nil {
			return t, err
		}
		t.ref = tf.dir
	case tf.fromRef != "":
		if t.temp, err = os.MkdirTemp("", "termlint-trusted-"); err != nil {
			return t, err
		}
		t.root, t.ref = t.temp, tf.fromRef
		// Only what a check reads as trusted input is exported: the config first, then the
		// paths the command line and the config name (config.Confine keeps those inside).
		paths := []string{config.FileName}
		for _, name := range []string{"policy", "params", "waivers", "profile", "config"} {
			if f := flags.Lookup(name); f != nil && f.Changed {
				for _, v := range flagValues(f) {
					if rel, ok := t.repoRel(v); ok {
						paths = append(paths, rel)
					}
				}
			}
		}
		if _, err := config.ExportRef(context.Background(), t.repo, tf.fromRef, t.root, paths, config.RefLimits{}); err != nil {
			return t, err
		}
	}
	return t, nil
}

func (t *trustedTree) cleanup() {
	if t != nil && t.temp != "" {
		_ = os.RemoveAll(t.temp)
	}
}

// repoRel is p relative to the working tree's repository, if it lies inside it.
func (t *trustedTree) repoRel(p string) (string, bool) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return "", false
	}
	rel, err := filepath.Rel(t.repo, abs)
	if err != nil || !filepath.IsLocal(rel) {
		return "", false
	}
	return rel, true
}

// relocate maps a trusted input named on the command line into the trusted tree: a relative
// path names the same file of the base branch. Absolute paths are the workflow's own choice
// (a baseline in the runner's temp directory, say) and stay.
func (t *trustedTree) relocate(p string) string {
	if t.root == "" || p == "" || filepath.IsAbs(p) {
		return p
	}
	rel, ok := t.repoRel(p)
	if !ok {
		return p
	}
	return filepath.Join(t.root, rel)
}

func (t *trustedTree) relocateAll(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = t.relocate(p)
	}
	return out
}

// read records trusted inputs, to compare them with the working tree's copies at the end.
func (t *trustedTree) read(ps ...string) {
	if t.root == "" {
		return
	}
	for _, p := range ps {
		if rel, err := filepath.Rel(t.root, p); err == nil && p != "" && filepath.IsLocal(rel) {
			t.rels = append(t.rels, rel)
		}
	}
}

// configPath finds the config: --config, else the trusted tree's .termlint.yaml, else the one
// discovery finds from the first path.
func (t *trustedTree) configPath(flags flagSet, flag string) (string, error) {
	if flag != "" {
		p := t.relocate(flag)
		t.read(p)
		return p, nil
	}
	if t.root != "" {
		p := filepath.Join(t.root, config.FileName)
		if _, err := os.Lstat(p); errors.Is(err, fs.ErrNotExist) {
			// The base branch has no config: nor does this run, whatever the pull request adds.
			t.rels = append(t.rels, config.FileName)
			return "", nil
		}
		t.read(p)
		return p, nil
	}
	start := "."
	if flags.NArg() > 0 && flags.Arg(0) != "-" {
		start = flags.Arg(0)
	}
	return config.Discover(start, t.nestedConfigAllowed(flags))
}

func (t *trustedTree) nestedConfigAllowed(flags flagSet) bool {
	v, _ := flags.GetBool("nested-config")
	return v
}

// confine keeps the config's paths inside their trees and, for a trusted tree, exports them
// from the ref and writes reports into the working tree rather than the trusted one.
func (t *trustedTree) confine(c *config.Config) error {
	inputs := t.root
	if inputs == "" {
		inputs = safefile.RepoRoot(filepath.Dir(c.Path))
		if inputs == "" {
			inputs = filepath.Dir(c.Path)
		}
	}
	outputs := inputs
	if t.root != "" {
		outputs = t.repo
		for i, r := range c.Reports {
			if f, p, ok := strings.Cut(r, "="); ok {
				if rel, err := filepath.Rel(t.root, p); err == nil && filepath.IsLocal(rel) {
					c.Reports[i] = f + "=" + filepath.Join(t.repo, rel)
				}
			}
		}
	}
	if err := c.Confine(inputs, outputs); err != nil {
		return err
	}
	if t.root == "" {
		return nil
	}
	named := append(append(append([]string{}, c.Policies...), c.Params...), c.Waivers, c.Baseline)
	if isProfilePath(c.Profile) {
		named = append(named, c.Profile)
	}
	var rels []string
	for _, p := range named {
		if rel, err := filepath.Rel(t.root, p); err == nil && p != "" && filepath.IsLocal(rel) {
			rels = append(rels, rel)
		}
	}
	if t.temp != "" && len(rels) > 0 {
		if _, err := config.ExportRef(context.Background(), t.repo, t.ref, t.root, rels, config.RefLimits{}); err != nil {
			return err
		}
	}
	t.rels = append(t.rels, rels...)
	return nil
}

// changedWarnings tells the reviewer which trusted inputs the pull request changes: they were
// not used, and take effect only once merged.
func (t *trustedTree) changedWarnings() []contract.Diagnostic {
	if t == nil || t.root == "" {
		return nil
	}
	var out []contract.Diagnostic
	for _, f := range config.Changed(t.root, t.repo, t.rels) {
		out = append(out, contract.Diagnostic{
			File:    f,
			Message: fmt.Sprintf("this change to a trusted input was not used: the check read it from %s; it takes effect once merged, so a reviewer must approve it", t.ref),
		})
	}
	return out
}

func flagValues(f *pflag.Flag) []string {
	if sv, ok := f.Value.(pflag.SliceValue); ok {
		return sv.GetSlice()
	}
	return []string{f.Value.String()}
}
