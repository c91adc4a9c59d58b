"""Demo content for newcomers and reviewers. Every step is idempotent."""

from demo import safety

STEPS = [safety.load]


def load_demo_content() -> list[str]:
    summary: list[str] = []
    for step in STEPS:
        summary.extend(step())
    return summary
