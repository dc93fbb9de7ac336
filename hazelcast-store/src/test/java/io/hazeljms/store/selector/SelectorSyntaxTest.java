package io.hazeljms.store.selector;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SelectorSyntaxTest {

    /** Each invalid selector, the 0-based position the error must point at, and a fragment of the message. */
    @ParameterizedTest(name = "[{0}] at {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            (a = 1                   | 6  | expected ')' but found end of selector
            a = 1 AND (b = 2         | 16 | expected ')' but found end of selector
            (a = 1 b)                | 7  | expected ')' but found 'b'
            a = 1)                   | 5  | unmatched ')'
            a = 1 AND b = 2)         | 15 | unmatched ')'
            ()                       | 1  | expected an operand but found ')'
            a = 1 b                  | 6  | expected AND, OR or end of selector but found 'b'
            a = 1 = 2                | 6  | expected AND, OR or end of selector but found '='
            a b                      | 2  | expected AND, OR or end of selector but found 'b'
            a =                      | 3  | expected an operand but found end of selector
            a = 1 AND                | 9  | expected an operand but found end of selector
            = 1                      | 0  | expected an operand but found '='
            a + * 2 = 1              | 4  | expected an operand but found '*'
            NOT > 0                  | 4  | expected an operand but found '>'
            s = 'abc                 | 4  | unterminated string literal
            s = 'it''s               | 4  | unterminated string literal
            s = 'a''                 | 4  | unterminated string literal
            x = 1.2.3                | 4  | malformed number '1.2.3'
            x = 12abc                | 4  | malformed number '12abc'
            x = 1e                   | 4  | malformed number '1e'
            x = 1E+ AND y            | 4  | malformed number '1E+'
            x = 0xZ1                 | 4  | malformed number '0xZ1'
            x = 09                   | 4  | malformed number '09': a leading 0 makes an integer octal, whose digits are 0 to 7
            x = 0189L                | 4  | malformed number '0189L': a leading 0 makes an integer octal
            x = 0x                   | 4  | malformed number '0x': a hexadecimal literal needs hexadecimal digits after 0x
            x = 0x AND y             | 4  | malformed number '0x': a hexadecimal literal needs hexadecimal digits
            x = 0x1.8                | 4  | malformed number '0x1.8': a hexadecimal floating-point literal needs a binary exponent
            x = 0b                   | 4  | malformed number '0b': a binary literal has only the digits 0 and 1 after 0b
            x = 0b102                | 4  | malformed number '0b102': a binary literal has only the digits 0 and 1
            x = 1__                  | 4  | malformed number '1__': an underscore may only stand between digits
            x = 1_                   | 4  | malformed number '1_': an underscore may only stand between digits
            x = 1_000_               | 4  | malformed number '1_000_': an underscore may only stand between digits
            x = 0x_1                 | 4  | malformed number '0x_1': an underscore may only stand between digits
            x = 1_.5                 | 4  | malformed number '1_.5': an underscore may only stand between digits
            x = 1._5                 | 4  | malformed number '1._5': an underscore may only stand between digits
            x = 1_L                  | 4  | malformed number '1_L': an underscore may only stand between digits
            x = 1e_5                 | 4  | malformed number '1e_5': an underscore may only stand between digits
            x = 1e+                  | 4  | malformed number '1e+': the exponent has no digits
            x = 1.5L                 | 4  | malformed number '1.5L': not a Java integer or floating-point literal
            x = 1fL                  | 4  | malformed number '1fL'
            x = 02000000000000000000000  | 4  | integer literal 02000000000000000000000 is out of the long range
            x = 0x1_0000_0000_0000_0000  | 4  | integer literal 0x1_0000_0000_0000_0000 is out of the long range
            x = 0b1_0000000000000000000000000000000000000000000000000000000000000000 | 4 | is out of the long range
            x = 1e39f                | 4  | floating-point literal 1e39f is out of the float range
            1uncorrect IS NULL       | 0  | malformed number '1uncorrect'
            x = 9223372036854775808  | 4  | integer literal 9223372036854775808 is out of the long range
            x = -9223372036854775809 | 4  | integer literal -9223372036854775809 is out of the long range
            x = 1e999                | 4  | floating-point literal 1e999 is out of the double range
            c IN ()                  | 6  | IN list must contain at least one string literal
            c IN ('a', 1)            | 11 | IN list may contain only string literals but found '1'
            c IN ('a', -1)           | 11 | IN list may contain only string literals but found '-'
            c IN ('a', b)            | 11 | IN list may contain only string literals but found 'b'
            c IN ('a',)              | 10 | IN list may contain only string literals but found ')'
            c IN 'a'                 | 5  | expected '(' after IN but found 'a'
            c IN ('a' 'b')           | 10 | expected ',' or ')' in IN list but found 'b'
            c IN ('a'                | 9  | expected ',' or ')' in IN list but found end of selector
            'x' IN ('x')             | 0  | left operand of IN must be an identifier
            c + 1 IN ('x')           | 0  | left operand of IN must be an identifier
            c LIKE 'a' ESCAPE 'ab'   | 18 | ESCAPE must be a single character but is 'ab'
            c LIKE 'a' ESCAPE ''     | 18 | ESCAPE must be a single character but is ''
            c LIKE 'a' ESCAPE 1      | 18 | expected a string literal after ESCAPE but found '1'
            c LIKE 'a' ESCAPE        | 17 | expected a string literal after ESCAPE but found end of selector
            c LIKE 'a!' ESCAPE '!'   | 7  | the escape character '!' must be followed by '%', '_' or itself
            c LIKE 'a!b' ESCAPE '!'  | 7  | the escape character '!' must be followed by '%', '_' or itself
            c LIKE d                 | 7  | expected a string literal pattern after LIKE but found 'd'
            c LIKE 1                 | 7  | expected a string literal pattern after LIKE but found '1'
            1 LIKE 'a'               | 0  | left operand of LIKE must be an identifier
            'a' LIKE 'a'             | 0  | left operand of LIKE must be an identifier
            NULL = 1                 | 0  | expected an operand but found reserved word 'NULL'
            NULL = ZERO              | 0  | reserved words cannot be used as identifiers
            a = 1 AND in = 2         | 10 | reserved word 'in'
            a = null                 | 4  | reserved word 'null'
            ESCAPE > 0               | 0  | reserved word 'ESCAPE'
            AND > 0                  | 0  | reserved word 'AND'
            OR > 0                   | 0  | reserved word 'OR'
            BETWEEN > 0              | 0  | reserved word 'BETWEEN'
            LIKE > 0                 | 0  | reserved word 'LIKE'
            IN > 0                   | 0  | reserved word 'IN'
            IS > 0                   | 0  | reserved word 'IS'
            TRUE > 0                 | 5  | operator '>' cannot compare a boolean value
            FALSE > 0                | 6  | operator '>' cannot compare a boolean value
            x < TRUE                 | 2  | operator '<' cannot compare a boolean value
            'a' < 'b'                | 4  | operator '<' cannot compare a string value
            s >= 'b'                 | 2  | operator '>=' cannot compare a string value
            1 = 'a'                  | 2  | cannot compare a numeric value with a string value
            TRUE = 1                 | 5  | cannot compare a boolean value with a numeric value
            (a = 1) = 'x'            | 8  | cannot compare a boolean value with a string value
            a # 1                    | 2  | unexpected character '#'
            %uncorrect IS NULL       | 0  | unexpected character '%'
            a = 1 ; b = 2            | 6  | unexpected character ';'
            s = "x"                  | 4  | unexpected character '\"'
            a ! b                    | 2  | unexpected character '!'
            a == 1                   | 2  | '==' is not an operator, use '='
            a != 1                   | 2  | '!=' is not an operator, use '<>'
            1 + 2                    | 0  | selector must be a boolean expression but this is a numeric expression
            "  (1)"                  | 2  | selector must be a boolean expression but this is a numeric expression
            'abc'                    | 0  | selector must be a boolean expression but this is a string expression
            a + 1                    | 0  | selector must be a boolean expression
            -a                       | 0  | selector must be a boolean expression
            'a' + 1 = 2              | 0  | operand of '+' must be numeric but is a string expression
            a = 1 + 'x'              | 8  | operand of '+' must be numeric but is a string expression
            TRUE * 2 = 2             | 0  | operand of '*' must be numeric but is a boolean expression
            (a = 1) + 1 = 2          | 0  | operand of '+' must be numeric but is a boolean expression
            a / 'x' = 1              | 4  | operand of '/' must be numeric but is a string expression
            -'x' = 1                 | 1  | operand of unary '-' must be numeric but is a string expression
            +TRUE = 1                | 1  | operand of unary '+' must be numeric but is a boolean expression
            a AND 1                  | 6  | operand of AND must be a boolean expression but is a numeric expression
            'x' AND a                | 0  | operand of AND must be a boolean expression but is a string expression
            1 OR a                   | 0  | operand of OR must be a boolean expression but is a numeric expression
            a OR b OR 'c'            | 10 | operand of OR must be a boolean expression but is a string expression
            NOT 'x'                  | 4  | operand of NOT must be a boolean expression but is a string expression
            NOT (1 + 2)              | 4  | operand of NOT must be a boolean expression but is a numeric expression
            x BETWEEN 'a' AND 'z'    | 10 | operand of BETWEEN must be numeric but is a string expression
            x BETWEEN 1 AND TRUE     | 16 | operand of BETWEEN must be numeric but is a boolean expression
            'x' BETWEEN 1 AND 2      | 0  | operand of BETWEEN must be numeric but is a string expression
            x BETWEEN 1 2            | 12 | expected AND in BETWEEN but found '2'
            x BETWEEN 1              | 11 | expected AND in BETWEEN but found end of selector
            x BETWEEN 1 OR 2         | 12 | expected AND in BETWEEN but found 'OR'
            a IS 1                   | 5  | expected NULL or NOT after IS but found '1'
            a IS NOT 1               | 9  | expected NULL after IS NOT but found '1'
            a IS                     | 4  | expected NULL or NOT after IS but found end of selector
            a NOT = 1                | 6  | expected BETWEEN, IN or LIKE after NOT but found '='
            a NOT NULL               | 6  | expected BETWEEN, IN or LIKE after NOT but found 'NULL'
            """)
    void invalidSelector(String selector, int position, String messageFragment) {
        SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class, () -> Selector.parse(selector));
        assertEquals(position, e.position(), e.getMessage());
        assertTrue(e.getMessage().startsWith("at position " + position + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(messageFragment), e.getMessage());
    }

    @Test
    void messageNamesPositionAndProblem() {
        SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class, () -> Selector.parse("(a = 1"));
        assertEquals("at position 6: expected ')' but found end of selector", e.getMessage());
        e = assertThrows(SelectorSyntaxException.class, () -> Selector.parse("a IN ('x' AND b"));
        assertEquals("at position 10: expected ',' or ')' in IN list but found 'AND'", e.getMessage());
    }

    @Test
    void controlCharactersAreNamedByCodePoint() {
        SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class, () -> Selector.parse("a = 1 \u0001"));
        assertEquals("at position 6: unexpected character U+0001", e.getMessage());
    }

    @Test
    void identifierLookingLikeAReservedWordOnlyInUnicodeCaseMappingIsAnIdentifier() {
        // "\u0131n" (dotless i + n) upper-cases to "IN" but is not the reserved word.
        assertTrue(Messages.matches("\u0131n = 1", "\u0131n", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"(", "NOT ", "-", "+"})
    void excessiveNestingIsRejectedNotAStackOverflow(String opener) {
        String selector = opener.repeat(5_000) + "1 = 1" + (opener.equals("(") ? ")".repeat(5_000) : "");
        SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class, () -> Selector.parse(selector));
        assertTrue(e.getMessage().contains("nested more than 200 levels deep"), e.getMessage());
    }

    /** The syntax examples of the spec and of the JORAM conformance suite. */
    @ParameterizedTest
    @ValueSource(strings = {
            "JMSType = 'car' AND color = 'blue' AND weight > 2500",
            "prop_name IS NULL",
            "prop_name IS NOT NULL",
            "phone LIKE '12%3'",
            "word LIKE 'l_se'",
            "underscored LIKE '\\_%' ESCAPE '\\'",
            "phone NOT LIKE '12%3'",
            "Country IN ('UK', 'US', 'France')",
            "Country NOT IN ('UK', 'US', 'France')",
            "age BETWEEN 15 and 19",
            "age NOT BETWEEN 15 and 19",
            "average = +6.2",
            "average = -95.7",
            "average = 7.",
            "average = +62",
            "max = -957",
            "max = 57",
            "max = 0",
            "max = 0.0",
            "max = 0.",
            "string = 'literal'",
            "string = 'literal''s'",
            "_correct IS NULL",
            "$correct IS NULL",
            "NumberOfOrders > 1",
            "JMSDeliveryMode = 'PERSISTENT'",
            "JMSPriority >= 5 AND JMSTimestamp > 0",
            "quantity * price * 1.2 > 100 OR discount",
            "NOT (a = 1 OR b = 2) AND c <> 3",
            " \t\na\r\n=\t1 ",
    })
    void validSelectorsParse(String selector) {
        assertDoesNotThrow(() -> Selector.parse(selector));
    }
}
