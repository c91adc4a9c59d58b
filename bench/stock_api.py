"""Wagtail's stock API v2, configured to expose every field of the project's page models.

The comparison needs v2 to serve the same content as the delivery API. v2 only shows fields that
a model lists in `api_fields`, and the project's models list none (it never serves v2), so the
fields are declared here instead: each page model's own fields and inline children, each inline
or snippet model's fields, and a rendition next to each image foreign key (what a front end would
otherwise fetch separately). Mounted by bench/urls.py, for the benchmark only.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.api import APIField
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import BaseAPIViewSet, PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.fields import ImageRenditionField
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Page, get_page_models

#: The apps whose page models the comparison covers.
PROJECT_APPS = ("home", "articles", "providers")

#: Renditions that v2 adds next to an image foreign key, as `<field>_rendition`.
RENDITION_SPEC = "width-960"


def own_fields(model: type[models.Model]) -> list[str]:
    """The fields a model declares (not those of Page), then its inline (ParentalKey) children."""
    names: list[str] = []
    children: list[str] = []
    for field in model._meta.get_fields(include_parents=False):
        if isinstance(getattr(field, "remote_field", None), ParentalKey):
            children.append(field.get_accessor_name())  # e.g. "references" on ArticlePage
        elif (
            field.concrete
            and not getattr(field.remote_field, "parent_link", False)  # page_ptr
            and not isinstance(field, ParentalKey)  # an inline object's link to its page
            and field.name != "id"
        ):
            names.append(field.name)
    return names + children


def rendition_fields(model: type[models.Model]) -> list[APIField]:
    """A rendered image next to each image foreign key, as front ends need it."""
    image_model = get_image_model()
    return [
        APIField(
            f"{field.name}_rendition",
            serializer=ImageRenditionField(RENDITION_SPEC, source=field.name),
        )
        for field in model._meta.get_fields(include_parents=False)
        if field.concrete and field.is_relation and field.related_model is image_model
    ]


def declared_fields(model: type[models.Model]) -> list[str | APIField]:
    return [*own_fields(model), *rendition_fields(model)]


class AllFieldsMixin:
    """Reads a model's API fields from `declared_fields` instead of its `api_fields`."""

    @classmethod
    def get_body_fields(cls, model: type[models.Model]) -> list[APIField]:
        return cls._convert_api_fields(cls.body_fields + declared_fields(model))


class AllFieldsPagesAPIViewSet(AllFieldsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint, showing every field of each page type."""


class AllFieldsObjectsAPIViewSet(AllFieldsMixin, BaseAPIViewSet):
    """An endpoint for one inline or snippet model, so that nested objects show their fields."""


def project_page_models() -> list[type[Page]]:
    return [model for model in get_page_models() if model._meta.app_label in PROJECT_APPS]


def related_models(page_models: list[type[Page]]) -> list[type[models.Model]]:
    """Inline children of the page models and the snippets they point to (not pages, images)."""
    skip = {get_image_model()}
    found: dict[str, type[models.Model]] = {}

    def visit(model: type[models.Model]) -> None:
        for field in model._meta.get_fields(include_parents=False):
            related = field.related_model
            if related is None or related in skip or issubclass(related, Page):
                continue
            is_child = isinstance(getattr(field, "remote_field", None), ParentalKey)
            is_forward = field.concrete and field.is_relation and not isinstance(field, ParentalKey)
            if (
                (is_child or is_forward)
                and related._meta.app_label in PROJECT_APPS
                and related._meta.label_lower not in found
            ):
                found[related._meta.label_lower] = related
                visit(related)

    for model in page_models:
        visit(model)
    return list(found.values())


def build_router() -> WagtailAPIRouter:
    """Pages, images and documents as Wagtail documents them, plus the related models."""
    router = WagtailAPIRouter("wagtailapi_v2")
    router.register_endpoint("pages", AllFieldsPagesAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
    router.register_endpoint("documents", DocumentsAPIViewSet)
    for model in related_models(project_page_models()):
        name = model._meta.label_lower.replace(".", "-")
        endpoint = type(
            f"{model.__name__}APIViewSet",
            (AllFieldsObjectsAPIViewSet,),
            {"model": model, "name": name},
        )
        router.register_endpoint(name, endpoint)
    return router
