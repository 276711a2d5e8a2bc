# METADATA
# title: Drafting defects noted by the encoder
# description: >-
#   Surfaces each drafting defect that the person encoding the document recorded in
#   drafting_notes (wrong cross-references, words and figures that disagree, undefined terms,
#   clauses that contradict each other), one warning per note, with the note as message. Passes
#   when no defect was recorded; the rule needs no other fact, so it is never unknown.
# custom:
#   id: drafting/notes
#   severity: warning
#   references:
#     - Drafting quality
#   remediation: >-
#     Ask the vendor to correct the defects before signing, or to confirm in writing how the
#     clauses concerned are to be read.
package termlint.rules.drafting.notes

import data.termlint.lib

deny contains lib.finding(trim_space(n.note), ["drafting_notes", i]) if {
	some i, n in input.drafting_notes
}
