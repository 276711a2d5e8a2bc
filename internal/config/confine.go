package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/termlint/termlint/internal/safefile"
)

// Confine checks that every path the config names lies inside a root, after symbolic links:
// inputs (policies, params, profile, waivers, baseline) inside inputs — the repository the config
// belongs to, or the trusted tree it was read from —, reports inside outputs, the repository.
// Inputs outside it would let a config read any file of the machine (a params file is merged
// into what policies see); reports outside it would let a config overwrite any file the job can
// write.
func (c *Config) Confine(inputs, outputs string) error {
	root := inputs
	check := func(key, p string) error {
		if p == "" || p == "-" {
			return nil
		}
		_, err := safefile.Confine(root, p)
		if err == nil || errors.Is(err, fs.ErrNotExist) {
			// A missing file is reported by whoever reads it, with its own message.
			return nil
		}
		return fmt.Errorf("%s: %s: %s %w (%s)", c.Path, key, c.shown(p), err, rootWord(root))
	}
	for _, p := range c.Policies {
		if err := check("policies", p); err != nil {
			return err
		}
	}
	for _, p := range c.Params {
		if err := check("params", p); err != nil {
			return err
		}
	}
	if strings.ContainsAny(c.Profile, `/\`) || strings.HasSuffix(c.Profile, ".yaml") {
		if err := check("profile", c.Profile); err != nil {
			return err
		}
	}
	if err := check("waivers", c.Waivers); err != nil {
		return err
	}
	if err := check("baseline", c.Baseline); err != nil {
		return err
	}
	for _, r := range c.Reports {
		_, p, _ := strings.Cut(r, "=")
		if err := confineOutput(outputs, p); err != nil {
			return fmt.Errorf("%s: reports: %s %w (%s)", c.Path, c.shown(p), err, rootWord(outputs))
		}
	}
	return nil
}

// confineOutput checks a path to be written: it need not exist, but it must stay inside root
// lexically, its nearest existing directory must resolve inside root, and it must not be a
// symbolic link (writing through one would write wherever it points).
func confineOutput(root, p string) error {
	abs, err := filepath.Abs(p)
	if err != nil {
		return safefile.ErrOutside
	}
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if rel, err := filepath.Rel(rootAbs, abs); err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return safefile.ErrOutside
	}
	if info, err := os.Lstat(abs); err == nil && info.Mode()&fs.ModeSymlink != 0 {
		return safefile.ErrOutside
	}
	dir := filepath.Dir(abs)
	for {
		if _, err := os.Lstat(dir); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return safefile.ErrOutside
		}
		dir = parent
	}
	if _, err := safefile.Confine(root, dir); err != nil {
		return err
	}
	return nil
}

// shown names p as the config writes it.
func (c *Config) shown(p string) string {
	if w, ok := c.written[p]; ok {
		return w
	}
	return filepath.ToSlash(p)
}

func rootWord(root string) string {
	return "paths in the config must stay inside " + filepath.ToSlash(root)
}
