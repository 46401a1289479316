package org.bridgeway.directory.openreferral;

import java.util.Optional;
import java.util.Set;

import org.bridgeway.directory.organisation.Address;
import org.bridgeway.directory.reference.Area;
import org.bridgeway.directory.reference.Areas;

/**
 * The town and county an HSDS address requires, which our addresses only sometimes name: the town
 * when given, else from the postcode district's areas; the county (or unitary authority, such as
 * Medway) from the area tree above the district's first area.
 */
final class Localities {

    private final Areas areas;

    Localities(Areas areas) {
        this.areas = areas;
    }

    /** Empty when neither the address nor its postcode district says. */
    String city(Address address) {
        if (address.town() != null && !address.town().isBlank()) {
            return address.town();
        }
        return districtAreas(address).stream().map(areas::area).flatMap(Optional::stream)
                .filter(area -> area.type() == Area.Type.TOWN).map(Area::name).findFirst().orElse("");
    }

    /** Empty when the postcode district is not one the directory knows. */
    String county(Address address) {
        return districtAreas(address).stream().findFirst().flatMap(this::countyAbove).orElse("");
    }

    private Set<String> districtAreas(Address address) {
        return areas.servingPlace(Areas.postcodeDistrict(address.postcode())).orElse(Set.of());
    }

    private Optional<String> countyAbove(String code) {
        Optional<Area> area = areas.area(code);
        while (area.isPresent()) {
            Area current = area.get();
            if (current.type() == Area.Type.COUNTY || current.type() == Area.Type.UNITARY_AUTHORITY) {
                return Optional.of(current.name());
            }
            area = current.parent() == null ? Optional.empty() : areas.area(current.parent());
        }
        return Optional.empty();
    }
}
