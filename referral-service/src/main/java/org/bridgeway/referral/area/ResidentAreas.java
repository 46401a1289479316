package org.bridgeway.referral.area;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a resident lives, as far as their postcode district tells, from the platform's reference
 * areas ({@code reference/areas.json}, the same tree the directory's coverage uses). Only the area
 * leaves this service, never the postcode.
 */
@Component
public class ResidentAreas {

    /** The areas a postcode district lies in; {@code main} is the one most of it lies in. */
    public record Place(String main, List<String> areas) {
    }

    record AreasFile(List<Area> areas, List<District> postcodeDistricts) {
        record Area(String code, String name, String type, String parent, Double imdScore, String imdBand) {
        }

        record District(String district, List<String> areas) {
        }
    }

    /** An area of the reference tree, with the deprivation figures the reference data has for it. */
    public record AreaInfo(String code, String name, String type, String parent, Double imdScore, String imdBand) {
    }

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, AreaInfo> areas = new java.util.LinkedHashMap<>();
    private final Map<String, Place> byDistrict = new HashMap<>();

    ResidentAreas(JsonMapper json) {
        AreasFile file;
        try (InputStream in = ResidentAreas.class.getResourceAsStream("/reference/areas.json")) {
            if (in == null) {
                throw new IllegalStateException("reference/areas.json is missing from the classpath");
            }
            file = json.readValue(in, AreasFile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.areas().forEach(area -> {
            parents.put(area.code(), area.parent());
            areas.put(area.code(), new AreaInfo(area.code(), area.name(), area.type(), area.parent(), area.imdScore(), area.imdBand()));
        });
        file.postcodeDistricts().forEach(d ->
                byDistrict.put(d.district().toUpperCase(Locale.ROOT), new Place(d.areas().getFirst(), List.copyOf(d.areas()))));
    }

    /** The place of a postcode ("ME7 1AA", "me71aa"), or empty when its district is not in the reference data. */
    public Optional<Place> placeOf(String postcode) {
        String compact = postcode.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        String district = compact.length() > 4 ? compact.substring(0, compact.length() - 3) : compact;
        return Optional.ofNullable(byDistrict.get(district));
    }

    /**
     * Whether a listing covering these areas (and everything below them) surely serves someone in
     * this place: the area most of the district lies in is covered, or lies below a covered one.
     * Search also offers listings covering the district's other areas; a referral to one of those
     * gets a warning, as the resident may live in the part outside.
     */
    public boolean covers(List<String> coverage, Place place) {
        return coverage.stream().anyMatch(covered -> within(place.main(), covered));
    }

    /** Every area of the reference tree, parents before children. */
    public List<AreaInfo> areas() {
        return List.copyOf(areas.values());
    }

    public boolean known(String area) {
        return areas.containsKey(area);
    }

    /** Whether {@code area} is {@code ancestor} or lies below it. */
    public boolean within(String area, String ancestor) {
        for (String a = area; a != null; a = parents.get(a)) {
            if (a.equals(ancestor)) {
                return true;
            }
        }
        return false;
    }
}
