//go:build !unix

package safefile

import "os"

// openNonBlocking is a plain open where FIFOs cannot be named like files.
func openNonBlocking(path string) (*os.File, error) {
	return os.Open(path)
}
