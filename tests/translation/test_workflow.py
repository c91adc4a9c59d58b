"""The editor's and translator's workflow through wagtail-localize, end to end."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from articles.models import ArticlePage, Person, Topic
from core.translation_status import TranslationStatus, translation_states
from providers.models import ProviderPage
from providers.vetting import VettingCriterion
from tests.approvals import publish_reviewed
from tests.providers.factories import ProviderIndexPageFactory, ProviderPageFactory, ServiceFactory
from tests.translation.conftest import publish_now
from tests.translation.factories import (
    fill,
    parse_po,
    po_text,
    start_translation,
    translated_strings,
)

pytestmark = pytest.mark.django_db

SPANISH_SLUG = "terapia-con-ketamina"


def to_spanish(text: str) -> str:
    return SPANISH_SLUG if text == "ketamine-therapy" else f"ES {text}"


@pytest.fixture(scope="module")
def spanish_translation(shared):
    """The shared article translated into Spanish (slug included) and published."""
    translation = start_translation(shared.article, shared.locales["es"])
    fill(translation, to_spanish)
    publish_now(translation.save_target)
    return translation


@pytest.fixture
def spanish_article(spanish_translation, article, spanish):
    return ArticlePage.objects.get(translation_key=article.translation_key, locale=spanish)


def test_a_new_translation_is_a_draft_until_someone_publishes_it(article, arabic):
    start_translation(article, arabic)

    draft = ArticlePage.objects.get(translation_key=article.translation_key, locale=arabic)
    assert not draft.live
    assert draft.title == article.title  # the source's words until translated


def test_a_translation_keeps_the_block_structure_and_every_synchronised_value(
    article, spanish_article, spanish
):
    translated = spanish_article

    for field in ("story", "science", "guidance"):
        source_blocks = getattr(article, field).raw_data
        translated_blocks = getattr(translated, field).raw_data
        assert [(b["id"], b["type"]) for b in translated_blocks] == [
            (b["id"], b["type"]) for b in source_blocks
        ]

    statistic = next(block for block in translated.science if block.block_type == "statistic")
    assert statistic.value["figure"] == "8.3%"
    assert statistic.value["reference"] == "nimh"
    assert statistic.value["measure"] == "ES of adults had a major depressive episode"
    directory = next(b for b in translated.guidance if b.block_type == "provider_directory")
    assert (directory.value["country"], directory.value["region"]) == ("US", "PA")
    assert directory.value["service"] == "iv-ketamine"
    assert directory.value["criterion"] == VettingCriterion.TRANSPARENT_PRICING
    checklist = next(b for b in translated.guidance if b.block_type == "provider_checklist")
    assert checklist.value["items"][0]["criterion"] == VettingCriterion.QUALIFIED_MEDICAL_STAFF
    testimonial = translated.story[0].value
    assert testimonial["name_changed"] and testimonial["consent_given"]
    image_block = next(b for b in translated.story if b.block_type == "image")
    assert image_block.value["image"] == article.story[2].value["image"]
    assert image_block.value["alt_text"] == "ES A window in morning light"
    assert image_block.value["caption"] == "ES Small routines anchor the day"
    link = next(b for b in translated.science if b.block_type == "paragraph").value.source
    assert link.startswith("<p>ES It acts on <b>glutamate</b>")
    assert '<a href="https://example.org/glutamate">this explainer</a>' in link

    assert translated.hero_image == article.hero_image
    assert translated.hero_image_alt == "ES Three white circles on blue"
    assert translated.last_reviewed == article.last_reviewed
    assert translated.next_review_due == article.next_review_due
    references = [
        (r.key, r.title, r.doi, r.pmid, r.url, r.accessed) for r in translated.references.all()
    ]
    assert references == [
        (r.key, r.title, r.doi, r.pmid, r.url, r.accessed) for r in article.references.all()
    ]
    assert translated.author.locale == spanish
    assert translated.author.translation_key == article.author.translation_key
    assert [topic.locale for topic in translated.topics] == [spanish, spanish]
    assert translated.word_count > 0


def test_a_translated_provider_keeps_its_facts(home_page, spanish, publishing):
    directory = ProviderIndexPageFactory(parent=home_page)
    service = ServiceFactory(slug="iv-ketamine")
    clinic = ProviderPageFactory(
        parent=directory,
        phone="(215) 555-0142",
        latitude="39.950710",
        longitude="-75.171520",
        qualified_medical_staff=True,
        qualified_medical_staff_evidence="Licence numbers on its staff page.",
        services=[service],
    )
    clinic = ProviderPage.objects.get(pk=clinic.pk)
    translation = start_translation(clinic, spanish)
    fill(translation)
    publishing(translation.save_target)

    translated = ProviderPage.objects.get(translation_key=clinic.translation_key, locale=spanish)
    assert translated.live
    assert (translated.phone, translated.latitude, translated.longitude) == (
        clinic.phone,
        clinic.latitude,
        clinic.longitude,
    )
    assert (translated.region, translated.country, translated.last_verified) == (
        clinic.region,
        clinic.country,
        clinic.last_verified,
    )
    assert [answer.met for answer in translated.vetting] == [a.met for a in clinic.vetting]
    assert translated.qualified_medical_staff_evidence == "ES Licence numbers on its staff page."
    assert [s.slug for s in translated.offered_services] == ["iv-ketamine"]
    assert translated.offered_services[0].locale == spanish


def test_syncing_carries_new_segments_and_keeps_unchanged_translations(
    article, spanish_article, spanish, superuser, client, publishing
):
    revision = article.get_latest_revision_as_object()
    science = list(revision.science.raw_data)
    science[0] = {**science[0], "value": {"text": "How it seems to work", "level": "h2"}}
    science.append({"type": "paragraph", "value": "<p>Newer studies are under way.</p>"})
    revision.science = science
    publish_reviewed(revision)
    states = translation_states([ArticlePage.objects.get(pk=article.pk)], [spanish])
    assert states[article.translation_key][0].status == TranslationStatus.OUTDATED

    # "Sync translated pages", publishing the result as the sync form allows.
    client.force_login(superuser)
    localize_source = TranslationSource.objects.get_for_instance(article)
    url = reverse("wagtail_localize:update_translations", args=[localize_source.pk])
    response = publishing(lambda: client.post(url, {"publish_translations": "on"}))
    assert response.status_code == 302

    state = translation_states([ArticlePage.objects.get(pk=article.pk)], [spanish])[
        article.translation_key
    ][0]
    assert state.status == TranslationStatus.IN_PROGRESS
    assert state.total_segments - state.translated_segments == 2  # the changed and the new text
    synced = ArticlePage.objects.get(pk=spanish_article.pk)
    texts = [block.value for block in synced.science if block.block_type == "paragraph"]
    assert "<p>Newer studies are under way.</p>" in [t.source for t in texts]
    assert synced.science[0].value["text"] == "How it seems to work"
    assert synced.story[0].value["quote"] == "ES I felt quiet for the first time in years"
    assert synced.title == "ES Ketamine therapy"


def test_po_files_round_trip(article, arabic, spanish_translation):
    translation = start_translation(article, arabic)
    translated = fill(translation, lambda t: f"AR {t}", only=lambda t: "glutamate" in t.lower())
    exported = po_text(translation)

    entries = {entry.msgid: entry.msgstr for entry in parse_po(exported)}
    assert sum(bool(text) for text in entries.values()) == translated > 0
    assert entries["Glutamate"] == "AR Glutamate"

    # The downloaded file is finished offline and uploaded again.
    po = parse_po(exported)
    for entry in po:
        entry.msgstr = entry.msgstr or f"مترجم: {entry.msgid}"
    assert translation.import_po(po) == []
    round_trip = {entry.msgid: entry.msgstr for entry in translation.export_po()}
    assert round_trip == {entry.msgid: entry.msgstr for entry in po}
    total, done = translation.get_progress()
    assert total == done

    # A file made for one translation is not applied to another.
    spanish_before = translated_strings(spanish_translation)
    spanish_translation.import_po(po)
    assert translated_strings(spanish_translation) == spanish_before


def test_po_download_and_upload_in_the_admin(article, arabic, superuser, client):
    translation = start_translation(article, arabic)
    client.force_login(superuser)

    download = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert download.status_code == 200
    po = parse_po(download.content.decode())
    for entry in po:
        entry.msgstr = f"AR {entry.msgid}"

    upload = SimpleUploadedFile(
        "ar.po", str(po).encode(), content_type="text/x-gettext-translation"
    )
    url = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = client.post(url, {"file": upload, "next": "/admin/"})

    assert response.status_code == 302
    total, translated = translation.get_progress()
    assert total == translated


def test_a_spanish_article_has_its_own_slug_and_url(spanish_article, article, client):
    assert spanish_article.slug == SPANISH_SLUG
    assert client.get(spanish_article.url).status_code == 200
    assert spanish_article.url.startswith("/es/")
    assert client.get(article.url).status_code == 200


def test_slugs_are_unique_per_locale_not_across_locales(
    article, spanish_article, article_index, spanish
):
    spanish_index = article_index.get_translation(spanish)
    same_slug_as_english = ArticlePage(
        title="Otra", slug=article.slug, standfirst="x", summary="x", locale=spanish, live=False
    )
    spanish_index.add_child(instance=same_slug_as_english)  # allowed: another locale's tree

    taken_in_spanish = ArticlePage(
        title="Otra más", slug=SPANISH_SLUG, standfirst="x", summary="x", locale=spanish, live=False
    )
    with pytest.raises(ValidationError) as error:
        spanish_index.add_child(instance=taken_in_spanish)
    assert "slug" in error.value.message_dict
    assert Page.objects.filter(slug=article.slug).count() == 2


def test_related_snippets_are_translated_with_the_page(article, arabic):
    start_translation(article, arabic)

    assert Person.objects.filter(
        translation_key=article.author.translation_key, locale=arabic
    ).exists()
    assert Topic.objects.filter(locale=arabic).count() == 2
