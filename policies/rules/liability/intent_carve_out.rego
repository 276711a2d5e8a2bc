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
#     - "General law: no exemption from liability for one's own intent or fraud (BE: fraus omnia corrumpit; NL: art.
#       6:248(2) BW and case law) (confirm)"
#     - "EU Data Act art. 13(4)(a) (unfair: excluding or limiting liability for intentional acts or gross negligence)"
#   remediation: >-
#     Ask for one general carve-out that lifts every limitation and exclusion of liability in the
#     contract, wherever it stands, in case of intent or fraud of the vendor, its staff or its
#     subcontractors (and, per liability/gross-negligence-carve-out, gross negligence).
package termlint.rules.liability.intent_carve_out

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.intent_carve_out

kinds := {k | some k in params.kinds}

# What clear carve-outs of an accepted kind lift, and what unclear ones may lift.
lifts := liability.lifts(kinds)

may_lift := liability.may_lift(kinds)

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in liability.items
	not liability.lifted(lifts, item.id)
	not liability.lifted(may_lift, item.id)
	not lib.ambiguous(item.x)
	msg := sprintf(
		"%s %s; the playbook expects every cap and every exclusion to be lifted at least for %s",
		[item.name, lifted_words(item.id), kinds_words],
	)
	not lib.unclear(item.path)
}

kinds_words := lib.or_labels(params.kinds)

# What the carve-outs do for the item, in words.
lifted_words(id) := sprintf("is lifted only for %s, not for %s", [lib.and_labels(other), kinds_words]) if {
	other := liability.lifting_kinds(id)
	count(other) > 0
}

else := sprintf("is not lifted by any carve-out, not even for %s", [kinds_words])

default applies := true

# No cap and no exclusion: there is nothing to lift.
applies := false if {
	liability.listed(liability.caps)
	liability.listed(liability.exclusions)
	count(liability.items) == 0
}

liab := liability.section

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding(sprintf("liability %s have not been encoded", [what]), ["liability"]) if {
	lib.stated(liab)
	some key, what in {"caps": "caps", "exclusions": "exclusions", "carve_outs": "carve-outs"}
	not liab[key]
}

unknown contains lib.finding(
	lib.reason(liability.caps, "liability.caps"),
	["liability", "caps"],
) if lib.ambiguous(liability.caps)

unknown contains lib.finding(
	lib.reason(liability.exclusions, "liability.exclusions"),
	["liability", "exclusions"],
) if lib.ambiguous(liability.exclusions)

unknown contains lib.finding(
	lib.reason(liability.carve_outs, "liability.carve_outs"),
	["liability", "carve_outs"],
) if lib.ambiguous(liability.carve_outs)

unknown contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in liability.items
	not liability.lifted(lifts, item.id)
	lib.ambiguous(item.x)
	msg := sprintf("%s: %s", [item.name, lib.reason(item.x, "it")])
}

unknown contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in liability.items
	not liability.lifted(lifts, item.id)
	not lib.ambiguous(item.x)
	liability.lifted(may_lift, item.id)
	msg := sprintf(
		"%s: a carve-out that may lift it for %s is unclear (ambiguous, or silent on its kinds or on what it lifts)",
		[item.name, kinds_words],
	)
}
