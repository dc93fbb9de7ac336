package io.hazeljms.store.selector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60) // a matcher bug tends to loop forever: fail instead of hanging the build
class LikePatternTest {

    /**
     * Compares the hand-written matcher with a regex reference on random patterns and values over a small
     * alphabet, where wildcards interact the most (backtracking over several '%').
     */
    @Test
    void agreesWithRegexReference() throws Exception {
        Random random = new Random(20240601);
        char[] patternAlphabet = {'a', 'b', '%', '_', '!'};
        for (int round = 0; round < 20_000; round++) {
            String pattern = randomString(random, patternAlphabet, 8);
            String value = randomString(random, new char[] {'a', 'b', '%', '_'}, 10);
            LikePattern like;
            try {
                like = LikePattern.compile(pattern, '!', 0);
            } catch (SelectorSyntaxException invalidEscape) {
                continue;
            }
            assertEquals(reference(pattern, '!').matcher(value).matches(), like.matches(value),
                    () -> "pattern '" + pattern + "' on '" + value + "'");
        }
    }

    @Test
    void longValuesMatchQuickly() throws Exception {
        LikePattern like = LikePattern.compile("%a%a%a%a%a%a%b", -1, 0);
        String value = "a".repeat(20_000);
        long start = System.nanoTime();
        assertEquals(false, like.matches(value));
        assertEquals(true, like.matches(value + "b"));
        long millis = (System.nanoTime() - start) / 1_000_000;
        // Linear-ish; a backtracking regex would take far longer. Generous bound for a busy machine.
        assertEquals(true, millis < 5_000, "took " + millis + " ms");
    }

    private static String randomString(Random random, char[] alphabet, int maxLength) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(maxLength + 1);
        for (int i = 0; i < length; i++) {
            text.append(alphabet[random.nextInt(alphabet.length)]);
        }
        return text.toString();
    }

    /** Straightforward translation to a regex, used only as an independent oracle. */
    private static Pattern reference(String pattern, char escape) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == escape) {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
