// Package safefile reads the files a run is given without trusting them: regular files only,
// never blocking on a FIFO or a device, never more than a limit, and, for files named inside
// other files (a contract's source text), only inside a root directory.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrNotRegular is returned for directories, FIFOs, sockets and devices: reading them could block
// forever or never end (/dev/zero).
var ErrNotRegular = errors.New("not a regular file")

// TooLargeError is returned when a file holds more than the limit.
type TooLargeError struct {
	Limit int64
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("larger than the limit of %d bytes", e.Limit)
}

// Open opens path for reading if it is a regular file (after symbolic links). The open itself
// does not block on a FIFO, so a FIFO named like a contract is refused instead of hanging.
func Open(path string) (*os.File, fs.FileInfo, error) {
	f, err := openNonBlocking(path)
	if err != nil {
		return nil, nil, err
	}
	info, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, nil, err
	}
	if !info.Mode().IsRegular() {
		_ = f.Close()
		return nil, nil, &fs.PathError{Op: "open", Path: path, Err: fmt.Errorf("%w (%s)", ErrNotRegular, kind(info.Mode()))}
	}
	return f, info, nil
}

// ReadFile reads the regular file path, refusing it if it holds more than limit bytes. The size
// the file system reports is checked first, so a sparse 2 GB file costs nothing; the read is
// bounded too, since files such as those in /proc report a size of 0.
func ReadFile(path string, limit int64) ([]byte, error) {
	f, info, err := Open(path)
	if err != nil {
		return nil, err
	}
	defer func() { _ = f.Close() }()
	if info.Size() > limit {
		return nil, &fs.PathError{Op: "read", Path: path, Err: &TooLargeError{Limit: limit}}
	}
	data, err := ReadLimited(f, limit)
	if err != nil {
		return nil, &fs.PathError{Op: "read", Path: path, Err: err}
	}
	return data, nil
}

// ReadLimited reads r to its end, or fails with a *TooLargeError past limit bytes.
func ReadLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, &TooLargeError{Limit: limit}
	}
	return data, nil
}

func kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a file"
}

// ErrOutside is returned by Confine for every path that does not lead to a place inside the root:
// absolute paths elsewhere, "..", symbolic links out of the root or to nowhere. One error for
// all of them, so that the answer tells nothing about what lies outside.
var ErrOutside = errors.New("does not lead to a file inside the root")

// ErrInGit is returned by Confine for a path inside a .git directory, which holds the
// repository's configuration and, on a CI runner, its credentials.
var ErrInGit = errors.New("is inside a .git directory")

// Confine resolves path (after symbolic links) and returns it if it lies inside root and outside
// any .git directory. A path inside the root that does not exist gives an error satisfying
// errors.Is(err, fs.ErrNotExist); any path that leads out of the root, or through a link that
// resolves to nothing, gives ErrOutside, whether or not its target exists.
func Confine(root, path string) (string, error) {
	rootAbs, err := filepath.Abs(root)
	if err != nil {
		return "", fmt.Errorf("source root %s: %w", root, err)
	}
	realRoot, err := filepath.EvalSymlinks(rootAbs)
	if err != nil {
		return "", fmt.Errorf("source root %s: %w", root, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return "", ErrOutside
	}
	if !within(rootAbs, abs) && !within(realRoot, abs) {
		return "", ErrOutside
	}
	if inGit(rootAbs, abs) || inGit(realRoot, abs) {
		return "", ErrInGit
	}
	real, err := filepath.EvalSymlinks(abs)
	if err == nil {
		if !within(realRoot, real) {
			return "", ErrOutside
		}
		if inGit(realRoot, real) {
			return "", ErrInGit
		}
		return real, nil
	}
	// The path does not resolve. It is "not found" only if the part that does resolve is inside
	// the root and the first missing step is not itself a link: otherwise whether a target
	// outside exists would show in the message.
	dir := abs
	for {
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", ErrOutside
		}
		realParent, perr := filepath.EvalSymlinks(parent)
		if perr != nil {
			dir = parent
			continue
		}
		if !within(realRoot, realParent) {
			return "", ErrOutside
		}
		if _, lerr := os.Lstat(filepath.Join(realParent, filepath.Base(dir))); errors.Is(lerr, fs.ErrNotExist) {
			return "", &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
		}
		return "", ErrOutside
	}
}

func within(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

func inGit(root, p string) bool {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return false
	}
	for _, part := range strings.Split(rel, string(filepath.Separator)) {
		if strings.EqualFold(part, ".git") {
			return true
		}
	}
	return false
}

// RepoRoot returns the nearest directory at or above dir that holds a .git entry (a repository or
// a worktree), or "" when there is none.
func RepoRoot(dir string) string {
	d, err := filepath.Abs(dir)
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Lstat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
	}
}
