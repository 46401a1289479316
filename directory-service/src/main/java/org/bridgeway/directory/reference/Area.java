package org.bridgeway.directory.reference;

import java.util.List;

/**
 * A place a service can cover: Kent and Medway, Kent, its districts, Medway, its towns, wards and
 * local areas (MSOAs, with their index of multiple deprivation score where the sources give one).
 */
public record Area(String code, String name, Type type, String parent, Double imdScore, String imdBand, List<String> aliases) {

    public enum Type { REGION, COUNTY, UNITARY_AUTHORITY, DISTRICT, TOWN, WARD, LOCAL_AREA }

    public Area {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
