package org.bridgeway.directory.reference;

import org.bridgeway.directory.JsonConfig;

/** The reference data as the service ships and loads it, for tests outside this package. */
public final class ShippedReferenceData {

    private static final ReferenceData LOADED = new ReferenceData(JsonConfig.strictMapperBuilder().build());

    private ShippedReferenceData() {
    }

    public static ReferenceData load() {
        return LOADED;
    }
}
