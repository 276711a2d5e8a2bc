# METADATA
# title: Caps and exclusions are lifted for gross negligence
# description: >-
#   Every cap and every exclusion of the vendor's liability must be lifted for gross negligence
#   (Belgian zware fout; for Dutch-law contracts bewuste roekeloosheid is accepted too). The
#   standard follows the governing law; where the document chooses no law, or the law is unclear,
#   a cap or exclusion fails only if no standard the playbook accepts under any law lifts it, and
#   is unknown if only some laws would accept the carve-out. A carve-out counts for the caps and
#   exclusions it names in lifts (or all). A contract without any cap or exclusion is not
#   applicable.
# custom:
#   id: liability/gross-negligence-carve-out
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: exemption from liability for one's own gross fault)"
#     - "EU Data Act art. 13(4)(a) (unfair: excluding or limiting liability for intentional acts or gross negligence)"
#   remediation: >-
#     Ask for one general carve-out that lifts every limitation and exclusion of liability in the
#     contract (not only those of one article) in case of intent, fraud or gross negligence (zware
#     fout / grove schuld) of the vendor, its staff or its subcontractors.
package termlint.rules.liability.gross_negligence_carve_out

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.gross_negligence_carve_out

# --- The standard, by governing law -----------------------------------------------------------

law := input.governing_law.value

# Kinds the playbook accepts under the governing law.
law_kinds := object.get(params.accepted, law, params.accepted.default)

# Kinds some law accepts, and kinds every law accepts.
any_law_kinds := {k | some l in params.accepted; some k in l}

every_law_kinds := {k |
	some k in any_law_kinds
	every l in params.accepted {
		k in l
	}
}

# A cap or exclusion fails when no possible kind lifts it, and passes when a sure kind does.
possible := {k | some k in law_kinds} if law

else := any_law_kinds

sure := {k | some k in law_kinds} if law

else := every_law_kinds

law_reason := lib.reason(input.governing_law, "the governing law") if lib.ambiguous(input.governing_law)

else := "the document chooses no governing law" if lib.absent(input.governing_law)

else := "the governing law has not been encoded"

# --- What lifts the caps and exclusions ---------------------------------------------------------

# What clear carve-outs lift for a possible and for a sure kind, and what unclear ones may lift.
lifts_possible := liability.lifts(possible)

lifts_sure := liability.lifts(sure)

may_lift := liability.may_lift(possible)

fails(item) if {
	not liability.lifted(lifts_possible, item.id)
	not liability.lifted(may_lift, item.id)
	not lib.ambiguous(item.x)
}

# --- Findings ---------------------------------------------------------------------------------

deny contains lib.finding(msg, item.path) if {
	liability.carve_outs_known
	some item in liability.items
	fails(item)
	msg := sprintf("%s %s; %s", [item.name, lifted_words(item.id), expectation])
	not lib.unclear(item.path)
}

# What the carve-outs do for x, in words.
lifted_words(id) := sprintf("is lifted only for %s, not for gross negligence", [lib.and_labels(kinds)]) if {
	kinds := liability.lifting_kinds(id)
	count(kinds) > 0
}

else := "is not lifted by any carve-out, not even for gross negligence"

expectation := sprintf(
	"under %s law the playbook expects every cap and every exclusion to be lifted at least for %s",
	[law, lib.or_labels(law_kinds)],
) if law

else := sprintf(
	"whatever the governing law, the playbook expects every cap and every exclusion to be lifted for %s",
	[lib.or_labels(every_law_kinds)],
)

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
	not fails(item)
	not liability.lifted(lifts_sure, item.id)
	msg := sprintf("%s: %s", [item.name, doubt(item)])
}

doubt(item) := lib.reason(item.x, "it") if lib.ambiguous(item.x)

else := concat("", [
	"a carve-out that may lift it for gross negligence is unclear (ambiguous, or silent on its kinds or on what it ",
	"lifts)",
]) if {
	liability.lifted(may_lift, item.id)
}

else := sprintf(
	"it is lifted only for %s, which the playbook accepts under some governing laws but not all, and %s",
	[lib.or_labels(kinds), law_reason],
) if {
	kinds := {k |
		some k in liability.lifting_kinds(item.id)
		k in possible
	}
}
