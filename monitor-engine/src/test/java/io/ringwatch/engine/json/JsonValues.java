package io.ringwatch.engine.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/** Arbitrary JSON values, built from the types {@link Json#parse} gives back. */
final class JsonValues {
    private JsonValues() {
    }

    static Arbitrary<Object> values() {
        return Arbitraries.recursive(JsonValues::scalars, JsonValues::containersOf, 0, 5);
    }

    /** Any text: every UTF-16 unit, unpaired surrogates among them, or the characters JSON must escape. */
    static Arbitrary<String> strings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(20),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029\ud83d\ude00\u00e9 a")
                        .ofMaxLength(12));
    }

    private static Arbitrary<Object> scalars() {
        return Arbitraries.oneOf(
                strings().map(Object.class::cast),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
                Arbitraries.just(null),
                Arbitraries.longs().map(Object.class::cast),
                bigIntegers().map(Object.class::cast),
                decimals().map(Object.class::cast));
    }

    /** Integers just outside the range of a long, or far outside it. */
    private static Arbitrary<BigInteger> bigIntegers() {
        BigInteger beyond = BigInteger.valueOf(Long.MAX_VALUE).add(BigInteger.ONE);
        return Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.TEN.pow(40))
                .flatMap(offset -> Arbitraries.of(beyond.add(offset), beyond.add(offset).negate().subtract(BigInteger.ONE)));
    }

    /** Numbers with a fraction or an exponent: any scale but 0. */
    private static Arbitrary<BigDecimal> decimals() {
        Arbitrary<BigInteger> unscaled = Arbitraries.bigIntegers().between(BigInteger.TEN.pow(30).negate(), BigInteger.TEN.pow(30));
        Arbitrary<Integer> scale = Arbitraries.integers().between(-400, 400).filter(s -> s != 0);
        return unscaled.flatMap(u -> scale.map(s -> new BigDecimal(u, s)));
    }

    private static Arbitrary<Object> containersOf(Arbitrary<Object> element) {
        Arbitrary<Object> lists = element.list().ofMaxSize(4).map(ArrayList::new);
        Arbitrary<Object> objects = Arbitraries.maps(strings(), element).ofMaxSize(4).map(LinkedHashMap::new);
        // Nested edge cases multiply beyond any number of tries; the scalars keep theirs.
        return Arbitraries.oneOf(lists, objects).withoutEdgeCases();
    }
}
