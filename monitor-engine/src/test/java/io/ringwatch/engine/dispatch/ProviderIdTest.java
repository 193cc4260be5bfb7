package io.ringwatch.engine.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProviderIdTest {

    @Property
    void acceptsLowerCaseLettersDigitsAndDashesAfterALetterOrDigit(@ForAll("validIds") String id) {
        assertThat(NotifierProviders.isValidId(id)).isTrue();
    }

    @Property
    void rejectsAnIdWithAnyOtherCharacter(@ForAll("validIds") String id, @ForAll("foreignCharacters") char foreign,
            @ForAll("positions") double where) {
        int at = (int) (where * (id.length() + 1));
        String spoiled = id.substring(0, at) + foreign + id.substring(at);

        assertThat(NotifierProviders.isValidId(spoiled)).isFalse();
    }

    @Example
    void rejectsAnIdStartingWithADashAndTheEmptyAndNullIds() {
        assertThat(NotifierProviders.isValidId("-console")).isFalse();
        assertThat(NotifierProviders.isValidId("")).isFalse();
        assertThat(NotifierProviders.isValidId(null)).isFalse();
    }

    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').with('0', '1', '9');
        Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-')
                .ofMaxLength(30);
        return first.flatMap(head -> rest.map(tail -> head + tail));
    }

    @Provide
    Arbitrary<Character> foreignCharacters() {
        return Arbitraries.chars().all().filter(c -> !(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '-');
    }

    @Provide
    Arbitrary<Double> positions() {
        return Arbitraries.doubles().between(0, 1).filter(d -> d < 1);
    }
}
