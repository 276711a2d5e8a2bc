package config

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/termlint/termlint/internal/safefile"
)

// maxCompareBytes bounds each file compared by Changed; larger files count as changed.
const maxCompareBytes = 16 << 20

// maxCompareFiles bounds the files Changed compares under one trusted path: the working tree's
// copy comes from the pull request, which could fill a policy directory with a million files.
// Past it the directory itself is reported as changed, for a reviewer to look at.
const maxCompareFiles = 10_000

// Changed lists the trusted inputs, given as paths relative to both trees, whose files differ
// between the trusted tree (the base branch) and the working tree (the pull request): a file
// added, removed or edited. A check reads them from the trusted tree, so a change in the pull
// request has no effect on it; the list tells a reviewer that the change needs their approval
// before it takes effect on merge. Directories are compared file by file; the list is sorted.
func Changed(trusted, work string, rels []string) []string {
	seen := map[string]bool{}
	for _, rel := range rels {
		if rel == "" || !filepath.IsLocal(rel) {
			continue
		}
		files := map[string]bool{}
		for _, root := range []string{trusted, work} {
			for _, f := range listFiles(root, rel, maxCompareFiles+1) {
				files[f] = true
			}
		}
		if len(files) > maxCompareFiles {
			seen[filepath.ToSlash(rel)] = true
			continue
		}
		for f := range files {
			if !sameFile(filepath.Join(trusted, f), filepath.Join(work, f)) {
				seen[filepath.ToSlash(f)] = true
			}
		}
	}
	out := make([]string, 0, len(seen))
	for f := range seen {
		out = append(out, f)
	}
	slices.Sort(out)
	return out
}

// listFiles returns the files at rel under root: rel itself if it is a file, the files below it
// if it is a directory (hidden directories left out, as the policy loader does).
func listFiles(root, rel string, limit int) []string {
	p := filepath.Join(root, rel)
	info, err := os.Lstat(p)
	if err != nil {
		return nil
	}
	if !info.IsDir() {
		return []string{rel}
	}
	var out []string
	_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if r, err := filepath.Rel(root, path); err == nil {
			out = append(out, r)
		}
		if len(out) >= limit {
			return filepath.SkipAll
		}
		return nil
	})
	return out
}

func sameFile(a, b string) bool {
	da, erra := readForCompare(a)
	db, errb := readForCompare(b)
	if erra != nil || errb != nil {
		// Missing on both sides is the same; anything else unreadable counts as a change, so a
		// reviewer looks.
		return errors.Is(erra, fs.ErrNotExist) && errors.Is(errb, fs.ErrNotExist)
	}
	return bytes.Equal(da, db)
}

func readForCompare(p string) ([]byte, error) {
	info, err := os.Lstat(p)
	if err != nil {
		return nil, err
	}
	if info.Mode()&fs.ModeSymlink != 0 {
		// A link is compared by where it points, never followed.
		target, err := os.Readlink(p)
		return []byte("symlink:" + target), err
	}
	return safefile.ReadFile(p, maxCompareBytes)
}
