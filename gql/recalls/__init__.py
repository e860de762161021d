"""recalls"""
