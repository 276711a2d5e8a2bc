# METADATA
# title: The vendor answers for its subcontractors and suppliers
# description: >-
#   The vendor must answer for its own subcontractors and suppliers as for itself. The playbook
#   is not met when the document says the vendor does not (liability.subcontractors), when an
#   exclusion takes in their acts or defaults (category subcontractor_acts), or when the default
#   of the vendor's own suppliers or subcontractors counts as force majeure. A document silent on
#   subcontractors passes if it does neither of the other two: under general law the vendor then
#   answers for the persons it engages.
# custom:
#   id: liability/subcontractors
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list: shifting the risk of one's own performance to the buyer)
#       (confirm)"
#     - "DORA (Regulation (EU) 2022/2554) art. 30(2)(a) (description of the functions and services subcontracted, and
#       the conditions)"
#   remediation: >-
#     Ask for a clause that the vendor answers for its subcontractors, suppliers and auxiliaries as
#     for itself; strike the exclusion of their acts and remove the default of the vendor's own
#     suppliers or subcontractors from the force majeure list.
package termlint.rules.liability.subcontractors

import data.termlint.lib
import data.termlint.lib.liability

liab := input.liability

sub := liab.subcontractors

fm := liab.force_majeure

deny contains lib.finding(
	concat("", [
		"read together, the clauses quoted leave the vendor not answering for its subcontractors and suppliers as for ",
		"itself; the playbook expects the vendor to answer for them",
	]),
	["liability", "subcontractors"],
) if {
	sub.vendor_liable == false
	not lib.unclear(["liability", "subcontractors"])
}

deny contains lib.finding(msg, ["liability", "exclusions", i]) if {
	some i, ex in lib.list(liab.exclusions)
	not lib.ambiguous(ex)
	"subcontractor_acts" in ex.categories
	msg := sprintf(
		concat("", [
			"%s excludes liability for the acts or defaults of the vendor's subcontractors and suppliers; the playbook ",
			"expects the vendor to answer for them as for itself",
		]),
		[exclusion_name(ex)],
	)
	not lib.unclear(["liability", "exclusions", i])
}

deny contains lib.finding(msg, ["liability", "force_majeure", "includes", j]) if {
	lib.stated(fm)
	some j, event in fm.includes
	event == "supplier_default"
	msg := concat("", [
		"force majeure includes the default of the vendor's own suppliers or subcontractors, so the vendor is excused when ",
		"they fail; the playbook expects the vendor to answer for them",
	])
	not lib.unclear(["liability", "force_majeure", "includes", j])
}

exclusion_name(ex) := sprintf("the exclusion in %s", [liability.art_words(ex)]) if liability.art_words(ex)

else := "the exclusion"

unknown contains lib.finding("liability has not been encoded", []) if not liab

unknown contains lib.finding(lib.reason(liab, "the liability section"), ["liability"]) if lib.ambiguous(liab)

unknown contains lib.finding(sprintf("%s has not been encoded", [what]), ["liability"]) if {
	lib.stated(liab)
	some key, what in {
		"subcontractors": "whether the vendor answers for its subcontractors",
		"exclusions": "liability exclusions",
		"force_majeure": "force majeure",
	}
	not liab[key]
}

unknown contains lib.finding(
	lib.reason(sub, "whether the vendor answers for its subcontractors"),
	["liability", "subcontractors"],
) if {
	lib.ambiguous(sub)
}

unknown contains lib.finding(
	"the subcontractors clause is encoded without saying whether the vendor answers for them (vendor_liable)",
	["liability", "subcontractors"],
) if {
	lib.stated(sub)
	not flag_stated
}

unknown contains lib.finding(lib.reason(liab.exclusions, "liability.exclusions"), ["liability", "exclusions"]) if {
	lib.ambiguous(liab.exclusions)
}

unknown contains lib.finding(msg, ["liability", "exclusions", i]) if {
	some i, ex in lib.list(liab.exclusions)
	lib.ambiguous(ex)
	"subcontractor_acts" in ex.categories
	msg := sprintf(
		"%s may exclude the acts of the vendor's subcontractors: %s",
		[exclusion_name(ex), lib.reason(ex, "it")],
	)
}

unknown contains lib.finding(lib.reason(fm, "force majeure"), ["liability", "force_majeure"]) if lib.ambiguous(fm)

flag_stated if is_boolean(sub.vendor_liable)
