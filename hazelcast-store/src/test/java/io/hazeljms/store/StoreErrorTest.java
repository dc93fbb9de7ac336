package io.hazeljms.store;

/** The store's error ids: {@link StoreError} is their only declaration, and the README lists them. */
class StoreErrorTest extends ErrorCatalogCheck {

    StoreErrorTest() {
        super("store", "hazelcast-store", StoreError.class, "HJMS-STORE-\\d{3}");
    }
}
