"""Demo provider directory: services and fictional clinics in several US states.

Every clinic here is invented. Names end in "(fictional)", phone numbers use the 555-01xx range
reserved for fiction, and websites live under example.org.
"""

import datetime
from decimal import Decimal

from wagtail.models import Locale

from home.models import HomePage
from providers.models import ProviderIndexPage, ProviderPage, ProviderService, Service
from providers.vetting import VettingCriterion, evidence_field_name

SERVICES = [
    {
        "slug": "iv-ketamine",
        "name": "IV ketamine infusions",
        "short_description": (
            "Low doses of ketamine given through a drip over about forty minutes, with staff "
            "checking blood pressure and breathing throughout."
        ),
    },
    {
        "slug": "esketamine-rems",
        "name": "Esketamine nasal spray (REMS-certified)",
        "short_description": (
            "A prescription nasal spray used in a certified clinic, where patients stay for "
            "observation for at least two hours after each dose."
        ),
    },
    {
        "slug": "ketamine-assisted-psychotherapy",
        "name": "Ketamine-assisted psychotherapy",
        "short_description": (
            "Talking therapy planned around ketamine sessions, with the same therapist "
            "before, during and after."
        ),
    },
    {
        "slug": "integration-therapy",
        "name": "Integration therapy",
        "short_description": (
            "Follow-up sessions that help a person make sense of what came up during treatment "
            "and turn it into everyday changes."
        ),
    },
]

INTRO = (
    "<p>These clinics offer ketamine-based treatments for depression that has not eased with "
    "other care. Each listing shows which of our four vetting criteria we could confirm, what "
    "the clinic showed us, and when we last checked.</p>"
    "<p>Every clinic in this demo directory is fictional.</p>"
)

FICTIONAL_NOTE = (
    "<p><i>This clinic is fictional. It exists only to demonstrate the directory; any "
    "resemblance to a real practice is a coincidence.</i></p>"
)

# Each clinic: address and contact, services by slug, and per criterion (met, evidence).
CLINICS = [
    {
        "title": "Schuylkill Ketamine Clinic (fictional)",
        "slug": "schuylkill-ketamine-clinic",
        "about": (
            "A small outpatient clinic near Rittenhouse Square run by two anaesthesiologists "
            "and a psychiatric nurse practitioner. New patients meet the prescriber twice "
            "before a first infusion, and a therapist on site offers follow-up sessions."
        ),
        "street": "1820 Sample Street, Suite 300",
        "city": "Philadelphia",
        "region": "PA",
        "postal_code": "19103",
        "latitude": "39.950710",
        "longitude": "-75.171520",
        "phone": "(215) 555-0142",
        "website": "https://schuylkill-ketamine.example.org",
        "services": ["iv-ketamine", "esketamine-rems", "integration-therapy"],
        "vetting": {
            "qualified_medical_staff": (True, "Staff page lists each clinician's licence number."),
            "thorough_screening": (True, "Sent us its two-part intake questionnaire."),
            "integration_support": (True, "Therapist on site; sessions booked after infusions."),
            "transparent_pricing": (True, "Price list and sample plan published on its website."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "About $475 per infusion; first assessment $250. Packages of six.",
        "insurance_accepted": "Esketamine billed to most major insurers; infusions self-pay.",
        "licences_and_accreditation": "REMS-certified treatment centre for esketamine.",
        "last_verified": datetime.date(2026, 10, 6),
    },
    {
        "title": "Three Rivers Infusion Center (fictional)",
        "slug": "three-rivers-infusion-center",
        "about": (
            "An infusion centre in downtown Pittsburgh that treats depression and chronic "
            "pain. Treatment follows a referral from the patient's own psychiatrist, who "
            "stays in charge of their wider care."
        ),
        "street": "400 Example Boulevard, Floor 2",
        "city": "Pittsburgh",
        "region": "PA",
        "postal_code": "15222",
        "latitude": "40.441690",
        "longitude": "-79.990086",
        "phone": "(412) 555-0117",
        "website": "https://three-rivers-infusion.example.org",
        "services": ["iv-ketamine"],
        "vetting": {
            "qualified_medical_staff": (True, "Board-certified anaesthesiologist on every shift."),
            "thorough_screening": (True, "Requires a referral letter and recent medical history."),
            "integration_support": (False, "No therapy offered; refers back to the psychiatrist."),
            "transparent_pricing": (True, "Gave us a written quote for a six-session course."),
        },
        "accepting_new_patients": False,
        "pricing_notes": "About $550 per infusion.",
        "insurance_accepted": "Self-pay only; provides receipts for reimbursement claims.",
        "licences_and_accreditation": "",
        "last_verified": datetime.date(2026, 9, 22),
    },
    {
        "title": "Susquehanna Mood Care (fictional)",
        "slug": "susquehanna-mood-care",
        "about": (
            "A psychiatry practice in Harrisburg that added esketamine treatment to its "
            "existing care for depression. Patients keep seeing their own psychiatrist here "
            "between sessions."
        ),
        "street": "25 Demo Avenue",
        "city": "Harrisburg",
        "region": "PA",
        "postal_code": "17101",
        "latitude": "40.264380",
        "longitude": "-76.883550",
        "phone": "(717) 555-0163",
        "website": "https://susquehanna-mood.example.org",
        "services": ["esketamine-rems", "integration-therapy"],
        "vetting": {
            "qualified_medical_staff": (True, "Psychiatrists and nurses named on its website."),
            "thorough_screening": (True, "Full psychiatric assessment before any treatment."),
            "integration_support": (True, "Weekly group and individual sessions."),
            "transparent_pricing": (False, "Could not give us a price before an assessment."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "Depends on insurance; ask for an estimate after the assessment.",
        "insurance_accepted": "Most major insurers and Medicare.",
        "licences_and_accreditation": "REMS-certified treatment centre for esketamine.",
        "last_verified": datetime.date(2026, 8, 30),
    },
    {
        "title": "Hudson Valley Ketamine Therapy (fictional)",
        "slug": "hudson-valley-ketamine-therapy",
        "about": (
            "A therapy-led practice where a psychiatrist and a team of psychotherapists work "
            "together. Every ketamine session sits inside a planned course of therapy."
        ),
        "street": "7 Placeholder Lane",
        "city": "Kingston",
        "region": "NY",
        "postal_code": "12401",
        "latitude": "41.927010",
        "longitude": "-73.997360",
        "phone": "(845) 555-0108",
        "website": "https://hudson-valley-kt.example.org",
        "services": ["ketamine-assisted-psychotherapy", "integration-therapy"],
        "vetting": {
            "qualified_medical_staff": (True, "Psychiatrist prescribes and attends each dose."),
            "thorough_screening": (True, "Showed us its screening and exclusion criteria."),
            "integration_support": (True, "Integration sessions are part of every course."),
            "transparent_pricing": (True, "Course price published, including therapy hours."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "About $3,200 for a course of three dosing and six therapy sessions.",
        "insurance_accepted": "Therapy sessions may be billed out of network.",
        "licences_and_accreditation": "",
        "last_verified": datetime.date(2026, 10, 14),
    },
    {
        "title": "Harbor Light Infusions (fictional)",
        "slug": "harbor-light-infusions",
        "about": (
            "A newly opened infusion clinic in Brooklyn. At our last check it had a medical "
            "team in place but was still writing its screening and follow-up procedures."
        ),
        "street": "88 Sample Street",
        "city": "Brooklyn",
        "region": "NY",
        "postal_code": "11201",
        "latitude": "40.692800",
        "longitude": "-73.990300",
        "phone": "(718) 555-0129",
        "website": "https://harbor-light.example.org",
        "services": ["iv-ketamine"],
        "vetting": {
            "qualified_medical_staff": (True, "Emergency physician supervises every infusion."),
            "thorough_screening": (False, "Screening is a short online form only."),
            "integration_support": (False, ""),
            "transparent_pricing": (False, "Prices given by phone only, and they varied."),
        },
        "accepting_new_patients": False,
        "pricing_notes": "",
        "insurance_accepted": "Self-pay only.",
        "licences_and_accreditation": "",
        "last_verified": datetime.date(2026, 7, 18),
    },
    {
        "title": "Bay Path Psychiatry (fictional)",
        "slug": "bay-path-psychiatry",
        "about": (
            "A group psychiatry practice in Oakland that offers esketamine and "
            "ketamine-assisted therapy alongside medication management and talking therapy."
        ),
        "street": "1500 Example Way, Suite 12",
        "city": "Oakland",
        "region": "CA",
        "postal_code": "94612",
        "latitude": "37.804400",
        "longitude": "-122.271100",
        "phone": "(510) 555-0186",
        "website": "https://bay-path-psychiatry.example.org",
        "services": ["esketamine-rems", "ketamine-assisted-psychotherapy"],
        "vetting": {
            "qualified_medical_staff": (True, "Licensed psychiatrists; nurses monitor dosing."),
            "thorough_screening": (True, "Two assessment visits before treatment starts."),
            "integration_support": (True, "Therapists on staff; sessions after each dose."),
            "transparent_pricing": (False, "No written price list; quotes vary by insurance."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "Ask for an estimate; depends on insurance.",
        "insurance_accepted": "Several major insurers; Medi-Cal for esketamine.",
        "licences_and_accreditation": "REMS-certified treatment centre for esketamine.",
        "last_verified": datetime.date(2026, 9, 3),
    },
    {
        "title": "Front Range Ketamine Center (fictional)",
        "slug": "front-range-ketamine-center",
        "about": (
            "A Denver clinic offering infusions and therapy-supported sessions. Its prices "
            "are clear, but it could not show us a written screening process."
        ),
        "street": "1600 Placeholder Street",
        "city": "Denver",
        "region": "CO",
        "postal_code": "80202",
        "latitude": "39.749200",
        "longitude": "-104.995600",
        "phone": "(303) 555-0154",
        "website": "https://front-range-ketamine.example.org",
        "services": ["iv-ketamine", "ketamine-assisted-psychotherapy", "integration-therapy"],
        "vetting": {
            "qualified_medical_staff": (True, "Nurse anaesthetists under a medical director."),
            "thorough_screening": (False, "Screening is a phone call; nothing in writing."),
            "integration_support": (True, "Partner therapists offer integration sessions."),
            "transparent_pricing": (True, "All prices listed on its website."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "$425 per infusion; therapy sessions $180 each.",
        "insurance_accepted": "Self-pay only.",
        "licences_and_accreditation": "",
        "last_verified": datetime.date(2026, 10, 1),
    },
    {
        "title": "Lone Star Mood Clinic (fictional)",
        "slug": "lone-star-mood-clinic",
        "about": (
            "An Austin clinic with a long waiting list. It offers infusions and esketamine, "
            "and refers patients elsewhere for therapy."
        ),
        "street": "300 Sample Avenue",
        "city": "Austin",
        "region": "TX",
        "postal_code": "78701",
        "latitude": "30.267200",
        "longitude": "-97.743100",
        "phone": "(512) 555-0171",
        "website": "https://lone-star-mood.example.org",
        "services": ["iv-ketamine", "esketamine-rems"],
        "vetting": {
            "qualified_medical_staff": (True, "Psychiatrist and anaesthesiologist on staff."),
            "thorough_screening": (True, "Showed us its medical and psychiatric checklist."),
            "integration_support": (False, "Gives a list of local therapists; no follow-up."),
            "transparent_pricing": (True, "Sent us its fee schedule by email."),
        },
        "accepting_new_patients": False,
        "pricing_notes": "About $500 per infusion.",
        "insurance_accepted": "Esketamine through some insurers; infusions self-pay.",
        "licences_and_accreditation": "REMS-certified treatment centre for esketamine.",
        "last_verified": datetime.date(2026, 8, 11),
    },
    {
        "title": "Lakeshore Integration Collective (fictional)",
        "slug": "lakeshore-integration-collective",
        "about": (
            "A group of therapists in Chicago who specialise in integration work. They do not "
            "give ketamine themselves; they work with patients treated at other clinics."
        ),
        "street": "150 Demo Drive, Suite 5",
        "city": "Chicago",
        "region": "IL",
        "postal_code": "60601",
        "latitude": "41.886400",
        "longitude": "-87.618600",
        "phone": "(312) 555-0195",
        "website": "https://lakeshore-integration.example.org",
        "services": ["integration-therapy"],
        "vetting": {
            "qualified_medical_staff": (False, "Therapists only; no prescriber on staff."),
            "thorough_screening": (True, "Intake interview covers history and current care."),
            "integration_support": (True, "Integration therapy is its whole practice."),
            "transparent_pricing": (True, "Session fees and sliding scale on its website."),
        },
        "accepting_new_patients": True,
        "pricing_notes": "$150 per session; sliding scale available.",
        "insurance_accepted": "Out of network; superbills provided.",
        "licences_and_accreditation": "Licensed clinical social workers and counsellors.",
        "last_verified": datetime.date(2026, 11, 2),
    },
]


def load() -> list[str]:
    english = Locale.objects.get(language_code="en")
    services = {spec["slug"]: _service(english, spec) for spec in SERVICES}
    directory = _directory(HomePage.objects.get(locale=english))
    for clinic in CLINICS:
        _provider(directory, services, clinic)

    providers = ProviderPage.objects.child_of(directory).live()
    regions = sorted(set(providers.values_list("region", flat=True)))
    return [
        f"Provider directory: {len(services)} services, {providers.count()} providers "
        f"in {', '.join(regions)}"
    ]


def _service(locale: Locale, spec: dict[str, str]) -> Service:
    service = Service.objects.filter(locale=locale, slug=spec["slug"]).first()
    if service is None:
        service = Service.objects.create(locale=locale, **spec)
    return service


def _directory(home: HomePage) -> ProviderIndexPage:
    directory = ProviderIndexPage.objects.child_of(home).filter(slug="providers").first()
    if directory is None:
        directory = ProviderIndexPage(title="Find a provider", slug="providers", intro=INTRO)
        home.add_child(instance=directory)
        directory.save_revision().publish()
    return directory


def _provider(
    directory: ProviderIndexPage, services: dict[str, Service], clinic: dict
) -> ProviderPage:
    existing = ProviderPage.objects.child_of(directory).filter(slug=clinic["slug"]).first()
    if existing is not None:
        return existing

    derived = {"about", "services", "vetting", "latitude", "longitude"}
    fields = {key: value for key, value in clinic.items() if key not in derived}
    for value, (met, evidence) in clinic["vetting"].items():
        criterion = VettingCriterion(value)
        fields[criterion.value] = met
        fields[evidence_field_name(criterion)] = evidence
    page = ProviderPage(
        **fields,
        latitude=Decimal(clinic["latitude"]),
        longitude=Decimal(clinic["longitude"]),
        description=f"<p>{clinic['about']}</p>{FICTIONAL_NOTE}",
    )
    page.services = [
        ProviderService(service=services[slug], locale=directory.locale)
        for slug in clinic["services"]
    ]
    directory.add_child(instance=page)
    page.save_revision().publish()
    return page
