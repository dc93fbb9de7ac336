package io.hazeljms.jms;

import io.hazeljms.store.ErrorCatalogCheck;
import org.junit.jupiter.api.Test;

/** The provider's error ids: {@link ProviderError} is their only declaration, and the README lists them. */
class ProviderErrorTest {

    /** The provider's areas (HJMS-SESSION-…, HJMS-MSG-…); the store's and the adapter's ids are their own. */
    private final ErrorCatalogCheck check = new ErrorCatalogCheck("provider", "jms-provider", ProviderError.class,
            "HJMS-(?!STORE-|RA-)[A-Z]+-\\d{3}");

    @Test
    void idsAreWellFormedAndUnique() {
        check.idsAreWellFormedAndUnique();
    }

    @Test
    void everyIdHasItsOwnMessageAndAnAction() {
        check.everyIdHasItsOwnMessageAndAnAction();
    }

    @Test
    void noIdOutsideTheCatalog() {
        check.noIdOutsideTheCatalog();
    }

    @Test
    void everyIdIsRaised() {
        check.everyIdIsRaised();
    }

    @Test
    void readmeListsTheCatalog() {
        check.readmeListsTheCatalog();
    }
}
