"""Editors create articles through Wagtail's admin: tabs, inline references, role choosers."""

from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from articles.models import ArticleIndexPage, ArticlePage, Person
from home.models import HomePage
from providers.vetting import VettingCriterion
from tests.articles.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    PersonFactory,
    TopicFactory,
)


def list_block(items: list) -> dict:
    """ListBlock form data: one entry per item, in order."""
    data = {
        str(index): {"value": item, "deleted": "", "order": str(index), "id": ""}
        for index, item in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


class ArticleAdminTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.index = ArticleIndexPageFactory(parent=cls.home)
        cls.author = PersonFactory(name="Ada Writer")
        cls.reviewer = PersonFactory(reviewer=True, name="Dr. Rita Reviewer")
        cls.topic = TopicFactory(name="Ketamine therapy", slug="ketamine-therapy")

    def setUp(self):
        self.login()

    def article_form_data(self, *, statistic_reference: str = "nimh-trd", **overrides) -> dict:
        data = {
            "title": "Ketamine for depression that has not responded to treatment",
            "slug": "ketamine-trd",
            "standfirst": "What the evidence says, and how to choose a clinic.",
            "summary": "A short summary for cards.",
            "story": streamfield(
                [
                    (
                        "testimonial",
                        {
                            "quote": "I could finally breathe.",
                            "attribution": "Sam, 40",
                            "name_changed": "on",
                        },
                    )
                ]
            ),
            "science": streamfield(
                [
                    ("heading", {"text": "What the evidence says", "level": "h2"}),
                    (
                        "statistic",
                        {
                            "figure": "30%",
                            "measure": "of people with depression do not respond to two treatments",
                            "population": "Adults with major depression",
                            "reference": statistic_reference,
                        },
                    ),
                ]
            ),
            "guidance": streamfield(
                [
                    (
                        "provider_checklist",
                        {
                            "intro": "Ask each clinic:",
                            "items": list_block(
                                [
                                    {
                                        "text": "Who is medically responsible for my care?",
                                        "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF,
                                    }
                                ]
                            ),
                        },
                    ),
                    ("paragraph", rich_text("<p>Take someone with you.</p>")),
                ]
            ),
            "references": inline_formset(
                [
                    {
                        "key": "nimh-trd",
                        "title": "Depression",
                        "publisher": "National Institute of Mental Health",
                        "url": "https://www.nimh.nih.gov/health/topics/depression",
                    }
                ]
            ),
            "topic_links": inline_formset([{"topic": self.topic.pk}]),
            "author": self.author.pk,
            "medical_reviewer": self.reviewer.pk,
            "last_reviewed": "2026-02-10",
            "next_review_due": "",
        }
        data.update(overrides)
        return nested_form_data(data)

    def test_page_tree_rules(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_an_editor_can_create_an_article_index(self):
        self.assertCanCreate(
            self.home,
            ArticleIndexPage,
            nested_form_data(
                {"title": "Treatments", "slug": "treatments", "intro": rich_text("<p>Hi.</p>")}
            ),
        )

    def test_an_editor_can_create_an_article_with_every_section_and_its_sources(self):
        # Saved as a draft: publishing waits for the medical review (tests/editorial).
        self.assertCanCreate(self.index, ArticlePage, self.article_form_data(), publish=False)

        article = ArticlePage.objects.get(slug="ketamine-trd").get_latest_revision_as_object()
        assert not article.live
        assert [block.block_type for block in article.story] == ["testimonial"]
        assert article.science[1].value["reference"] == "nimh-trd"
        assert article.guidance[0].value.criteria == [VettingCriterion.QUALIFIED_MEDICAL_STAFF]
        assert [reference.number for reference in article.references.all()] == [1]
        assert article.topics == [self.topic]
        assert article.word_count > 0
        # Set by a medical reviewer's approval, never typed: the posted values are ignored.
        assert article.medical_reviewer is None
        assert article.last_reviewed is None

    def test_a_statistic_citing_an_unknown_reference_is_refused_with_a_plain_message(self):
        add_url = reverse("wagtailadmin_pages:add", args=["articles", "articlepage", self.index.pk])
        data = self.article_form_data(statistic_reference="nimh-2019")
        data["action-publish"] = "action-publish"

        response = self.client.post(add_url, data)

        assert response.status_code == 200
        assert not ArticlePage.objects.filter(slug="ketamine-trd").exists()
        science_error = response.context["form"].errors.as_data()["science"][0]
        reference_error = science_error.block_errors[1].block_errors["reference"]
        assert "No reference has the key “nimh-2019”" in reference_error.messages[0]

    def test_the_review_tab_offers_only_people_with_the_right_role(self):
        article = ArticlePageFactory(
            parent=self.index, author=self.author, medical_reviewer=self.reviewer
        )
        edit = self.client.get(reverse("wagtailadmin_pages:edit", args=[article.pk]))
        assert edit.status_code == 200
        for tab in ("Story", "Science", "Guidance", "References", "Review", "Promote"):
            self.assertContains(edit, tab)

        authors = self.client.get(reverse("author_chooser:choose"))
        reviewers = self.client.get(reverse("medical_reviewer_chooser:choose"))
        self.assertContains(authors, "Ada Writer")
        self.assertNotContains(authors, "Dr. Rita Reviewer")
        self.assertContains(reviewers, "Dr. Rita Reviewer")
        self.assertNotContains(reviewers, "Ada Writer")


class PeopleAndTopicsAdminTests(WagtailPageTestCase):
    def setUp(self):
        self.login()

    def test_editors_find_people_and_topics_in_the_snippets(self):
        PersonFactory(name="Ada Writer")
        TopicFactory(name="Esketamine")

        people = self.client.get(reverse("wagtailsnippets_articles_person:list"))
        topics = self.client.get(reverse("wagtailsnippets_articles_topic:list"))

        self.assertContains(people, "Ada Writer")
        self.assertContains(topics, "Esketamine")

    def test_a_person_needs_a_role(self):
        add_url = reverse("wagtailsnippets_articles_person:add")
        data = {"name": "Sam Lee", "credentials": "", "bio": "", "photo": "", "profile_url": ""}

        refused = self.client.post(add_url, data)
        self.assertContains(refused, "Tick at least one role")

        self.client.post(add_url, {**data, "is_medical_reviewer": "on"})
        assert Person.objects.get(name="Sam Lee").roles == ["medical reviewer"]

    def test_an_admin_account_belongs_to_one_medical_reviewer(self):
        add_url = reverse("wagtailsnippets_articles_person:add")
        data = {
            "name": "Dr. Sam Lee",
            "credentials": "MD",
            "bio": "",
            "photo": "",
            "profile_url": "",
        }
        account = get_user_model().objects.create_user("dr-lee", password="a-long-password").pk

        author_only = self.client.post(add_url, {**data, "is_author": "on", "user": account})
        self.assertContains(author_only, "Only medical reviewers approve articles")

        self.client.post(add_url, {**data, "is_medical_reviewer": "on", "user": account})
        assert Person.objects.get(name="Dr. Sam Lee").user_id == account

        second = self.client.post(
            add_url, {**data, "name": "Dr. Kim", "is_medical_reviewer": "on", "user": account}
        )
        self.assertContains(second, "This admin account already belongs to Dr. Sam Lee.")
        assert not Person.objects.filter(name="Dr. Kim").exists()
