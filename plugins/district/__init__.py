"""Jurisdiction plugin: a district government Party group (区政府党组会议议事规则).

The rules are a table (`rules.TABLE`) the core interprets (`core.rules.table`); the source text
is `source.txt`. Found through the entry point `district = "plugins.district:plugin"`.
"""

from core.rules.table import TablePlugin
from plugins.district.rules import TABLE

plugin = TablePlugin(TABLE, __file__)
