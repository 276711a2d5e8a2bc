package contract

import (
	"bytes"
	"errors"
	"io"
	"testing"

	"go.yaml.in/yaml/v3"
)

func TestLooksLikeContract(t *testing.T) {
	tests := []struct {
		name string
		data string
		want bool
	}{
		{"contract", minimal, true},
		// Forgot schema_version: still a contract, so that validation says what is missing.
		{"document and vendor", "document: {source: a.txt}\nvendor: {name: Acme}\n", true},
		{"document only", "document: {source: a.txt}\nterm: x\n", false},
		{"schema_version only", "schema_version: \"1\"\n", true},
		{"waivers", "waivers:\n  - contract: acme\n    rule: liability.cap\n    reason: accepted\n", false},
		// Params and profiles: rule groups as keys.
		{"params", "liability:\n  cap_floor_months: 12\ntermination:\n  notice_days: 30\n", false},
		{"config", "policies: [policies]\nwaivers: contracts/waivers.yaml\n", false},
		// Nothing to check: counted as skipped rather than an input error in a search.
		{"empty", "", false},
		{"comments only", "# nothing yet\n---\n", false},
		{"list", "- schema_version: \"1\"\n  document: {}\n  vendor: {}\n", false},
		{"scalar", "schema_version\n", false},
		// A nested key is not the root's.
		{"nested", "meta:\n  schema_version: \"1\"\n  document: x\n  vendor: y\n", false},
		// A block scalar's lines are text, even at column 0 when the document is the scalar.
		{"document block scalar", "--- |\nschema_version: 1\n", false},
		{"root block scalar", "|\nschema_version: 1\n", false},
		{"key block scalar", "notes: |\n  schema_version: 1\nother: x\n", false},
		{"second document", "waivers: []\n---\nschema_version: \"1\"\n", true},
		// document in one document and vendor in another make no contract.
		{"split over documents", "document: x\n---\nvendor: y\n", false},
		{"indented root", "  schema_version: \"1\"\n  document: x\n", true},
		{"indented nested", "  a:\n    schema_version: 1\n", false},
		{"quoted key", "\"schema_version\": \"1\"\n", true},
		{"single-quoted key", "'vendor': x\n'document': y\n", true},
		{"space before colon", "schema_version : 1\n", true},
		{"tab after colon", "schema_version:\t1\n", true},
		{"no blank after colon", "schema_version:1\n", false},
		{"CRLF", "schema_version: \"1\"\r\ndocument: x\r\n", true},
		{"UTF-8 BOM", "\xEF\xBB\xBFschema_version: \"1\"\n", true},
		{"directive", "%YAML 1.2\n---\nschema_version: \"1\"\n", true},
		{"anchor on root", "--- &root\nschema_version: \"1\"\n", true},
		{"tag on root", "--- !!map\nvendor: x\ndocument: y\n", true},
		{"tag on key", "!!str schema_version: \"1\"\n", true},
		{"after document end", "waivers: []\n...\nschema_version: 1\n", true},
		{"compact list at root indent", "waivers:\n- schema_version: 1\n", false},
		// Cannot tell from lines: loaded, so that LoadFile judges.
		{"flow mapping", "{schema_version: \"1\"}\n", true},
		{"flow mapping after marker", "--- {a: 1}\n", true},
		{"complex key", "? schema_version\n: 1\n", true},
		{"merge key", "<<: *base\n", true},
		{"escaped key", "\"schema\\x5fversion\": 1\n", true},
		{"UTF-16", "\xFF\xFEs\x00c\x00", true},
		{"UTF-16 without BOM", "s\x00c\x00h\x00e\x00", true},
		{"comment before colon", "waivers # schema_version: 1\n", false},
		{"unterminated quote", "\"schema_version: 1\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := LooksLikeContract([]byte(tt.data)); got != tt.want {
				t.Errorf("LooksLikeContract(%q) = %v, want %v", tt.data, got, tt.want)
			}
		})
	}
}

// FuzzLooksLikeContract checks that LooksLikeContract never panics and never passes over a
// contract that the YAML parser reads: valid YAML whose documents include a root mapping with
// schema_version, or document and vendor, must be taken.
func FuzzLooksLikeContract(f *testing.F) {
	for _, s := range []string{
		minimal, "waivers: []\n", "--- |\nschema_version: 1\n", "  document: x\n  vendor: y\n",
		"a: 1\n---\n!!map\n\"schema_version\": 2\n", "- a\n", "? a\n: b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got := LooksLikeContract(data)
		if got || len(data) > 4096 {
			return
		}
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for range 16 {
			var n yaml.Node
			err := dec.Decode(&n)
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				// Invalid YAML: LoadFile would refuse it; nothing to compare.
				return
			}
			if len(n.Content) == 0 || n.Content[0].Kind != yaml.MappingNode {
				continue
			}
			keys := map[string]bool{}
			for i := 0; i+1 < len(n.Content[0].Content); i += 2 {
				keys[n.Content[0].Content[i].Value] = true
			}
			if keys["schema_version"] || keys["document"] && keys["vendor"] {
				t.Fatalf("LooksLikeContract(%q) = false, but its root mapping has keys %v", data, keys)
			}
		}
	})
}
