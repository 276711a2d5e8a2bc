# METADATA
# title: Confidentiality, and any penalty for breaching it, binds both parties
# description: >-
#   Confidentiality must bind the vendor as well as the buyer, and a contractual penalty for a
#   breach of confidentiality, if there is one, must bind both parties alike (or the vendor alone).
#   A clause binding only the buyer, a penalty payable only by the buyer, or a document with no
#   confidentiality clause at all (the vendor then owes the buyer no contractual confidentiality)
#   does not meet the playbook.
# custom:
#   id: confidentiality/mutual
#   severity: warning
#   references:
#     - "BE Code of Economic Law art. VI.91/3 (a clause creating a clear imbalance between the parties' rights and
#       obligations)"
#     - "BE Code of Economic Law art. VI.91/5 (grey list: damages payable by the buyer that are clearly
#       disproportionate)"
#   remediation: >-
#     Make the confidentiality clause mutual, covering the buyer's data and information held by the
#     vendor, for the term and a reasonable period after it; make any penalty reciprocal and
#     proportionate, or replace it with proven damage.
package termlint.rules.confidentiality.mutual

import data.termlint.lib

conf := input.confidentiality

pen := conf.penalty

deny contains lib.finding(
	concat("", [
		"the document has no confidentiality clause: the vendor is not bound to keep the buyer's information confidential; ",
		"the playbook requires confidentiality binding both parties",
	]),
	["confidentiality"],
) if {
	lib.absent(conf)
	not lib.unclear(["confidentiality"])
}

deny contains lib.finding(
	concat("", [
		"only the buyer is bound to confidentiality; the vendor takes on no duty to keep the buyer's information ",
		"confidential, and the playbook requires confidentiality binding both parties",
	]),
	["confidentiality", "binds"],
) if {
	conf.binds == "customer"
	not lib.unclear(["confidentiality", "binds"])
}

deny contains lib.finding(msg, ["confidentiality", "penalty", "payable_by"]) if {
	pen.payable_by == "customer"
	msg := sprintf(
		concat("", [
			"a penalty%s%s for breach of confidentiality is payable by the buyer alone; the playbook accepts a penalty only ",
			"if it binds both parties",
		]),
		[amount_words, per_words],
	)
	not lib.unclear(["confidentiality", "penalty", "payable_by"])
}

unknown contains lib.finding("confidentiality has not been encoded", []) if not conf

unknown contains lib.finding(lib.reason(conf, "confidentiality"), ["confidentiality"]) if lib.ambiguous(conf)

unknown contains lib.finding(
	"the confidentiality clause is recorded without saying whom it binds",
	["confidentiality"],
) if {
	lib.stated(conf)
	not conf.binds
}

unknown contains lib.finding("whether confidentiality carries a penalty has not been encoded", ["confidentiality"]) if {
	lib.stated(conf)
	not pen
}

unknown contains lib.finding(
	lib.reason(pen, "the confidentiality penalty"),
	["confidentiality", "penalty"],
) if lib.ambiguous(pen)

unknown contains lib.finding(
	"the confidentiality penalty is recorded without saying who pays it",
	["confidentiality", "penalty"],
) if {
	lib.stated(pen)
	not pen.payable_by
}

amount_words := sprintf(" of %s", [lib.money(pen.amount.currency, pen.amount.amount)]) if pen.amount

else := ""

per_words := sprintf(" (%s)", [pen.per]) if pen.per

else := ""
