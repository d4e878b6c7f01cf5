"""Jurisdiction plugin: a bureau Party committee (局委员会议事规则; a 党委 of 委员).

The rules are a table (`rules.TABLE`) the core interprets (`core.rules.table`); the source text
is `source.txt`. Found through the entry point
`bureau_committee = "plugins.bureau_committee:plugin"`.
"""

from core.rules.table import TablePlugin
from plugins.bureau_committee.rules import TABLE

plugin = TablePlugin(TABLE, __file__)
