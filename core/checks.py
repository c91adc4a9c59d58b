"""System checks for settings that production must never run with."""

from django.conf import settings
from django.core.checks import Error, register

#: Email backends that never deliver: they print (password-reset links into the server log) or
#: keep messages in memory.
UNSENT_EMAIL_BACKENDS = {
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
}


@register()
def check_production_email(app_configs=None, **kwargs) -> list[Error]:
    """Under production settings, email must really be sent (and not printed to the log)."""
    if not getattr(settings, "PRODUCTION_CHECKS", False):
        return []
    if settings.EMAIL_BACKEND in UNSENT_EMAIL_BACKENDS:
        return [
            Error(
                f"EMAIL_BACKEND is {settings.EMAIL_BACKEND}, which does not send email: "
                "password-reset links would end up in the server log or nowhere.",
                hint="Unset EMAIL_BACKEND to use SMTP, and set EMAIL_HOST, EMAIL_PORT, "
                "EMAIL_HOST_USER, EMAIL_HOST_PASSWORD and DEFAULT_FROM_EMAIL.",
                id="core.E001",
            )
        ]
    return []


#: wagtail-localize's development translator: it reverses words, and readers would get that.
DEVELOPMENT_MACHINE_TRANSLATOR = "wagtail_localize.machine_translators.dummy.DummyTranslator"


@register()
def check_production_machine_translator(app_configs=None, **kwargs) -> list[Error]:
    """Under production settings, "Translate with …" must offer a real service or nothing."""
    if not getattr(settings, "PRODUCTION_CHECKS", False):
        return []
    translator = getattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR", None) or {}
    if translator.get("CLASS") == DEVELOPMENT_MACHINE_TRANSLATOR:
        return [
            Error(
                "MACHINE_TRANSLATOR is dummy, the development translator that reverses words: "
                "translators would be offered it as a machine translation.",
                hint="Set MACHINE_TRANSLATOR to deepl or libretranslate, or leave it unset.",
                id="core.E002",
            )
        ]
    return []
