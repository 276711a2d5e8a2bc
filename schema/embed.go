// Package schema holds the contract model as a JSON Schema (draft-07), for the loader, the
// policy type checker, editors and other tools.
package schema

import _ "embed"

//go:embed contract.schema.json
var contractSchema []byte

//go:embed waivers.schema.json
var waiversSchema []byte

// WaiversID is the waivers schema's $id.
const WaiversID = "https://github.com/termlint/termlint/schema/waivers.schema.json"

// Waivers returns the schema of waivers files as JSON. The slice is shared: do not modify it.
func Waivers() []byte { return waiversSchema }

// ID is the schema's $id, under which it is registered with validators.
const ID = "https://github.com/termlint/termlint/schema/contract.schema.json"

// Contract returns the contract schema as JSON. The slice is shared: do not modify it.
func Contract() []byte { return contractSchema }

//go:embed deal.schema.json
var dealSchema []byte

// DealID is the deal schema's $id.
const DealID = "https://github.com/termlint/termlint/schema/deal.schema.json"

// Deal returns the schema of deal files as JSON. The slice is shared: do not modify it.
func Deal() []byte { return dealSchema }
