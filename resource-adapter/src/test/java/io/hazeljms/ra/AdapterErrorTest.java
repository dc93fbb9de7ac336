package io.hazeljms.ra;

import io.hazeljms.store.ErrorCatalogCheck;
import org.junit.jupiter.api.Test;

/** The adapter's error ids: {@link AdapterError} is their only declaration, and the README lists them. */
class AdapterErrorTest {

    private final ErrorCatalogCheck check = new ErrorCatalogCheck("adapter", "resource-adapter", AdapterError.class,
            "HJMS-RA-\\d{3}");

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
