package report

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/termlint/termlint/internal/result"
)

// MaxChangedBytes bounds a list of changed files: a pull request of a hundred thousand files
// lists well under this, and a wrong path (a log, a device) must not exhaust memory.
const MaxChangedBytes = 16 << 20

// ReadChanged reads the files a pull request changed, one path a line (as `git diff --name-only`
// prints them) or NUL-separated (`git diff --name-only -z`, which the Action uses: without -z git
// quotes a name with a tab, a newline or non-ASCII letters, "contracts/caf\303\251.yaml", and the
// quoted name matches no contract), into the set GitHub ranks annotations by. Paths are compared as findings name
// their files: forward slashes, no leading "./". Blank lines are skipped; a line that is not
// UTF-8 is an error with its line number, since it could never match a contract's name.
func ReadChanged(path string) (map[string]bool, error) {
	data, err := result.ReadBounded("list of changed files", path, MaxChangedBytes)
	if err != nil {
		return nil, err
	}
	out := map[string]bool{}
	sep, nul := "\n", strings.IndexByte(string(data), 0) >= 0
	if nul {
		sep = "\x00"
	}
	for i, line := range strings.Split(string(data), sep) {
		if !nul {
			// Only a line-separated list is trimmed: a NUL-separated name is exact.
			line = strings.TrimSpace(strings.TrimSuffix(line, "\r"))
		}
		if line == "" {
			continue
		}
		if !utf8.ValidString(line) {
			return nil, fmt.Errorf("list of changed files %s:%d: not UTF-8 text", path, i+1)
		}
		out[slashPath(line)] = true
	}
	return out, nil
}
