# METADATA
# title: A processor agreement is in force
# description: >-
#   Where the vendor processes personal data for the buyer as processor, a processor agreement
#   meeting GDPR art. 28(3) must be in force with the contract: incorporated, attached, or signed
#   separately. One available only on request, a standard text on the vendor's website, or none at
#   all does not meet the playbook.
# custom:
#   id: gdpr/processor-agreement
#   severity: error
#   references:
#     - GDPR art. 28(3) (processing governed by a contract with the required content)
#     - GDPR art. 28(9) (the contract in writing, including electronic form)
#   remediation: >-
#     Have the vendor's processor agreement (verwerkersovereenkomst) attached to the contract and
#     signed at the same time, or attach the buyer's own; check it against art. 28(3).
package termlint.rules.gdpr.processor_agreement

import data.termlint.lib

params := data.termlint.params.gdpr.processor_agreement

dp := input.data_protection

processor_roles := {"processor", "both", "not_stated"}

# Not applicable when the document says the vendor is only a controller or processes no
# personal data for the buyer.
default applies := true

applies := false if dp.role.value == "controller"

applies := false if lib.absent(dp)

deny contains lib.finding(msg, ["data_protection", "processor_agreement"]) if {
	dp.role.value in processor_roles
	form := dp.processor_agreement.form
	not form in params.accepted
	msg := sprintf(
		"the processor agreement is %s, not in force with the contract (accepted: %s)",
		[lib.label(form), lib.labels(params.accepted)],
	)
}

deny contains lib.finding(
	"the vendor processes personal data as processor but the document provides no processor agreement",
	["data_protection", "processor_agreement"],
) if {
	dp.role.value in processor_roles
	lib.absent(dp.processor_agreement)
}

unknown contains lib.finding("data protection has not been encoded", []) if not dp

unknown contains lib.finding("the vendor's role under the GDPR has not been encoded", ["data_protection"]) if {
	lib.stated(dp)
	not dp.role
}

unknown contains lib.finding(
	lib.reason(dp.role, "the vendor's GDPR role"),
	["data_protection", "role"],
) if lib.ambiguous(dp.role)

unknown contains lib.finding("the processor agreement has not been encoded", ["data_protection"]) if {
	dp.role.value in processor_roles
	not dp.processor_agreement
}

unknown contains lib.finding(
	lib.reason(dp.processor_agreement, "the processor agreement"),
	["data_protection", "processor_agreement"],
) if {
	lib.ambiguous(dp.processor_agreement)
}
