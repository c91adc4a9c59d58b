"""Translators and translation reviewers per language, and the translation-review workflow.

Each content language other than the source has two groups, "Translators (es)" and
"Translation reviewers (es)", made when its Locale is saved (`language_groups_for_new_locale`,
a post_save receiver) and by the data migrations for locales that exist. Both get "edit" on that
locale's tree only, so they act only in their language; translators also publish in that
language's article and provider sections (granted on each translated section index, also later
ones: editorial.roles.grant_section) and translate people, topics and services, in their
language only (core/translators.py keeps them out of other languages' snippets). Translated
article indexes go through the "Translation review" workflow, whose one step
(editorial.models.TranslationReviewTask) only a reviewer of the page's language may approve; the
approval is recorded as a core.translation_records.TranslationReview. The functions take an app
registry so that the migrations can run them with their historical models.
"""

from django.apps import apps as installed_apps
from django.conf import settings

from core.translators import reviewers_group_name, translators_group_name
from editorial.roles import SECTION_INDEX_MODELS, _permission

__all__ = ["reviewers_group_name", "translators_group_name"]

TRANSLATION_WORKFLOW_NAME = "Translation review"
TRANSLATION_REVIEW_TASK_NAME = "Translation review"
# On the language's root page (its whole tree), for both groups.
LANGUAGE_PAGE_PERMISSIONS = ("change_page",)
# Translators, on each of the language's article and provider section indexes.
TRANSLATOR_SECTION_PERMISSIONS = ("change_page", "publish_page")
# Translators' model permissions: Wagtail's snippet permissions hold in every language, so
# core.translators limits them to the group's language.
TRANSLATOR_MODEL_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "articles.change_person",
    "articles.change_topic",
    "providers.change_service",
)
# In the root collection, so translators can override an image or link a document.
TRANSLATOR_COLLECTION_PERMISSIONS = ("wagtailimages.choose_image", "wagtaildocs.choose_document")


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
    """The translators' and reviewers' groups of one language, with their rights in that
    language only, and the reviewers on the translation-review step."""
    if locale.language_code == settings.LANGUAGE_CODE:
        return
    Group = apps.get_model("auth", "Group")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Page = apps.get_model("wagtailcore", "Page")
    Task = apps.get_model("editorial", "TranslationReviewTask")
    create_translation_workflow(apps)
    admin = _permission(apps, "wagtailadmin.access_admin")
    page_permissions = [
        _permission(apps, f"wagtailcore.{codename}") for codename in LANGUAGE_PAGE_PERMISSIONS
    ]
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

    translators = Group.objects.get(name=translators_group_name(locale.language_code))
    translators.permissions.add(
        *(_permission(apps, dotted) for dotted in TRANSLATOR_MODEL_PERMISSIONS)
    )
    root_collection = Collection.objects.filter(depth=1).first()
    if root_collection is not None:
        for dotted in TRANSLATOR_COLLECTION_PERMISSIONS:
            GroupCollectionPermission.objects.get_or_create(
                group=translators, collection=root_collection, permission=_permission(apps, dotted)
            )
    for app_label, model_name in SECTION_INDEX_MODELS:
        for index_page in apps.get_model(app_label, model_name).objects.filter(locale_id=locale.pk):
            grant_translators_section(index_page, apps)

    reviewers = Group.objects.get(name=reviewers_group_name(locale.language_code))
    for task in Task.objects.filter(name=TRANSLATION_REVIEW_TASK_NAME):
        task.groups.add(reviewers)


def grant_translators_section(index_page, apps=installed_apps) -> None:
    """Let the translators of a translated section's language edit and publish in it."""
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Locale = apps.get_model("wagtailcore", "Locale")
    language_code = Locale.objects.get(pk=index_page.locale_id).language_code
    if language_code == settings.LANGUAGE_CODE:
        return
    group = Group.objects.filter(name=translators_group_name(language_code)).first()
    if group is None:
        return
    for codename in TRANSLATOR_SECTION_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page_id=index_page.pk,
            permission=_permission(apps, f"wagtailcore.{codename}"),
        )


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
