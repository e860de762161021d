"""warnings"""
