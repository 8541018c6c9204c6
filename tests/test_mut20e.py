"""Mutation pass 20 (mut20e): `messages` on current code, what its tests left open.

The links an app's buttons follow (``mailto:``, ``tel:``), their refusals word for
word, and the words an app asks the user for a missing detail with.
"""

from __future__ import annotations

import attrs
import pytest

from followup_rules import Channel, Message, TemplateError


def call(address: str | None = "+49 (0)30 123 45-67 ext. 12") -> Message:
    """A call built by hand, as an app may build one from stored fields."""
    return Message(
        subject=None,
        text="Thank Ana for her time.",
        html=None,
        to="Ana Ruiz",
        channel=Channel.PHONE,
        template="thank_you_call",
        missing_details=("email", "topics"),
        address=address,
    )


class TestTelLink:
    def test_the_zero_dialled_only_at_home_is_left_out(self) -> None:
        """ "+49 (0)30 ..." is dialled from abroad without its "(0)"."""
        assert call().tel() == "tel:+49301234567;ext=12"
        assert call("+44 (0)20 7946 0958").tel() == "tel:+442079460958"

    def test_a_local_number_keeps_its_leading_zero(self) -> None:
        """Without a country code the "(0...)" is part of the number dialled at home."""
        assert call("(030) 1234567").tel("+49") == "tel:0301234567;phone-context=+49"
        assert call("(0)30 1234567").tel("+49") == "tel:0301234567;phone-context=+49"

    def test_refusals_say_what_is_wrong(self) -> None:
        with pytest.raises(TemplateError) as refused:
            call().tel("49")
        assert str(refused.value) == ("phone_context must be a country code like '+49', got '49'")
        email = attrs.evolve(call(), channel=Channel.EMAIL, subject="Thank you")
        with pytest.raises(TemplateError) as refused:
            email.tel()
        assert str(refused.value) == "a EMAIL message has no tel: link (not a call)"


class TestMailtoLink:
    def test_refused_for_a_call_in_words(self) -> None:
        with pytest.raises(TemplateError) as refused:
            call().mailto()
        assert str(refused.value) == "a PHONE message has no mailto: link (not an e-mail)"

    def test_no_known_address_leaves_the_address_empty(self) -> None:
        """The mail client asks for the address: the link invents none."""
        email = attrs.evolve(call(None), channel=Channel.EMAIL, subject="Thank you")
        assert email.mailto() == "mailto:?subject=Thank%20you&body=Thank%20Ana%20for%20her%20time."


class TestMissingWords:
    def test_english_by_default_and_the_locale_asked_for(self) -> None:
        assert call().missing_words() == {
            "email": "their e-mail address",
            "topics": "the topics you discussed",
        }
        assert call().missing_words("de") == {
            "email": "die E-Mail-Adresse der Person",
            "topics": "die besprochenen Themen",
        }


class TestTimeFilter:
    def test_a_custom_template_s_time_keeps_its_minutes(self) -> None:
        """The ``time`` filter a custom pack may use (no shipped template does)."""
        from datetime import datetime

        from followup_rules import TemplatePack

        moment = datetime(2026, 1, 5, 10, 30)
        for locale, said in [("en", "10:30 AM"), ("de", "10:30 Uhr")]:
            template = TemplatePack(locale=locale).environment.from_string("{{ t|time }}")
            assert template.render(t=moment) == said
