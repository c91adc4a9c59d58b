"""Single-value blocks for codes, keys and figures: values that must never be translated.

wagtail-localize extracts CharBlock and TextBlock values for translation; these blocks subclass
RegexBlock instead, so a figure, a reference key or a region code stays the same in every locale.
"""

from wagtail import blocks

from articles.widgets import ReferenceSelect

# A number with an optional comparison sign, range (hyphen or en dash) and unit symbol (% or a
# multiplication sign): 30%, 8.3%, ~70%, 10-30%, 2.5x.
# Words ("million", "1 in 3") belong in the translatable description, not in the figure.
FIGURE_PATTERN = r"^[<>\u2264\u2265~\u2248]?\d[\d.,\s]*(?:[\u2013-]\s?\d[\d.,\s]*)?(?:%|\u00d7|x)?$"
KEY_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
REGION_PATTERN = r"^[A-Z0-9]{1,3}$"


class FigureBlock(blocks.RegexBlock):
    """A statistic's figure: digits and a unit symbol, kept out of translation."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "help_text",
            "Digits and a symbol only, e.g. 30%, 8.3%, 10-30% or 2.5x. Put the words in "
            "'What it measures' so that translators can translate them.",
        )
        kwargs.setdefault(
            "error_messages",
            {
                # Django formats this message with the value, so a literal % is written %%.
                "invalid": (
                    "Write the figure with digits and at most one unit symbol, e.g. 30%% or "
                    "10-30%%. Words go in 'What it measures'."
                )
            },
        )
        super().__init__(regex=FIGURE_PATTERN, max_length=20, **kwargs)

    class Meta:
        icon = "decimal"


class KeyBlock(blocks.RegexBlock):
    """A lowercase key that names something else, e.g. a reference (`nimh-trd`) or a service."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid": "Use lowercase letters, digits and single hyphens only, e.g. nimh-trd."},
        )
        super().__init__(regex=KEY_PATTERN, max_length=60, **kwargs)

    class Meta:
        icon = "link"


class ReferenceKeyBlock(KeyBlock):
    """The key of one of the article's references, chosen from a list of its references.

    Stored (and served) as the key, like a KeyBlock; the page's clean() refuses a key that no
    reference has.
    """

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.field.widget = ReferenceSelect()

    class Meta:
        icon = "link"


class CountryCodeBlock(blocks.RegexBlock):
    """A two-letter country code (ISO 3166-1), e.g. US or ES."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid": "Use the two capital letters of the country's code, e.g. US or ES."},
        )
        super().__init__(regex=COUNTRY_PATTERN, max_length=2, **kwargs)

    class Meta:
        icon = "globe"


class RegionCodeBlock(blocks.RegexBlock):
    """A state or region code within a country (the part after the hyphen in ISO 3166-2)."""

    def __init__(self, **kwargs):
        kwargs.setdefault(
            "error_messages",
            {"invalid": "Use the state or region's capital-letter code, e.g. PA for Pennsylvania."},
        )
        super().__init__(regex=REGION_PATTERN, max_length=3, **kwargs)

    class Meta:
        icon = "site"
