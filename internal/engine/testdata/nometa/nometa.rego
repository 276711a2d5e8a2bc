package termlint.rules.test.nometa

deny contains {"msg": "x", "path": []} if input.liability
