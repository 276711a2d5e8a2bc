package contract

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// each stands for every item of a list in a reference's path.
const each = "*"

// reference is a field whose values name ids defined elsewhere in the contract. The schema can
// only say that such a value is a string; without this check a carve-out lifting "general_capp"
// when the cap is "general_cap" validates, and the rules read a carve-out that lifts nothing.
type reference struct {
	from  []string   // the referring values (each: every item)
	to    [][]string // the ids they may name
	also  []string   // words the field takes besides an id
	names string     // what the ids identify, for the message
}

// references lists every field of schema/contract.schema.json that refers to an id (a
// description that says "id"); TestReferencesCoverSchema keeps it complete.
var references = []reference{
	{
		from:  []string{"liability", "carve_outs", each, "lifts", each},
		to:    [][]string{{"liability", "caps", each, "id"}, {"liability", "exclusions", each, "id"}},
		also:  []string{"all"},
		names: "cap or exclusion",
	},
	{
		from:  []string{"indemnities", each, "cap"},
		to:    [][]string{{"liability", "caps", each, "id"}},
		also:  []string{"uncapped"},
		names: "cap",
	},
}

// idSets are the ids that must differ from each other, each set with what they identify: a
// finding or a reference that names one must name one thing.
var idSets = []struct {
	paths [][]string
	names string
}{
	{[][]string{{"liability", "caps", each, "id"}, {"liability", "exclusions", each, "id"}}, "cap or exclusion"},
	{[][]string{{"liability", "carve_outs", each, "id"}}, "carve-out"},
	{[][]string{{"indemnities", each, "id"}}, "indemnity"},
	{[][]string{{"exclusive_remedies", each, "id"}}, "exclusive remedy"},
}

// idsAt collects the strings at path in v with their paths. A list that is a status marker or
// set in another document instead (a mapping where the path wants a list) makes the ids unknown:
// ok is false.
func idsAt(v any, path []string, at []any, f func(id string, at []any)) (ok bool) {
	if len(path) == 0 {
		if s, isStr := v.(string); isStr {
			f(s, at)
		}
		return true
	}
	if path[0] == each {
		switch t := v.(type) {
		case []any:
			ok = true
			for i, e := range t {
				if m, isMap := e.(map[string]any); isMap && (m["defined_in"] != nil || m["status"] != nil) {
					// An item set in another document (or unclear) may carry any id.
					ok = false
					continue
				}
				ok = idsAt(e, path[1:], append(slices.Clip(at), i), f) && ok
			}
			return ok
		case nil:
			return true
		}
		return false
	}
	m, isMap := v.(map[string]any)
	if !isMap {
		return v == nil
	}
	e, has := m[path[0]]
	if !has {
		return true
	}
	return idsAt(e, path[1:], append(slices.Clip(at), path[0]), f)
}

// checkReferences reports every reference to an id that does not exist, at the referring value.
// Where the ids are not all known (their list is a status marker, or set in another document),
// it says nothing: the deal that provides them checks again once they are merged.
func checkReferences(input map[string]any, locate func(path []any) (file string, line, col int)) []Diagnostic {
	var diags []Diagnostic
	for _, set := range idSets {
		where := map[string][]any{}
		for _, p := range set.paths {
			idsAt(input, p, nil, func(id string, at []any) {
				if first, dup := where[id]; dup {
					// A reference or a finding naming it could not say which of the two it means.
					file, line, col := locate(at)
					diags = append(diags, Diagnostic{File: file, Line: line, Column: col, Message: fmt.Sprintf("%s: the id %q is also the id of %s; each %s needs its own", pathString(at), id, pathString(first), set.names)})
					return
				}
				where[id] = at
			})
		}
	}
	if d, ok := input["disputes"].(map[string]any); ok {
		// A forum's subdivision lies in its country: US-CA courts are not Belgian courts.
		country, _ := d["country"].(string)
		sub, _ := d["subdivision"].(string)
		if country != "" && sub != "" && !strings.HasPrefix(strings.ToUpper(sub), strings.ToUpper(country)+"-") {
			file, line, col := locate([]any{"disputes", "subdivision"})
			diags = append(diags, Diagnostic{File: file, Line: line, Column: col, Message: fmt.Sprintf("disputes.subdivision: %q is not in disputes.country %q: an ISO 3166-2 code starts with its country's code (%s-…)", sub, country, strings.ToUpper(country))})
		}
	}
	for _, r := range references {
		var ids []string
		seen := map[string]bool{}
		known := true
		for _, to := range r.to {
			known = idsAt(input, to, nil, func(id string, _ []any) {
				if !seen[id] {
					seen[id] = true
					ids = append(ids, id)
				}
			}) && known
		}
		if !known {
			continue
		}
		idsAt(input, r.from, nil, func(id string, at []any) {
			if slices.Contains(ids, id) || slices.Contains(r.also, id) {
				return
			}
			file, line, col := locate(at)
			diags = append(diags, Diagnostic{File: file, Line: line, Column: col, Message: referenceMessage(r, id, at, ids)})
		})
	}
	return diags
}

func referenceMessage(r reference, id string, at []any, ids []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: no %s has the id %q", pathString(at), r.names, id)
	if len(ids) == 0 {
		fmt.Fprintf(&b, "; none has an id: give the one meant an id and name it here")
	} else {
		quoted := make([]string, len(ids))
		for i, s := range ids {
			quoted[i] = strconv.Quote(s)
		}
		fmt.Fprintf(&b, " (ids: %s", strings.Join(quoted, ", "))
		if len(r.also) > 0 {
			fmt.Fprintf(&b, "; or %s", strings.Join(r.also, ", "))
		}
		b.WriteString(")")
		if c := closest(id, append(slices.Clone(ids), r.also...)); c != "" {
			fmt.Fprintf(&b, "; did you mean %q?", c)
		}
	}
	return b.String()
}
