# METADATA
# title: No termination for convenience for the vendor alone
# description: >-
#   The vendor may not have a right to end the contract (or an order) without a reason unless the
#   buyer has the same right, on a notice no longer than the vendor's. A contract in which the vendor
#   has no right to terminate for convenience passes. Only termination_rights count as the buyer's
#   right: a term that the buyer may end early by paying the rest of it is not a convenience right.
# custom:
#   id: term/one-sided-convenience
#   severity: error
#   references:
#     - "BE Code of Economic Law art. VI.91/5 (grey list of clauses presumed unfair between businesses) (to confirm)"
#     - DORA art. 30(2)(h) (termination rights and minimum notice periods in ICT contracts)
#   remediation: >-
#     Ask the vendor to strike its right to terminate for convenience, or to make it mutual with the
#     same notice for the buyer; at the least, have running orders continue until their end and a
#     notice long enough to migrate (with exit assistance).
package termlint.rules.term.one_sided_convenience

import data.termlint.lib

rights := lib.list(input.termination_rights)

buyer_parties := {"customer", "both"}

# convenience lists the stated termination rights without a reason, by index.
convenience contains i if {
	some i, r in rights
	lib.stated(r)
	"convenience" in r.grounds
}

vendor_rights contains i if {
	some i in convenience
	rights[i].party == "vendor"
}

buyer_rights contains i if {
	some i in convenience
	rights[i].party in buyer_parties
}

# covering(i): the buyer's rights without a reason that reach as far as the vendor's right i: one
# for the whole contract, or for the same services. A buyer's right limited to other services
# (applies_to) does not make the vendor's right mutual.
covering(i) := {j |
	some j in buyer_rights
	covers(rights[j], rights[i])
}

covers(b, _) if not b.applies_to

covers(b, v) if b.applies_to == v.applies_to

notice_text(r) := " and without notice" if r.notice.text == "none"

else := sprintf(" on notice of %s", [lib.duration_words(r.notice)]) if r.notice

else := ""

deny contains lib.finding(msg, ["termination_rights", i]) if {
	some i in vendor_rights
	count(buyer_rights) == 0
	msg := sprintf(
		concat("", [
			"the vendor may end the contract%s without giving a reason%s, and the buyer has no such right; the playbook ",
			"expects the right to be mutual or struck",
		]),
		[lib.applies_to_note(rights[i]), notice_text(rights[i])],
	)
	not lib.unclear(["termination_rights", i])
}

deny contains lib.finding(msg, ["termination_rights", i]) if {
	some i in vendor_rights
	count(covering(i)) > 0
	vendor := rights[i]
	every j in covering(i) {
		lib.days(rights[j].notice) > lib.days(vendor.notice)
	}
	shortest := min({lib.days(rights[j].notice) | some j in covering(i)})
	msg := sprintf(
		concat("", [
			"the vendor may end the contract%s without giving a reason%s, but the buyer's own right needs longer notice (%v ",
			"days); the playbook expects the same terms for both",
		]),
		[lib.applies_to_note(vendor), notice_text(vendor), shortest],
	)
	not lib.unclear(["termination_rights", i])
}

unknown contains lib.finding("termination rights have not been encoded", []) if not input.termination_rights

unknown contains lib.finding(
	lib.reason(input.termination_rights, "the termination rights"),
	["termination_rights"],
) if {
	lib.ambiguous(input.termination_rights)
}

# An unclear right matters here only if it may be a right to terminate without a reason.
unknown contains lib.finding(lib.reason(r, "this termination right"), ["termination_rights", i]) if {
	some i, r in rights
	lib.ambiguous(r)
	may_be_convenience(r)
}

# The buyer has a right without a reason, but only for other services than the vendor's right:
# whether the two match is for a person to judge from the descriptions.
unknown contains lib.finding(msg, ["termination_rights", i]) if {
	some i in vendor_rights
	count(buyer_rights) > 0
	count(covering(i)) == 0
	msg := sprintf(
		"the vendor may end the contract%s without giving a reason; the buyer's own right to do so applies only to %s",
		[lib.applies_to_note(rights[i]), concat(" and ", sort({rights[j].applies_to | some j in buyer_rights}))],
	)
}

unknown contains lib.finding(
	"a right to terminate without a reason is encoded without saying which party holds it",
	["termination_rights", i],
) if {
	some i in convenience
	not rights[i].party
}

may_be_convenience(r) if "convenience" in r.grounds

may_be_convenience(r) if not r.grounds
