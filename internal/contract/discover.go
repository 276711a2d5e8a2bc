package contract

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Discover expands the paths a user gave into contract files: files as given, directories
// searched recursively for *.yaml and *.yml, "-" for standard input. The result is sorted and
// without duplicates so that every run reports in the same order.
func Discover(paths []string) ([]string, error) {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		if p == "-" {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
		if !info.IsDir() {
			add(filepath.Clean(p))
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() {
				// Hidden directories (.git, .github) hold no contracts and can be large.
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			// Hidden files are settings (.termlint.yaml), not contracts, as hidden directories are.
			if IsContractFile(path) && !strings.HasPrefix(d.Name(), ".") {
				add(path)
			}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUnreadable, err)
		}
	}
	sort.Strings(out)
	return out, nil
}

// IsContractFile reports whether a directory walk should pick up path.
func IsContractFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}
