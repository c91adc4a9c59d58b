"""Demo content for newcomers and reviewers. Every step is idempotent."""

from demo import accounts, articles, home, providers, safety, translations

# Providers before articles, so that articles' directory links resolve; accounts after the
# people they belong to.
STEPS = [safety.load, providers.load, articles.load, home.load, translations.load, accounts.load]


def load_demo_content() -> list[str]:
    summary: list[str] = []
    for step in STEPS:
        summary.extend(step())
    return summary
