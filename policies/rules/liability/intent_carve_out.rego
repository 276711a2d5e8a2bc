# METADATA
# title: Every cap and exclusion is lifted for intent and fraud
# description: >-
#   Every cap and every exclusion of the vendor's liability must be lifted at least for intent or
#   fraud (opzet, bedrog / kwaad opzet). A carve-out counts for the caps and exclusions it names in
#   lifts (or all); a carve-out that lifts only the caps of one article leaves the others standing,
#   and each of those fails. A contract without any cap or exclusion is not applicable.
# custom:
#   id: liability/intent-carve-out
#   severity: error
#   references:
#     - "General law: no exemption from liability for one's own intent or fraud (BE: fraus omnia corrumpit; NL: art. 6:248(2) BW and case law) (confirm)"
#     - "EU Data Act art. 13(4)(a) (unfair: excluding or limiting liability for intentional acts or gross negligence)"
#   remediation: >-
#     Ask for one general carve-out that lifts every limitation and exclusion of liability in the
#     contract, wherever it stands, in case of intent or fraud of the vendor, its staff or its
#     subcontractors (and, per liability/gross-negligence-carve-out, gross negligence).
package termlint.rules.liability.intent_carve_out

import data.termlint.lib

params := data.termlint.params.liability.intent_carve_out

liab := input.liability

# The lists, as list or status marker; a liability section left out entirely has none of them.
caps := {"status": "absent", "src": null} if lib.absent(liab)

else := liab.caps

exclusions := {"status": "absent", "src": null} if lib.absent(liab)

else := liab.exclusions

carve_outs := {"status": "absent", "src": null} if lib.absent(liab)

else := liab.carve_outs

kinds := {k | some k in params.kinds}

# --- Caps and exclusions, and what lifts them -------------------------------------------------

items contains {"path": ["liability", "caps", i], "x": c, "id": object.get(c, "id", null), "name": cap_name(c, i)} if {
	some i, c in lib.list(caps)
}

items contains {"path": ["liability", "exclusions", i], "x": e, "id": object.get(e, "id", null), "name": exclusion_name(e, i)} if {
	some i, e in lib.list(exclusions)
}

cap_name(c, i) := sprintf("the cap %q (%s)", [c.id, lib.label(c.basis)]) if {
	c.id
	c.basis
}

else := sprintf("the cap %q", [c.id]) if c.id

else := sprintf("cap no. %d", [i + 1])

exclusion_name(e, i) := sprintf("the exclusion %q (%s)", [e.id, lib.labels(e.categories)]) if {
	e.id
	e.categories
}

else := sprintf("the exclusion %q", [e.id]) if e.id

else := sprintf("exclusion no. %d", [i + 1])

# What clear carve-outs of an accepted kind lift, and what unclear ones may lift.
lifts := lib.lifts(carve_outs, kinds)

may_lift := lib.may_lift(carve_outs, kinds)

# Whether the carve-out list can be read at all.
carve_outs_known if is_array(carve_outs)

carve_outs_known if lib.absent(carve_outs)

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, item.path) if {
	carve_outs_known
	some item in items
	not lib.lifted(lifts, item.id)
	not lib.lifted(may_lift, item.id)
	not lib.ambiguous(item.x)
	msg := sprintf("%s %s; the playbook expects every cap and every exclusion to be lifted at least for %s", [item.name, lifted_words(item.id), or_labels(params.kinds)])
}

# What the carve-outs do for the item, in words.
lifted_words(id) := sprintf("is lifted only for %s, not for %s", [and_labels(other), or_labels(params.kinds)]) if {
	other := lib.lifting_kinds(carve_outs, id)
	count(other) > 0
}

else := sprintf("is not lifted by any carve-out, not even for %s", [or_labels(params.kinds)])

# or_labels keeps the order of a list (the params order) and sorts a set.
or_labels(xs) := concat(" or ", [lib.label(x) | some x in xs])

and_labels(xs) := concat(" and ", [concat(", ", array.slice(ls, 0, count(ls) - 1)), ls[count(ls) - 1]]) if {
	ls := sort([lib.label(x) | some x in xs])
	count(ls) > 1
}

else := lib.labels(xs)

default applies := true

# No cap and no exclusion: there is nothing to lift.
applies := false if {
	listed(caps)
	listed(exclusions)
	count(items) == 0
}

listed(x) if is_array(x)

listed(x) if lib.absent(x)

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding(sprintf("liability %s have not been encoded", [what]), ["liability"]) if {
	lib.stated(liab)
	some key, what in {"caps": "caps", "exclusions": "exclusions", "carve_outs": "carve-outs"}
	not liab[key]
}

unknown contains lib.finding(lib.reason(caps, "liability.caps"), ["liability", "caps"]) if lib.ambiguous(caps)

unknown contains lib.finding(lib.reason(exclusions, "liability.exclusions"), ["liability", "exclusions"]) if lib.ambiguous(exclusions)

unknown contains lib.finding(lib.reason(carve_outs, "liability.carve_outs"), ["liability", "carve_outs"]) if lib.ambiguous(carve_outs)

unknown contains lib.finding(msg, item.path) if {
	carve_outs_known
	some item in items
	not lib.lifted(lifts, item.id)
	lib.ambiguous(item.x)
	msg := sprintf("%s: %s", [item.name, lib.reason(item.x, "it")])
}

unknown contains lib.finding(msg, item.path) if {
	carve_outs_known
	some item in items
	not lib.lifted(lifts, item.id)
	not lib.ambiguous(item.x)
	lib.lifted(may_lift, item.id)
	msg := sprintf("%s: a carve-out that may lift it for %s is unclear (ambiguous, or silent on its kinds or on what it lifts)", [item.name, or_labels(params.kinds)])
}
