"""INFLESZ, the readability scale Spanish health services use, on texts counted by hand."""

import pytest

from editorial.checks.readability import (
    Counts,
    inflesz,
    inflesz_band,
    measure,
    spanish_counts,
    spanish_syllables,
    szigriszt_pazos,
)

# 12 words, 37 syllables (la 1, de-pre-sión 3, re-sis-ten-te 4, al 1, tra-ta-mien-to 4,
# re-quie-re 3, u-na 2, e-va-lua-ción 4, psi-quiá-tri-ca 4, es-pe-cia-li-za-da 6, y 1,
# con-ti-nua-da 4).
DENSE_SENTENCE = (
    "La depresión resistente al tratamiento requiere una evaluación psiquiátrica especializada "
    "y continuada. "
)


@pytest.mark.parametrize(
    "word, syllables",
    [
        ("ahora", 3),  # a-ho-ra: pyphen says 2
        ("psicología", 5),  # psi-co-lo-gí-a: an accented í breaks the diphthong
        ("aéreo", 4),  # a-é-re-o: two strong vowels are two syllables
        ("día", 2),
        ("país", 2),
        ("cuidado", 3),  # cui-da-do: two weak vowels share a syllable
        ("quiero", 2),  # the u of qui is silent
        ("guerra", 2),
        ("pingüino", 3),  # the ü is pronounced
        ("hoy", 1),  # a final y after a vowel is a vowel
        ("Uruguay", 3),
        ("ayuda", 3),  # a y between vowels is a consonant
        ("y", 1),
        ("SUICIDIO", 3),
    ],
)
def test_spanish_syllables_are_counted_as_spoken(word, syllables):
    assert spanish_syllables(word) == syllables


def test_a_short_plain_text_scores_as_counted_by_hand():
    # 2 sentences, 9 words, 17 syllables (la 1, a-yu-da 3, fun-cio-na 3, ha-bla 2, hoy 1, con 1,
    # al-guien 2, de 1, con-fian-za 3): 206.835 - 62.3 * 17 / 9 - 9 / 2 = 84.66.
    text = "La ayuda funciona. Habla hoy\ncon alguien de confianza."

    assert spanish_counts(text) == Counts(sentences=2, words=9, syllables=17)
    assert inflesz(text) == pytest.approx(84.66, abs=0.01)


def test_a_dense_clinical_text_is_very_difficult():
    # 9 sentences, 108 words, 333 syllables: 206.835 - 62.3 * 333 / 108 - 108 / 9 = 2.74.
    readability = measure(DENSE_SENTENCE * 9, "es")

    assert readability.score == pytest.approx(2.74, abs=0.01)
    assert readability.level == "very difficult"
    assert readability.above_target is True
    # The repeated sentence is quoted once, in full: it has 12 words.
    assert readability.hardest == (DENSE_SENTENCE.strip(),)


@pytest.mark.parametrize(
    "score, band",
    [
        (39.4, "very difficult"),
        (40, "somewhat difficult"),
        (54.4, "somewhat difficult"),
        (54.6, "normal"),  # shown as 55, so it is "normal"
        (64.9, "fairly easy"),
        (79.4, "fairly easy"),
        (80, "very easy"),
    ],
)
def test_inflesz_bands_follow_the_published_scale(score, band):
    assert inflesz_band(score) == band


def test_everyday_spanish_is_fairly_easy_and_dense_spanish_is_above_the_target():
    # 100 words in 10 sentences: 206.835 - 0.623 * syllables - 10.
    assert szigriszt_pazos(Counts(sentences=10, words=100, syllables=225)) == pytest.approx(
        56.66, abs=0.01
    )
    # 12 words, 23 syllables a sentence (hoy 1, pi-do 2, a-yu-da 3, a 1, mi 1, mé-di-co 3, de 1,
    # ca-be-ce-ra 4, por-que 2, me 1, sien-to 2, tris-te 2): 206.835 - 62.3 * 23 / 12 - 12.
    everyday = "Hoy pido ayuda a mi médico de cabecera porque me siento triste. " * 10

    readability = measure(everyday, "es")

    assert readability.score == pytest.approx(75.43, abs=0.01)
    assert (readability.level, readability.above_target) == ("fairly easy", False)
    assert measure(DENSE_SENTENCE * 9, "es").above_target is True
