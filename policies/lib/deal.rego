# METADATA
# title: termlint deal helpers
# description: >-
#   What the deal provides: the status of each document by its role, where a document the deal
#   lacks is referred to, and the processor agreement's facts. Not a rule itself.
package termlint.lib.deal

import data.termlint.lib

# info is the deal file's deal: mapping. A contract checked alone has none. It is read with
# object.get because the contract schema, which types input, does not describe the deal mapping.
info := object.get(input, "deal", {})

documents := [d | some d in object.get(info, "documents", [])]

# statuses of the documents of one role; a document given by its file is provided.
statuses(role) := {object.get(d, "status", "provided") | some d in documents; d.role == role}

# status of the deal's document of a role: "provided", "on_request", "not_provided", or
# "not_in_deal" when there is no deal or it lists no document of that role. Where several
# documents share a role, one provided is enough.
status(role) := strongest[min({i | some i, s in strongest; s in statuses(role)})] if count(statuses(role)) > 0

else := "not_in_deal"

# strongest first: the status a role has when its documents differ.
strongest := ["provided", "on_request", "not_provided"]

# provides: the deal has the document of that role.
provides(role) if status(role) == "provided"

# missing: the deal names a document of that role that the buyer does not have.
missing(role) if status(role) in {"on_request", "not_provided"}

# reference words where the deal says a missing document is referred to, to follow a noun:
# " in art. 13 of the general terms"; "" when the deal does not say.
reference(role) := refs(role)[0] if count(refs(role)) > 0

else := ""

# refs are the clauses that refer to the documents of a role, in the deal's order: a deal may list
# two (terms that name the processor agreement in two articles), and the first is cited.
refs(role) := [ref |
	some d in documents
	d.role == role
	d.src.art
	ref := ref_words(d)
]

ref_words(d) := sprintf(" in art. %s of the %s", [d.src.art, lib.role_words(d.referenced_in)]) if d.referenced_in

else := sprintf(" in art. %s", [d.src.art])

missing_words(role) := "is available only on request" if status(role) == "on_request"

else := "is not provided"

# dpa is the processor agreement's content when the deal has it encoded (input.dpa). termlint
# merges it as the only document with a dpa group; how it ranks against the main terms' own
# data-protection clauses (another path) is for the rule to weigh, with prevails_over_terms.
dpa := input.dpa if lib.stated(input.dpa)

# prevails_over_terms: a precedence entry of the deal makes the document of this role prevail over
# the main terms (general terms or master agreement). Any scope counts: a processor agreement's
# precedence clause is about personal data, which is what the rules that ask are about.
prevails_over_terms(role) if {
	some p in object.get(info, "precedence", [])
	names(p.prevails, role)
	some o in p.over
	some main in {"general_terms", "msa"}
	names(o, main)
}

# names: a name in the deal file (an id, or a role only one document has) stands for a document of
# this role.
names(name, role) if {
	some d in documents
	d.role == role
	name in {object.get(d, "id", role), role}
}
