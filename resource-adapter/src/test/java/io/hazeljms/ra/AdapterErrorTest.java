package io.hazeljms.ra;

import io.hazeljms.store.ErrorCatalogCheck;

/** The adapter's error ids: {@link AdapterError} is their only declaration, and the README lists them. */
class AdapterErrorTest extends ErrorCatalogCheck {

    AdapterErrorTest() {
        super("adapter", "resource-adapter", AdapterError.class, "HJMS-RA-\\d{3}");
    }
}
