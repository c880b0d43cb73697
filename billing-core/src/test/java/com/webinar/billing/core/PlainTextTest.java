package com.webinar.billing.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlainTextTest {

    @ParameterizedTest(name = "\"{0}\" is plain text")
    @ValueSource(strings = {"", "Sam", "Zoë Müller", "山田太郎", "Team 🚀 Paris", "order-1/2026", "a b\u00a0c", "\u200d"})
    void names_in_any_script_with_emoji_are_plain_text(String text) {
        assertThat(PlainText.isPlain(text)).isTrue();
        assertThat(PlainText.require(text, "name")).isEqualTo(text);
    }

    @ParameterizedTest(name = "U+{0} is refused")
    @ValueSource(
            strings = {
                "0000", "0007", "0009", "000a", "000d", "001b", "007f", "0085", "009f", "d800", "dbff", "dc00", "dfff",
                "fffd"
            })
    void control_characters_lone_surrogates_and_the_replacement_character_are_refused(String codeUnit) {
        String text = "Sam" + (char) Integer.parseInt(codeUnit, 16) + "Smith";

        assertThat(PlainText.isPlain(text)).isFalse();
        assertThatThrownBy(() -> PlainText.require(text, "owner.name"))
                .isInstanceOfSatisfying(BillingException.class, e -> {
                    assertThat(e.error()).isEqualTo(BillingError.INVALID_REQUEST);
                    assertThat(e.detail()).contains("'owner.name'");
                });
    }

    @ParameterizedTest(name = "\"{0}\" at either end is refused")
    @ValueSource(strings = {"\ud83d", "\ude80"})
    void half_of_a_surrogate_pair_is_refused_at_either_end(String half) {
        assertThat(PlainText.isPlain(half + "Sam")).isFalse();
        assertThat(PlainText.isPlain("Sam" + half)).isFalse();
        assertThat(PlainText.isPlain("\ude80\ud83d")).isFalse(); // a pair in the wrong order
    }
}
