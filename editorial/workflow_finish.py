"""WAGTAIL_FINISH_WORKFLOW_ACTION, which Wagtail imports while it defines its own models.

So this module imports nothing at load time; the work is in editorial.publishing.
"""


def publish_approved_workflow_state(workflow_state, user=None) -> None:
    """What a finished workflow does: publish what its steps approved, rules checked."""
    from editorial.publishing import publish_approved

    publish_approved(workflow_state, user=user)
