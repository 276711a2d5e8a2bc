# METADATA
# title: termlint helper library, data protection
# description: How messages word the vendor's role under the GDPR. Not a rule itself.
package termlint.lib.gdpr

import data.termlint.lib

# presumed: the terms do not state the vendor's role under the GDPR, yet it handles the buyer's data;
# the rules treat it as processor (GDPR art. 4(8)), and their messages must say that this is a
# presumption, not what the document says.
presumed(dp) if dp.role.value == "not_stated"

# presumption: the sentence that says so, with its reason and the clauses it rests on.
presumption(dp) := sprintf(
	concat("", [
		"the terms do not state the vendor's role under the GDPR; treated as processor because it ",
		"handles the buyer's data in providing the service%s",
	]),
	[lib.arts_note(dp.role.src)],
)

# presumed_prefix opens a message with the presumption ("...: ") when the role is not stated; ""
# when the terms state it.
presumed_prefix(dp) := sprintf("%s: ", [presumption(dp)]) if presumed(dp)

else := ""
