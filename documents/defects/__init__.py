"""Defect reports (缺陷报告): a risk-information source that a regulator assesses and that can lead to a recall."""
