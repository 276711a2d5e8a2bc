package contract

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"go.yaml.in/yaml/v3"

	"github.com/termlint/termlint/internal/safefile"
)

// A deal is several documents that the playbook judges together: a deal file (schema/deal.schema.json)
// names them, and termlint merges their facts into the one input policies see. See
// docs/authoring.md, "Encoding a deal".

// The status of a document of a deal.
const (
	statusProvided    = "provided"
	statusNotProvided = "not_provided"
	statusOnRequest   = "on_request"
)

// mainRoles are the roles of the document whose facts a deal's input starts from.
var mainRoles = []string{"msa", "general_terms"}

// dealPart is one document of a deal as the deal file lists it.
type dealPart struct {
	id, role, status string
	// index is the document's place in deal.documents, for positions in the deal file.
	index int
	// c is the loaded document when the buyer has it; dir is where its source is resolved from.
	c   *Contract
	dir string
	// part is c's index in the merged contract's parts.
	part int
	// resolved are the values this document takes from others, by path.
	resolved []resolvedAt
}

// resolvedAt records that the value at path was taken from the document at parts[part].
type resolvedAt struct {
	path []any
	part int
}

func (p *dealPart) provided() bool { return p.c != nil }

// provenance says which document of a deal each value of the merged input comes from: the deal
// file is parts[0], the documents follow. A path belongs to the owner of its longest prefix in
// owners; the main document owns whatever no prefix names.
type provenance struct {
	parts  []*document
	owners map[string]int
	main   int
}

// pathKey encodes a path for the owners map.
func pathKey(path []any) string {
	var b strings.Builder
	for _, p := range path {
		switch t := p.(type) {
		case string:
			b.WriteString("k")
			b.WriteString(strconv.Itoa(len(t)))
			b.WriteByte(':')
			b.WriteString(t)
		default:
			if i, ok := index(t); ok {
				b.WriteString("i")
				b.WriteString(strconv.Itoa(i))
			}
		}
		b.WriteByte('/')
	}
	return b.String()
}

// owner returns the part that holds the value at path, and how many steps of the path the
// ownership was decided at (src above that depth belongs to another document).
func (p *provenance) owner(path []any) (part, depth int) {
	for n := len(path); n > 0; n-- {
		if i, ok := p.owners[pathKey(path[:n])]; ok {
			return i, n
		}
	}
	return p.main, 0
}

// Locate returns the file, line and column of the value at path of the contract's input: in a
// deal, in the document the value comes from.
func (c *Contract) Locate(path []any) (file string, line, col int) {
	if c.prov == nil {
		line, col = c.Position(path)
		return c.File, line, col
	}
	i, _ := c.prov.owner(path)
	d := c.prov.parts[i]
	line, col = d.Position(path)
	return d.File, line, col
}

// isDeal reports whether a parsed YAML document is a deal file: its root mapping has the key deal.
func isDeal(root *yaml.Node) bool {
	n := deref(root)
	if n.Kind == yaml.DocumentNode && len(n.Content) == 1 {
		n = deref(n.Content[0])
	}
	return n.Kind == yaml.MappingNode && firstKey(n, "deal") != nil
}

// loadDeal loads a deal file's document c: the deal, each document it names, the checks that
// tie them together, and the merged input. The contract comes back only when nothing is wrong.
func (l *Loader) loadDeal(c *Contract, dir string, budget *nodeBudget) []Diagnostic {
	m, ds := decodeWithin(&c.document, l.opts.Limits, budget, l.dealSchema, "a deal (a YAML mapping with schema_version and deal)")
	if len(ds) > 0 {
		return ds
	}
	deal, _ := m["deal"].(map[string]any)
	dl := &dealLoad{l: l, c: c, dir: dir, deal: deal}
	dl.loadParts()
	if len(dl.diags) > 0 {
		return dl.diags
	}
	dl.checkRelations()
	dl.checkVendor()
	if len(dl.diags) > 0 {
		return dl.diags
	}
	dl.merge()
	if len(dl.diags) == 0 {
		dl.diags = checkReferences(c.Input, c.Locate)
	}
	return dl.diags
}

// dealLoad is the work of loading one deal.
type dealLoad struct {
	l     *Loader
	c     *Contract
	dir   string
	deal  map[string]any
	parts []*dealPart
	byID  map[string]*dealPart
	diags []Diagnostic
	prov  *provenance
	// prevails[a][b]: a prevails over b, directly or through others, as far as the merge may
	// apply it (no scope); order is the same for every precedence fact, to find cycles.
	prevails, order map[string]map[string]bool
	// scopes holds the scope of each precedence fact that has one, by (prevails, over).
	scopes map[[2]string]string
}

func (dl *dealLoad) errorAt(path []any, format string, args ...any) {
	line, col := dl.c.Position(path)
	dl.diags = append(dl.diags, Diagnostic{File: dl.c.File, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
}

func dealPath(steps ...any) []any { return append([]any{"deal"}, steps...) }

// loadParts reads the documents the deal lists.
func (dl *dealLoad) loadParts() {
	dl.byID = map[string]*dealPart{}
	files := map[string]int{}
	docs, _ := dl.deal["documents"].([]any)
	for i, d := range docs {
		dm, _ := d.(map[string]any)
		p := &dealPart{index: i}
		p.role, _ = dm["role"].(string)
		p.id, _ = dm["id"].(string)
		if p.id == "" {
			p.id = p.role
		}
		p.status, _ = dm["status"].(string)
		file, _ := dm["file"].(string)
		if p.status == "" {
			p.status = statusProvided
		}
		if prev := dl.byID[p.id]; prev != nil {
			dl.errorAt(dealPath("documents", i), "documents[%d]: a second document with id %q (documents[%d] has it); give each document of the same role an id of its own", i, p.id, prev.index)
			continue
		}
		dl.byID[p.id] = p
		dl.parts = append(dl.parts, p)
		if file == "" {
			continue
		}
		key := filepath.Clean(filepath.Join(dl.dir, file))
		if j, dup := files[key]; dup {
			// One file is one document: loaded twice it would only cost time and memory.
			dl.errorAt(dealPath("documents", i, "file"), "documents[%d].file: %s is documents[%d] already", i, file, j)
			continue
		}
		files[key] = i
		dl.loadPart(p, file)
	}
}

func (dl *dealLoad) loadPart(p *dealPart, file string) {
	at := dealPath("documents", p.index, "file")
	path := file
	if !filepath.IsAbs(path) {
		path = filepath.Join(dl.dir, file)
	}
	// A deal comes from the pull request the gate judges, like a source text: its documents must
	// be files of the same tree, and whether one exists outside it must not show.
	if _, err := safefile.Confine(dl.l.sourceRoot(dl.dir), path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			dl.errorAt(at, "documents[%d].file: %q not found (looked for %s); give the path relative to this deal file", p.index, file, filepath.ToSlash(path))
			return
		}
		dl.errorAt(at, "documents[%d].file: %q is not a file inside the source root; a deal's documents must be files of the repository that holds the deal (outside .git), or of the directory given with --source-root", p.index, file)
		return
	}
	data, diags, err := dl.l.readFile(path)
	if err != nil {
		dl.errorAt(at, "documents[%d].file: cannot read %q: %s", p.index, file, Reason(err))
		return
	}
	if len(diags) > 0 {
		dl.diags = append(dl.diags, diags...)
		return
	}
	cs, diags := dl.l.load(path, filepath.Dir(path), data, true)
	dl.diags = append(dl.diags, diags...)
	if len(diags) > 0 {
		return
	}
	if len(cs) != 1 {
		dl.errorAt(at, "documents[%d].file: %s holds %d YAML documents; a document of a deal is one contract", p.index, file, len(cs))
		return
	}
	p.c, p.dir = cs[0], filepath.Dir(path)
	doc, _ := p.c.Input["document"].(map[string]any)
	if dt, _ := doc["doc_type"].(string); dt != "" && dt != p.role {
		dl.errorAt(dealPath("documents", p.index, "role"), "documents[%d].role is %s, but %s says document.doc_type %s", p.index, p.role, file, dt)
	}
}

// checkRelations checks what refers to documents by id: referring clauses, precedence (ids,
// quotes, cycles).
func (dl *dealLoad) checkRelations() {
	docs, _ := dl.deal["documents"].([]any)
	for _, p := range dl.parts {
		if p.provided() {
			continue
		}
		dm, _ := docs[p.index].(map[string]any)
		ref, _ := dm["referenced_in"].(string)
		if r := dl.provided(dealPath("documents", p.index, "referenced_in"), ref, "referenced_in"); r != nil {
			dl.checkQuotes(r, dm["src"], dealPath("documents", p.index, "src"))
		}
	}
	dl.prevails, dl.order = map[string]map[string]bool{}, map[string]map[string]bool{}
	dl.scopes = map[[2]string]string{}
	prec, _ := dl.deal["precedence"].([]any)
	for i, e := range prec {
		pm, _ := e.(map[string]any)
		at := func(steps ...any) []any { return dealPath(append([]any{"precedence", i}, steps...)...) }
		name, _ := pm["prevails"].(string)
		var a string
		pa := dl.lookup(at("prevails"), name, "prevails")
		if pa != nil {
			a = pa.id
		}
		ok := pa != nil
		// A precedence limited to a scope ("for personal data") cannot be applied to facts
		// whose subject termlint does not know: it stays in input.deal for the rules, and
		// the merge leaves the main document's facts in place.
		_, scoped := pm["scope"]
		over, _ := pm["over"].([]any)
		for j, o := range over {
			name, _ := o.(string)
			pb := dl.lookup(at("over", j), name, "over")
			if pb == nil || !ok {
				continue
			}
			b := pb.id
			if a == b {
				dl.errorAt(at("over", j), "precedence[%d]: %s cannot prevail over itself", i, a)
				continue
			}
			if dl.order[b][a] {
				dl.errorAt(at("over", j), "precedence[%d]: %s prevails over %s, but the deal already has %s prevailing over %s: the order of precedence has a cycle", i, a, b, b, a)
				continue
			}
			addPrevails(dl.order, a, b)
			if !scoped {
				addPrevails(dl.prevails, a, b)
			} else if _, seen := dl.scopes[[2]string{a, b}]; !seen {
				dl.scopes[[2]string{a, b}], _ = pm["scope"].(string)
			}
		}
		stated, _ := pm["stated_in"].(string)
		if r := dl.provided(at("stated_in"), stated, "stated_in"); r != nil {
			dl.checkQuotes(r, pm["src"], at("src"))
		}
	}
}

// addPrevails records in rel that a prevails over b, closing the relation under transitivity.
func addPrevails(rel map[string]map[string]bool, a, b string) {
	above := []string{a}
	for x, under := range rel {
		if under[a] {
			above = append(above, x)
		}
	}
	below := []string{b}
	for y := range rel[b] {
		below = append(below, y)
	}
	for _, x := range above {
		if rel[x] == nil {
			rel[x] = map[string]bool{}
		}
		for _, y := range below {
			rel[x][y] = true
		}
	}
}

// find returns the document a name stands for: its id, or a role that only one document has.
// matches lists the documents of a role several share, for the message that the name is not
// enough.
func (dl *dealLoad) find(name string) (p *dealPart, matches []*dealPart) {
	if p := dl.byID[name]; p != nil {
		return p, nil
	}
	for _, q := range dl.parts {
		if q.role == name {
			matches = append(matches, q)
		}
	}
	if len(matches) == 1 {
		return matches[0], nil
	}
	return nil, matches
}

// lookup is find, reporting a name that names no document, or several, at the field.
func (dl *dealLoad) lookup(at []any, name, field string) *dealPart {
	p, matches := dl.find(name)
	switch {
	case p != nil:
		return p
	case len(matches) > 1:
		dl.errorAt(at, "%s: %q is the role of %s; name one by its id", field, name, idsOf(matches))
	default:
		dl.errorAt(at, "%s: %q is not a document of this deal; expected one of %s", field, name, idsOf(dl.parts))
	}
	return nil
}

// provided returns the document a name stands for when the buyer has it; otherwise it reports
// why the clause cannot be checked.
func (dl *dealLoad) provided(at []any, id, field string) *dealPart {
	p := dl.lookup(at, id, field)
	if p == nil {
		return nil
	}
	if !p.provided() {
		dl.errorAt(at, "%s: %s is %s; the clause must be quoted from a document the deal provides", field, id, strings.ReplaceAll(p.status, "_", " "))
		return nil
	}
	return p
}

func idsOf(parts []*dealPart) string {
	var ids []string
	for _, p := range parts {
		ids = append(ids, p.id)
	}
	return strings.Join(ids, ", ")
}

// checkQuotes checks the deal file's quotes of a clause against the source text of the document
// that holds the clause.
func (dl *dealLoad) checkQuotes(p *dealPart, src any, at []any) {
	if dl.l.opts.SkipQuotes {
		return
	}
	doc, _ := p.c.Input["document"].(map[string]any)
	rel, _ := doc["source"].(string)
	path := rel
	if !filepath.IsAbs(path) {
		path = filepath.Join(p.dir, rel)
	}
	idx, err := dl.l.sources.get(dl.l.sourceRoot(p.dir), path, dl.l.opts.Limits.MaxSourceBytes)
	if err != nil {
		// The document's own load has reported its source already.
		return
	}
	check := func(m map[string]any, at []any) {
		q, _ := m["quote"].(string)
		n := []byte(NormaliseQuote(q))
		if len(n) == 0 || len(idx.index.Lookup(n, 1)) == 0 {
			dl.errorAt(append(at, "quote"), "quote not found in the source of %s (%s): %q", p.id, rel, abbreviate(q, 80))
		}
	}
	switch s := src.(type) {
	case map[string]any:
		check(s, at)
	case []any:
		for i, e := range s {
			if m, ok := e.(map[string]any); ok {
				check(m, append(slices.Clone(at), i))
			}
		}
	}
}

// checkVendor requires every document that names the vendor to name the deal's.
func (dl *dealLoad) checkVendor() {
	v, _ := dl.deal["vendor"].(map[string]any)
	want, _ := v["name"].(string)
	for _, p := range dl.parts {
		if !p.provided() {
			continue
		}
		pv, _ := p.c.Input["vendor"].(map[string]any)
		name, _ := pv["name"].(string)
		if name == "" || sameName(name, want) {
			continue
		}
		line, col := p.c.Position([]any{"vendor", "name"})
		dl.diags = append(dl.diags, Diagnostic{File: p.c.File, Line: line, Column: col, Message: fmt.Sprintf("vendor.name %q is not the deal's vendor %q (%s): every document of a deal must name the same vendor", name, want, dl.c.File)})
	}
}

// sameName compares two names of a party as a reader would: case, punctuation and spacing aside.
func sameName(a, b string) bool {
	key := func(s string) string {
		return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}), " ")
	}
	return key(a) == key(b)
}

// merge builds the deal's input: the main document's facts, each deferral replaced by the value
// of the document it names, the groups only other documents hold, and the deal itself.
func (dl *dealLoad) merge() {
	dl.prov = &provenance{parts: []*document{&dl.c.document}, owners: map[string]int{}}
	var mainPart *dealPart
	for _, p := range dl.parts {
		if !p.provided() {
			continue
		}
		p.part = len(dl.prov.parts)
		dl.prov.parts = append(dl.prov.parts, &p.c.document)
		if mainPart == nil || (!slices.Contains(mainRoles, mainPart.role) && slices.Contains(mainRoles, p.role)) {
			mainPart = p
		}
	}
	if mainPart == nil {
		dl.errorAt(dealPath("documents"), "the deal provides none of its documents: give at least one file")
		return
	}
	dl.prov.main = mainPart.part
	for _, p := range dl.parts {
		if p.provided() {
			r := resolver{deal: dl, part: p}
			r.walk(p.c.Input, nil)
		}
	}
	if len(dl.diags) > 0 {
		return
	}
	// A document's value that another document defers to is taken at the deferral's path; it
	// does not compete again in the merge (a cover page's list of claims that the terms defer
	// one item at a time must not replace the terms' whole list).
	consumed := map[int][][]any{}
	for _, p := range dl.parts {
		for _, r := range p.resolved {
			consumed[r.part] = append(consumed[r.part], r.path)
		}
	}
	serves := func(p *dealPart, slot []any) bool {
		for _, c := range consumed[p.part] {
			n := min(len(c), len(slot))
			if pathKey(c[:n]) == pathKey(slot[:n]) {
				return true
			}
		}
		return false
	}
	merged := maps.Clone(mainPart.c.Input)
	// owner of each merged slot, by id, for precedence.
	slot := map[string]*dealPart{}
	for _, p := range dl.parts {
		if !p.provided() || p == mainPart {
			continue
		}
		for k, v := range p.c.Input {
			if k == "schema_version" || k == "document" {
				continue
			}
			vm, isMap := v.(map[string]any)
			container := isMap && !isFactGroup(vm)
			if !container && serves(p, []any{k}) {
				continue
			}
			cur, ok := merged[k]
			cm, curIsMap := cur.(map[string]any)
			if !container || (ok && (!curIsMap || isFactGroup(cm))) {
				if !ok || dl.wins(p, []any{k}, slot, mainPart) {
					merged[k] = v
					dl.own([]any{k}, p, slot)
				} else if u, conflict := dl.unsettled(p, []any{k}, slot, mainPart, cur, v); conflict {
					merged[k] = u
					dl.own([]any{k}, p, slot)
				}
				continue
			}
			// A container of fact groups (liability, data_protection): merged group by group, on
			// a copy, so that the main document's own map is not changed.
			if ok {
				cm = maps.Clone(cm)
			} else {
				cm = map[string]any{}
				dl.own([]any{k}, p, slot)
			}
			for sk, sv := range vm {
				if serves(p, []any{k, sk}) {
					continue
				}
				cur, has := cm[sk]
				if !has || dl.wins(p, []any{k, sk}, slot, mainPart) {
					cm[sk] = sv
					dl.own([]any{k, sk}, p, slot)
				} else if u, conflict := dl.unsettled(p, []any{k, sk}, slot, mainPart, cur, sv); conflict {
					cm[sk] = u
					dl.own([]any{k, sk}, p, slot)
				}
			}
			if ok || len(cm) > 0 {
				merged[k] = cm
			}
		}
	}
	// The values a document took from others belong to those others, where that document's value
	// was merged; shorter paths first, since a value taken from a document may itself hold values
	// that document took from a third.
	type taken struct {
		path     []any
		from, to int
	}
	var all []taken
	for _, p := range dl.parts {
		if p.provided() {
			for _, r := range p.resolved {
				all = append(all, taken{path: r.path, from: p.part, to: r.part})
			}
		}
	}
	slices.SortStableFunc(all, func(a, b taken) int { return len(a.path) - len(b.path) })
	for _, t := range all {
		if holder, _ := dl.prov.owner(t.path); holder == t.from {
			dl.prov.owners[pathKey(t.path)] = t.to
		}
	}
	merged["deal"] = dl.input()
	dl.prov.owners[pathKey([]any{"deal"})] = 0
	dl.c.Input = merged
	dl.c.prov = dl.prov
	dl.c.isDeal = true
}

// input is the deal as policies see it: every document with its id and status spelled out, and
// its title from its encoding when the deal file gives none. The deal file's own map is kept
// as it is (positions and quotes were checked against it).
func (dl *dealLoad) input() map[string]any {
	out := maps.Clone(dl.deal)
	docs, _ := dl.deal["documents"].([]any)
	list := make([]any, len(docs))
	for i, d := range docs {
		dm := maps.Clone(d.(map[string]any))
		p := dl.partAt(i)
		dm["id"], dm["status"] = p.id, p.status
		if _, ok := dm["title"]; !ok && p.provided() {
			doc, _ := p.c.Input["document"].(map[string]any)
			if t, ok := doc["title"].(string); ok {
				dm["title"] = t
			}
		}
		list[i] = dm
	}
	out["documents"] = list
	return out
}

func (dl *dealLoad) partAt(i int) *dealPart {
	for _, p := range dl.parts {
		if p.index == i {
			return p
		}
	}
	return &dealPart{}
}

// own records that p holds the merged value at path.
func (dl *dealLoad) own(path []any, p *dealPart, slot map[string]*dealPart) {
	k := pathKey(path)
	dl.prov.owners[k] = p.part
	slot[k] = p
}

// wins reports whether p's value at path replaces the one merged so far: only when p prevails
// over the document that holds it, as the deal's precedence says (otherwise the main document,
// or the first document listed, keeps it).
func (dl *dealLoad) wins(p *dealPart, path []any, slot map[string]*dealPart, mainPart *dealPart) bool {
	return dl.prevails[p.id][dl.holder(path, slot, mainPart).id]
}

// holder is the document whose value the merged input holds at path so far.
func (dl *dealLoad) holder(path []any, slot map[string]*dealPart, mainPart *dealPart) *dealPart {
	for n := len(path); n > 0; n-- {
		if h := slot[pathKey(path[:n])]; h != nil {
			return h
		}
	}
	return mainPart
}

// unsettled is what the merged input holds where p's value differs from the holder's and p
// prevails over it only "for" a scope termlint cannot apply to a fact: the fact marked ambiguous,
// saying which documents disagree, so that rules answer unknown instead of taking either value
// silently. ok is false when there is no such conflict.
func (dl *dealLoad) unsettled(p *dealPart, path []any, slot map[string]*dealPart, mainPart *dealPart, cur, v any) (out map[string]any, ok bool) {
	h := dl.holder(path, slot, mainPart)
	scope, scoped := dl.scopes[[2]string{p.id, h.id}]
	if !scoped || reflect.DeepEqual(cur, v) {
		return nil, false
	}
	out = map[string]any{"status": "ambiguous", "note": fmt.Sprintf(
		"%s and %s say different things here; the deal's precedence makes %s prevail over %s only for %q, and whether that covers this fact is for a person to decide",
		filepath.Base(p.c.File), filepath.Base(h.c.File), p.id, h.id, scope)}
	if m, isMap := v.(map[string]any); isMap && m["src"] != nil {
		out["src"] = m["src"]
	}
	return out, true
}

// isFactGroup reports whether m is a fact group itself (it carries a src, a status or a
// deferral) rather than a container of groups: a fact group is taken whole from one document.
func isFactGroup(m map[string]any) bool {
	for _, k := range []string{"src", "status", "defined_in"} {
		if _, ok := m[k]; ok {
			return true
		}
	}
	return false
}

// resolver replaces the deferrals of one document of a deal by the values they name.
type resolver struct {
	deal *dealLoad
	part *dealPart
	// seen guards against documents that defer to each other.
	seen []string
}

func (r *resolver) walk(v any, path []any) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if k == "src" || strings.HasPrefix(k, "x-") {
				continue
			}
			p := append(slices.Clone(path), k)
			if em, ok := e.(map[string]any); ok && isDeferral(em) {
				t[k] = r.resolve(em, p)
				continue
			}
			r.walk(e, p)
		}
	case []any:
		for i, e := range t {
			p := append(slices.Clone(path), i)
			if em, ok := e.(map[string]any); ok && isDeferral(em) {
				// One item of a list set elsewhere (one carve-out of several): the other document
				// holds it at the same position.
				t[i] = r.resolve(em, p)
				continue
			}
			r.walk(e, p)
		}
	}
}

func isDeferral(m map[string]any) bool {
	_, ok := m["defined_in"].(string)
	return ok
}

// resolve returns the value a deferral at path stands for, and records which document it comes
// from.
func (r *resolver) resolve(def map[string]any, path []any) any {
	dl := r.deal
	target, _ := def["defined_in"].(string)
	t, matches := dl.find(target)
	at := func() (string, int, int) {
		line, col := r.part.c.Position(append(slices.Clone(path), "defined_in"))
		return r.part.c.File, line, col
	}
	fail := func(format string, args ...any) any {
		file, line, col := at()
		dl.diags = append(dl.diags, Diagnostic{File: file, Line: line, Column: col, Message: fmt.Sprintf(format, args...)})
		return def
	}
	switch {
	case len(matches) > 1:
		return fail("%s: defined_in %s, the role of %s in the deal (%s); name the one that sets it by its id", pathString(path), target, idsOf(matches), dl.c.File)
	case t == nil:
		return fail("%s: defined_in %s, but the deal (%s) has no such document; list it under documents (with status not_provided if the buyer does not have it)", pathString(path), target, dl.c.File)
	case !t.provided():
		return deferred(def)
	case t == r.part || slices.Contains(r.seen, t.id):
		return fail("%s: defined_in %s, which defers it back: the documents defer to each other", pathString(path), target)
	}
	v, ok := lookup(t.c.Input, path)
	if !ok {
		return fail("%s: defined_in %s, but %s has no %s: encode the value there at the same path", pathString(path), target, t.c.File, pathString(path))
	}
	if vm, ok := v.(map[string]any); ok && isDeferral(vm) {
		next := resolver{deal: dl, part: t, seen: append(slices.Clone(r.seen), r.part.id)}
		v = next.resolve(vm, path)
		if len(dl.diags) > 0 {
			return def
		}
	} else {
		inner := resolver{deal: dl, part: t, seen: append(slices.Clone(r.seen), r.part.id)}
		inner.walk(v, path)
	}
	r.part.resolved = append(r.part.resolved, resolvedAt{path: path, part: t.part})
	return v
}

// deferred is what policies see for a value set in a document the deal does not provide (or that
// is checked alone): lib.ambiguous is true for it, and lib.reason says where it is set.
func deferred(def map[string]any) map[string]any {
	out := map[string]any{"status": "deferred", "defined_in": def["defined_in"]}
	for _, k := range []string{"variable", "src"} {
		if v, ok := def[k]; ok {
			out[k] = v
		}
	}
	return out
}

// resolveAlone marks every deferral of a contract checked on its own as deferred: no document of
// a deal can set the value.
func resolveAlone(v any) {
	switch t := v.(type) {
	case map[string]any:
		for k, e := range t {
			if k == "src" || strings.HasPrefix(k, "x-") {
				continue
			}
			if em, ok := e.(map[string]any); ok && isDeferral(em) {
				t[k] = deferred(em)
				continue
			}
			resolveAlone(e)
		}
	case []any:
		for i, e := range t {
			if em, ok := e.(map[string]any); ok && isDeferral(em) {
				t[i] = deferred(em)
				continue
			}
			resolveAlone(e)
		}
	}
}

func lookup(v any, path []any) (any, bool) {
	for _, step := range path {
		switch t := v.(type) {
		case map[string]any:
			s, ok := step.(string)
			if !ok {
				return nil, false
			}
			if v, ok = t[s]; !ok {
				return nil, false
			}
		case []any:
			i, ok := index(step)
			if !ok || i < 0 || i >= len(t) {
				return nil, false
			}
			v = t[i]
		default:
			return nil, false
		}
	}
	return v, true
}

// deferralKeys are what a value set in another document may carry: where it is set, what the
// deferring clause calls it, that clause, and a remark.
var deferralKeys = map[string]bool{"defined_in": true, "variable": true, "src": true, "note": true}

// checkDeferrals refuses a defined_in with values beside it: the value comes whole from the
// document named, so anything written next to the deferral would be dropped unread.
func checkDeferrals(c *Contract) []Diagnostic {
	var diags []Diagnostic
	var walk func(v any, path []any)
	walk = func(v any, path []any) {
		switch t := v.(type) {
		case map[string]any:
			if isDeferral(t) {
				var extra []string
				for k := range t {
					if !deferralKeys[k] && !strings.HasPrefix(k, "x-") {
						extra = append(extra, k)
					}
				}
				if len(extra) > 0 {
					slices.Sort(extra)
					line, col := c.Position(append(slices.Clone(path), extra[0]))
					diags = append(diags, Diagnostic{File: c.File, Line: line, Column: col, Message: fmt.Sprintf(
						"%s: %s beside defined_in: the value is set in the %s and taken from there whole; encode it in that document, or drop defined_in and encode it here",
						pathString(path), strings.Join(extra, ", "), strings.ReplaceAll(fmt.Sprint(t["defined_in"]), "_", " "))})
				}
				return
			}
			for k, e := range t {
				if k != "src" && !strings.HasPrefix(k, "x-") {
					walk(e, append(slices.Clone(path), k))
				}
			}
		case []any:
			for i, e := range t {
				walk(e, append(slices.Clone(path), i))
			}
		}
	}
	walk(c.Input, nil)
	sort.Slice(diags, func(i, j int) bool { return diags[i].Less(diags[j]) })
	return diags
}
