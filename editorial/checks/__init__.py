"""Content checks: problems that block a page's publishing (errors) or deserve a look (warnings).

Each page model's checks are registered in core.rules (editorial/apps.py); ask
`core.rules.check_page` for any page.
"""
