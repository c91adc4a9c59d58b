"""How the delivery API shows article blocks whose JSON is more than their stored value."""

from typing import Literal

from pydantic import Field

from articles.blocks.guidance import ProviderDirectoryBlock
from articles.blocks.science import StatisticBlock
from articles.blocks.story import TestimonialBlock
from core.api.blocks import BlockAdapter, register_block_adapter
from providers.vetting import VettingCriterion


@register_block_adapter(StatisticBlock)
class StatisticAdapter(BlockAdapter):
    """A statistic carries the number its reference has in the article's list."""

    def schema(self, block, schemas):
        return schemas.model(
            "StatisticBlockValue",
            StatisticBlock,
            figure=(str, ...),
            measure=(str, ...),
            population=(str, ...),
            reference=(str, ...),
            reference_number=(int | None, ...),
        )

    def value(self, block, value, serializer):
        numbers = serializer.context.get("reference_numbers", {})
        return {
            "figure": value.get("figure") or "",
            "measure": value.get("measure") or "",
            "population": value.get("population") or "",
            "reference": value.get("reference") or "",
            "reference_number": numbers.get(value.get("reference")),
        }


@register_block_adapter(ProviderDirectoryBlock)
class ProviderDirectoryAdapter(BlockAdapter):
    """A directory call to action: the directory's path (resolvable as it is by /pages/resolve)
    and its filters as fields of their own, for the front end to pass to /providers."""

    def schema(self, block, schemas):
        criteria = tuple(criterion.value for criterion in VettingCriterion)
        return schemas.model(
            "ProviderDirectoryBlockValue",
            ProviderDirectoryBlock,
            label=(str, ...),
            text=(str, ...),
            country=(str | None, ...),
            region=(str | None, ...),
            service=(str | None, ...),
            criterion=(Literal[criteria] | None, ...),
            path=(str | None, ...),
        )

    def value(self, block, value, serializer):
        return {
            "label": value.get("label") or "",
            "text": value.get("text") or "",
            "country": value.get("country") or None,
            "region": value.get("region") or None,
            "service": value.get("service") or None,
            "criterion": value.get("criterion") or None,
            "path": serializer.context.get("provider_directory_path") or None,
        }


@register_block_adapter(TestimonialBlock)
class TestimonialAdapter(BlockAdapter):
    """A testimonial carries the consent note readers see, in the page's language."""

    def schema(self, block, schemas):
        return schemas.model(
            "TestimonialBlockValue",
            TestimonialBlock,
            quote=(str, ...),
            attribution=(str, ...),
            name_changed=(bool, ...),
            consent_given=(bool, ...),
            privacy_note=(
                str,
                Field(description="e.g. 'Shared with permission.', or empty; show it as is."),
            ),
        )

    def value(self, block, value, serializer):
        return {
            "quote": value.get("quote") or "",
            "attribution": value.get("attribution") or "",
            "name_changed": bool(value.get("name_changed")),
            "consent_given": bool(value.get("consent_given")),
            "privacy_note": value.privacy_note,
        }
