package contract

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
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
// followed), directories searched recursively for *.yaml and *.yml files that hold a contract
// (see LooksLikeContract), "-" for standard input. The result is sorted and without duplicates
// so that every run reports in the same order.
//
// A file named on the command line is always a contract, whatever it holds and whatever
// Options.Exclude says: naming it is the most specific thing a user can say, and a waivers file
// named by mistake then gets a clear error instead of vanishing. Files a search passes over
// because they hold no contract are listed by Skipped; those Options.Exclude leaves out, by
// Excluded.
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
	skipped, excluded := map[string]bool{}, map[string]bool{}
	// deals are the files that may be deal files: those a search found with a root key deal in
	// their first lines, and every named file.
	var dirs, deals []string
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
		deals = append(deals, filepath.Clean(p))
	}
	for _, p := range dirs {
		// A named link to a directory is followed like any named path: with a trailing
		// separator the walk starts at the directory it leads to. Below it, WalkDir reads no
		// entry's target: links are seen as links.
		if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 && !strings.HasSuffix(p, string(filepath.Separator)) {
			p += string(filepath.Separator)
		}
		_ = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if path != p && l.excluded(p, path) {
				// Before the error and link checks: a user may exclude an unreadable
				// directory or a link on purpose.
				if d == nil || !d.IsDir() {
					excluded[path] = true
				} else {
					return filepath.SkipDir
				}
				return nil
			}
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
			if !seen[path] {
				holds, deal := l.holdsContract(path)
				if !holds {
					skipped[path] = true
					return nil
				}
				if deal {
					deals = append(deals, path)
				}
			}
			add(path)
			return nil
		})
	}
	sort.Strings(out)
	out = l.dropDealDocuments(out, deals)
	// A file both named and found by a search is a contract: it is not also skipped.
	l.skipped, l.excludedFiles = nil, nil
	for p := range skipped {
		if !seen[p] {
			l.skipped = append(l.skipped, p)
		}
	}
	for p := range excluded {
		if !seen[p] {
			l.excludedFiles = append(l.excludedFiles, p)
		}
	}
	sort.Strings(l.skipped)
	sort.Strings(l.excludedFiles)
	return out
}

// dropDealDocuments leaves out the files that are documents of a deal in files: they are checked
// as part of it (a cover page or a processor agreement alone answers little), and a file that is
// a document of no deal in the run is still checked alone.
func (l *Loader) dropDealDocuments(files, deals []string) []string {
	members, isDeal := map[string]bool{}, map[string]bool{}
	for _, f := range deals {
		if f == "-" || l.failed[f] != nil {
			continue
		}
		docs, ok := l.dealDocuments(f)
		isDeal[f] = ok
		for _, m := range docs {
			members[m] = true
		}
	}
	// A deal is never left out as another's document (or its own): loading it says what is
	// wrong, rather than the deal vanishing from the run.
	for f := range isDeal {
		if isDeal[f] {
			delete(members, f)
		}
	}
	if len(members) == 0 {
		return files
	}
	out := files[:0]
	for _, f := range files {
		if !members[f] {
			out = append(out, f)
		}
	}
	return out
}

// dealDocuments returns the files a deal file names, when path is one: its root key deal in the
// first lines settles it (a deal says deal: near the top), and only then is the file parsed.
func (l *Loader) dealDocuments(path string) (docs []string, isDeal bool) {
	f, info, err := safefile.Open(path)
	if err != nil {
		return nil, false
	}
	defer func() { _ = f.Close() }()
	head := make([]byte, min(info.Size(), headBytes))
	n, _ := io.ReadFull(f, head)
	if !hasRootKey(head[:n], "deal") || info.Size() > l.opts.Limits.MaxBytes {
		return nil, false
	}
	rest, err := safefile.ReadLimited(f, l.opts.Limits.MaxBytes-int64(n))
	if err != nil {
		return nil, true
	}
	var d struct {
		Deal struct {
			Documents []struct {
				File string `yaml:"file"`
			} `yaml:"documents"`
		} `yaml:"deal"`
	}
	// Whatever is wrong with the deal, its load says so; here it only names no document.
	if yaml.Unmarshal(append(head[:n], rest...), &d) != nil {
		return nil, true
	}
	for _, doc := range d.Deal.Documents {
		if doc.File != "" && !filepath.IsAbs(doc.File) {
			docs = append(docs, filepath.Join(filepath.Dir(path), doc.File))
		}
	}
	return docs, true
}

// hasRootKey reports whether a line of data starts with key: at column 0.
func hasRootKey(data []byte, key string) bool {
	for line := range bytes.Lines(data) {
		if k, ok := rootKey(bytes.TrimRight(line, "\r\n")); ok && k == key && len(line) > 0 && line[0] != ' ' {
			return true
		}
	}
	return false
}

// Skipped lists, sorted, the *.yaml and *.yml files the last Discover's directory searches passed
// over because they hold no contract (waivers, params, profiles, other tools' files).
func (l *Loader) Skipped() []string { return l.skipped }

// Excluded lists, sorted, the files the last Discover's directory searches left out because
// they match an Options.Exclude pattern.
func (l *Loader) Excluded() []string { return l.excludedFiles }

// IsContractFile reports whether a directory walk should look into path: by its name only, see
// LooksLikeContract for its content.
func IsContractFile(path string) bool {
	ext := strings.ToLower(filepath.Ext(path))
	return ext == ".yaml" || ext == ".yml"
}

// holdsContract reports whether a file found by a search is taken as a contract. A file whose
// content cannot be judged (unreadable, not a regular file, over the size limit) is taken: then
// LoadFile says what is wrong with it, rather than a contract vanishing from the gate unseen.
//
// deal says the file may be a deal file (its first lines have the root key deal).
func (l *Loader) holdsContract(path string) (holds, deal bool) {
	f, info, err := safefile.Open(path)
	if err != nil {
		return true, false
	}
	// A read-only file: a failed Close loses nothing.
	defer func() { _ = f.Close() }()
	if info.Size() > l.opts.Limits.MaxBytes {
		return true, false
	}
	// A contract says schema_version in its first lines, and a search meets mostly contracts:
	// the head settles them without reading the rest. Cut at a line's end, the head gives no
	// false yes, as LooksLikeContract reads lines in order and says yes only on a whole one.
	head := make([]byte, min(info.Size(), headBytes))
	n, err := io.ReadFull(f, head)
	if err != nil && !errors.Is(err, io.ErrUnexpectedEOF) && !errors.Is(err, io.EOF) {
		return true, false
	}
	head = head[:n]
	deal = hasRootKey(head, "deal")
	if i := bytes.LastIndexByte(head, '\n'); i >= 0 && LooksLikeContract(head[:i+1]) {
		return true, deal
	}
	rest, err := safefile.ReadLimited(f, l.opts.Limits.MaxBytes-int64(n))
	if err != nil {
		return true, deal
	}
	return LooksLikeContract(append(head, rest...)), deal
}

// headBytes is how much of a file holdsContract reads first.
const headBytes = 4096

var (
	bomUTF8    = []byte{0xEF, 0xBB, 0xBF}
	bomUTF16BE = []byte{0xFE, 0xFF}
	bomUTF16LE = []byte{0xFF, 0xFE}
)

// LooksLikeContract reports whether data, the content of a YAML file, may hold a contract: the
// root mapping of one of its documents has the key schema_version, or both document and vendor
// (a contract that forgot schema_version is still a contract, reported as invalid, not skipped).
// Waivers (waivers:), params and profiles (rule groups), configs, other tools' YAML, empty files
// and documents that are lists or scalars hold none.
//
// It does not parse: it reads the keys of each document's root mapping from the lines at that
// mapping's indentation, which is cheap and cannot fail on a file that is not valid YAML (a
// template of another tool). Where a line-based reading cannot tell, it says yes, so that LoadFile
// judges the file: a document that is a flow mapping ({...}), complex (?) or merge (<<) keys, an
// escaped quoted key, and text in UTF-16 or UTF-32 (which LoadFile refuses with a message). It
// errs only that way for valid YAML: FuzzLooksLikeContract checks it against the YAML parser.
func LooksLikeContract(data []byte) bool {
	// Lines this scanner cannot split as YAML does: loaded, so the loader names the problem.
	if HasOddLineBreak(data) {
		return true
	}
	if bytes.HasPrefix(data, bomUTF16BE) || bytes.HasPrefix(data, bomUTF16LE) || (len(data) >= 4 && (data[0] == 0 || data[1] == 0)) {
		return true
	}
	data = bytes.TrimPrefix(data, bomUTF8)
	const (
		rootUnknown = iota // no content yet in this document
		rootMapping        // keys at indent
		rootOther          // a list or a scalar: nothing more to learn until the next document
	)
	root, indent := rootUnknown, 0
	var document, vendor bool
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if marker(line, "---") || marker(line, "...") {
			root, document, vendor = rootUnknown, false, false
			if !marker(line, "---") {
				continue
			}
			rest := stripComment(bytes.TrimLeft(line[3:], " \t"))
			rest = stripProperties(rest)
			switch {
			case len(rest) == 0:
				// The root starts on a later line.
			case rest[0] == '{':
				return true
			default:
				// A scalar, a flow list or a block scalar (--- |): its lines, even at column 0,
				// are not keys.
				root = rootOther
			}
			continue
		}
		if root == rootOther {
			continue
		}
		n := 0
		for n < len(line) && line[n] == ' ' {
			n++
		}
		content := line[n:]
		if len(content) == 0 || content[0] == '#' || content[0] == '\t' {
			continue
		}
		if root == rootUnknown {
			if n == 0 && content[0] == '%' {
				// A directive (%YAML 1.2) before the document.
				continue
			}
			content = stripProperties(content)
			if len(content) == 0 {
				// Only an anchor or a tag: the root is on the next line.
				continue
			}
			switch c := content[0]; {
			case c == '{', c == '?' && indicator(content):
				return true
			case c == '[', c == '|', c == '>', c == '-' && indicator(content):
				root = rootOther
				continue
			}
			if _, ok := rootKey(content); !ok {
				root = rootOther
				continue
			}
			root, indent = rootMapping, n
		}
		if n != indent {
			continue
		}
		content = stripProperties(content)
		if len(content) > 0 && content[0] == '?' && indicator(content) {
			return true
		}
		key, ok := rootKey(content)
		if !ok {
			continue
		}
		switch key {
		case "schema_version", "<<", escapedKey:
			return true
		case "document":
			document = true
		case "vendor":
			vendor = true
		}
		if document && vendor {
			return true
		}
	}
	return false
}

// escapedKey stands for a double-quoted key with an escape, which is not worth decoding here.
const escapedKey = "\x00escaped"

// marker reports whether line is the document marker m (--- or ...): at column 0, followed by
// nothing or a blank.
func marker(line []byte, m string) bool {
	return bytes.HasPrefix(line, []byte(m)) && (len(line) == 3 || line[3] == ' ' || line[3] == '\t')
}

// indicator reports whether content starts with an indicator character (-, ?) rather than a plain
// scalar that begins with it (-1, ?x): it must be followed by a blank or end the line.
func indicator(content []byte) bool {
	return len(content) == 1 || content[1] == ' ' || content[1] == '\t'
}

// stripComment removes a comment that takes the rest of the line ("# ..."); only used where
// no scalar precedes it.
func stripComment(b []byte) []byte {
	if len(b) > 0 && b[0] == '#' {
		return nil
	}
	return b
}

// stripProperties removes the anchors (&a) and tags (!t, !!str) that may precede a node.
func stripProperties(b []byte) []byte {
	for len(b) > 0 && (b[0] == '&' || b[0] == '!') {
		i := bytes.IndexAny(b, " \t")
		if i < 0 {
			return nil
		}
		b = stripComment(bytes.TrimLeft(b[i:], " \t"))
	}
	return b
}

// rootKey reads the key of a line that starts a mapping entry (key: value), the key plain or
// quoted; ok is false when the line is not one.
func rootKey(b []byte) (key string, ok bool) {
	if len(b) == 0 {
		return "", false
	}
	var rest []byte
	switch b[0] {
	case '"', '\'':
		q := b[0]
		escaped := false
		i := 1
		for ; i < len(b); i++ {
			if q == '"' && b[i] == '\\' {
				escaped = true
				i++
				continue
			}
			if b[i] == q {
				if q == '\'' && i+1 < len(b) && b[i+1] == '\'' {
					i++
					continue
				}
				break
			}
		}
		if i >= len(b) {
			return "", false
		}
		key, rest = string(b[1:i]), bytes.TrimLeft(b[i+1:], " \t")
		if escaped {
			key = escapedKey
		} else if q == '\'' {
			key = strings.ReplaceAll(key, "''", "'")
		}
		if len(rest) == 0 || rest[0] != ':' {
			return "", false
		}
		return key, len(rest) == 1 || rest[1] == ' ' || rest[1] == '\t'
	}
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == ':' && (i+1 == len(b) || b[i+1] == ' ' || b[i+1] == '\t'):
			return string(bytes.TrimRight(b[:i], " \t")), i > 0
		case b[i] == '#' && i > 0 && (b[i-1] == ' ' || b[i-1] == '\t'):
			// A comment before any colon: a scalar, not a key.
			return "", false
		}
	}
	return "", false
}

// Exclusion is a compiled set of exclude patterns (see ParseExclude).
type Exclusion struct {
	patterns [][]string
}

// ParseExclude compiles glob patterns for Options.Exclude. A pattern is a slash-separated path
// whose segments are path.Match patterns (*, ?, [a-z]); a segment ** matches any number of
// segments, none included. A pattern matches a file found by a directory search when it matches
// the file's path relative to the searched directory or the path as the search found it (the
// directory as given joined with the rest): contracts/old-*.yaml, **/drafts/**. A directory that
// matches is not searched.
func ParseExclude(patterns []string) (*Exclusion, error) {
	if len(patterns) == 0 {
		return nil, nil
	}
	var e Exclusion
	for _, p := range patterns {
		if strings.TrimSpace(p) == "" {
			return nil, errors.New("exclude pattern is empty")
		}
		if _, err := path.Match(p, ""); err != nil {
			return nil, fmt.Errorf("exclude pattern %q: %w", p, err)
		}
		segs := strings.Split(path.Clean(filepath.ToSlash(p)), "/")
		e.patterns = append(e.patterns, segs)
	}
	return &e, nil
}

// Match reports whether the slash-separated path name matches one of the patterns.
func (e *Exclusion) Match(name string) bool {
	if e == nil {
		return false
	}
	segs := strings.Split(name, "/")
	for _, p := range e.patterns {
		if matchSegments(p, segs) {
			return true
		}
	}
	return false
}

// matchSegments matches pattern segments against path segments. A ** tries every split, which
// with several of them is polynomial in the path's depth, bounded by the file system's nesting.
func matchSegments(pat, segs []string) bool {
	for len(pat) > 0 {
		if pat[0] == "**" {
			for len(pat) > 1 && pat[1] == "**" {
				pat = pat[1:]
			}
			for i := 0; i <= len(segs); i++ {
				if matchSegments(pat[1:], segs[i:]) {
					return true
				}
			}
			return false
		}
		if len(segs) == 0 {
			return false
		}
		if ok, _ := path.Match(pat[0], segs[0]); !ok {
			return false
		}
		pat, segs = pat[1:], segs[1:]
	}
	return len(segs) == 0
}

// excluded reports whether p, met by a search of root, matches the loader's exclude patterns.
func (l *Loader) excluded(root, p string) bool {
	if l.exclude == nil {
		return false
	}
	if rel, err := filepath.Rel(root, p); err == nil && l.exclude.Match(filepath.ToSlash(rel)) {
		return true
	}
	return l.exclude.Match(filepath.ToSlash(filepath.Clean(p)))
}
