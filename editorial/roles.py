"""Editorial roles and the article workflow, as groups, permissions and a Wagtail workflow.

- Writers create and edit drafts in the English article and provider sections and submit them
  for review; they cannot publish. They may add topics and services but not change them: a
  change shows on live pages at once, without review.
- Medical reviewers approve or reject the medical-review step (and may correct the article).
- Editors publish, schedule and unpublish in every language, manage people, topics, services
  and safety information, and start translations.
- Translators and translation reviewers belong to one language's groups, "Translators (es)" and
  "Translation reviewers (es)" (editorial/translation_review.py, core/translators.py): they
  translate, publish and review in that language only, and never change the English source.
- Administrators (superusers) keep every permission.

Wagtail grants page permissions on a page and everything below it, so roles are granted on each
section's index page. Indexes that appear later (a new article index, or an index's
translation) are granted by `grant_new_section`, a post_save receiver; the data migration
applies the same functions to what exists. The functions take an app registry so that the
migration can run them with its historical models.
"""

from dataclasses import dataclass

from django.apps import apps as installed_apps
from django.conf import settings

WRITERS = "Writers"
MEDICAL_REVIEWERS = "Medical reviewers"
EDITORS = "Editors"

WORKFLOW_NAME = "Medical review → Editorial approval"
MEDICAL_REVIEW_TASK_NAME = "Medical review"
EDITORIAL_APPROVAL_TASK_NAME = "Editorial approval"

# The sections roles are scoped to: (app label, model) of their index pages.
SECTION_INDEX_MODELS = [("articles", "articleindexpage"), ("providers", "providerindexpage")]
ARTICLE_INDEX_MODEL = ("articles", "articleindexpage")


@dataclass(frozen=True)
class Role:
    group: str
    # Page permission codenames on sections in the source language and in translations.
    source_section: tuple[str, ...] = ()
    translated_section: tuple[str, ...] = ()
    # "app_label.codename" model permissions (snippets, settings, admin access).
    models: tuple[str, ...] = ()
    # "app_label.codename" permissions on the root collection (images and documents).
    collections: tuple[str, ...] = ()


EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")

ROLES = (
    Role(
        WRITERS,
        source_section=("add_page", "change_page"),
        models=(
            "wagtailadmin.access_admin",
            "articles.view_person",
            "articles.view_topic",
            "articles.add_topic",
            "providers.view_service",
            "providers.add_service",
            "articles.view_citationnotice",
            # Not change: renaming a topic or service changes live articles without review.
        ),
        collections=(
            "wagtailimages.add_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.choose_document",
        ),
    ),
    Role(
        MEDICAL_REVIEWERS,
        source_section=("change_page",),
        models=(
            "wagtailadmin.access_admin",
            "articles.view_person",
            "articles.view_topic",
            "providers.view_service",
            "articles.view_citationnotice",
        ),
        collections=("wagtailimages.choose_image", "wagtaildocs.choose_document"),
    ),
    Role(
        EDITORS,
        source_section=EDITOR_PAGE_PERMISSIONS,
        translated_section=EDITOR_PAGE_PERMISSIONS,
        models=(
            "wagtailadmin.access_admin",
            *(
                f"{app}.{action}_{model}"
                for app, model in (
                    ("articles", "person"),
                    ("articles", "topic"),
                    ("providers", "service"),
                    ("core", "safetyinformation"),
                    # Marking a cited paper as retracted or corrected, and resolving it.
                    ("articles", "citationnotice"),
                )
                for action in ("view", "add", "change", "delete")
            ),
            "core.change_safetysettings",
            "wagtail_localize.submit_translation",
        ),
        collections=(
            "wagtailimages.add_image",
            "wagtailimages.change_image",
            "wagtailimages.choose_image",
            "wagtaildocs.add_document",
            "wagtaildocs.change_document",
            "wagtaildocs.choose_document",
        ),
    ),
)


def _permission(apps, dotted: str):
    """The permission `app_label.codename`, created if Django has not made it yet.

    Django creates model permissions after all migrations have run, so a data migration that
    needs them creates them (with the name Django would give).
    """
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    app_label, codename = dotted.split(".")
    action, _, model = codename.partition("_")
    existing = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if existing:
        return existing
    content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
    return Permission.objects.create(
        content_type=content_type, codename=codename, name=f"Can {action} {model}"
    )


def sync_groups(apps=installed_apps) -> None:
    """Create the role groups and give them their model and collection permissions."""
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role.group)
        group.permissions.add(*(_permission(apps, dotted) for dotted in role.models))
        if root_collection is None:
            continue
        for dotted in role.collections:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=_permission(apps, dotted)
            )


def grant_section(page, apps=installed_apps) -> None:
    """Give each role its permissions on a section index page (and so on its pages), and a
    translated section's translators theirs."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    is_source = page.locale.language_code == settings.LANGUAGE_CODE
    for role in ROLES:
        codenames = role.source_section if is_source else role.translated_section
        group = Group.objects.filter(name=role.group).first()
        if group is None or not codenames:
            continue
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page_id=page.pk,
                permission=_permission(apps, f"wagtailcore.{codename}"),
            )
    if not is_source:
        from editorial.translation_review import grant_translators_section

        grant_translators_section(page, apps)


def create_workflow(apps=installed_apps):
    """The workflow every English article goes through: medical review, then editorial approval."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if not created:
        return workflow
    steps = [
        ("medicalreviewtask", MEDICAL_REVIEW_TASK_NAME, MEDICAL_REVIEWERS),
        ("editorialapprovaltask", EDITORIAL_APPROVAL_TASK_NAME, EDITORS),
    ]
    for order, (model_name, task_name, group_name) in enumerate(steps):
        model = apps.get_model("editorial", model_name)
        # Set explicitly: historical models do not run Task.__init__, which would set it.
        content_type, _ = ContentType.objects.get_or_create(app_label="editorial", model=model_name)
        task = model.objects.create(name=task_name, content_type=content_type)
        task.groups.set(Group.objects.filter(name=group_name))
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=order)
    return workflow


def assign_workflow(index_page, apps=installed_apps) -> None:
    """Send the articles under an English article index through the review workflow."""
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    if index_page.locale.language_code != settings.LANGUAGE_CODE:
        # Translations carry their source's medical review and get their own translation
        # review (editorial/translation_review.py).
        from editorial.translation_review import assign_translation_workflow

        assign_translation_workflow(index_page, apps)
        return
    workflow = Workflow.objects.filter(name=WORKFLOW_NAME).first()
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page_id=index_page.pk, defaults={"workflow": workflow})


def grant_new_section(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver for section index pages: roles and, for articles, the workflow."""
    if raw or not created:
        return
    grant_section(instance)
    if (sender._meta.app_label, sender._meta.model_name) == ARTICLE_INDEX_MODEL:
        assign_workflow(instance)


def replace_wagtail_default_roles(apps=installed_apps) -> None:
    """Remove the roles a new Wagtail site starts with, which these roles replace.

    Wagtail's initial data gives "Editors" add and change on every page, and adds a
    "Moderators" group whose approval workflow covers the whole tree. Left in place, they would
    let anyone in them bypass the scoping above, and every page (provider pages, the home page)
    would need a moderator's approval.
    """
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Task = apps.get_model("wagtailcore", "Task")
    GroupPagePermission.objects.filter(group__name=EDITORS, page__depth=1).delete()
    for workflow in Workflow.objects.filter(name="Moderators approval"):
        Task.objects.filter(workflow_tasks__workflow=workflow, name="Moderators approval").delete()
        workflow.delete()
    Group.objects.filter(name="Moderators").delete()


def apply_to_existing_content(apps=installed_apps) -> None:
    """Groups, workflow and section permissions for a database that already has content."""
    replace_wagtail_default_roles(apps)
    sync_groups(apps)
    create_workflow(apps)
    for app_label, model_name in SECTION_INDEX_MODELS:
        for index_page in apps.get_model(app_label, model_name).objects.select_related("locale"):
            grant_section(index_page, apps)
            if (app_label, model_name) == ARTICLE_INDEX_MODEL:
                assign_workflow(index_page, apps)
