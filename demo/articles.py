"""Demo articles: an index, the people who write and review them, topics and three articles.

The flagship article is about ketamine therapy for treatment-resistant depression; two shorter
articles (esketamine, integration therapy) are its related reading. The people and the personal
story are fictional; the references are real, well-known sources, cited in general terms.
Running this again creates nothing new: existing people, topics and pages are left as they are.
"""

from datetime import date

from wagtail.models import Locale

from articles.models import (
    ArticleIndexPage,
    ArticlePage,
    ArticlePageTopic,
    ArticleReference,
    Person,
    Topic,
    TopicKind,
)
from demo.images import demo_image
from demo.review import publish_through_review
from home.models import HomePage
from providers.vetting import VettingCriterion

LAST_REVIEWED = date(2026, 10, 5)
ACCESSED = date(2026, 10, 1)

PEOPLE = {
    "author": {
        "name": "Noor Halvorsen",
        "credentials": "Health writer",
        "bio": (
            "Noor writes about mental-health treatments for people weighing their options and "
            "for the families beside them. She works from the published evidence, asks "
            "clinicians to check every claim, and tries to answer the questions readers are "
            "too tired to ask."
        ),
        "is_author": True,
    },
    "reviewer": {
        "name": "Dr. Tomas Okafor-Lind",
        "credentials": "MD, board-certified psychiatrist",
        "bio": (
            "Dr. Okafor-Lind treats adults with mood disorders, including depression that has "
            "not eased with first-line care. He reviews our articles for medical accuracy, "
            "balance and safety."
        ),
        "is_medical_reviewer": True,
    },
}

TOPICS = [
    (
        "treatment-resistant-depression",
        "Treatment-resistant depression",
        TopicKind.CONDITION,
        "Depression that has not improved enough after at least two adequate courses of "
        "antidepressant treatment.",
    ),
    (
        "ketamine-therapy",
        "Ketamine therapy",
        TopicKind.TREATMENT,
        "Low, medically supervised doses of ketamine used to treat depression.",
    ),
    (
        "esketamine",
        "Esketamine",
        TopicKind.TREATMENT,
        "A nasal-spray form of ketamine approved for treatment-resistant depression.",
    ),
    (
        "integration-therapy",
        "Integration therapy",
        TopicKind.TREATMENT,
        "Therapy that helps people make sense of, and build on, what a treatment brings up.",
    ),
]


# Stream data helpers: each returns one block in StreamField's raw (JSON) form.


def heading(text: str, level: str = "h2") -> dict:
    return {"type": "heading", "value": {"text": text, "level": level}}


def paragraph(*sentences_html: str) -> dict:
    return {"type": "paragraph", "value": "".join(f"<p>{html}</p>" for html in sentences_html)}


def callout(tone: str, title: str, body_html: str) -> dict:
    return {"type": "callout", "value": {"tone": tone, "title": title, "body": body_html}}


def statistic(figure: str, measure: str, population: str, reference: str) -> dict:
    return {
        "type": "statistic",
        "value": {
            "figure": figure,
            "measure": measure,
            "population": population,
            "reference": reference,
        },
    }


def glossary(term: str, definition: str) -> dict:
    return {"type": "glossary_term", "value": {"term": term, "definition": definition}}


def simpler_terms(body_html: str) -> dict:
    return {"type": "simpler_terms", "value": {"heading": "In simpler terms", "body": body_html}}


def related_reading(*pages: ArticlePage, heading_text: str = "Read next") -> dict:
    return {
        "type": "related_reading",
        "value": {"heading": heading_text, "articles": [page.pk for page in pages]},
    }


# The flagship article: ketamine therapy for treatment-resistant depression.

KETAMINE_REFERENCES = [
    {
        "key": "nimh-major-depression",
        "title": "Major Depression",
        "publisher": "National Institute of Mental Health",
        "url": "https://www.nimh.nih.gov/health/statistics/major-depression",
        "accessed": ACCESSED,
    },
    {
        "key": "star-d-outcomes",
        "title": (
            "Acute and longer-term outcomes in depressed outpatients requiring one or several "
            "treatment steps: a STAR*D report"
        ),
        "authors": "Rush AJ, Trivedi MH, Wisniewski SR, et al.",
        "publisher": "American Journal of Psychiatry",
        "year": 2006,
        "doi": "10.1176/ajp.2006.163.11.1905",
        "pmid": "17074942",
    },
    {
        "key": "zarate-2006",
        "title": (
            "A randomized trial of an N-methyl-D-aspartate antagonist in treatment-resistant "
            "major depression"
        ),
        "authors": "Zarate CA Jr, Singh JB, Carlson PJ, et al.",
        "publisher": "Archives of General Psychiatry",
        "year": 2006,
        "doi": "10.1001/archpsyc.63.8.856",
        "pmid": "16894061",
    },
    {
        "key": "duman-aghajanian-2012",
        "title": "Synaptic dysfunction in depression: potential therapeutic targets",
        "authors": "Duman RS, Aghajanian GK",
        "publisher": "Science",
        "year": 2012,
        "doi": "10.1126/science.1222939",
        "pmid": "23042884",
    },
    {
        "key": "fda-esketamine-2019",
        "title": (
            "FDA approves new nasal spray medication for treatment-resistant depression; "
            "available only at a certified doctor's office or clinic"
        ),
        "publisher": "U.S. Food and Drug Administration",
        "year": 2019,
        "url": (
            "https://www.fda.gov/news-events/press-announcements/fda-approves-new-nasal-spray-"
            "medication-treatment-resistant-depression-available-only-certified"
        ),
        "accessed": ACCESSED,
    },
    {
        "key": "mcintyre-2021",
        "title": (
            "Synthesizing the evidence for ketamine and esketamine in treatment-resistant "
            "depression: an international expert opinion on the available evidence and "
            "implementation"
        ),
        "authors": "McIntyre RS, Rosenblat JD, Nemeroff CB, et al.",
        "publisher": "American Journal of Psychiatry",
        "year": 2021,
        "doi": "10.1176/appi.ajp.2020.20081251",
        "pmid": "33726522",
    },
]

KETAMINE_STORY = [
    callout(
        "info",
        "About this story",
        "<p>Maya is a composite of experiences people have shared with us. Details are changed, "
        "and no single person is described.</p>",
    ),
    heading("When nothing seems to work"),
    paragraph(
        "For eleven years, Maya kept a list on her phone: every antidepressant she had tried, "
        "the dose, how long she stayed on it and why she stopped. By her early forties the list "
        "ran to seven medicines and two rounds of talking therapy.",
        "Some helped for a season. Most brought side effects that made mornings harder. None "
        "lifted the grey weight that made ordinary tasks, like answering a message or cooking "
        "dinner, feel like climbing stairs in wet clothes.",
    ),
    paragraph(
        "When her psychiatrist mentioned ketamine, Maya was wary. She had heard of it as an "
        "anaesthetic and as a drug people misuse. She asked for the evidence, a clear plan and "
        "time to think, and she brought her partner to the next appointment.",
    ),
    {
        "type": "testimonial",
        "value": {
            "quote": (
                "I didn't feel happy after the first session. I felt quiet. For the first time "
                "in years there was a gap between me and the heaviness, and I could look at it."
            ),
            "attribution": "Maya, 43",
            "name_changed": True,
            "consent_given": True,
        },
    },
    paragraph(
        "Over the following weeks, Maya paired her sessions with a therapist who helped her "
        "use that gap: to rebuild small routines, to reconnect with friends she had drifted "
        "from and to notice early signs of a downturn. The change was gradual and uneven, and "
        "there were hard weeks in the middle.",
    ),
    {
        "type": "reflection",
        "value": {
            "title": "What we took from Maya's story",
            "body": (
                "<p>Ketamine did not fix Maya's life. What it seems to have offered was "
                "room to breathe, and she used that room with support around her. That "
                "combination, not the medicine alone, is what this article is about.</p>"
            ),
        },
    },
]

KETAMINE_SCIENCE = [
    heading("How common treatment-resistant depression is"),
    paragraph(
        "Depression is one of the most common health conditions in the world. Most people "
        "improve with the first or second treatment they try, but a substantial minority do "
        "not. Clinicians usually call depression <em>treatment-resistant</em> when it has not "
        "improved enough after at least two adequate courses of antidepressant medicine.",
    ),
    statistic(
        "8.3%",
        "of adults had at least one major depressive episode in the past year",
        "US adults, 2021 national survey",
        "nimh-major-depression",
    ),
    statistic(
        "67%",
        "reached remission at some point across up to four treatment steps, which left about "
        "one in three who had not",
        "Adult outpatients with major depression in the STAR*D trial",
        "star-d-outcomes",
    ),
    heading("How ketamine is thought to work"),
    paragraph(
        "Most antidepressants act on serotonin, noradrenaline or dopamine. Ketamine acts "
        "mainly on a different messenger, glutamate, which the brain uses to strengthen and "
        "prune connections between nerve cells. Researchers are still working out the details, "
        "but several mechanisms are well supported.",
    ),
    {
        "type": "mechanism_list",
        "value": {
            "intro": "At low, medically supervised doses, ketamine appears to:",
            "mechanisms": [
                {
                    "mechanism": "Block NMDA receptors",
                    "explanation": (
                        "It occupies one kind of glutamate receptor. Oddly, quieting this "
                        "receptor on certain brake-like cells leads to a short burst of "
                        "glutamate activity elsewhere."
                    ),
                },
                {
                    "mechanism": "Boost signalling through AMPA receptors",
                    "explanation": (
                        "That burst passes through a second type of receptor, which "
                        "switches on the cell's growth machinery."
                    ),
                },
                {
                    "mechanism": "Release BDNF, a growth factor for nerve cells",
                    "explanation": (
                        "Brain-derived neurotrophic factor acts like fertiliser for nerve "
                        "cells; levels tend to be low in people with depression."
                    ),
                },
                {
                    "mechanism": "Encourage new synapses (synaptogenesis)",
                    "explanation": (
                        "In animal studies, nerve cells in mood-related areas grow new "
                        "points of contact within a day, reversing some of the loss that "
                        "long-term stress causes."
                    ),
                },
            ],
        },
    },
    simpler_terms(
        "<p>Long-lasting depression and stress seem to wear down connections in the parts of "
        "the brain that handle mood and motivation. Ketamine may help those connections "
        "regrow quickly, which could explain why some people notice a change within hours "
        "or days rather than weeks.</p>"
    ),
    glossary(
        "Glutamate",
        "The brain's most common 'go' signal: a messenger chemical that excites nerve cells "
        "and helps them form and strengthen connections.",
    ),
    heading("What the evidence shows"),
    paragraph(
        "The first controlled studies were small. In one, people with treatment-resistant "
        "depression received a single infusion of ketamine or of a placebo, and then the "
        "other a week later.",
    ),
    statistic(
        "71%",
        "met the study's criteria for response the day after a single ketamine infusion",
        "18 adults with treatment-resistant depression in a small crossover trial",
        "zarate-2006",
    ),
    paragraph(
        "Larger studies and expert reviews since then support a rapid effect for many, though "
        "not all, people with treatment-resistant depression. The benefit of a single dose "
        "usually fades within days to weeks, which is why treatment is given as a course and "
        "followed by a plan for what comes next.",
    ),
    callout(
        "caution",
        "Not a cure",
        "<p>Ketamine does not cure depression, and it does not help everyone. Its side effects "
        "include a temporary rise in blood pressure, nausea and feeling detached from your "
        "surroundings during treatment.</p>",
    ),
]

KETAMINE_GUIDANCE = [
    heading("Choosing a provider"),
    paragraph(
        "Clinics offering ketamine vary widely. The right one treats you as a whole person, "
        "not as a booking, and is open about what it can and cannot offer.",
    ),
    {
        "type": "provider_checklist",
        "value": {
            "intro": "Before you commit to a course of treatment, ask:",
            "items": [
                {
                    "text": (
                        "Is a physician responsible for my care, and is a clinician with me "
                        "throughout each session?"
                    ),
                    "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF.value,
                },
                {
                    "text": (
                        "Will you review my medical and mental-health history, medicines and "
                        "blood pressure before the first session?"
                    ),
                    "criterion": VettingCriterion.THOROUGH_SCREENING.value,
                },
                {
                    "text": (
                        "Do you offer integration therapy, or work with my own therapist "
                        "between sessions?"
                    ),
                    "criterion": VettingCriterion.INTEGRATION_SUPPORT.value,
                },
                {
                    "text": (
                        "Can you give me the full cost and a written treatment plan before I start?"
                    ),
                    "criterion": VettingCriterion.TRANSPARENT_PRICING.value,
                },
                {"text": "Who do I call if I feel unwell after a session, day or night?"},
            ],
        },
    },
    heading("A care plan, not a single treatment"),
    {
        "type": "care_plan",
        "value": {
            "intro": "Ketamine tends to work best as one part of a wider plan:",
            "components": [
                {
                    "name": "Integration therapy",
                    "explanation": (
                        "Sessions with a therapist to make sense of what treatment brings up "
                        "and turn new perspective into lasting change."
                    ),
                },
                {
                    "name": "Lifestyle support",
                    "explanation": (
                        "Steady sleep, regular meals, movement and time with people you "
                        "trust, which help any improvement hold."
                    ),
                },
                {
                    "name": "Ongoing care",
                    "explanation": (
                        "Regular check-ins with your prescriber to track progress, adjust "
                        "other medicines and plan maintenance sessions if needed."
                    ),
                },
            ],
        },
    },
    heading("Barriers and misconceptions"),
    {
        "type": "barriers",
        "value": {
            "items": [
                {
                    "question": "Isn't ketamine a party drug?",
                    "answer": (
                        "<p>Ketamine has been used as an anaesthetic for decades. In a clinic, "
                        "doses are lower, measured precisely and given under monitoring; "
                        "recreational use differs in dose, setting and safety.</p>"
                    ),
                },
                {
                    "question": "Will my insurance pay for it?",
                    "answer": (
                        "<p>It depends on the treatment and your plan. Esketamine nasal spray "
                        "is approved by the FDA and more often covered; ketamine infusions "
                        "for depression are prescribed off-label and are often paid for "
                        "privately. Ask for costs in writing.</p>"
                    ),
                },
                {
                    "question": "Does the effect last?",
                    "answer": (
                        "<p>For many people, the effect of a single session fades within days "
                        "or weeks. A course of sessions, therapy alongside it and a plan for "
                        "maintenance all help.</p>"
                    ),
                },
                {
                    "question": "Is it safe for everyone?",
                    "answer": (
                        "<p>No. Uncontrolled high blood pressure, some heart conditions, a "
                        "history of psychosis or of substance misuse can make ketamine "
                        "unsuitable. Good clinics screen for these first.</p>"
                    ),
                },
            ]
        },
    },
    {
        "type": "provider_directory",
        "value": {
            "label": "Find a vetted ketamine clinic in Pennsylvania",
            "text": (
                "Our directory lists clinics we have checked against the four criteria above. "
                "Start with those near you."
            ),
            "country": "US",
            "region": "PA",
        },
    },
]

# The shorter related articles.

ESKETAMINE_REFERENCES = [
    KETAMINE_REFERENCES[4],
    {
        "key": "popova-2019",
        "title": (
            "Efficacy and safety of flexibly dosed esketamine nasal spray combined with a "
            "newly initiated oral antidepressant in treatment-resistant depression: a "
            "randomized double-blind active-controlled study"
        ),
        "authors": "Popova V, Daly EJ, Trivedi M, et al.",
        "publisher": "American Journal of Psychiatry",
        "year": 2019,
        "doi": "10.1176/appi.ajp.2019.19020172",
        "pmid": "31109201",
    },
]

ESKETAMINE_STORY = [
    paragraph(
        "Esketamine is a nasal spray made from one of the two mirror-image forms of the "
        "ketamine molecule. For many people it is the first ketamine-based treatment their "
        "doctor suggests, because it has been through the FDA's full approval process.",
    ),
]

ESKETAMINE_SCIENCE = [
    heading("What the approval means"),
    paragraph(
        "The FDA approved esketamine in 2019 for adults with treatment-resistant depression, "
        "originally for use alongside an oral antidepressant. Labelling can change over time, "
        "so your prescriber will go through the current prescribing information with you.",
    ),
    statistic(
        "2",
        "hours, at least, that people are observed in the clinic after each dose",
        "Adults using esketamine under the FDA's restricted distribution programme",
        "fda-esketamine-2019",
    ),
    simpler_terms(
        "<p>You take the spray yourself, but only in a certified clinic, and you stay there "
        "until the team is sure the short-lived side effects have passed. You cannot drive "
        "until the next day.</p>"
    ),
    glossary(
        "REMS",
        "Risk Evaluation and Mitigation Strategy: the FDA's set of safety rules for medicines "
        "that need extra precautions.",
    ),
]

INTEGRATION_REFERENCES = [KETAMINE_REFERENCES[5]]

INTEGRATION_STORY = [
    paragraph(
        "Treatments such as ketamine can open a window in which thoughts feel less stuck. "
        "Integration therapy is about what you do with that window: noticing what changed, "
        "making sense of it and building habits that outlast it.",
    ),
]

INTEGRATION_SCIENCE = [
    heading("What we know, and what we do not"),
    paragraph(
        "Research on ketamine has focused on the medicine more than on the therapy around it. "
        "Expert reviews recommend that treatment sits within ongoing psychiatric care, and "
        "many clinicians pair sessions with psychotherapy. Studies that test specific "
        "integration approaches are still few and small.",
    ),
    simpler_terms(
        "<p>Integration is a sensible part of care that many experts support, but the evidence "
        "for any one method is still being gathered. Be wary of anyone who promises more.</p>"
    ),
    glossary(
        "Integration",
        "Working with a therapist to understand and apply what you experienced during a "
        "treatment session in everyday life.",
    ),
]

INTEGRATION_GUIDANCE = [
    heading("Finding an integration therapist"),
    {
        "type": "provider_checklist",
        "value": {
            "items": [
                {
                    "text": "Are they a licensed mental-health professional?",
                    "criterion": VettingCriterion.QUALIFIED_MEDICAL_STAFF.value,
                },
                {
                    "text": "Do they coordinate with the clinic that gives your treatment?",
                    "criterion": VettingCriterion.INTEGRATION_SUPPORT.value,
                },
            ]
        },
    },
]


def load_people_and_topics() -> list[str]:
    """Before the demo accounts, which link the reviewer's account to his profile."""
    english = Locale.objects.get(language_code="en")
    for fields in PEOPLE.values():
        _person(english, **fields)
    for slug, name, kind, text in TOPICS:
        _topic(english, slug, name, kind, text)
    return [f"Article people: {len(PEOPLE)}, topics: {len(TOPICS)}"]


def load() -> list[str]:
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(locale=english)

    index = _index_page(home)
    people = {role: _person(english, **fields) for role, fields in PEOPLE.items()}
    topics = {slug: _topic(english, slug, name, kind, text) for slug, name, kind, text in TOPICS}

    integration = _article(
        index,
        slug="integration-therapy",
        title="Integration therapy: making the most of a treatment window",
        standfirst="What integration therapy involves, and how to find someone to help.",
        summary=(
            "Integration therapy helps people build on what a treatment such as ketamine "
            "brings up. Here is what it involves and what the evidence can and cannot say."
        ),
        image=("Demo: integration therapy", ("#3d5a80", "#e0fbfc")),
        hero_image_alt="Soft blue circles on a pale gradient",
        topics=[topics["integration-therapy"], topics["ketamine-therapy"]],
        people=people,
        story=INTEGRATION_STORY,
        science=INTEGRATION_SCIENCE,
        guidance=INTEGRATION_GUIDANCE,
        references=INTEGRATION_REFERENCES,
    )
    esketamine = _article(
        index,
        slug="esketamine-nasal-spray",
        title="Esketamine nasal spray: what to expect",
        standfirst="How the FDA-approved form of ketamine is given, and why you stay in clinic.",
        summary=(
            "Esketamine is a nasal spray approved for treatment-resistant depression. It is "
            "taken in a certified clinic, with monitoring after every dose."
        ),
        image=("Demo: esketamine", ("#52796f", "#cad2c5")),
        hero_image_alt="Overlapping green circles on a soft gradient",
        topics=[topics["esketamine"], topics["treatment-resistant-depression"]],
        people=people,
        story=ESKETAMINE_STORY,
        science=ESKETAMINE_SCIENCE,
        guidance=[related_reading(integration)],
        references=ESKETAMINE_REFERENCES,
    )
    ketamine = _article(
        index,
        slug="ketamine-therapy-treatment-resistant-depression",
        title="Ketamine therapy for treatment-resistant depression",
        standfirst=(
            "When several treatments have not helped, ketamine may offer a different route. "
            "Here is how it works, what the evidence says and how to choose care wisely."
        ),
        summary=(
            "Ketamine can ease treatment-resistant depression quickly for some people, "
            "though it is not a cure. Learn how it works and how to choose a clinic."
        ),
        image=("Demo: ketamine therapy", ("#2a6f97", "#a9d6e5")),
        hero_image_alt="Calm blue gradient with three white circles",
        topics=[topics["treatment-resistant-depression"], topics["ketamine-therapy"]],
        people=people,
        story=KETAMINE_STORY,
        science=KETAMINE_SCIENCE,
        guidance=[
            *KETAMINE_GUIDANCE,
            related_reading(esketamine, integration, heading_text="Related reading"),
        ],
        references=KETAMINE_REFERENCES,
    )

    articles = [ketamine, esketamine, integration]
    return [
        f"Articles: {len(articles)} reviewed and published under {index.get_url()}",
    ]


def _index_page(home: HomePage) -> ArticleIndexPage:
    index = ArticleIndexPage.objects.child_of(home).filter(slug="articles").first()
    if index is None:
        index = ArticleIndexPage(
            title="Articles",
            slug="articles",
            intro="<p>Long reads on mental-health treatments, checked by clinicians.</p>",
        )
        home.add_child(instance=index)
        index.save_revision().publish()
    return index


def _person(locale: Locale, name: str, **fields) -> Person:
    person, _ = Person.objects.get_or_create(locale=locale, name=name, defaults=fields)
    return person


def _topic(locale: Locale, slug: str, name: str, kind: str, description: str) -> Topic:
    topic, _ = Topic.objects.get_or_create(
        locale=locale,
        slug=slug,
        defaults={"name": name, "kind": kind, "description": description},
    )
    return topic


def _article(
    index: ArticleIndexPage,
    *,
    slug: str,
    image: tuple[str, tuple[str, str]],
    topics: list[Topic],
    people: dict[str, Person],
    references: list[dict],
    **fields,
) -> ArticlePage:
    """The article at `slug` under the index; created if it does not exist, and published
    through the medical review if it is not live."""
    existing = ArticlePage.objects.child_of(index).filter(slug=slug).first()
    if existing is not None:
        if not existing.live:
            publish_through_review(existing)
        return existing

    image_title, colours = image
    article = ArticlePage(
        slug=slug,
        live=False,
        hero_image=demo_image(image_title, colours),
        author=people["author"],
        medical_reviewer=people["reviewer"],
        last_reviewed=LAST_REVIEWED,
        topic_links=[ArticlePageTopic(topic=topic) for topic in topics],
        references=[ArticleReference(**reference) for reference in references],
        **fields,
    )
    index.add_child(instance=article)
    publish_through_review(article)
    return ArticlePage.objects.get(pk=article.pk)
