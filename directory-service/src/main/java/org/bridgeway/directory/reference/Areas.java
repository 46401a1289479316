package org.bridgeway.directory.reference;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The areas as a tree, and the postcode districts that map into it. A listing that covers an
 * area covers every area below it; a resident's area or postcode district is served by listings
 * covering it, anything above it, or anything below it.
 */
public final class Areas {

    private final Map<String, Area> byCode = new LinkedHashMap<>();
    private final Map<String, List<String>> children = new LinkedHashMap<>();
    private final Map<String, Area> byName = new LinkedHashMap<>();
    private final Map<String, List<String>> areasByPostcodeDistrict = new LinkedHashMap<>();
    /** For each area code, the places a listing covering it serves: worked out once, for the search index. */
    private final Map<String, Set<String>> placesServedByArea = new HashMap<>();

    Areas(List<Area> areas, Map<String, List<String>> postcodeDistricts) {
        for (Area area : areas) {
            if (byCode.put(area.code(), area) != null) {
                throw new IllegalStateException("area " + area.code() + " is listed twice");
            }
            byName.putIfAbsent(Vocabulary.normalise(area.name()), area);
            area.aliases().forEach(alias -> byName.putIfAbsent(Vocabulary.normalise(alias), area));
        }
        for (Area area : areas) {
            if (area.parent() != null) {
                if (!byCode.containsKey(area.parent())) {
                    throw new IllegalStateException("area " + area.code() + " has an unknown parent " + area.parent());
                }
                children.computeIfAbsent(area.parent(), p -> new ArrayList<>()).add(area.code());
            }
        }
        postcodeDistricts.forEach((district, codes) -> {
            codes.stream().filter(code -> !byCode.containsKey(code)).findFirst().ifPresent(code -> {
                throw new IllegalStateException("postcode district " + district + " maps to an unknown area " + code);
            });
            areasByPostcodeDistrict.put(district.toUpperCase(Locale.ROOT), List.copyOf(codes));
        });
        byCode.keySet().forEach(code -> withDescendants(List.of(code)).forEach(area -> served(area, code)));
        areasByPostcodeDistrict.forEach((district, codes) -> codes.forEach(area -> served(area, district)));
    }

    private void served(String area, String place) {
        placesServedByArea.computeIfAbsent(area, a -> new HashSet<>()).add(place);
    }

    public List<Area> all() {
        return List.copyOf(byCode.values());
    }

    public Optional<Area> area(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public boolean contains(String code) {
        return byCode.containsKey(code);
    }

    public Optional<Area> byName(String name) {
        return Optional.ofNullable(byName.get(Vocabulary.normalise(name)));
    }

    public Map<String, List<String>> postcodeDistricts() {
        return Map.copyOf(areasByPostcodeDistrict);
    }

    /** The codes themselves and every area below them: what a listing covering them serves. */
    public Set<String> withDescendants(List<String> codes) {
        Set<String> covered = new LinkedHashSet<>();
        List<String> toVisit = new ArrayList<>(codes);
        while (!toVisit.isEmpty()) {
            String code = toVisit.removeLast();
            if (covered.add(code)) {
                toVisit.addAll(children.getOrDefault(code, List.of()));
            }
        }
        return covered;
    }

    /** Every place a resident can be looked up by: each area code and each postcode district. */
    public Set<String> places() {
        Set<String> places = new LinkedHashSet<>(byCode.keySet());
        places.addAll(areasByPostcodeDistrict.keySet());
        return places;
    }

    /** The place an area code, a postcode or a postcode district names, as {@link #places} has it. */
    public Optional<String> place(String placeAsGiven) {
        String trimmed = placeAsGiven.strip();
        if (byCode.containsKey(trimmed)) {
            return Optional.of(trimmed);
        }
        String district = postcodeDistrict(trimmed);
        return areasByPostcodeDistrict.containsKey(district) ? Optional.of(district) : Optional.empty();
    }

    /** The places whose residents a listing covering these areas serves (see {@link #servingPlace}). */
    public Set<String> placesServed(List<String> coverage) {
        Set<String> places = new HashSet<>();
        withDescendants(coverage).forEach(code -> places.addAll(placesServedByArea.getOrDefault(code, Set.of())));
        return places;
    }

    /**
     * The covered-area codes a listing must have to serve someone in this place: an area code, or
     * a postcode, or a postcode district such as ME4 or "ME4 4AA". Empty when the place is unknown.
     */
    public Optional<Set<String>> servingPlace(String place) {
        return place(place).map(key -> byCode.containsKey(key) ? withDescendants(List.of(key)) : new LinkedHashSet<>(areasByPostcodeDistrict.get(key)));
    }

    /** "ME4 4AA", "me44aa" and "ME4" all give ME4. */
    public static String postcodeDistrict(String postcode) {
        String compact = Postcodes.compact(postcode);
        return compact.length() > 4 && compact.matches("[A-Z]{1,2}[0-9][0-9A-Z]?[0-9][A-Z]{2}")
                ? compact.substring(0, compact.length() - 3)
                : compact;
    }

}
