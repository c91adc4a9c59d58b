"""Translators and translation reviewers per language, and the translation-review workflow.

Each content language other than the source has two groups, "Translators (es)" and
"Translation reviewers (es)", made when its Locale is saved (`language_groups_for_new_locale`,
a post_save receiver) and by the data migration for locales that exist. Both get "edit" on that
locale's tree only, so they act only in their language. Translated article indexes go through
the "Translation review" workflow, whose one step (editorial.models.TranslationReviewTask) only
a reviewer of the page's language may approve; the approval is recorded as a
core.translation_records.TranslationReview. The functions take an app registry so that the
migration can run them with its historical models.
"""

from django.apps import apps as installed_apps
from django.conf import settings

TRANSLATION_WORKFLOW_NAME = "Translation review"
TRANSLATION_REVIEW_TASK_NAME = "Translation review"
LANGUAGE_PAGE_PERMISSIONS = ("change_page",)


def translators_group_name(language_code: str) -> str:
    return f"Translators ({language_code})"


def reviewers_group_name(language_code: str) -> str:
    return f"Translation reviewers ({language_code})"


def reviews_language(user, page) -> bool:
    """Whether `user` reviews translations into the page's language."""
    if user.is_superuser:
        return True
    name = reviewers_group_name(page.locale.language_code)
    return user.groups.filter(name=name).exists()


def pages_in_reviewed_languages(user):
    """The ids (as workflow states store them, text) of pages in the languages `user` reviews."""
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.models import Page

    prefix = reviewers_group_name("")[:-2]  # "Translation reviewers ("
    codes = [
        name[len(prefix) + 1 : -1]
        for name in user.groups.filter(name__startswith=prefix).values_list("name", flat=True)
    ]
    return (
        Page.objects.filter(locale__language_code__in=codes)
        .annotate(id_text=Cast("pk", CharField()))
        .values("id_text")
    )


def record_translation_review(task_state, user, comment: str = "") -> None:
    from core.translation_records import TranslationReview

    TranslationReview.objects.create(
        page_id=task_state.workflow_state.content_object.pk,
        revision=task_state.revision,
        reviewer=user,
        comment=comment or "",
    )


def create_translation_workflow(apps=installed_apps):
    """The workflow translated articles go through: one translation-review step."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    Task = apps.get_model("editorial", "TranslationReviewTask")
    workflow, created = Workflow.objects.get_or_create(name=TRANSLATION_WORKFLOW_NAME)
    if created:
        content_type, _ = ContentType.objects.get_or_create(
            app_label="editorial", model="translationreviewtask"
        )
        task = Task.objects.create(name=TRANSLATION_REVIEW_TASK_NAME, content_type=content_type)
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def ensure_language_groups(locale, apps=installed_apps) -> None:
    """The translators' and reviewers' groups of one language, with edit on its tree only, and
    the reviewers on the translation-review step."""
    if locale.language_code == settings.LANGUAGE_CODE:
        return
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("editorial", "TranslationReviewTask")
    create_translation_workflow(apps)
    admin = Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=LANGUAGE_PAGE_PERMISSIONS
    )
    for name in (
        translators_group_name(locale.language_code),
        reviewers_group_name(locale.language_code),
    ):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(admin)
        for root in Page.objects.filter(depth=2, locale_id=locale.pk):
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group=group, page_id=root.pk, permission=permission
                )
    reviewers = Group.objects.get(name=reviewers_group_name(locale.language_code))
    for task in Task.objects.filter(name=TRANSLATION_REVIEW_TASK_NAME):
        task.groups.add(reviewers)


def assign_translation_workflow(index_page, apps=installed_apps) -> None:
    """Send the articles under a translated article index through the translation review."""
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    workflow = create_translation_workflow(apps)
    WorkflowPage.objects.get_or_create(page_id=index_page.pk, defaults={"workflow": workflow})


def language_groups_for_new_locale(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver on Locale: a new language gets its translators and reviewers."""
    if not raw:
        ensure_language_groups(instance)


def grant_new_locale_root(sender, instance, created, raw=False, **kwargs) -> None:
    """post_save receiver on pages: a new locale root opens to that language's groups."""
    from wagtail.models import Page

    if raw or not created or not isinstance(instance, Page) or instance.depth != 2:
        return
    ensure_language_groups(instance.locale)


def apply_to_existing_locales(apps=installed_apps) -> None:
    Locale = apps.get_model("wagtailcore", "Locale")
    ArticleIndexPage = apps.get_model("articles", "ArticleIndexPage")
    for locale in Locale.objects.exclude(language_code=settings.LANGUAGE_CODE):
        ensure_language_groups(locale, apps)
    for index_page in ArticleIndexPage.objects.exclude(
        locale__language_code=settings.LANGUAGE_CODE
    ):
        assign_translation_workflow(index_page, apps)
