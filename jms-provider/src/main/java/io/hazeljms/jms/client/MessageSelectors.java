package io.hazeljms.jms.client;

import io.hazeljms.jms.ProviderError;
import io.hazeljms.store.selector.Selector;
import io.hazeljms.store.selector.SelectorSyntaxException;
import jakarta.jms.InvalidSelectorException;

/** The provider's check of a message selector, for consumers, browsers and MDB activation specs. */
public final class MessageSelectors {

    private MessageSelectors() {
    }

    /**
     * Parses the selector so a bad one fails early, naming the position (spec 3.8.1).
     *
     * @return the selector, or null when it is null or blank (no selector)
     */
    public static String validate(String selector) throws InvalidSelectorException {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        try {
            Selector.parse(selector);
            return selector;
        } catch (SelectorSyntaxException e) {
            InvalidSelectorException ex =
                    new InvalidSelectorException(ProviderError.SELECTOR_INVALID.text(selector, e.getMessage()));
            ex.setLinkedException(e);
            throw ex;
        }
    }
}
