package io.hazeljms.store;

import org.junit.jupiter.api.Test;

/** The store's error ids: {@link StoreError} is their only declaration, and the README lists them. */
class StoreErrorTest {

    private final ErrorCatalogCheck check = new ErrorCatalogCheck("store", "hazelcast-store", StoreError.class,
            "HJMS-STORE-\\d{3}");

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
