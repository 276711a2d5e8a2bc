# METADATA
# title: DORA minimum content of an ICT services contract
# description: >-
#   For buyers that are financial entities (profile financial-entity), the contract must hold the
#   DORA art. 30 minimum content this playbook checks: written service levels with a quantified
#   level, the locations where data is processed with notice before they change, assistance when
#   an ICT incident occurs, rights of access, inspection and audit for the buyer and for the
#   supervisory authority, and an exit strategy with a transition period. Not applicable unless
#   the profile turns the check on. A service level that is only a target counts here as a level
#   (sla/binding judges whether it binds). Where the contract model has no field for an element
#   (incident assistance, the transition period), the answer is unknown and a person must check.
# custom:
#   id: dora/minimum-content
#   severity: error
#   references:
#     - "DORA (Regulation (EU) 2022/2554) art. 30(2)(b) (locations of services and data, notice of changes)"
#     - DORA art. 30(2)(e) and 30(3)(a) (service level descriptions with precise quantitative targets)
#     - DORA art. 30(2)(f) (assistance when an ICT incident occurs, at no extra cost or at a cost set in advance)
#     - DORA art. 30(3)(e) (unrestricted rights of access, inspection and audit, also for the competent authority)
#     - DORA art. 30(3)(f) (exit strategies, in particular a mandatory adequate transition period)
#   remediation: >-
#     Add a DORA addendum to the contract: an attached SLA with quantified levels, the countries
#     where services are provided and data processed with prior notice of any change, incident
#     assistance at no extra cost or at a price agreed in advance, unrestricted audit and access
#     rights for the buyer, its auditors and the supervisory authority, and an exit plan under
#     which the vendor keeps providing the service during a transition period.
package termlint.rules.dora.minimum_content

import data.termlint.lib

params := data.termlint.params.dora.minimum_content

default applies := false

applies if params.enabled == true

sla := input.sla

dp := input.data_protection

loc := dp.data_location

audit := input.audit

exit := input.exit

ma := exit.migration_assistance

# === Failures, article by article ===========================================================

# --- Written service levels with a quantified level (art. 30(2)(e), 30(3)(a)).

deny contains lib.finding(
	concat("", [
		"the document gives no service levels; DORA art. 30(2)(e) and 30(3)(a) require written service level descriptions ",
		"with quantitative targets",
	]),
	["sla"],
) if {
	lib.absent(sla)
	not lib.unclear(["sla"])
}

deny contains lib.finding(
	concat("", [
		"the document states that there are no service levels; DORA art. 30(2)(e) and 30(3)(a) require written service ",
		"level descriptions with quantitative targets",
	]),
	["sla", "location"],
) if {
	sla.location == "none"
	not lib.unclear(["sla", "location"])
}

# --- Locations of data processing, with notice before they change (art. 30(2)(b)).

deny contains lib.finding(
	concat("", [
		"the document says nothing on data or where it is processed; DORA art. 30(2)(b) requires the locations and notice ",
		"before they change",
	]),
	["data_protection"],
) if {
	lib.absent(dp)
	not lib.unclear(["data_protection"])
}

deny contains lib.finding(
	concat("", [
		"the document does not say where data is stored and processed; DORA art. 30(2)(b) requires the locations and ",
		"notice before they change",
	]),
	["data_protection", "data_location"],
) if {
	lib.absent(loc)
	not lib.unclear(["data_protection", "data_location"])
}

deny contains lib.finding(
	concat("", [
		"the document does not say where data is stored and processed; DORA art. 30(2)(b) requires the locations and ",
		"notice before they change",
	]),
	["data_protection", "data_location", "value"],
) if {
	loc.value == "not_stated"
	not lib.unclear(["data_protection", "data_location", "value"])
}

deny contains lib.finding(
	concat("", [
		"the vendor need not give notice before it changes where data is processed; DORA art. 30(2)(b) requires notice in ",
		"advance",
	]),
	["data_protection", "data_location", "change_notice"],
) if {
	loc.change_notice == false
	not lib.unclear(["data_protection", "data_location", "change_notice"])
}

# --- Access, inspection and audit for the buyer and the authority (art. 30(3)(e)).

deny contains lib.finding(
	concat("", [
		"the document gives no rights of access, inspection or audit; DORA art. 30(3)(e) requires them for the buyer and ",
		"the supervisory authority",
	]),
	["audit"],
) if {
	lib.absent(audit)
	not lib.unclear(["audit"])
}

deny contains lib.finding(
	"the buyer has no right to audit or inspect the vendor; DORA art. 30(3)(e) requires one",
	["audit", "customer_right"],
) if {
	audit.customer_right == false
	not lib.unclear(["audit", "customer_right"])
}

deny contains lib.finding(
	"the supervisory authority has no right of access, inspection or audit; DORA art. 30(3)(e) requires one",
	["audit", "authority_access"],
) if {
	audit.authority_access == false
	not lib.unclear(["audit", "authority_access"])
}

# --- Exit strategy with a transition period (art. 30(3)(f)).

deny contains lib.finding(
	"the document has no exit provisions; DORA art. 30(3)(f) requires an exit strategy with a transition period",
	["exit"],
) if {
	lib.absent(exit)
	not lib.unclear(["exit"])
}

deny contains lib.finding(
	concat("", [
		"the vendor gives no assistance with the transition at exit; DORA art. 30(3)(f) requires an exit strategy with a ",
		"transition period",
	]),
	["exit", "migration_assistance"],
) if {
	lib.absent(ma)
	not lib.unclear(["exit", "migration_assistance"])
}

deny contains lib.finding(
	concat("", [
		"the vendor gives no assistance with the transition at exit; DORA art. 30(3)(f) requires an exit strategy with a ",
		"transition period",
	]),
	["exit", "migration_assistance", "available"],
) if {
	ma.available == false
	not lib.unclear(["exit", "migration_assistance", "available"])
}

# === Unknowns, article by article ===========================================================

# --- Written service levels with a quantified level (art. 30(2)(e), 30(3)(a)).

unknown contains lib.finding("service levels have not been encoded", []) if not sla

unknown contains lib.finding(lib.reason(sla, "the service levels"), ["sla"]) if lib.ambiguous(sla)

unknown contains lib.finding(msg, ["sla"]) if {
	lib.stated(sla)
	not sla.location == "none"
	not sla.availability_pct
	msg := sla_gap
}

# --- Locations of data processing, with notice before they change (art. 30(2)(b)).

unknown contains lib.finding("data protection has not been encoded", []) if not dp

unknown contains lib.finding(lib.reason(dp, "data protection"), ["data_protection"]) if lib.ambiguous(dp)

unknown contains lib.finding("the location of data processing has not been encoded", ["data_protection"]) if {
	lib.stated(dp)
	not loc
}

unknown contains lib.finding(
	lib.reason(loc, "the location of data processing"),
	["data_protection", "data_location"],
) if {
	lib.ambiguous(loc)
}

unknown contains lib.finding(
	"the region where data is processed has not been encoded",
	["data_protection", "data_location"],
) if {
	lib.stated(loc)
	not loc.value
}

unknown contains lib.finding(
	"whether the vendor gives notice before it changes the location of data has not been encoded",
	["data_protection", "data_location"],
) if {
	lib.stated(loc)
	not lib.has_key(loc, "change_notice")
}

# --- Assistance when an ICT incident occurs (art. 30(2)(f)).

# The contract model has no field for it: a person must check.
unknown contains lib.finding(
	concat("", [
		"the contract model has no field for assistance with ICT incidents (DORA art. 30(2)(f)); check the document by ",
		"hand (data_protection.breach_notification covers personal data breaches only)",
	]),
	[],
)

# --- Access, inspection and audit for the buyer and the authority (art. 30(3)(e)).

unknown contains lib.finding("audit rights have not been encoded", []) if not audit

unknown contains lib.finding(lib.reason(audit, "the audit clause"), ["audit"]) if lib.ambiguous(audit)

unknown contains lib.finding(msg, ["audit"]) if {
	lib.stated(audit)
	missing := [w |
		some [k, w] in [
			["customer_right", "whether the buyer may audit"],
			["authority_access", "whether the authority has access"],
		]
		not lib.has_key(audit, k)
	]
	count(missing) > 0
	msg := sprintf("%s has not been encoded", [concat(" and ", missing)])
}

# --- Exit strategy with a transition period (art. 30(3)(f)).

unknown contains lib.finding("exit provisions have not been encoded", []) if not exit

unknown contains lib.finding(lib.reason(exit, "the exit provisions"), ["exit"]) if lib.ambiguous(exit)

unknown contains lib.finding("assistance with migration at exit has not been encoded", ["exit"]) if {
	lib.stated(exit)
	not ma
}

unknown contains lib.finding(lib.reason(ma, "assistance with migration"), ["exit", "migration_assistance"]) if {
	lib.ambiguous(ma)
}

unknown contains lib.finding(
	"whether the vendor assists with migration has not been encoded",
	["exit", "migration_assistance"],
) if {
	lib.stated(ma)
	not lib.has_key(ma, "available")
}

# The model records migration assistance, not a period during which the vendor keeps providing
# the service: a person must check.
unknown contains lib.finding(
	concat("", [
		"the contract model has no field for a transition period during which the vendor keeps providing the service (DORA ",
		"art. 30(3)(f)); check the document by hand",
	]),
	["exit"],
) if {
	ma.available == true
}

# === Messages ================================================================================

sla_gap := concat("", [
	"the service levels are in a separate SLA that has not been encoded; DORA art. 30(3)(a) requires quantitative ",
	"targets",
]) if {
	sla.location == "separate"
}

else := "no quantified service level has been encoded; DORA art. 30(3)(a) requires quantitative targets"
