package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/termlint/termlint/internal/safefile"
)

// Discover returns the config file a run starting at start (a file or directory) reads, or ""
// when there is none.
//
// Inside a git repository the config is the .termlint.yaml at the repository's root, and only
// that one: a pull request that adds contracts/.termlint.yaml must not be able to override the
// settings of the whole repository for the contracts below it. Such a nested file is an error
// unless allowNested is set, in which case the nearest file walking up from start wins, as it
// does outside a repository.
func Discover(start string, allowNested bool) (string, error) {
	dir, err := filepath.Abs(start)
	if err != nil {
		return "", fmt.Errorf("finding %s: %w", FileName, err)
	}
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		dir = filepath.Dir(dir)
	}
	root := safefile.RepoRoot(dir)
	for d := dir; ; {
		p := filepath.Join(d, FileName)
		_, err := os.Lstat(p)
		switch {
		case err == nil && (d == root || root == "" || allowNested):
			return p, nil
		case err == nil:
			rel, _ := filepath.Rel(root, p)
			return "", fmt.Errorf("%s: a config below the repository root is not read, since a pull request could add one to loosen the checks of the contracts beside it; move its settings to %s at the root of %s, name it with --config, or allow nested configs with --nested-config", filepath.ToSlash(rel), FileName, root)
		case !errors.Is(err, fs.ErrNotExist):
			return "", fmt.Errorf("finding %s: %w", FileName, err)
		}
		if d == root {
			return "", nil
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}
