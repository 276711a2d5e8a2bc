// Command gen writes a corpus of realistic contracts for benchmarks by varying the five vendor
// fixtures: values (durations, amounts, percentages, booleans), list lengths (items dropped or
// repeated) and sections present or absent. Quotes are never changed, so every generated contract
// still passes the quote check against the source texts, copied once into the corpus's sources/
// (a contract's source must lie inside its repository or its own directory).
//
//	go run ./internal/bench/gen -n 10000 -o /tmp/corpus
package main

import (
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

func main() {
	n := flag.Int("n", 1000, "number of contracts to write")
	out := flag.String("o", "corpus", "output directory")
	fixtures := flag.String("fixtures", "fixtures/contracts", "directory of the fixtures to vary")
	seed := flag.Uint64("seed", 1, "random seed; the same seed writes the same corpus")
	flag.Parse()
	if err := run(*n, *out, *fixtures, *seed); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

type base struct {
	name   string
	doc    *yaml.Node
	source string // the source text's path, relative to the corpus
}

func run(n int, out, fixtures string, seed uint64) error {
	files, err := filepath.Glob(filepath.Join(fixtures, "*.yaml"))
	if err != nil || len(files) == 0 {
		return fmt.Errorf("no fixtures in %s", fixtures)
	}
	var bases []base
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		src := lookup(doc.Content[0], "document", "source")
		if src == nil {
			return fmt.Errorf("%s: no document.source", f)
		}
		text, err := os.ReadFile(filepath.Join(filepath.Dir(f), src.Value))
		if err != nil {
			return err
		}
		name := strings.TrimSuffix(filepath.Base(f), ".yaml")
		rel := "sources/" + name + ".txt"
		if err := os.MkdirAll(filepath.Join(out, "sources"), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(out, filepath.FromSlash(rel)), text, 0o644); err != nil {
			return err
		}
		bases = append(bases, base{name: name, doc: &doc, source: rel})
	}
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	for i := range n {
		b := bases[i%len(bases)]
		doc := clone(b.doc)
		root := doc.Content[0]
		lookup(root, "document", "source").Value = b.source
		if v := lookup(root, "vendor", "name"); v != nil {
			v.Value = fmt.Sprintf("%s %05d", v.Value, i)
		}
		vary(r, root, "")
		data, err := yaml.Marshal(doc)
		if err != nil {
			return err
		}
		p := filepath.Join(out, fmt.Sprintf("c%05d-%s.yaml", i, b.name))
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// optionalSections may be dropped whole: the contract is then "not yet extracted" there, which
// exercises the rules' unknown paths.
var optionalSections = map[string]bool{
	"sla": true, "audit": true, "assignment": true, "ip": true, "warranty": true, "delivery": true,
	"cancellation": true, "confidentiality": true, "suspension": true, "price_changes": true,
	"non_solicitation": true, "exit": true, "drafting_notes": true,
}

var durations = []string{"7d", "14d", "30d", "60d", "90d", "1mo", "2mo", "3mo", "6mo", "12mo", "24mo", "1y", "2y", "48h", "10wd", "none"}

// vary walks a mapping and changes values in place. Keys decide what a value may become, so the
// result stays valid against the schema.
func vary(r *rand.Rand, n *yaml.Node, key string) {
	switch n.Kind {
	case yaml.MappingNode:
		kept := n.Content[:0]
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if key == "" && optionalSections[k.Value] && r.IntN(6) == 0 {
				continue
			}
			if k.Value == "src" || k.Value == "quote" || k.Value == "art" || k.Value == "source" || k.Value == "amount_words" {
				kept = append(kept, k, v)
				continue
			}
			vary(r, v, k.Value)
			kept = append(kept, k, v)
		}
		n.Content = kept
	case yaml.SequenceNode:
		// Lists of facts get shorter or longer: items dropped, or repeated (ids made unique).
		if len(n.Content) > 1 && n.Content[0].Kind == yaml.MappingNode && r.IntN(3) == 0 {
			switch r.IntN(2) {
			case 0:
				// Only an item without an id: another fact may name one with an id (a carve-out
				// lifts a cap), and validate refuses a reference to an id that is gone.
				var unnamed []int
				for j, e := range n.Content {
					if lookup(e, "id") == nil {
						unnamed = append(unnamed, j)
					}
				}
				if len(unnamed) > 0 {
					drop := unnamed[r.IntN(len(unnamed))]
					n.Content = append(n.Content[:drop], n.Content[drop+1:]...)
				}
			default:
				dup := clone(n.Content[r.IntN(len(n.Content))])
				if id := lookup(dup, "id"); id != nil {
					id.Value += "_copy"
				}
				n.Content = append(n.Content, dup)
			}
		}
		for _, e := range n.Content {
			vary(r, e, key)
		}
	case yaml.ScalarNode:
		varyScalar(r, n, key)
	}
}

func varyScalar(r *rand.Rand, n *yaml.Node, key string) {
	if r.IntN(3) != 0 {
		return
	}
	switch n.ShortTag() {
	case "!!bool":
		if key != "cisg_excluded" {
			n.Value = strconv.FormatBool(n.Value != "true")
		}
	case "!!int", "!!float":
		f, err := strconv.ParseFloat(n.Value, 64)
		if err != nil {
			return
		}
		scaled := f * (0.5 + r.Float64())
		if strings.HasSuffix(key, "_pct") || key == "pct" {
			scaled = min(scaled, 100)
		}
		n.Value = strconv.FormatFloat(float64(int64(scaled)), 'f', -1, 64)
		n.Tag = "!!int"
	case "!!str":
		if isDuration(n.Value) {
			n.Value = durations[r.IntN(len(durations))]
		}
	}
}

func isDuration(s string) bool {
	if s == "none" {
		return true
	}
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	switch s[i:] {
	case "min", "h", "d", "wd", "w", "mo", "y":
		return i > 0
	}
	return false
}

func lookup(n *yaml.Node, path ...string) *yaml.Node {
	for _, p := range path {
		if n == nil || n.Kind != yaml.MappingNode {
			return nil
		}
		var next *yaml.Node
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == p {
				next = n.Content[i+1]
				break
			}
		}
		n = next
	}
	return n
}

func clone(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = make([]*yaml.Node, len(n.Content))
	for i, e := range n.Content {
		c.Content[i] = clone(e)
	}
	return &c
}
