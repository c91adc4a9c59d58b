"""Generated article content for the benchmark: about 40 blocks per article, as editors build them.

Every section mixes the block types the delivery API has to work hardest on: rich text with page
links, images, statistics citing references, mechanism lists, checklists, care plans, questions
and answers, a provider-directory link and related reading. The words are filler written for this
file; only their shape (lengths, nesting, links) matters. A seeded random generator makes the
same dataset on every machine.
"""

import random
from dataclasses import dataclass

from providers.vetting import VettingCriterion

SENTENCES = [
    "Many people try more than one treatment before they find care that helps.",
    "A good clinic explains what each session involves before anything starts.",
    "Side effects are usually short-lived, but they deserve an honest conversation.",
    "Progress often shows up first in sleep, appetite or the energy to see friends.",
    "Families can help by noticing small changes and naming them kindly.",
    "The evidence is still growing, and careful studies matter more than headlines.",
    "Screening makes sure that a treatment is safe for someone's heart and history.",
    "Integration sessions help people turn what they noticed into everyday habits.",
    "Costs vary widely, so ask for the full price of a course in writing.",
    "Most people keep seeing their usual clinician while they try something new.",
    "Relapse is not failure; it is information that helps adjust the plan.",
    "Clinicians measure change with questionnaires so that everyone sees the same picture.",
    "It is fine to ask who is medically responsible for your care at every visit.",
    "Short-term relief is real, and planning for the longer term matters too.",
    "A trusted person can drive you home and sit with you for the rest of the day.",
]

HEADINGS = [
    "What people notice first",
    "How the treatment is given",
    "What the evidence says",
    "Who it may help",
    "Questions to ask a clinic",
    "Planning the weeks after",
    "Safety and side effects",
    "Costs and coverage",
]

MECHANISMS = [
    ("Blocks NMDA receptors", "It quiets one kind of signal, which sets off changes elsewhere."),
    ("Releases glutamate", "A burst of the brain's main 'go' messenger follows."),
    ("Encourages new synapses", "Nerve cells grow new points of contact within hours."),
    ("Raises BDNF levels", "A growth factor that helps connections last rises for a while."),
    ("Calms the default network", "Circuits linked to rumination become less dominant."),
]

GLOSSARY = [
    ("Remission", "When symptoms have eased so much that they barely affect daily life."),
    ("Placebo", "A look-alike treatment with no active ingredient, used for comparison."),
    ("Synapse", "The tiny gap where one nerve cell passes a signal to the next."),
    ("Dissociation", "A temporary, dream-like sense of distance from the body or the room."),
]

# Every item names a criterion: the API answers 422 for an item left without one (reported).
CHECKS = [
    ("Is a physician responsible for my care at every session?", "qualified_medical_staff"),
    ("How do you screen for heart problems and past substance use?", "thorough_screening"),
    ("Who helps me make sense of the experience afterwards?", "integration_support"),
    ("What will the whole course cost, including follow-ups?", "transparent_pricing"),
    ("What happens if I feel unwell during a session?", "qualified_medical_staff"),
    ("How do you share progress with my usual clinician?", "integration_support"),
]

QUESTIONS = [
    ("Will my insurance pay for it?", "Coverage depends on the plan and the form of treatment."),
    ("Is it addictive at these doses?", "Supervised, infrequent doses carry a low risk."),
    ("Do I have to stop my other medicines?", "Usually not; your prescriber will check each."),
    ("How soon will I know if it works?", "Many people notice a change within two weeks."),
]

REFERENCE_PUBLISHERS = [
    "American Journal of Psychiatry",
    "JAMA Psychiatry",
    "The Lancet Psychiatry",
    "National Institute of Mental Health",
    "British Journal of Psychiatry",
]

REGIONS = ["PA", "NY", "CA", "TX", "IL", "MA"]

#: How many references each article lists; statistics cite them by key.
REFERENCES_PER_ARTICLE = 6


@dataclass(frozen=True)
class Links:
    """What an article's content may point to: already existing pages and images."""

    page_ids: list[int]
    article_ids: list[int]
    image_ids: list[int]


class ArticleContent:
    """The fields and sections of article number `number`, reproducibly."""

    def __init__(self, number: int, links: Links):
        self.number = number
        self.links = links
        self.random = random.Random(number)

    # Building blocks

    def sentences(self, count: int) -> str:
        return " ".join(self.random.choice(SENTENCES) for _ in range(count))

    def link(self, words: str) -> str:
        page_id = self.random.choice(self.links.page_ids)
        return f'<a linktype="page" id="{page_id}">{words}</a>'

    def paragraph(self, linked: bool = True) -> dict:
        text = self.sentences(3)
        if linked:
            text += f" Read {self.link('more about this')} or {self.link('a related guide')}."
        return {"type": "paragraph", "value": f"<p>{text}</p><p>{self.sentences(2)}</p>"}

    def heading(self, level: str = "h2") -> dict:
        return {"type": "heading", "value": {"text": self.random.choice(HEADINGS), "level": level}}

    def image(self) -> dict:
        return {
            "type": "image",
            "value": {
                "image": self.random.choice(self.links.image_ids),
                "alt_text": "A calm abstract gradient with soft circles",
                "decorative": False,
                "caption": self.sentences(1),
                "credit": "Illustration: Health CMS",
            },
        }

    def callout(self, tone: str) -> dict:
        return {
            "type": "callout",
            "value": {
                "tone": tone,
                "title": "Worth knowing",
                "body": f"<p>{self.sentences(2)}</p>",
            },
        }

    def statistic(self) -> dict:
        return {
            "type": "statistic",
            "value": {
                "figure": f"{self.random.randint(5, 80)}%",
                "measure": "of participants improved on a standard depression scale",
                "population": "Adults with depression in a randomised trial",
                "reference": f"source-{self.random.randint(1, REFERENCES_PER_ARTICLE)}",
            },
        }

    # Sections

    def story(self) -> list[dict]:
        return [
            self.heading(),
            self.paragraph(),
            self.paragraph(),
            {
                "type": "testimonial",
                "value": {
                    "quote": self.sentences(2),
                    "attribution": "Sam, 41, a nurse",
                    "name_changed": True,
                    "consent_given": True,
                },
            },
            self.paragraph(),
            self.image(),
            self.paragraph(linked=False),
            {
                "type": "reflection",
                "value": {"title": "Looking back", "body": f"<p>{self.sentences(3)}</p>"},
            },
            self.heading("h3"),
            self.paragraph(),
            self.paragraph(),
            self.callout("tip"),
        ]

    def science(self) -> list[dict]:
        mechanisms = self.random.sample(MECHANISMS, 3)
        return [
            self.heading(),
            self.paragraph(),
            {
                "type": "mechanism_list",
                "value": {
                    "intro": "At low, supervised doses, the medicine appears to:",
                    "mechanisms": [
                        {"mechanism": name, "explanation": explanation}
                        for name, explanation in mechanisms
                    ],
                },
            },
            self.statistic(),
            self.paragraph(),
            self.statistic(),
            {
                "type": "simpler_terms",
                "value": {"heading": "In simpler terms", "body": f"<p>{self.sentences(2)}</p>"},
            },
            self.image(),
            self.heading("h3"),
            self.statistic(),
            self.paragraph(),
            *(
                {"type": "glossary_term", "value": {"term": term, "definition": definition}}
                for term, definition in self.random.sample(GLOSSARY, 2)
            ),
            self.statistic(),
            self.callout("caution"),
        ]

    def guidance(self) -> list[dict]:
        blocks = [
            self.heading(),
            self.paragraph(),
            {
                "type": "provider_checklist",
                "value": {
                    "intro": "Before you book, ask:",
                    "items": [{"text": text, "criterion": code} for text, code in CHECKS],
                },
            },
            self.paragraph(),
            {
                "type": "care_plan",
                "value": {
                    "intro": "Treatment tends to work best as part of a wider plan:",
                    "components": [
                        {"name": name, "explanation": self.sentences(1)}
                        for name in ("Preparation", "Treatment sessions", "Integration therapy")
                    ],
                },
            },
            {
                "type": "barriers",
                "value": {
                    "intro": "",
                    "items": [
                        {"question": question, "answer": f"<p>{answer} {self.link('More')}.</p>"}
                        for question, answer in QUESTIONS
                    ],
                },
            },
            self.image(),
            {
                "type": "provider_directory",
                "value": {
                    "label": "Find a vetted clinic near you",
                    "text": "Every clinic in the directory is checked against four criteria.",
                    "country": "US",
                    "region": self.random.choice(REGIONS),
                    "service": "iv-ketamine",
                    "criterion": VettingCriterion.INTEGRATION_SUPPORT.value,
                },
            },
            self.paragraph(),
            self.callout("safety"),
        ]
        if self.links.article_ids:
            count = min(3, len(self.links.article_ids))
            blocks.append(
                {
                    "type": "related_reading",
                    "value": {
                        "heading": "Read next",
                        "articles": self.random.sample(self.links.article_ids, count),
                    },
                }
            )
        else:  # the first article has nothing to recommend yet
            blocks.append(self.paragraph())
        return blocks

    def references(self) -> list[dict]:
        return [
            {
                "key": f"source-{n}",
                "title": f"A randomised trial of a rapid-acting treatment for depression, part {n}",
                "authors": "Rivera L, Osei K, Lindqvist M, et al.",
                "publisher": self.random.choice(REFERENCE_PUBLISHERS),
                "year": self.random.randint(2006, 2025),
                "doi": f"10.1000/bench.{self.number}.{n}",
                "pmid": str(30_000_000 + self.number * 10 + n),
            }
            for n in range(1, REFERENCES_PER_ARTICLE + 1)
        ]
