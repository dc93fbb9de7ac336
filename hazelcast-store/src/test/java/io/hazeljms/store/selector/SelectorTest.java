package io.hazeljms.store.selector;

import static io.hazeljms.store.selector.Messages.matches;
import static io.hazeljms.store.selector.Messages.message;
import static io.hazeljms.store.selector.Messages.parse;
import static io.hazeljms.store.selector.Messages.truth;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorTest {

    private static final Function<String, Object> NO_LOOKUPS_ALLOWED = name -> {
        throw new AssertionError("ALL must not look up " + name);
    };

    // ---------------------------------------------------------------- empty selector

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", " ", "\t\n "})
    void nullOrBlankSelectsEverything(String expression) throws Exception {
        assertSame(Selector.ALL, Selector.parse(expression));
        assertSame(Selector.ALL, Selector.cached(expression));
        assertTrue(Selector.ALL.matches(NO_LOOKUPS_ALLOWED));
        assertTrue(Selector.ALL.matches(message()));
    }

    @Test
    void expressionAndToString() throws Exception {
        Selector selector = Selector.parse("color = 'blue'");
        assertEquals("color = 'blue'", selector.expression());
        assertEquals("Selector[color = 'blue']", selector.toString());
        assertEquals("", Selector.ALL.expression());
        assertEquals("Selector[ALL]", Selector.ALL.toString());
        assertEquals(selector, Selector.parse("color = 'blue'"));
        assertEquals(selector.hashCode(), Selector.parse("color = 'blue'").hashCode());
    }

    // ---------------------------------------------------------------- literals

    @ParameterizedTest(name = "{0} with v={1}")
    @MethodSource
    void literals(String selector, Object value, boolean expected) {
        assertEquals(expected, matches(selector, "v", value));
    }

    static Stream<Arguments> literals() {
        return Stream.of(
                Arguments.of("v = 'literal'", "literal", true),
                Arguments.of("v = 'literal''s'", "literal's", true),
                Arguments.of("v = 'literal''s'", "literal", false),
                Arguments.of("v = ''''", "'", true),
                Arguments.of("v = ''", "", true),
                Arguments.of("v = 'a b  c'", "a b  c", true),
                Arguments.of("v = 'caf\u00e9 \u20ac'", "caf\u00e9 \u20ac", true),
                Arguments.of("v = 57", 57L, true),
                Arguments.of("v = 57", 58L, false),
                Arguments.of("v = -957", -957, true),
                Arguments.of("v = +62", 62, true),
                Arguments.of("v = 0", 0, true),
                Arguments.of("v = 57L", 57, true),
                Arguments.of("v = 0x1F", 31, true),
                Arguments.of("v = -0x10", -16, true),
                Arguments.of("v = 9223372036854775807", Long.MAX_VALUE, true),
                Arguments.of("v = -9223372036854775808", Long.MIN_VALUE, true),
                Arguments.of("v = 7E3", 7000, true),
                Arguments.of("v = 7e3", 7000.0, true),
                Arguments.of("v = -57.9E2", -5790.0, true),
                Arguments.of("v = +6.2", 6.2, true),
                Arguments.of("v = -95.7", -95.7, true),
                Arguments.of("v = 7.", 7, true),
                Arguments.of("v = .5", 0.5, true),
                Arguments.of("v = 0.", 0, true),
                Arguments.of("v = 0.0", 0L, true),
                Arguments.of("v = 1.5e-3", 0.0015, true),
                Arguments.of("v = 1.5E+3", 1500, true),
                Arguments.of("v = 2.5F", 2.5, true),
                Arguments.of("v = 3D", 3, true),
                // Java's literal syntax (spec 3.8.1.1): a leading 0 is octal, 0b binary, '_' between digits
                Arguments.of("v = 035", 29, true),
                Arguments.of("v = 035", 35, false),
                Arguments.of("v = -035", -29, true),
                Arguments.of("v = 00", 0, true),
                Arguments.of("v = 0_7", 7, true),
                Arguments.of("v = 017L", 15L, true),
                Arguments.of("v = 0777777777777777777777", Long.MAX_VALUE, true),
                Arguments.of("v = 01777777777777777777777L", -1L, true),
                Arguments.of("v = 0X1f", 31, true),
                Arguments.of("v = 0x7fff_ffffL", Integer.MAX_VALUE, true),
                Arguments.of("v = 0xFFFFFFFFFFFFFFFFL", -1L, true),
                Arguments.of("v = 0b101", 5, true),
                Arguments.of("v = 0B1_0l", 2, true),
                Arguments.of("v = 1_000", 1000, true),
                Arguments.of("v = 1__000", 1000, true),
                Arguments.of("v = 1e3", 1000.0, true),
                Arguments.of("v = 1_0.2_5e1_0", 10.25e10, true),
                Arguments.of("v = 1.5E-2f", (double) 1.5E-2f, true),
                Arguments.of("v = 1.1f", 1.1f, true),
                Arguments.of("v = 1.1f", 1.1, false),
                Arguments.of("v = 1.1d", 1.1, true),
                Arguments.of("v = 09.5", 9.5, true),
                Arguments.of("v = 09f", 9.0, true),
                Arguments.of("v = 09e1", 90.0, true),
                Arguments.of("v = 07.", 7.0, true),
                Arguments.of("v = 0x1.8p1", 3.0, true),
                Arguments.of("v = 0x10P-4d", 1.0, true),
                Arguments.of("v = 0x1e+1", 31, true),
                Arguments.of("v = TRUE", true, true),
                Arguments.of("v = TRUE", false, false),
                Arguments.of("v = true", true, true),
                Arguments.of("v = False", false, true),
                Arguments.of("v <> FALSE", true, true));
    }

    @Test
    void booleanLiteralsAloneAreSelectors() {
        assertTrue(matches("TRUE"));
        assertTrue(matches("true"));
        assertFalse(matches("FALSE"));
        assertTrue(matches("NOT FALSE"));
        assertTrue(matches("(TRUE)"));
    }

    @Test
    void bareBooleanIdentifier() {
        assertTrue(matches("flag", "flag", true));
        assertFalse(matches("flag", "flag", false));
        assertEquals("UNKNOWN", truth("flag"), "absent");
        assertEquals("UNKNOWN", truth("flag", "flag", "true"), "a string is not a boolean");
        assertEquals("UNKNOWN", truth("flag", "flag", 1), "a number is not a boolean");
        assertTrue(matches("NOT flag", "flag", false));
        assertFalse(matches("NOT flag"), "NOT UNKNOWN is UNKNOWN");
    }

    @Test
    void identifiersAreCaseSensitive() {
        assertTrue(matches("Color = 'blue'", "Color", "blue"));
        assertFalse(matches("Color = 'blue'", "color", "blue"));
    }

    @Test
    void identifierCharacters() {
        assertTrue(matches("_correct IS NULL"));
        assertTrue(matches("$correct IS NULL"));
        assertTrue(matches("a1_$b = 1", "a1_$b", 1));
        assertTrue(matches("\u00e9t\u00e9 = 1", "\u00e9t\u00e9", 1));
        // A letter outside the Basic Multilingual Plane (MATHEMATICAL BOLD CAPITAL A) is read as one code point.
        assertTrue(matches("\uD835\uDC00abc = 1 AND x\uD835\uDC00 = 2", "\uD835\uDC00abc", 1, "x\uD835\uDC00", 2));
        assertTrue(matches("JMSX_x = 1 AND JMS_vendor_y = 2", "JMSX_x", 1, "JMS_vendor_y", 2));
        // Words that merely start like reserved words are identifiers.
        assertTrue(matches("INx = 1 AND ISNULL = 2 AND notify = 3 AND order = 4 AND android = 5",
                "INx", 1, "ISNULL", 2, "notify", 3, "order", 4, "android", 5));
    }

    // ---------------------------------------------------------------- comparison

    @ParameterizedTest(name = "{0} with x={1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            x = 5   | 5 | TRUE
            x = 5   | 6 | FALSE
            x <> 5  | 6 | TRUE
            x <> 5  | 5 | FALSE
            x < 5   | 4 | TRUE
            x < 5   | 5 | FALSE
            x <= 5  | 5 | TRUE
            x <= 5  | 6 | FALSE
            x > 5   | 6 | TRUE
            x > 5   | 5 | FALSE
            x >= 5  | 5 | TRUE
            x >= 5  | 4 | FALSE
            5 < x   | 6 | TRUE
            5 = 5   | 0 | TRUE
            5 <> 5  | 0 | FALSE
            x=5     | 5 | TRUE
            x>=5    | 5 | TRUE
            x<>5    | 4 | TRUE
            """)
    void numericComparison(String selector, long x, String expected) {
        assertEquals(expected, truth(selector, "x", x));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x = 1", "x <> 1", "x < 1", "x <= 1", "x > 1", "x >= 1", "1 = x", "x = y"})
    void comparisonWithMissingValueIsUnknown(String selector) {
        assertEquals("UNKNOWN", truth(selector, "y", 1));
    }

    @Test
    void stringComparison() {
        assertEquals("TRUE", truth("s = 'abc'", "s", "abc"));
        assertEquals("FALSE", truth("s = 'abc'", "s", "ABC"));
        assertEquals("TRUE", truth("s <> 'abc'", "s", "abd"));
        assertEquals("TRUE", truth("s = t", "s", "x", "t", "x"));
        // Ordering is not defined for strings: UNKNOWN at evaluation time.
        assertEquals("UNKNOWN", truth("s < t", "s", "a", "t", "b"));
        assertEquals("UNKNOWN", truth("s >= t", "s", "a", "t", "b"));
    }

    @Test
    void booleanComparison() {
        assertEquals("TRUE", truth("b = TRUE", "b", true));
        assertEquals("FALSE", truth("b = TRUE", "b", false));
        assertEquals("TRUE", truth("b <> c", "b", true, "c", false));
        assertEquals("UNKNOWN", truth("b > c", "b", true, "c", false));
        assertEquals("TRUE", truth("(x > 1) = TRUE", "x", 2));
        assertEquals("UNKNOWN", truth("(x > 1) = TRUE"));
    }

    @Test
    void unlikeTypesAreUnknown() {
        // Spec 3.8.1.1 example: a string "2" property does not satisfy NumberOfOrders > 1.
        assertEquals("UNKNOWN", truth("NumberOfOrders > 1", "NumberOfOrders", "2"));
        assertEquals("TRUE", truth("NumberOfOrders > 1", "NumberOfOrders", 2));
        assertEquals("UNKNOWN", truth("s = 1", "s", "1"));
        assertEquals("UNKNOWN", truth("s <> 1", "s", "1"));
        assertEquals("UNKNOWN", truth("b = 1", "b", true));
        assertEquals("UNKNOWN", truth("n = 'x'", "n", 1));
        assertEquals("UNKNOWN", truth("n = TRUE", "n", 1));
        assertEquals("UNKNOWN", truth("s = TRUE", "s", "true"));
        // Values of types the selector does not know (not JMS property types) are UNKNOWN, too.
        assertEquals("UNKNOWN", truth("n = 1", "n", BigDecimal.ONE));
        assertEquals("UNKNOWN", truth("c = 'x'", "c", 'x'));
        assertEquals("FALSE", truth("n IS NULL", "n", BigDecimal.ONE));
    }

    // ---------------------------------------------------------------- numeric promotion

    @ParameterizedTest(name = "{0} with x={1} ({2})")
    @MethodSource
    void numericPromotion(String selector, Object x, String expected) {
        assertEquals(expected, truth(selector, "x", x));
    }

    static Stream<Arguments> numericPromotion() {
        return Stream.of(
                Arguments.of("x < 2.5", 2, "TRUE"),
                Arguments.of("x > 2.5", 2, "FALSE"),
                Arguments.of("x = 2.0", 2, "TRUE"),
                Arguments.of("x = 2", 2.0, "TRUE"),
                Arguments.of("x = 2", 2.5, "FALSE"),
                Arguments.of("x = 7", (byte) 7, "TRUE"),
                Arguments.of("x = 7", (short) 7, "TRUE"),
                Arguments.of("x = 7", 7L, "TRUE"),
                Arguments.of("x = 2.5", 2.5f, "TRUE"),
                Arguments.of("x > 2", 2.5f, "TRUE"),
                Arguments.of("x = 2.5", 2.5d, "TRUE"),
                Arguments.of("x + 0.5 = 2.5", 2, "TRUE"),
                Arguments.of("x / 2 = 3", 7, "TRUE"), // exact division truncates, as in Java
                Arguments.of("x / 2 = 3.5", 7.0, "TRUE"),
                Arguments.of("x / 2.0 = 3.5", (short) 7, "TRUE"),
                Arguments.of("x * 2 = -256", (byte) -128, "TRUE"), // no byte overflow: Long arithmetic
                Arguments.of("x BETWEEN 1.5 AND 2.5", 2, "TRUE"),
                Arguments.of("x = -0.0", 0.0, "TRUE"),
                Arguments.of("x = 9007199254740993", 9007199254740993L, "TRUE"), // exact: no double rounding
                Arguments.of("x = 9007199254740992", 9007199254740993L, "FALSE"),
                Arguments.of("x = x", Double.NaN, "FALSE"),
                Arguments.of("x <> 1", Double.NaN, "TRUE"),
                Arguments.of("x < 1", Double.NaN, "FALSE"));
    }

    // ---------------------------------------------------------------- arithmetic

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            a + b = 10             | TRUE
            a - b = 4              | TRUE
            b - a = -4             | TRUE
            a * b = 21             | TRUE
            a / b = 2              | TRUE
            -a = -7                | TRUE
            +a = 7                 | TRUE
            - -a = 7               | TRUE
            -(a - b) = -4          | TRUE
            2 + 3 * 4 = 14         | TRUE
            (2 + 3) * 4 = 20       | TRUE
            10 - 4 - 3 = 3         | TRUE
            24 / 4 / 2 = 3         | TRUE
            2 * 3 + 4 * 5 = 26     | TRUE
            a + b * 2 - 1 = 12     | TRUE
            -a * 2 + 3 > 0         | FALSE
            a / 0 = 0              | UNKNOWN
            a / (b - 3) > 1        | UNKNOWN
            a / 0.0 > 1000000      | TRUE
            a + missing = 7        | UNKNOWN
            -missing = 0           | UNKNOWN
            a + s = 7              | UNKNOWN
            -s = 0                 | UNKNOWN
            +s = 0                 | UNKNOWN
            a + flag = 7           | UNKNOWN
            9223372036854775807 + 1 = -9223372036854775808 | TRUE
            """)
    void arithmetic(String selector, String expected) {
        assertEquals(expected, truth(selector, "a", 7, "b", 3, "s", "1", "flag", true));
    }

    // ---------------------------------------------------------------- precedence

    @Test
    void andBindsTighterThanOr() {
        // a OR (b AND c), not (a OR b) AND c
        assertTrue(matches("a OR b AND c", "a", true, "b", false, "c", false));
        assertFalse(matches("(a OR b) AND c", "a", true, "b", false, "c", false));
        assertTrue(matches("b AND c OR a", "a", true, "b", false, "c", false));
    }

    @Test
    void notBindsLooserThanComparisonButTighterThanAnd() {
        // (NOT (a = 1)) AND b; NOT (a = 1 AND b) would be TRUE here.
        assertFalse(matches("NOT a = 1 AND b", "a", 1, "b", false));
        assertTrue(matches("NOT (a = 1 AND b)", "a", 1, "b", false));
        assertTrue(matches("NOT a = 1 AND b", "a", 2, "b", true));
        assertTrue(matches("NOT NOT a = 1", "a", 1));
    }

    @Test
    void unaryMinusBindsTighterThanMultiplication() {
        // (-a) * 2 + 3 > 0; -(a * 2 + 3) > 0 would be FALSE for a = 1.
        assertTrue(matches("-a * 2 + 3 > 0", "a", 1));
        assertFalse(matches("-a * 2 + 3 > 0", "a", 2));
        assertFalse(matches("-(a * 2 + 3) > 0", "a", 1));
    }

    @Test
    void arithmeticBindsTighterThanComparisonAndBetween() {
        assertTrue(matches("a + 1 > 2 * b", "a", 4, "b", 2));
        assertTrue(matches("a + 1 BETWEEN b * 2 AND b * 3", "a", 4, "b", 2));
        assertFalse(matches("a + 1 BETWEEN b * 2 AND b * 2", "a", 4, "b", 2));
    }

    @Test
    void parenthesesChangeResults() {
        assertTrue(matches("(a OR b) AND NOT c", "a", true, "b", false, "c", false));
        assertFalse(matches("a OR b AND NOT c", "a", false, "b", true, "c", true));
        assertTrue(matches("NOT (a OR b)", "a", false, "b", false));
        assertFalse(matches("NOT a OR b", "a", true, "b", false));
        assertTrue(matches("((((x = 1))))", "x", 1));
    }

    @Test
    void deepButReasonableNestingWorks() {
        String selector = "(".repeat(100) + "x = 1" + ")".repeat(100);
        assertTrue(matches(selector, "x", 1));
    }

    @Test
    void longChainsDoNotRecurseDeeply() {
        List<String> terms = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            terms.add("x <> " + i);
        }
        assertFalse(matches(String.join(" AND ", terms), "x", 19_999));
        assertTrue(matches(String.join(" AND ", terms), "x", 20_000));
        assertTrue(matches(String.join(" OR ", terms), "x", 0));
    }

    // ---------------------------------------------------------------- three-valued logic

    /** Spec 3.8.1.2 AND table; UNKNOWN comes from an absent property. */
    @ParameterizedTest(name = "{0} AND {1} = {2}")
    @CsvSource(textBlock = """
            TRUE,    TRUE,    TRUE
            TRUE,    FALSE,   FALSE
            TRUE,    UNKNOWN, UNKNOWN
            FALSE,   TRUE,    FALSE
            FALSE,   FALSE,   FALSE
            FALSE,   UNKNOWN, FALSE
            UNKNOWN, TRUE,    UNKNOWN
            UNKNOWN, FALSE,   FALSE
            UNKNOWN, UNKNOWN, UNKNOWN
            """)
    void andTruthTable(String p, String q, String expected) {
        assertEquals(expected, truth("p AND q", "p", bool(p), "q", bool(q)));
        assertEquals(expected, truth("x > 0 AND y > 0", "x", number(p), "y", number(q)), "with comparisons as operands");
    }

    /** Spec 3.8.1.2 OR table. */
    @ParameterizedTest(name = "{0} OR {1} = {2}")
    @CsvSource(textBlock = """
            TRUE,    TRUE,    TRUE
            TRUE,    FALSE,   TRUE
            TRUE,    UNKNOWN, TRUE
            FALSE,   TRUE,    TRUE
            FALSE,   FALSE,   FALSE
            FALSE,   UNKNOWN, UNKNOWN
            UNKNOWN, TRUE,    TRUE
            UNKNOWN, FALSE,   UNKNOWN
            UNKNOWN, UNKNOWN, UNKNOWN
            """)
    void orTruthTable(String p, String q, String expected) {
        assertEquals(expected, truth("p OR q", "p", bool(p), "q", bool(q)));
        assertEquals(expected, truth("x > 0 OR y > 0", "x", number(p), "y", number(q)), "with comparisons as operands");
    }

    /** Spec 3.8.1.2 NOT table. */
    @ParameterizedTest(name = "NOT {0} = {1}")
    @CsvSource(textBlock = """
            TRUE,    FALSE
            FALSE,   TRUE
            UNKNOWN, UNKNOWN
            """)
    void notTruthTable(String p, String expected) {
        assertEquals(expected, truth("NOT p", "p", bool(p)));
        assertEquals(expected, truth("NOT x > 0", "x", number(p)));
        assertEquals(p.equals("TRUE"), matches("p", "p", bool(p)));
        assertEquals(expected.equals("TRUE"), matches("NOT p", "p", bool(p)));
    }

    @Test
    void threeValuedLogicInLongerChains() {
        assertEquals("UNKNOWN", truth("p AND q AND r", "p", true, "r", true));
        assertEquals("FALSE", truth("p AND q AND r", "p", true, "r", false));
        assertEquals("TRUE", truth("p OR q OR r", "r", true));
        assertEquals("UNKNOWN", truth("p OR q OR r", "p", false, "r", false));
    }

    private static Boolean bool(String truth) {
        return truth.equals("UNKNOWN") ? null : Boolean.valueOf(truth);
    }

    /** x &gt; 0 is TRUE for 1, FALSE for -1 and UNKNOWN for a missing x. */
    private static Object number(String truth) {
        return switch (truth) {
            case "TRUE" -> 1;
            case "FALSE" -> -1;
            default -> null;
        };
    }

    // ---------------------------------------------------------------- IS NULL

    @Test
    void isNull() {
        assertTrue(matches("prop IS NULL"));
        assertFalse(matches("prop IS NOT NULL"));
        assertFalse(matches("prop IS NULL", "prop", "x"));
        assertTrue(matches("prop IS NOT NULL", "prop", "x"));
        assertTrue(matches("prop IS NOT NULL", "prop", ""));
        assertTrue(matches("prop IS NOT NULL", "prop", false));
        assertTrue(matches("prop IS NOT NULL", "prop", 0));
        assertTrue(matches("prop is not null", "prop", 0));
        assertTrue(matches("NOT prop IS NULL", "prop", 0));
        // Not part of the spec grammar but accepted: IS NULL of any expression is TRUE when it has no value.
        assertTrue(matches("prop + 1 IS NULL"));
        assertTrue(matches("(x > 1) IS NULL"));
        assertFalse(matches("(x > 1) IS NULL", "x", 0));
    }

    @Test
    void isNullOnHeaders() {
        Function<String, Object> headers = message("JMSMessageID", "ID:1", "JMSCorrelationID", null);
        assertTrue(parse("JMSCorrelationID IS NULL").matches(headers));
        assertTrue(parse("JMSMessageID IS NOT NULL").matches(headers));
        assertFalse(parse("JMSType IS NOT NULL").matches(headers));
    }

    // ---------------------------------------------------------------- BETWEEN

    @ParameterizedTest(name = "age={0}")
    @CsvSource(textBlock = """
            14, FALSE
            15, TRUE
            17, TRUE
            19, TRUE
            20, FALSE
            """)
    void between(int age, String expected) {
        assertEquals(expected, truth("age BETWEEN 15 AND 19", "age", age));
        assertEquals(expected.equals("TRUE") ? "FALSE" : "TRUE", truth("age NOT BETWEEN 15 AND 19", "age", age));
        assertEquals(expected, truth("age between 15 and 19", "age", age));
    }

    @Test
    void betweenWithMissingOrUnlikeValues() {
        assertEquals("UNKNOWN", truth("age BETWEEN 15 AND 19"));
        assertEquals("UNKNOWN", truth("age NOT BETWEEN 15 AND 19"));
        assertEquals("UNKNOWN", truth("age BETWEEN 15 AND 19", "age", "17"));
        assertEquals("UNKNOWN", truth("age NOT BETWEEN 15 AND 19", "age", "17"));
        // One bound missing: UNKNOWN unless the other bound already makes it FALSE.
        assertEquals("UNKNOWN", truth("age BETWEEN lo AND 19", "age", 17));
        assertEquals("FALSE", truth("age BETWEEN lo AND 19", "age", 20));
        assertEquals("TRUE", truth("age NOT BETWEEN lo AND 19", "age", 20));
    }

    @Test
    void betweenWithExpressionsAndDecimals() {
        assertTrue(matches("x BETWEEN a - 1 AND a + 1", "x", 5, "a", 6));
        assertFalse(matches("x BETWEEN a - 1 AND a + 1", "x", 4, "a", 6));
        assertTrue(matches("x BETWEEN -1.5 AND 1.5", "x", -1));
        assertTrue(matches("x BETWEEN 1 AND 2 AND y = 1", "x", 2, "y", 1));
        assertFalse(matches("x BETWEEN 2 AND 1", "x", 1), "bounds are not reordered");
    }

    // ---------------------------------------------------------------- IN

    @Test
    void in() {
        String selector = "Country IN ('UK', 'US', 'France')";
        assertEquals("TRUE", truth(selector, "Country", "UK"));
        assertEquals("TRUE", truth(selector, "Country", "France"));
        assertEquals("FALSE", truth(selector, "Country", "Peru"));
        assertEquals("FALSE", truth(selector, "Country", "uk"));
        assertEquals("UNKNOWN", truth(selector));
        assertEquals("UNKNOWN", truth(selector, "Country", 1));
        assertEquals("TRUE", truth("c IN ('it''s')", "c", "it's"));
        assertEquals("TRUE", truth("c IN ('')", "c", ""));
        assertEquals("TRUE", truth("c in ('x')", "c", "x"));
    }

    @Test
    void notIn() {
        String selector = "Country NOT IN ('UK', 'US', 'France')";
        assertEquals("FALSE", truth(selector, "Country", "UK"));
        assertEquals("TRUE", truth(selector, "Country", "Peru"));
        assertEquals("UNKNOWN", truth(selector));
        assertFalse(matches(selector), "a missing value is neither in nor not in the list");
    }

    // ---------------------------------------------------------------- LIKE

    @ParameterizedTest(name = "{0} on \"{1}\"")
    @MethodSource
    void like(String selector, String value, boolean expected) {
        assertEquals(expected, matches(selector, "v", value));
        assertEquals(!expected, matches(selector.replace(" LIKE ", " NOT LIKE "), "v", value), "NOT LIKE");
    }

    static Stream<Arguments> like() {
        return Stream.of(
                Arguments.of("v LIKE '12%3'", "123", true),
                Arguments.of("v LIKE '12%3'", "12993", true),
                Arguments.of("v LIKE '12%3'", "1234", false),
                Arguments.of("v LIKE 'l_se'", "lose", true),
                Arguments.of("v LIKE 'l_se'", "loose", false),
                Arguments.of("v LIKE 'l_se'", "lse", false),
                Arguments.of("v LIKE '%'", "", true),
                Arguments.of("v LIKE '%'", "anything", true),
                Arguments.of("v LIKE ''", "", true),
                Arguments.of("v LIKE ''", "x", false),
                Arguments.of("v LIKE '_'", "", false),
                Arguments.of("v LIKE 'abc'", "abc", true),
                Arguments.of("v LIKE 'abc'", "abcd", false),
                Arguments.of("v LIKE 'abc'", "xabc", false),
                Arguments.of("v LIKE 'abc'", "ABC", false),
                Arguments.of("v LIKE '%b%'", "abc", true),
                Arguments.of("v LIKE '%%b%%'", "b", true),
                Arguments.of("v LIKE '%a_c%'", "xxabcxx", true),
                Arguments.of("v LIKE 'a%b%c'", "aXXbYYbc", true),
                Arguments.of("v LIKE 'a%b%c'", "aXXcYYb", false),
                Arguments.of("v LIKE '%ab'", "aab", true),
                Arguments.of("v LIKE 'it''s%'", "it's here", true),
                Arguments.of("v LIKE '\\_%' ESCAPE '\\'", "_foo", true),
                Arguments.of("v LIKE '\\_%' ESCAPE '\\'", "bar", false),
                Arguments.of("v LIKE '\\_%' ESCAPE '\\'", "x_foo", false),
                Arguments.of("v LIKE '100!%' ESCAPE '!'", "100%", true),
                Arguments.of("v LIKE '100!%' ESCAPE '!'", "1000", false),
                Arguments.of("v LIKE 'a!!b' ESCAPE '!'", "a!b", true),
                Arguments.of("v LIKE 'a!!b' ESCAPE '!'", "a!!b", false),
                Arguments.of("v LIKE '%!_%' ESCAPE '!'", "snake_case", true),
                Arguments.of("v LIKE '%!_%' ESCAPE '!'", "camelCase", false),
                Arguments.of("v LIKE 'a%%b' ESCAPE '%'", "a%b", true),
                Arguments.of("v LIKE 'a%%b' ESCAPE '%'", "aXb", false),
                Arguments.of("v LIKE 'a''%' ESCAPE ''''", "a%", true),
                // Regex metacharacters are literal.
                Arguments.of("v LIKE 'a.b'", "axb", false),
                Arguments.of("v LIKE 'a.b'", "a.b", true),
                Arguments.of("v LIKE '(x)*'", "(x)*", true),
                Arguments.of("v LIKE '(x)*'", "xx", false),
                Arguments.of("v LIKE '(x)*'", "", false),
                Arguments.of("v LIKE '[ab]+'", "a", false),
                Arguments.of("v LIKE '[ab]+'", "[ab]+", true),
                Arguments.of("v LIKE '^a$|b'", "^a$|b", true),
                Arguments.of("v LIKE '^a$|b'", "b", false),
                Arguments.of("v LIKE '\\Q%\\E'", "\\Qx\\E", true),
                Arguments.of("v LIKE 'a\\d'", "a1", false),
                Arguments.of("v LIKE 'a\\d'", "a\\d", true),
                Arguments.of("v LIKE '{1}?'", "{1}?", true),
                // Line terminators are ordinary characters.
                Arguments.of("v LIKE 'a%b'", "a\nline\r\nb", true),
                Arguments.of("v LIKE 'a_b'", "a\nb", true),
                Arguments.of("v LIKE '%'", "\n", true),
                Arguments.of("v LIKE 'first%'", "first\nsecond", true),
                // '_' is one character, also outside the BMP.
                Arguments.of("v LIKE 'x_y'", "x\uD83D\uDE00y", true),
                Arguments.of("v LIKE 'x__y'", "x\uD83D\uDE00y", false));
    }

    @Test
    void likeWithMissingOrNonStringValueIsUnknown() {
        assertEquals("UNKNOWN", truth("v LIKE 'a%'"));
        assertEquals("UNKNOWN", truth("v NOT LIKE 'a%'"));
        assertEquals("UNKNOWN", truth("v LIKE '1%'", "v", 12));
        assertEquals("UNKNOWN", truth("v NOT LIKE '1%'", "v", 12));
    }

    @Test
    void likeKeywordsAreCaseInsensitive() {
        assertTrue(matches("v like 'a!%' escape '!'", "v", "a%"));
        assertTrue(matches("v Not Like 'a%'", "v", "b"));
    }

    // ---------------------------------------------------------------- headers and the spec's examples

    @Test
    void headerIdentifiersAreResolvedByTheFunction() {
        Map<String, Object> headers = Map.of(
                "JMSPriority", 7,
                "JMSDeliveryMode", "PERSISTENT",
                "JMSMessageID", "ID:42",
                "JMSTimestamp", 1_700_000_000_000L,
                "JMSType", "car",
                "color", "blue",
                "weight", 3000L);
        List<String> asked = new ArrayList<>();
        Function<String, Object> lookup = name -> {
            asked.add(name);
            return headers.get(name);
        };
        assertTrue(parse("JMSPriority > 4 AND JMSDeliveryMode = 'PERSISTENT'").matches(lookup));
        assertEquals(List.of("JMSPriority", "JMSDeliveryMode"), asked);
        assertFalse(parse("JMSDeliveryMode = 'NON_PERSISTENT'").matches(lookup));
        assertTrue(parse("JMSPriority BETWEEN 5 AND 9").matches(lookup));
        assertTrue(parse("JMSMessageID = 'ID:42'").matches(lookup));
        assertTrue(parse("JMSTimestamp > 1600000000000").matches(lookup));
        assertTrue(parse("JMSType = 'car' AND color = 'blue' AND weight > 2500").matches(lookup));
        assertFalse(parse("JMSType = 'car' AND color = 'red' AND weight > 2500").matches(lookup));
        assertTrue(parse("JMSCorrelationID IS NULL").matches(lookup));
    }

    @Test
    void keywordsAreCaseInsensitive() {
        String selector = "a is not null and b between 1 And 3 or c NoT LiKe 'x%' EsCaPe '!' AND d iN ('q') OR fALSE";
        assertTrue(matches(selector, "a", 1, "b", 2));
        assertTrue(matches(selector, "c", "y", "d", "q"));
        assertFalse(matches(selector, "c", "x", "d", "q"));
    }

    @Test
    void selectorIsReusableAndConcurrent() throws Exception {
        Selector selector = parse("n BETWEEN 10 AND 20 AND s LIKE 'k%' AND NOT t IN ('x')");
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int n = 0; n < 20_000; n++) {
                        int value = n % 40;
                        boolean expected = value >= 10 && value <= 20;
                        if (selector.matches(message("n", value, "s", "key" + n, "t", "y")) != expected) {
                            throw new AssertionError("wrong result for n=" + value);
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
    }
}
