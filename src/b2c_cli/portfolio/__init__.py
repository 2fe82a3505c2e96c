"""`b2c portfolio ROOT`: every partnership under ROOT in one organisation-level view (ESRS S3/S4)."""
