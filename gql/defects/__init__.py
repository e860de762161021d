"""defect reports"""
