# METADATA
# title: The buyer has audit rights
# description: >-
#   The buyer must have a right to audit or inspect the vendor's performance (its security, its
#   processing of the buyer's data), itself or through an auditor it appoints. A document that is
#   silent on audits fails: without a contractual right the buyer cannot verify the vendor. A right
#   of the vendor to audit the buyer (licence audit) does not count. Where the deal has the processor
#   agreement encoded, its audits including inspections (GDPR art. 28(3)(h)) are such a right; an
#   agreement that lets the buyer audit only through the vendor's own reports and questionnaires is
#   not, when the main terms give no right either.
# custom:
#   id: audit/customer-right
#   severity: error
#   references:
#     - "GDPR art. 28(3)(h) (the processor allows for and contributes to audits and inspections by the controller)"
#     - "DORA (Regulation (EU) 2022/2554) art. 30(3)(e) (rights of access, inspection and audit)"
#     - CUAD "Audit Rights"
#   remediation: >-
#     Ask for a right to audit or inspect the vendor, by the buyer or an independent auditor it
#     appoints, on reasonable notice, at least once a year and after an incident, with the
#     vendor's cooperation; a recent independent audit report (ISO 27001, ISAE 3402/SOC 2) may
#     stand in for a routine audit.
package termlint.rules.audit.customer_right

import data.termlint.lib
import data.termlint.lib.deal

audit := input.audit

dpa_audits := deal.dpa.audits

# dpa_right: the processor agreement lets the buyer audit, including inspections.
dpa_right if dpa_audits.audits == "inspections"

deny contains lib.finding(
	"the document gives the buyer no right to audit or inspect the vendor; the playbook expects one",
	["audit"],
) if {
	not dpa_right
	not deal.missing("dpa")
	lib.absent(audit)
	not lib.unclear(["audit"])
}

deny contains lib.finding(msg, ["audit", "customer_right"]) if {
	not dpa_right
	not deal.missing("dpa")
	audit.customer_right == false
	msg := sprintf("the buyer has no right to audit or inspect the vendor%s; the playbook expects one", [licence_audit])
	not lib.unclear(["audit", "customer_right"])
}

deny contains lib.finding(
	concat("", [
		"the processor agreement lets the buyer audit only through the vendor's own reports and questionnaires, ",
		"not by inspections of its own; the playbook expects a right to audit or inspect",
	]),
	["dpa", "audits", "audits"],
) if {
	dpa_audits.audits == "reports_only"
	not audit.customer_right == true
	not lib.unclear(["dpa", "audits", "audits"])
}

# A processor agreement the deal refers to but does not provide must let the buyer audit and
# inspect the processing (GDPR art. 28(3)(h)): terms silent on audits settle nothing until a person
# has read it.
unknown contains lib.finding(msg, ["audit"]) if {
	deal.missing("dpa")
	no_right_in_terms
	msg := sprintf(
		concat("", [
			"the terms give the buyer no right to audit or inspect the vendor%s, but the processor agreement ",
			"referred to%s %s; it must provide for audits and inspections of the processing ",
			"(GDPR art. 28(3)(h)), so a person must check what it gives",
		]),
		[licence_audit, deal.reference("dpa"), deal.missing_words("dpa")],
	)
}

unknown contains lib.finding("audit rights have not been encoded", []) if {
	not dpa_right
	not audit
}

unknown contains lib.finding(lib.reason(audit, "the audit clause"), ["audit"]) if {
	not dpa_right
	lib.ambiguous(audit)
}

unknown contains lib.finding("whether the buyer may audit the vendor has not been encoded", ["audit"]) if {
	not dpa_right
	lib.stated(audit)
	not has_right(audit)
}

has_right(a) if _ = a.customer_right

# no_right_in_terms: the main terms give the buyer no audit right.
no_right_in_terms if lib.absent(audit)

no_right_in_terms if audit.customer_right == false

# licence_audit points out the one-sidedness when only the vendor may audit.
licence_audit := " (only the vendor may audit the buyer)" if audit.vendor_audits_customer == true

else := ""
