# METADATA
# title: Death and personal injury are neither capped nor excluded
# description: >-
#   The vendor's liability for death and personal injury must not be capped or excluded. Every cap
#   is taken to reach death and personal injury unless a carve-out of kind death_personal_injury
#   lifts it (the model does not say which harm a cap covers: check the cap's applies_to in the
#   message). Exclusions reach them when they exclude direct damage or every damage not expressly
#   accepted (a catch-all); exclusions of narrower heads (lost profit, data loss...) do not. An
#   exclusion of every other damage limited by applies_to to one kind of claim, service or work (a
#   warranty's sole remedy) is no catch-all: whether its scope takes in injury is unknown. With no
#   such cap or exclusion the rule passes.
# custom:
#   id: liability/personal-injury
#   severity: error
#   references:
#     - Buyer policy
#   remediation: >-
#     Ask for a carve-out that lifts every cap and exclusion for death and personal injury caused
#     by the vendor, its staff or its subcontractors ("behoudens voor schade door dood of
#     lichamelijk letsel").
package termlint.rules.liability.personal_injury

import data.termlint.lib
import data.termlint.lib.liability

# The playbook's params hold nothing for this rule (data.termlint.params.liability.personal_injury
# is empty). These two sets define the rule rather than tune it; they stay here until params
# has keys for them.
# Carve-out kinds that lift a cap or exclusion for death and personal injury.
injury_kinds := {"death_personal_injury"}

# Exclusion categories that take in death and personal injury.
reaching := {"direct", "all_other"}

liab := liability.section

caps := liability.caps

exclusions := liability.exclusions

carve_outs := liability.carve_outs

# --- Caps and exclusions that reach death and personal injury ---------------------------------

items contains {"path": ["liability", "caps", i], "x": c, "id": object.get(c, "id", null), "name": cap_name(c, i)} if {
	some i, c in lib.list(caps)
	liability.for_vendor(c)
}

items contains {
	"path": ["liability", "exclusions", i],
	"x": e,
	"id": object.get(e, "id", null),
	"name": exclusion_name(e, i),
} if {
	some i, e in lib.list(exclusions)
	liability.for_vendor(e)
	some cat in e.categories
	cat in reaching
}

cap_name(c, i) := sprintf("the cap in %s (%s%s)", [liability.art_words(c), lib.label(c.basis), scope(c)]) if {
	liability.art_words(c)
	c.basis
}

else := sprintf("the cap in %s%s", [liability.art_words(c), scope_only(c)]) if liability.art_words(c)

else := sprintf("cap no. %d%s", [i + 1, scope_only(c)])

scope(c) := sprintf("; applies to: %s", [c.applies_to]) if c.applies_to

else := ""

scope_only(c) := sprintf(" (applies to: %s)", [c.applies_to]) if c.applies_to

else := ""

exclusion_name(e, i) := sprintf("the exclusion in %s (%s)", [liability.art_words(e), lib.labels(e.categories)]) if {
	liability.art_words(e)
}

else := sprintf("exclusion no. %d (%s)", [i + 1, lib.labels(e.categories)])

# What clear carve-outs for death and personal injury lift, and what unclear ones may lift.
lifts := liability.lifts(injury_kinds)

may_lift := liability.may_lift(injury_kinds)

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in items
	not liability.lifted(lifts, item.id)
	not liability.lifted(may_lift, item.id)
	not lib.ambiguous(item.x)
	not limited(item)
	msg := sprintf(
		concat("", [
			"%s is not lifted for death or personal injury; the playbook expects death and personal injury to be neither ",
			"capped nor excluded",
		]),
		[item.name],
	)
	not lib.unclear(item.path)
}

# limited: an exclusion of "all other" damage for one kind of claim, service or work only
# (applies_to), such as a warranty's sole remedy. It is no catch-all: whether its scope takes in
# death or personal injury is for a person to read. One that names direct damage within its scope
# (SerSo 10.7: "rechtstreekse ... schade" during maintenance works) excludes injury there in so
# many words, and fails.
limited(item) if {
	item.path[1] == "exclusions"
	item.x.applies_to
	not "direct" in item.x.categories
}

unknown contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in items
	not liability.lifted(lifts, item.id)
	not liability.lifted(may_lift, item.id)
	not lib.ambiguous(item.x)
	limited(item)
	msg := sprintf(
		"%s applies only to %s; whether that takes in death or personal injury has to be read in the clause",
		[item.name, item.x.applies_to],
	)
}

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding(sprintf("liability %s have not been encoded", [key]), ["liability"]) if {
	lib.stated(liab)
	some key in ["caps", "exclusions"]
	not liab[key]
}

unknown contains lib.finding(lib.reason(caps, "liability.caps"), ["liability", "caps"]) if lib.ambiguous(caps)

unknown contains lib.finding(
	lib.reason(exclusions, "liability.exclusions"),
	["liability", "exclusions"],
) if lib.ambiguous(exclusions)

# The carve-outs matter only when something caps or excludes death and personal injury.
unknown contains lib.finding("liability carve-outs have not been encoded", ["liability"]) if {
	count(items) > 0
	lib.stated(liab)
	not liab.carve_outs
}

unknown contains lib.finding(lib.reason(carve_outs, "liability.carve_outs"), ["liability", "carve_outs"]) if {
	count(items) > 0
	lib.ambiguous(carve_outs)
}

unknown contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in items
	not liability.lifted(lifts, item.id)
	lib.ambiguous(item.x)
	msg := sprintf("%s: %s", [item.name, lib.reason(item.x, "it")])
}

unknown contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in items
	not liability.lifted(lifts, item.id)
	not lib.ambiguous(item.x)
	liability.lifted(may_lift, item.id)
	msg := sprintf(
		concat("", [
			"%s: a carve-out that may lift it for death or personal injury is unclear (ambiguous, or silent on its kinds or ",
			"on what it lifts)",
		]),
		[item.name],
	)
}
