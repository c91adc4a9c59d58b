"""The JSON body of a webhook: what changed, and which front-end paths and locales to revalidate."""

from core.events import ContentChange


def payload_for(change: ContentChange) -> dict:
    return {
        "id": change.id,
        "event": change.event,
        "occurred_at": change.occurred_at.isoformat(),
        "paths": change.paths,
        "locales": change.locales,
        "pages": [
            {"id": page.id, "locale": page.locale, "path": page.path, "page_type": page.page_type}
            for page in change.pages
        ],
        "tags": sorted(change.tags),
    }
