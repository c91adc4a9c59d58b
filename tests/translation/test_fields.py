"""Every field readers see is deliberately translated or synchronised, declared on its model."""

import pytest
from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTopic,
    ArticleReference,
    Person,
    Topic,
)
from core.models import CrisisLine, SafetyInformation
from home.models import HomePage, HomePageFeaturedArticle
from providers.models import ProviderIndexPage, ProviderPage, ProviderService, Service
from providers.vetting import VettingCriterion, evidence_field_name

TRANSLATABLE_MODELS = [
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTopic,
    ArticleReference,
    Person,
    Topic,
    CrisisLine,
    SafetyInformation,
    HomePage,
    HomePageFeaturedArticle,
    ProviderIndexPage,
    ProviderPage,
    ProviderService,
    Service,
]


def declared(model) -> dict[str, object]:
    return {
        field.field_name: field
        for field in [
            *getattr(model, "translatable_fields", []),
            *model.__dict__.get("override_translatable_fields", []),
        ]
    }


def own_fields(model) -> set[str]:
    """The model's editable fields and child relations, less those Page or the mixins define."""
    inherited = (
        {field.name for field in Page._meta.get_fields()} if issubclass(model, Page) else set()
    )
    names = set()
    for field in model._meta.get_fields():
        if field.name in inherited or field.name in {
            "id",
            "translation_key",
            "locale",
            "sort_order",
        }:
            continue
        if field.auto_created and not field.concrete:
            # A reverse relation: only child objects (inline panels) are part of the content.
            if isinstance(field.remote_field, ParentalKey):
                names.add(field.name)
            continue
        if isinstance(field, ParentalKey) or not field.editable:
            continue
        if isinstance(field, models.OneToOneField) and field.remote_field.parent_link:
            continue
        names.add(field.name)
    return names


def test_the_field_inventory_sees_fields_and_child_relations():
    assert {"standfirst", "story", "references", "topic_links", "author"} <= own_fields(ArticlePage)
    assert "word_count" not in own_fields(ArticlePage)  # computed on save, not edited
    assert own_fields(CrisisLine) == {"country", "name", "phone", "text_option", "hours", "url"}


@pytest.mark.parametrize("model", TRANSLATABLE_MODELS, ids=lambda model: model.__name__)
def test_every_field_of_each_model_has_a_declared_choice(model):
    undeclared = own_fields(model) - set(declared(model))
    assert not undeclared, f"{model.__name__} leaves {sorted(undeclared)} to defaults"


def kind(model, name: str) -> str:
    field = {f.field_name: f for f in get_translatable_fields(model)}[name]
    if isinstance(field, SynchronizedField):
        return "synchronised" if field.overridable else "synchronised, fixed"
    assert isinstance(field, TranslatableField)
    return "translated"


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (ArticlePage, "last_reviewed"),
        (ArticlePage, "next_review_due"),
        (ProviderPage, "phone"),
        (ProviderPage, "latitude"),
        (ProviderPage, "longitude"),
        (ProviderPage, "region"),
        (ProviderPage, "postal_code"),
        (ProviderPage, "country"),
        (ProviderPage, "last_verified"),
        (ProviderPage, "accepting_new_patients"),
        *((ProviderPage, criterion.value) for criterion in VettingCriterion),
        (ArticleReference, "doi"),
        (ArticleReference, "pmid"),
        (ArticleReference, "url"),
        (ArticleReference, "accessed"),
        (ArticleReference, "key"),
        (CrisisLine, "phone"),
        (CrisisLine, "country"),
        (Service, "slug"),
        (Topic, "slug"),
    ],
)
def test_facts_are_copied_from_the_source_and_cannot_be_overridden(model, name):
    assert kind(model, name) == "synchronised, fixed"


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (ArticlePage, "hero_image"),
        (HomePage, "hero_image"),
        (Person, "photo"),
        (ProviderPage, "website"),
        (CrisisLine, "url"),
        (HomePageFeaturedArticle, "article"),
    ],
)
def test_images_and_links_are_synchronised_but_a_translator_may_localise_them(model, name):
    assert kind(model, name) == "synchronised"


@pytest.mark.parametrize(
    ("model", "name"),
    [
        (ArticlePage, "hero_image_alt"),
        (ArticlePage, "story"),
        (ArticlePage, "author"),
        (ArticlePage, "topic_links"),
        (HomePage, "hero_image_alt"),
        (ProviderPage, "description"),
        (ProviderPage, "pricing_notes"),
        *((ProviderPage, evidence_field_name(criterion)) for criterion in VettingCriterion),
        (ProviderPage, "services"),
        (SafetyInformation, "disclaimer"),
        (SafetyInformation, "crisis_lines"),
        (CrisisLine, "text_option"),
        (Person, "bio"),
        (Service, "name"),
    ],
)
def test_words_are_translated(model, name):
    assert kind(model, name) == "translated"
