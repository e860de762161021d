"""Enterprises and their customs credit (GACC Decree No. 282)."""
