"""Products by code (商品编码索引): GTINs and trace codes a consumer can scan, and what is known about them."""
