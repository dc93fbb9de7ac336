package io.hazeljms.store.selector;

import static io.hazeljms.store.selector.Messages.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class SelectorCacheTest {

    @Test
    void returnsTheSameInstanceForTheSameExpression() throws Exception {
        Selector first = Selector.cached("cacheTest = 'same'");
        assertSame(first, Selector.cached("cacheTest = 'same'"));
        assertNotSame(first, Selector.parse("cacheTest = 'same'"));
        assertEquals(first, Selector.parse("cacheTest = 'same'"));
    }

    @Test
    void behavesLikeParse() throws Exception {
        String expression = "n BETWEEN 1 AND 3 AND s LIKE 'a%' OR flag";
        Selector cached = Selector.cached(expression);
        Selector parsed = Selector.parse(expression);
        List<Function<String, Object>> messages = List.of(
                message(), message("n", 2, "s", "abc"), message("n", 4, "s", "abc"), message("flag", true),
                message("n", 2, "s", "xbc", "flag", false));
        for (Function<String, Object> m : messages) {
            assertEquals(parsed.matches(m), cached.matches(m));
        }
        assertTrue(cached.matches(message("n", 2, "s", "abc")));
        assertEquals(expression, cached.expression());
    }

    @Test
    void invalidExpressionsThrowEveryTime() {
        for (int i = 0; i < 2; i++) {
            SelectorSyntaxException e = assertThrows(SelectorSyntaxException.class,
                    () -> Selector.cached("cacheTest = "));
            assertEquals(12, e.position()); // end of "cacheTest = "
        }
    }

    @Test
    void staysBounded() throws Exception {
        for (int i = 0; i < 3_000; i++) {
            Selector.cached("boundTest = " + i);
        }
        assertTrue(Selector.cacheSize() <= 1024, "size " + Selector.cacheSize());
        assertTrue(Selector.cached("boundTest = 2999").matches(message("boundTest", 2999)));
    }
}
