# METADATA
# title: Fixed liability caps are at least EUR 250,000
# description: >-
#   Acme's procurement policy: where the vendor caps its liability at a fixed amount, the amount
#   must be at least the floor in params (acme.cap_floor.min_eur). Fee-based caps are left to the
#   default playbook's liability/cap-minimum rule.
# custom:
#   id: acme/cap-floor
#   severity: warning
#   references:
#     - Acme procurement policy 4.2 (minimum insurance-backed liability)
#   remediation: Ask for a fixed cap of at least EUR 250,000, or a cap of twelve months of fees if higher.
package termlint.rules.acme.cap_floor

import data.termlint.lib

params := data.termlint.params.acme.cap_floor

# Only caps with a fixed amount in euros are judged here.
fixed_caps contains [i, cap] if {
	some i, cap in lib.list(input.liability.caps)
	cap.ceiling.currency == "EUR"
}

default applies := false

applies if count(fixed_caps) > 0

deny contains lib.finding(msg, ["liability", "caps", i, "ceiling"]) if {
	some [i, cap] in fixed_caps
	cap.ceiling.amount < params.min_eur
	msg := sprintf(
		"the liability cap is EUR %v; Acme's policy asks for at least EUR %v",
		[cap.ceiling.amount, params.min_eur],
	)
}

unknown contains lib.finding(lib.reason(cap, "this cap"), ["liability", "caps", i]) if {
	some [i, cap] in fixed_caps
	lib.ambiguous(cap)
}
