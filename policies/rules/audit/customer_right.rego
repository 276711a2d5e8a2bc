# METADATA
# title: The buyer has audit rights
# description: >-
#   The buyer must have a right to audit or inspect the vendor's performance (its security, its
#   processing of the buyer's data), itself or through an auditor it appoints. A document that is
#   silent on audits fails: without a contractual right the buyer cannot verify the vendor. A right
#   of the vendor to audit the buyer (licence audit) does not count.
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

audit := input.audit

deny contains lib.finding(
	"the document gives the buyer no right to audit or inspect the vendor; the playbook expects one",
	["audit"],
) if {
	lib.absent(audit)
}

deny contains lib.finding(msg, ["audit", "customer_right"]) if {
	audit.customer_right == false
	msg := sprintf("the buyer has no right to audit or inspect the vendor%s; the playbook expects one", [licence_audit])
}

# licence_audit points out the one-sidedness when only the vendor may audit.
licence_audit := " (only the vendor may audit the buyer)" if audit.vendor_audits_customer == true

else := ""

unknown contains lib.finding("audit rights have not been encoded", []) if not audit

unknown contains lib.finding(lib.reason(audit, "the audit clause"), ["audit"]) if lib.ambiguous(audit)

unknown contains lib.finding("whether the buyer may audit the vendor has not been encoded", ["audit"]) if {
	lib.stated(audit)
	not has_right(audit)
}

has_right(a) if _ = a.customer_right
