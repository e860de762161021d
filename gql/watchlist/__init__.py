"""watchlist"""
