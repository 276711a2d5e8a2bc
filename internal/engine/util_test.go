package engine

import (
	"os"

	"github.com/open-policy-agent/opa/v1/ast"

	"github.com/termlint/termlint/internal/contract"
)

func writeFile(p, body string) error { return os.WriteFile(p, []byte(body), 0o644) }

func astValue(c *contract.Contract) (ast.Value, error) { return ast.InterfaceToValue(c.Input) }
