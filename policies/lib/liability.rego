# METADATA
# title: termlint liability helpers
# description: >-
#   The liability section as the liability rules read it: its lists, every cap and exclusion with
#   its name, and what the carve-outs lift. Rules are evaluated together, so these are computed
#   once per contract and shared. Not a rule itself.
package termlint.lib.liability

import data.termlint.lib

section := input.liability

# The lists, as list or status marker; a section marked absent has none of them.
caps := {"status": "absent", "src": null} if lib.absent(section)

else := section.caps

exclusions := {"status": "absent", "src": null} if lib.absent(section)

else := section.exclusions

carve_outs := {"status": "absent", "src": null} if lib.absent(section)

else := section.carve_outs

# Whether the carve-out list can be read at all.
carve_outs_known if is_array(carve_outs)

carve_outs_known if lib.absent(carve_outs)

# listed: a list, or a list the document is silent on (absent); not ambiguous, not unencoded.
listed(x) if is_array(x)

listed(x) if lib.absent(x)

# --- Whose liability --------------------------------------------------------------------------

# party_of: whose liability a cap, exclusion or carve-out concerns: its own party, else the
# section's, else the vendor's (terms limit the vendor's liability unless they say otherwise).
party_of(x) := x.party if x.party

else := section.party if section.party

else := "vendor"

# for_vendor: it concerns the vendor's liability (the vendor's alone, or each party's). The rules
# that protect the buyer judge only these: the buyer's own cap or exclusion limits nothing the
# vendor owes (liability/one-sided-cap compares the two).
for_vendor(x) if party_of(x) in {"vendor", "both"}

# cap_lower: cap v is lower than cap c, where the two can be compared (the same fixed currency, or
# the same basis over a shorter period).
cap_lower(v, c) if {
	v.basis == "fixed_amount"
	c.basis == "fixed_amount"
	v.ceiling.currency == c.ceiling.currency
	v.ceiling.amount < c.ceiling.amount
}

cap_lower(v, c) if {
	v.basis == c.basis
	lib.days(v.lookback) < lib.days(c.lookback)
}

# comparable: whether cap_lower can tell.
comparable(v, c) if {
	v.basis == "fixed_amount"
	c.basis == "fixed_amount"
	v.ceiling.currency == c.ceiling.currency
}

comparable(v, c) if {
	v.basis == c.basis
	v.lookback
	c.lookback
}

# amount_words: a cap's amount as a reader says it.
amount_words(c) := lib.money(c.ceiling.currency, c.ceiling.amount) if c.basis == "fixed_amount"

else := sprintf("%s over %s", [lib.label(c.basis), lib.duration_words(c.lookback)]) if c.lookback

else := lib.label(c.basis)

# --- Caps and exclusions ---------------------------------------------------------------------

# items holds every cap and exclusion: its path, the fact, its id (null when it has none, so that
# only a carve-out of "all" reaches it) and its name in messages.
items contains {"path": ["liability", "caps", i], "x": c, "id": object.get(c, "id", null), "name": cap_name(c, i)} if {
	some i, c in lib.list(caps)
	for_vendor(c)
}

items contains {
	"path": ["liability", "exclusions", i],
	"x": e,
	"id": object.get(e, "id", null),
	"name": exclusion_name(e, i),
} if {
	some i, e in lib.list(exclusions)
	for_vendor(e)
}

# Caps, exclusions and carve-outs are named by their article, as a lawyer cites them, never by the
# ids the encoding gives them; by their place in the list when they have no article.
cap_name(c, i) := sprintf("the cap in %s (%s)", [art_words(c), lib.label(c.basis)]) if {
	art_words(c)
	c.basis
}

else := sprintf("the cap in %s", [art_words(c)]) if art_words(c)

else := sprintf("cap no. %d", [i + 1])

exclusion_name(e, i) := sprintf("the exclusion in %s (%s)", [art_words(e), lib.labels(e.categories)]) if {
	art_words(e)
	e.categories
}

else := sprintf("the exclusion in %s", [art_words(e)]) if art_words(e)

else := sprintf("exclusion no. %d", [i + 1])

# art_words: "art. 15.1" (or "arts. 15.1 and 15.3") for a fact's src.
art_words(x) := trim_prefix(trim_suffix(lib.arts_note(x.src), ")"), " (") if lib.arts_note(x.src) != ""

# --- Carve-outs ------------------------------------------------------------------------------
#
# A carve-out lifts the caps and exclusions whose ids it names in lifts, or every one when lifts
# holds "all". What the carve-outs lift is answered once, as sets of ids, so that a rule asks each
# cap or exclusion a set-membership question instead of looping over the carve-outs again for
# every item: on long contracts that loop dominated evaluation time.

# clear: stated in full, so its kinds and what it lifts are known.
clear(co) if {
	lib.stated(co)
	co.kinds
	co.lifts
}

clear_carve_outs := [co | some co in lib.list(carve_outs); clear(co); for_vendor(co)]

# Unclear carve-outs: ambiguous, or silent on their kinds or on what they lift.
unclear_carve_outs := [co | some co in lib.list(carve_outs); not clear(co); for_vendor(co)]

# lifts returns what the clear carve-outs of one of kinds lift: ids, and "all".
lifts(kinds) := {id |
	some co in clear_carve_outs
	some k in co.kinds
	k in kinds
	some id in co.lifts
}

# may_lift returns what the unclear carve-outs that may be of one of kinds may lift; "all" for
# one silent on what it lifts.
may_lift(kinds) := {id |
	some co in unclear_carve_outs
	may_be_kind(co, kinds)
	some id in lifted_ids(co)
}

may_be_kind(co, kinds) if {
	some k in co.kinds
	k in kinds
}

may_be_kind(co, _) if not co.kinds

# An ambiguous carve-out may be of any kind, whatever kinds it lists: the kinds the encoder read
# in it are among what a person must check ("opzet of grove schuld van leidinggevenden" read as
# intent alone leaves open whether it lifts for the gross negligence of anyone else).
may_be_kind(co, _) if lib.ambiguous(co)

lifted_ids(co) := co.lifts if co.lifts

else := ["all"]

# lifted: ids (from lifts or may_lift) reach the cap or exclusion id.
lifted(ids, _) if "all" in ids

lifted(ids, id) if id in ids

# kinds_by_lift holds the kinds of the clear carve-outs by what they lift (an id, or "all").
kinds_by_lift[id] := {k | some co in clear_carve_outs; id in co.lifts; some k in co.kinds} if {
	some co in clear_carve_outs
	some id in co.lifts
}

# lifting_kinds returns the kinds of every clear carve-out that lifts the item id.
lifting_kinds(id) := object.get(kinds_by_lift, "all", set()) | object.get(kinds_by_lift, id, set())
