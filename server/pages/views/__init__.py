"""The page views, one module per kind of page; each registers itself on pages.bp."""
