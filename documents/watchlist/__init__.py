"""A consumer's watchlist (关注商品): products registered by code, matched against warnings and recalls."""
