package org.bridgeway.directory.openreferral;

import java.util.List;

import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.organisation.Address;
import org.bridgeway.directory.reference.Areas;

/** The places a service is delivered at, as HSDS physical locations with their address and accessibility. */
final class Locations {

    private final Localities localities;

    Locations(Areas areas) {
        this.localities = new Localities(areas);
    }

    static String id(String serviceId, int k) {
        return Ids.of(serviceId, "location", Integer.toString(k));
    }

    /** The one-to-one fields only, as lists show a location. */
    static Hsds.Location brief(String serviceId, int k, ListingDetails.Location place) {
        return new Hsds.Location(id(serviceId, k), "physical", place.name(), place.latitude(), place.longitude(), null, null);
    }

    /** The listing's accessibility text describes its locations, so each location carries it. */
    Hsds.Location full(String serviceId, int k, ListingDetails.Location place, String accessibility) {
        String id = id(serviceId, k);
        Address a = place.address();
        Hsds.Address address = new Hsds.Address(Ids.of(id, "address"), id, a.line1(), a.line2(), localities.city(a),
                localities.county(a), a.postcode(), "GB", "physical");
        List<Hsds.Accessibility> access = accessibility == null || accessibility.isBlank() ? null
                : List.of(new Hsds.Accessibility(Ids.of(id, "accessibility"), id, accessibility));
        return new Hsds.Location(id, "physical", place.name(), place.latitude(), place.longitude(), List.of(address), access);
    }
}
