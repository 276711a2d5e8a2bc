# METADATA
# title: The vendor indemnifies against IP claims, not capped below the general cap
# description: >-
#   The vendor must indemnify the buyer against third-party claims that the service infringes
#   intellectual property (an indemnity of the vendor in indemnities covering ip_infringement, or
#   ip.infringement_indemnity), and that indemnity may not be capped below the general cap. It
#   passes when the indemnity is uncapped (cap uncapped, or a carve-out of kind indemnity or
#   ip_infringement lifts the cap it names), limited by a cap whose tier is in params (the general
#   cap, or an increased super-cap), or when the clause names no cap of its own (the general cap
#   then presumably applies). It fails when there is no such indemnity (including Covered Claims
#   a cover page leaves undefined) or when a reduced cap limits it.
# custom:
#   id: liability/ip-indemnity-cap
#   severity: error
#   references:
#     - Buyer policy
#     - CUAD "Uncapped Liability", "Ip Ownership Assignment"
#   remediation: >-
#     Ask the vendor to indemnify, defend and hold the buyer harmless against third-party claims that
#     the service infringes intellectual property, uncapped or at least up to the general cap
#     (a super-cap is better), with the right to continue using the service, a modified version, or a
#     refund.
package termlint.rules.liability.ip_indemnity_cap

import data.termlint.lib
import data.termlint.lib.liability

params := data.termlint.params.liability.ip_indemnity_cap

inds := input.indemnities

ip := input.ip

# The vendor's indemnities that cover IP claims, with their index.
vendor_ip[i] := ind if {
	some i, ind in lib.list(inds)
	lib.stated(ind)
	ind.party in {"vendor", "both"}
	not lib.ambiguous(ind.covered)
	"ip_infringement" in ind.covered.claims
}

# An indemnity item, or its covered claims, that a person must read before anything is decided.
unclear contains lib.finding(lib.reason(inds, "the indemnities"), ["indemnities"]) if lib.ambiguous(inds)

unclear contains lib.finding(lib.reason(ind, sprintf("indemnity no. %d", [i + 1])), ["indemnities", i]) if {
	some i, ind in lib.list(inds)
	lib.ambiguous(ind)
}

unclear contains lib.finding(msg, ["indemnities", i, "covered"]) if {
	some i, ind in lib.list(inds)
	ind.party in {"vendor", "both"}
	lib.ambiguous(ind.covered)
	msg := lib.reason(ind.covered, "the claims the vendor's indemnity covers")
}

# The short form decides only when no indemnity is listed.
unclear contains lib.finding(lib.reason(ip, "the intellectual-property clause"), ["ip"]) if {
	not listed
	lib.ambiguous(ip)
}

unclear contains lib.finding("the indemnities (or ip.infringement_indemnity) have not been encoded", []) if {
	not inds
	not ip
}

unclear contains lib.finding("whether the vendor indemnifies against IP claims has not been encoded", ["ip"]) if {
	not inds
	lib.stated(ip)
	not lib.has_key(ip, "infringement_indemnity")
}

listed if is_array(inds)

has_indemnity if count(vendor_ip) > 0

# An intellectual-property clause marked ambiguous establishes nothing, whatever it records.
has_indemnity if {
	ip.infringement_indemnity == true
	not lib.ambiguous(ip)
}

deny contains lib.finding(msg, path) if {
	not has_indemnity
	count(unclear) == 0
	path := no_indemnity_path
	not lib.unclear(path)
	msg := concat("", [
		"the vendor does not indemnify the buyer against third-party claims that the service infringes intellectual ",
		"property; the playbook expects such an indemnity, not capped below the general cap",
	])
}

deny contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	not lib.unclear(["indemnities", i])
	not lib.ambiguous(liability.section)
	c := caps_by_id[ind.cap]
	not liability.lifted(lifted_ids, ind.cap)
	c.tier
	not c.tier in params.accepted_tiers
	msg := sprintf(
		concat("", [
			"the vendor's IP indemnity is limited by the %s cap %s%s, below the general cap; the playbook expects it ",
			"uncapped or capped at least at the general cap",
		]),
		[lib.label(c.tier), cap_words(c), lib.applies_to_note(c)],
	)
}

# A cap not recorded as general, increased or reduced, where no cap is: judged by its amount
# against the vendor's other caps.
deny contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	not lib.unclear(["indemnities", i])
	not lib.ambiguous(liability.section)
	c := untiered_cap(ind)
	some g in other_caps(c)
	liability.cap_lower(c, g)
	msg := sprintf(
		concat("", [
			"the vendor's IP indemnity is limited by the cap %s (%s), lower than the cap %s (%s); the playbook ",
			"expects it uncapped or capped at least at the general cap",
		]),
		[cap_words(c), liability.amount_words(c), cap_words(g), liability.amount_words(g)],
	)
}

no_indemnity_path := ["indemnities"] if inds

else := ["ip"]

# --- The cap on an indemnity ------------------------------------------------------------------

lifted_ids := liability.lifts({"indemnity", "ip_infringement"})

caps_by_id[c.id] := c if {
	some c in lib.list(liability.caps)
	c.id
}

unknown contains f if {
	some f in unclear
	not has_indemnity
}

# An indemnity limited to some of what the vendor supplies (on-premise software only) may leave the
# service the buyer uses uncovered: only a person can tell.
unknown contains lib.finding(msg, ["indemnities", i]) if {
	some i, ind in vendor_ip
	ind.applies_to
	count([j | some j, other in vendor_ip; not other.applies_to]) == 0
	msg := sprintf(
		"the vendor's IP indemnity covers only %s; whether it covers what the buyer uses is for a person to check",
		[ind.applies_to],
	)
}

# A liability section marked unclear may cap the indemnity lower, or lift no cap, whatever its caps
# and carve-outs record: an indemnity that names a cap is judged only once a person has read it.
unknown contains lib.finding(msg, ["liability"]) if {
	some ind in vendor_ip
	ind.cap != "uncapped"
	lib.ambiguous(liability.section)
	msg := sprintf("the vendor's IP indemnity is limited by a cap of the liability section: %s", [lib.reason(
		liability.section,
		"the liability section",
	)])
}

unknown contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	c := untiered_cap(ind)
	some g in other_caps(c)
	not liability.comparable(c, g)
	msg := sprintf(
		"the vendor's IP indemnity is limited by the cap %s (%s), which cannot be compared with the cap %s (%s)",
		[cap_words(c), liability.amount_words(c), cap_words(g), liability.amount_words(g)],
	)
}

unknown contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	ind.cap != "uncapped"
	not caps_by_id[ind.cap]
	not liability.lifted(lifted_ids, ind.cap)
	msg := sprintf("the vendor's IP indemnity is limited by the cap %q, which the liability caps do not hold", [ind.cap])
}

unknown contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	c := caps_by_id[ind.cap]
	not liability.lifted(lifted_ids, ind.cap)
	lib.ambiguous(c)
	msg := sprintf("the vendor's IP indemnity is limited by the cap %s: %s", [cap_words(c), lib.reason(c, "that cap")])
}

unknown contains lib.finding(msg, ["indemnities", i, "cap"]) if {
	some i, ind in vendor_ip
	c := caps_by_id[ind.cap]
	not liability.lifted(lifted_ids, ind.cap)
	lib.stated(c)
	not c.tier
	count([x | some x in lib.list(liability.caps); x.tier]) > 0
	msg := sprintf(
		concat("", [
			"the vendor's IP indemnity is limited by the cap %s, which is not recorded as the general, an increased or a ",
			"reduced cap",
		]),
		[cap_words(c)],
	)
}

# untiered_cap: the stated cap an indemnity names, when no cap of the terms records a tier.
untiered_cap(ind) := c if {
	c := caps_by_id[ind.cap]
	not liability.lifted(lifted_ids, ind.cap)
	lib.stated(c)
	count([x | some x in lib.list(liability.caps); x.tier]) == 0
}

# other_caps: the vendor's other stated caps, which the general cap is among.
other_caps(c) := [g |
	some g in lib.list(liability.caps)
	lib.stated(g)
	liability.for_vendor(g)
	object.get(g, "id", "") != c.id
]

# cap_words names a cap by its article, as a lawyer cites it ("in art. 8.1"); by its id only when it
# has no article.
cap_words(g) := sprintf("in %s", [liability.art_words(g)]) if liability.art_words(g)

else := sprintf("%q", [g.id]) if g.id

else := "of the terms"
