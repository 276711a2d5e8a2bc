# METADATA
# title: Governing law is stated
# custom:
#   id: custom/law-stated
#   severity: warning
package termlint.rules.custom.law_stated

import data.termlint.lib

deny contains lib.finding("governing law is not stated", ["governing_law"]) if lib.absent(input.governing_law)

unknown contains lib.finding("governing law not encoded", []) if not input.governing_law
