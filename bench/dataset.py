"""The benchmark's dataset: N articles, each in English, Spanish and Arabic, with their people,
topics, references, shared images, the safety information and the demo provider directory.

Built once per database and reused while it holds the same dataset (`ensure_dataset`). English
articles are created already live, each with one revision that a stand-in medical approval
covers (readers get an English article only through the publication gate); the translations are
`copy_for_translation` copies, published together in one UPDATE. Search and
reference indexing are skipped (cms/settings/bench.py): no measured endpoint uses them.
"""

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Q
from wagtail.models import Locale, Page

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTopic,
    ArticleReference,
    Person,
    Topic,
    TopicKind,
)
from bench.content import ArticleContent, Links
from bench.endpoints import Target
from bench.stock_api import RENDITION_SPEC
from core.api.images import rendition_specs
from core.models import SafetyInformation
from core.paths import front_end_path
from core.snapshots.rebuild import rebuild
from demo import providers as demo_providers
from demo import safety as demo_safety
from demo import translations as demo_translations
from demo.images import demo_image
from demo.review import record_medical_approval
from home.models import HomePage

logger = logging.getLogger(__name__)

#: Bump when the generated content changes, so that an old dataset is rebuilt.
DATASET_VERSION = 2
LANGUAGES = ("en", "es", "ar")
INDEX_SLUG = "bench-articles"
IMAGE_COLOURS = [
    ("#2f6f73", "#f2e9d8"),
    ("#3b4a6b", "#e8d5c4"),
    ("#5b7553", "#f4f1de"),
    ("#7a4f6d", "#f1e3e4"),
    ("#8a6d3b", "#e9f1f7"),
    ("#355c7d", "#f8b195"),
]
AUTHORS = 6
REVIEWERS = 3
TOPICS = 10
FIRST_PUBLISHED = datetime(2025, 1, 1, 9, 0, tzinfo=UTC)


def marker(articles: int) -> str:
    """Written on the English index page, so that a later run knows what the database holds."""
    return f"Benchmark dataset v{DATASET_VERSION}: {articles} articles in {', '.join(LANGUAGES)}"


def find_dataset() -> str | None:
    """The marker of the dataset in the database, if any."""
    index = ArticleIndexPage.objects.filter(slug=INDEX_SLUG, locale__language_code="en").first()
    return index.search_description if index else None


def targets() -> list[Target]:
    """Every live benchmark article in every locale, ordered by id."""
    under_indexes = Q(pk__in=[])
    for index_path in ArticleIndexPage.objects.filter(slug=INDEX_SLUG).values_list(
        "path", flat=True
    ):
        under_indexes |= Q(path__startswith=index_path)
    pages = ArticlePage.objects.live().filter(under_indexes).select_related("locale").order_by("pk")
    return [Target(page.pk, page.locale.language_code, front_end_path(page)) for page in pages]


def ensure_dataset(articles: int, log: Callable[[str], None] = logger.info) -> list[Target]:
    """Build the dataset unless the database already holds this one; return its targets."""
    found = find_dataset()
    if found == marker(articles):
        log(f"Reusing the dataset in the database ({found}).")
    else:
        if found:
            log(f"The database holds another dataset ({found}); replacing it.")
            delete_dataset()
        started = datetime.now()
        build(articles, log)
        log(f"Built the dataset in {(datetime.now() - started).total_seconds():.0f} s.")
    refresh_planner_statistics()
    found_targets = targets()
    expected = articles * len(LANGUAGES)
    if len(found_targets) != expected:
        raise RuntimeError(
            f"Expected {expected} live benchmark articles, found {len(found_targets)}."
        )
    return found_targets


def refresh_planner_statistics() -> None:
    """ANALYZE, as autovacuum would have done in production: without statistics PostgreSQL plans
    the listings' anti-join as a nested loop over every pair of articles (measured: 3.7 ms
    instead of 0.2 ms at 40 articles, quadratic in their number)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def delete_dataset() -> None:
    with transaction.atomic():
        for index in ArticleIndexPage.objects.filter(slug=INDEX_SLUG).order_by("-depth"):
            index.delete()
        Person.objects.filter(name__startswith="Bench ").delete()
        Topic.objects.filter(slug__startswith="bench-").delete()


@transaction.atomic
def build(articles: int, log: Callable[[str], None] = logger.info) -> None:
    english = Locale.objects.get(language_code="en")
    log("Safety information and the demo provider directory...")
    demo_safety.load()
    demo_providers.load()
    # Readers of a translation get crisis lines in their language, or no article at all.
    for code in LANGUAGES[1:]:
        locale = Locale.objects.get(language_code=code)
        catalogue = demo_translations.load_catalogue(code)
        for information in SafetyInformation.objects.filter(locale=english):
            demo_translations.translate(information, locale, catalogue)

    # A handful of images that every article shares (fewer for a tiny dataset: drawing them and
    # their renditions is most of a smoke run's build).
    images = [
        demo_image(f"Benchmark image {n}", colours, size=(1200, 675))
        for n, colours in enumerate(IMAGE_COLOURS[:articles], 1)
    ]
    # Renditions are made once here, not on the first requests of a measurement.
    for image in images:
        image.get_renditions(*dict.fromkeys([*rendition_specs(), RENDITION_SPEC]))

    Person.objects.bulk_create(
        [
            Person(
                locale=english,
                name=f"Bench Author {n}",
                credentials="Health writer",
                bio="Writes about mental-health treatments from the published evidence.",
                photo=images[n % len(images)],
                is_author=True,
            )
            for n in range(1, AUTHORS + 1)
        ]
        + [
            Person(
                locale=english,
                name=f"Bench Reviewer {n}",
                credentials="MD, board-certified psychiatrist",
                bio="Reviews articles for medical accuracy, balance and safety.",
                photo=images[n % len(images)],
                is_medical_reviewer=True,
            )
            for n in range(1, REVIEWERS + 1)
        ]
    )
    authors = list(Person.objects.filter(name__startswith="Bench Author", locale=english))
    reviewers = list(Person.objects.filter(name__startswith="Bench Reviewer", locale=english))
    Topic.objects.bulk_create(
        [
            Topic(
                locale=english,
                name=f"Benchmark topic {n}",
                slug=f"bench-topic-{n}",
                kind=TopicKind.TREATMENT if n % 2 else TopicKind.CONDITION,
                description="A condition or treatment that articles are filed under.",
            )
            for n in range(1, TOPICS + 1)
        ]
    )
    topics = list(Topic.objects.filter(slug__startswith="bench-topic-", locale=english))

    home = HomePage.objects.get(locale=english)
    index = ArticleIndexPage(
        title="Benchmark articles",
        slug=INDEX_SLUG,
        intro="<p>Generated articles for the delivery API's benchmark.</p>",
        search_description=marker(articles),
    )
    home.add_child(instance=index)
    index.save_revision().publish()

    log(f"{articles} English articles...")
    image_ids = [image.pk for image in images]
    english_ids: list[int] = []
    for number in range(articles):
        links = Links(
            page_ids=english_ids[-20:] or [index.pk],
            article_ids=english_ids[-20:],
            image_ids=image_ids,
        )
        page = _article(number, ArticleContent(number, links), english, authors, reviewers, topics)
        page.hero_image = images[number % len(images)]
        index.add_child(instance=page)
        revision = page.save_revision(changed=False)
        record_medical_approval(page, revision)
        ArticlePage.objects.filter(pk=page.pk).update(
            live_revision=revision, has_unpublished_changes=False
        )
        english_ids.append(page.pk)

    last_page_id = Page.objects.order_by("-pk").values_list("pk", flat=True).first()
    for code in LANGUAGES[1:]:
        log(f"{articles} translations into {code}...")
        locale = Locale.objects.get(language_code=code)
        for page in ArticlePage.objects.filter(pk__in=english_ids).order_by("pk"):
            page.copy_for_translation(locale, copy_parents=True)

    # Publish every page this build copied (the translations and their new parents) at once.
    published = Page.objects.filter(pk__gt=last_page_id, live=False).update(
        live=True,
        has_unpublished_changes=False,
        first_published_at=FIRST_PUBLISHED,
        last_published_at=FIRST_PUBLISHED,
    )
    log(f"Published {published} translated pages.")
    pages = Page.objects.live().filter(Q(pk__in=english_ids) | Q(pk__gt=last_page_id))
    rendered = rebuild(pages.order_by("path").values_list("pk", flat=True))
    log(f"Rendered the snapshots of {rendered} pages.")


def _article(
    number: int,
    content: ArticleContent,
    locale: Locale,
    authors: list[Person],
    reviewers: list[Person],
    topics: list[Topic],
) -> ArticlePage:
    published_at = FIRST_PUBLISHED + timedelta(hours=number)
    page = ArticlePage(
        title=f"Benchmark article {number + 1}: what to expect from treatment",
        slug=f"article-{number + 1}",
        locale=locale,
        standfirst="What the treatment involves, what the evidence says and how to find care.",
        summary="A plain guide to a treatment for depression: how it works and what to ask.",
        hero_image_alt="A calm abstract gradient with soft circles",
        story=content.story(),
        science=content.science(),
        guidance=content.guidance(),
        author=authors[number % len(authors)],
        medical_reviewer=reviewers[number % len(reviewers)],
        last_reviewed=date(2025, 6, 1),
        live=True,
        has_unpublished_changes=False,
        first_published_at=published_at,
        last_published_at=published_at,
    )
    page.references = [
        ArticleReference(locale=locale, sort_order=position, **reference)
        for position, reference in enumerate(content.references())
    ]
    page.topic_links = [
        ArticlePageTopic(locale=locale, topic=topic, sort_order=position)
        for position, topic in enumerate(
            [topics[number % len(topics)], topics[(number + 3) % len(topics)]]
        )
    ]
    return page


def database_label() -> str:
    database = settings.DATABASES["default"]
    return f"{database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}"
