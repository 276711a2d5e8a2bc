package config

import (
	"archive/tar"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// RefLimits bound what exporting a ref may cost: the tree comes from the repository, which a
// pull request can fill.
type RefLimits struct {
	// MaxFileBytes is the largest file exported.
	MaxFileBytes int64
	// MaxTotalBytes bounds the whole export.
	MaxTotalBytes int64
	// MaxFiles bounds the number of files.
	MaxFiles int
	// Timeout bounds the git commands.
	Timeout time.Duration
}

// DefaultRefLimits suit a repository of contracts and policies.
func DefaultRefLimits() RefLimits {
	return RefLimits{MaxFileBytes: 64 << 20, MaxTotalBytes: 512 << 20, MaxFiles: 100_000, Timeout: 2 * time.Minute}
}

// ExportRef writes the tree of ref, in the git repository holding repoDir, into the directory
// dst, and returns the commit it resolved ref to. With paths (relative to the repository root),
// only those files and directories are exported, and those that do not exist at ref are left
// out; all of the tree otherwise. A file already in dst is kept.
//
// It is how a check reads its configuration, policies and waivers from the base branch of a pull
// request rather than from the pull request itself. Only regular files are written: symbolic
// links, submodules and anything else git archive carries are left out, so nothing in the
// export can point outside it.
func ExportRef(ctx context.Context, repoDir, ref, dst string, paths []string, limits RefLimits) (string, error) {
	if limits == (RefLimits{}) {
		limits = DefaultRefLimits()
	}
	if ref == "" || strings.HasPrefix(ref, "-") || strings.ContainsAny(ref, "\x00\n") {
		return "", fmt.Errorf("--config-from-ref: %q is not a git ref", ref)
	}
	ctx, cancel := context.WithTimeout(ctx, limits.Timeout)
	defer cancel()
	// Resolving first turns a typo into a clear message and pins the commit the export reads.
	var stderr bytes.Buffer
	cmd := exec.CommandContext(ctx, "git", "-C", repoDir, "rev-parse", "--verify", "--quiet", "--end-of-options", ref+"^{commit}")
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("--config-from-ref: %q is not a commit in the repository at %s: %w", ref, repoDir, gitError(err, stderr.String()))
	}
	commit := strings.TrimSpace(string(out))
	dir := dst
	args := []string{"-C", repoDir, "archive", "--format=tar", commit}
	if len(paths) > 0 {
		args = append(args, "--")
		for _, p := range paths {
			args = append(args, filepath.ToSlash(p))
		}
	}
	stderr.Reset()
	cmd = exec.CommandContext(ctx, "git", args...)
	cmd.Stderr = &stderr
	pipe, err := cmd.StdoutPipe()
	if err != nil {
		return "", fmt.Errorf("exporting %s: %w", ref, err)
	}
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("exporting %s: %w", ref, err)
	}
	xerr := extract(pipe, dir, limits)
	if xerr != nil {
		// Stop git rather than wait for it to write the rest of a tree we refuse.
		cancel()
	}
	_, _ = io.Copy(io.Discard, pipe)
	werr := cmd.Wait()
	switch {
	case xerr != nil:
		return "", fmt.Errorf("exporting %s: %w", ref, xerr)
	case werr != nil && len(paths) > 0 && strings.Contains(stderr.String(), "did not match any files"):
		// Some trusted paths do not exist on the ref: export them one by one, so the ones
		// that do are still read from the ref.
		return commit, exportEach(ctx, repoDir, commit, dir, paths, limits)
	case werr != nil:
		return "", fmt.Errorf("exporting %s: %w", ref, gitError(werr, stderr.String()))
	}
	return commit, nil
}

// exportEach exports the paths that exist at commit, leaving out the others.
func exportEach(ctx context.Context, repoDir, commit, dir string, paths []string, limits RefLimits) error {
	for _, p := range paths {
		cmd := exec.CommandContext(ctx, "git", "-C", repoDir, "cat-file", "-e", "--end-of-options", commit+":"+filepath.ToSlash(p))
		if cmd.Run() != nil {
			continue
		}
		var stderr bytes.Buffer
		cmd = exec.CommandContext(ctx, "git", "-C", repoDir, "archive", "--format=tar", commit, "--", filepath.ToSlash(p))
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err == nil {
			err = extract(bytes.NewReader(out), dir, limits)
		} else {
			err = gitError(err, stderr.String())
		}
		if err != nil {
			return fmt.Errorf("exporting %s of %s: %w", p, commit, err)
		}
	}
	return nil
}

// extract writes the regular files of a tar stream under dir, bounded by limits.
func extract(r io.Reader, dir string, limits RefLimits) error {
	tr := tar.NewReader(r)
	var total int64
	files := 0
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("reading git archive: %w", err)
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			return fmt.Errorf("git archive holds %q, outside the tree", h.Name)
		}
		files++
		total += h.Size
		switch {
		case files > limits.MaxFiles:
			return fmt.Errorf("the tree holds more than %d files", limits.MaxFiles)
		case h.Size > limits.MaxFileBytes:
			return fmt.Errorf("%s is larger than the limit of %d bytes", h.Name, limits.MaxFileBytes)
		case total > limits.MaxTotalBytes:
			return fmt.Errorf("the tree is larger than the limit of %d bytes", limits.MaxTotalBytes)
		}
		dst := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			continue
		}
		if err != nil {
			return err
		}
		_, err = io.Copy(f, io.LimitReader(tr, h.Size))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return fmt.Errorf("writing %s: %w", h.Name, err)
		}
	}
}

func gitError(err error, stderr string) error {
	if msg := strings.TrimSpace(stderr); msg != "" {
		if i := strings.IndexByte(msg, '\n'); i >= 0 {
			msg = msg[:i]
		}
		return fmt.Errorf("%w: %s", err, msg)
	}
	return err
}
