// Package policies holds the default buyer playbook: one Rego package per rule under
// termlint.rules, their unit tests, the shared library termlint.lib, the params file and the
// profiles.
package policies

import (
	"embed"
	"io/fs"
)

//go:embed lib rules params.yaml profiles
var files embed.FS

// FS returns the embedded playbook, rooted at this directory.
func FS() fs.FS { return files }
