"""Uploaded photos and evidence files (投诉照片): checked from their bytes, re-encoded without metadata, kept in
GridFS, claimed by a complaint or removed after 24 hours."""
