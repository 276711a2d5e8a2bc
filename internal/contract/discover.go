package contract

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ErrLinkInWalk is why a symbolic link found by a directory search is an input error.
//
// A search does not follow links. Following them would let a pull request make the gate read any
// file of the runner (a link named contract.yaml to /proc/self/environ, a FIFO, /dev/zero) and
// echo parts of it in parse errors. Skipping them quietly would let it hide a contract from the
// gate behind a link. So a link whose name is a contract's fails the run with this message, and
// a person decides: a link named on the command line is followed like any named file.
var ErrLinkInWalk = errors.New("a symbolic link: a directory search does not follow links; name the file it points to (or the link itself) on the command line")

// Discover expands the paths a user gave into contract files: files as given (symbolic links
// followed), directories searched recursively for *.yaml and *.yml, "-" for standard input. The
// result is sorted and without duplicates so that every run reports in the same order.
//
// Nothing found stops the search: a named path that does not exist, a directory that cannot be
// read, a link found by the search are all in the result, and LoadFile reports each as that
// file's input error while every other file is still checked. Discover must run before loading
// starts.
func (l *Loader) Discover(paths []string) []string {
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	fail := func(p string, err error) {
		add(p)
		if l.failed[p] == nil {
			l.failed[p] = err
		}
	}
	var dirs []string
	// Named files first, so that a link named on the command line is followed even when a
	// directory search also meets it.
	for _, p := range paths {
		if p == "-" {
			add(p)
			continue
		}
		info, err := os.Stat(p)
		if err == nil && info.IsDir() {
			dirs = append(dirs, p)
			continue
		}
		// Whatever else it is (missing, a dangling link, a FIFO), LoadFile opens it and says
		// why it cannot be read.
		add(filepath.Clean(p))
	}
	for _, p := range dirs {
		// A named link to a directory is followed like any named path: with a trailing
		// separator the walk starts at the directory it leads to. Below it, WalkDir reads no
		// entry's target: links are seen as links.
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(p, string(filepath.Separator)) {
			p += string(filepath.Separator)
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				// A directory that cannot be listed (no permission, removed during the
				// search): that directory is the input error, the search goes on elsewhere.
				fail(path, err)
				if d != nil && d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				// Hidden directories (.git, .github) hold no contracts and can be large.
				if path != p && strings.HasPrefix(d.Name(), ".") {
					return filepath.SkipDir
				}
				return nil
			}
			// Hidden files are settings (.termlint.yaml), not contracts, as hidden directories are.
			if !IsContractFile(path) || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if !seen[path] {
					fail(path, ErrLinkInWalk)
				}
				return nil
			}
			add(path)
			return nil
		})
	}
	sort.Strings(out)
	return out
}

// IsContractFile reports whether a directory walk should pick up path.
func IsContractFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}
