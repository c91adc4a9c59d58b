"""The rename of hero_alt_text to hero_image_alt (0004), also where the field name is data.

Revisions (drafts, scheduled and past versions) and wagtail-localize's translation sources keep
the article's fields as JSON, and a translation's strings are filed under the field's path; with
the old name, a draft would lose its alt text and translators their translated alt text.
"""

import json
import uuid

from django.db import migrations

# wagtail_localize.models.TranslationContext._get_path_id
PATH_NAMESPACE = uuid.UUID("fcab004a-2b50-11ea-978f-2e728ce88125")


def rename(apps, old: str, new: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    article_type = ContentType.objects.filter(app_label="articles", model="articlepage").first()
    if article_type is None:
        return

    Revision = apps.get_model("wagtailcore", "Revision")
    for revision in Revision.objects.filter(content_type_id=article_type.pk).iterator():
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revision.save(update_fields=["content"])

    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    for source in TranslationSource.objects.filter(specific_content_type_id=article_type.pk).iterator():
        content = json.loads(source.content_json)
        if old in content:
            content[new] = content.pop(old)
            source.content_json = json.dumps(content)
            source.save(update_fields=["content_json"])

    ArticlePage = apps.get_model("articles", "ArticlePage")
    TranslationContext = apps.get_model("wagtail_localize", "TranslationContext")
    keys = ArticlePage.objects.values_list("translation_key", flat=True)
    TranslationContext.objects.filter(path=old, object__translation_key__in=keys).update(
        path=new, path_id=uuid.uuid5(PATH_NAMESPACE, new), field_path=new
    )


def forwards(apps, schema_editor):
    rename(apps, "hero_alt_text", "hero_image_alt")


def backwards(apps, schema_editor):
    rename(apps, "hero_image_alt", "hero_alt_text")


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_rename_hero_alt_text"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
