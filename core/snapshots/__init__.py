"""Publication snapshots: what readers get of each live page, rendered once at publish.

A page's live revision passes the gate (core.rules) and is rendered by its page type's builder
for the readers of each locale whose fallback chain reaches it; the API then serves the stored
body in one or two queries. Nothing on the read path decodes StreamFields or page rows. See
docs/architecture.md, "An editor's publish".
"""
