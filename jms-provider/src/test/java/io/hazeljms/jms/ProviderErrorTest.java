package io.hazeljms.jms;

import io.hazeljms.store.ErrorCatalogCheck;

/** The provider's error ids: {@link ProviderError} is their only declaration, and the README lists them. */
class ProviderErrorTest extends ErrorCatalogCheck {

    /** The provider's areas (HJMS-SESSION-…, HJMS-MSG-…); the store's and the adapter's ids are their own. */
    ProviderErrorTest() {
        super("provider", "jms-provider", ProviderError.class, "HJMS-(?!STORE-|RA-)[A-Z]+-\\d{3}");
    }
}
