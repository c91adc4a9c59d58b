"""Retractions and corrections: from marking a cited paper to the notice readers see."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from articles.models import CitationNotice
from core.rules import check_page
from tests.api.conftest import build_article, translate_page

pytestmark = pytest.mark.django_db

REPORT = reverse("citations_report")
REVIEWS_DUE = reverse("reviews_due_report")
RE_REVIEW = "Re-review: cited paper retracted or corrected"
ADD_NOTICE = reverse("wagtailsnippets_articles_citationnotice:add")


def edit_notice_url(notice: CitationNotice) -> str:
    return reverse("wagtailsnippets_articles_citationnotice:edit", args=[notice.pk])


@pytest.fixture
def cited(article_index, crisis_lines, locales):
    """An English article citing DOI 10.1000/example (PMID 123456), and its Spanish translation."""
    article = build_article(article_index, title="Ketamine and depression", slug="ketamine")
    translation = translate_page(article, locales["es"], title="Ketamina", slug="ketamina")
    return article, translation


def notices(client, path: str) -> list[dict]:
    body = client.get("/api/v1/pages/resolve", {"path": path}).json()
    return body["content"]["citation_notices"]


def due_rows(client, **filters) -> list[list[str]]:
    """The Reviews due report's rows: the article's title and its status."""
    soup = BeautifulSoup(client.get(REVIEWS_DUE, filters).content, "html.parser")
    return [
        [
            row.select_one("td.title a").get_text(strip=True),
            row.find_all("td")[-1].get_text(strip=True),
        ]
        for row in soup.select("tbody tr")
    ]


def notice_form(**fields) -> dict:
    return {
        "doi": "",
        "pmid": "",
        "kind": "retraction",
        "notice_url": "",
        "details": "",
        "resolution": "",
        **fields,
    }


def test_marking_a_cited_paper_flags_its_articles_and_shows_readers_a_notice_until_resolved(
    client, editor, cited, django_capture_on_commit_callbacks
):
    article, translation = cited
    client.force_login(editor)

    # The report lists the paper with every article citing it, in every language.
    report = client.get(REPORT).content.decode()
    assert "DOI 10.1000/example" in report
    assert "Ketamine and depression" in report and "Ketamina" in report
    assert f"{ADD_NOTICE}?doi=10.1000%2Fexample&amp;pmid=123456" in report
    assert notices(client, "/en/articles/ketamine/") == []
    assert due_rows(client) == []

    # The editor marks it from the report; the form comes filled in with the paper.
    form = client.get(f"{ADD_NOTICE}?doi=10.1000/example&pmid=123456").content.decode()
    assert 'value="10.1000/example"' in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            ADD_NOTICE,
            notice_form(
                doi="https://doi.org/10.1000/EXAMPLE",
                pmid="123456",
                notice_url="https://journal.example/retraction",
            ),
        )
    assert response.status_code == 302
    notice = CitationNotice.objects.get()
    assert notice.doi == "10.1000/example"

    # Flagged for a medical re-review, in the report and in each article's content checks.
    report = client.get(REPORT).content.decode()
    assert "Retracted: medical re-review needed" in report
    # Reviews due lists both, although their review dates are a year away.
    assert due_rows(client, status="re_review") == [
        ["Ketamina", RE_REVIEW],  # by title
        ["Ketamine and depression", RE_REVIEW],
    ]
    for page in (article, translation):
        [flag] = [check.message for check in check_page(page) if check.field == "references"]
        assert flag.startswith("Reference “trial-1”: the paper was marked as retracted on")

    # Readers of both languages see the notice, from the re-rendered snapshots.
    expected = {
        "kind": "retraction",
        "reference_number": 1,
        "reference_key": "trial-1",
        "notice_url": "https://journal.example/retraction",
    }
    for path in ("/en/articles/ketamine/", "/es/articles/ketamina/"):
        [shown] = notices(client, path)
        assert expected.items() <= shown.items()

    # The editor resolves it after the re-review: the notice disappears for readers.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            edit_notice_url(notice),
            notice_form(
                doi="10.1000/example",
                pmid="123456",
                resolved="on",
                resolution="Reviewed; the trial's figures were replaced.",
            ),
        )
    assert response.status_code == 302
    assert notices(client, "/en/articles/ketamine/") == []
    assert notices(client, "/es/articles/ketamina/") == []
    assert "Retracted, resolved" in client.get(REPORT).content.decode()
    assert due_rows(client) == []
    assert not [check for check in check_page(article) if check.field == "references"]


def test_a_paper_is_found_by_its_pubmed_id_alone(
    client, editor, cited, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(ADD_NOTICE, notice_form(pmid="123456", kind="correction"))

    [shown] = notices(client, "/en/articles/ketamine/")

    assert shown["kind"] == "correction"


def test_a_notice_needs_a_doi_or_a_pubmed_id(client, editor, cited):
    client.force_login(editor)

    response = client.post(ADD_NOTICE, notice_form(doi="not a doi"))

    assert response.status_code == 200
    assert "A DOI starts with 10. and contains a slash" in response.content.decode()
    response = client.post(ADD_NOTICE, notice_form())
    assert "Enter the DOI or the PubMed ID" in response.content.decode()
    assert not CitationNotice.objects.exists()


def test_writers_see_the_report_but_cannot_mark_a_paper(client, writer, cited):
    client.force_login(writer)

    report = client.get(REPORT)

    assert report.status_code == 200
    assert "Mark as retracted or corrected" not in report.content.decode()
    assert client.post(ADD_NOTICE, notice_form(pmid="123456")).status_code in (302, 403)
    assert not CitationNotice.objects.exists()


def test_translators_do_not_get_the_report(client, translator, cited):
    client.force_login(translator)

    assert client.get(REPORT).status_code in (302, 403)
