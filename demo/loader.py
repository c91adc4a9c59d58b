"""Demo content for newcomers and reviewers. Every step is idempotent."""

from collections.abc import Callable

from demo import accounts, articles, home, providers, safety, translations

# Safety information first (no article goes live without crisis lines); providers before
# articles, so that articles' directory links resolve; the accounts after the people they belong
# to and before the articles, which the demo writer, reviewer and editor take through the review.
STEPS = [
    safety.load,
    providers.load,
    articles.load_people_and_topics,
    accounts.load,
    articles.load,
    home.load,
    translations.load,
]


def load_demo_content(through: Callable[[], list[str]] | None = None) -> list[str]:
    """Every step, or the steps up to and including `through` (e.g. `articles.load`)."""
    steps = STEPS[: STEPS.index(through) + 1] if through else STEPS
    summary: list[str] = []
    for step in steps:
        summary.extend(step())
    return summary
