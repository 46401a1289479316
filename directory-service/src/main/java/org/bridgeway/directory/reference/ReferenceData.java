package org.bridgeway.directory.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The taxonomies and areas that ship with the service ({@code reference/*.json}), loaded once on
 * start. A broken file stops the start rather than letting listings be checked against half a list.
 */
@Component
public class ReferenceData {

    private record TaxonomyFile(List<Term> needCategories, List<Term> activities, List<Term> marmotPrinciples,
                                List<Term> outcomes, List<Term> priorityGroups, List<Term> genders, List<Term> languages,
                                List<Term> referrerRoles) {
    }

    private record PostcodeDistrict(String district, List<String> areas) {
    }

    private record AreasFile(List<Area> areas, List<PostcodeDistrict> postcodeDistricts) {
    }

    private final Vocabulary categories;
    private final Vocabulary activities;
    private final Vocabulary marmotPrinciples;
    private final Vocabulary outcomes;
    private final Vocabulary priorityGroups;
    private final Vocabulary genders;
    private final Vocabulary languages;
    private final Vocabulary referrerRoles;
    private final Areas areas;

    ReferenceData(JsonMapper json) {
        TaxonomyFile taxonomy = read(json, "reference/taxonomy.json", TaxonomyFile.class);
        this.categories = new Vocabulary("categories", taxonomy.needCategories());
        this.activities = new Vocabulary("activities", taxonomy.activities());
        this.marmotPrinciples = new Vocabulary("marmotPrinciples", taxonomy.marmotPrinciples());
        this.outcomes = new Vocabulary("outcomes", taxonomy.outcomes());
        this.priorityGroups = new Vocabulary("priorityGroups", taxonomy.priorityGroups());
        this.genders = new Vocabulary("genders", taxonomy.genders());
        this.languages = new Vocabulary("languages", taxonomy.languages());
        this.referrerRoles = new Vocabulary("referrerRoles", taxonomy.referrerRoles());
        AreasFile areasFile = read(json, "reference/areas.json", AreasFile.class);
        Map<String, List<String>> districts = new LinkedHashMap<>();
        areasFile.postcodeDistricts().forEach(d -> districts.put(d.district(), d.areas()));
        this.areas = new Areas(areasFile.areas(), districts);
    }

    private static <T> T read(JsonMapper json, String path, Class<T> type) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    public Vocabulary categories() {
        return categories;
    }

    public Vocabulary activities() {
        return activities;
    }

    public Vocabulary marmotPrinciples() {
        return marmotPrinciples;
    }

    public Vocabulary outcomes() {
        return outcomes;
    }

    public Vocabulary priorityGroups() {
        return priorityGroups;
    }

    public Vocabulary genders() {
        return genders;
    }

    public Vocabulary languages() {
        return languages;
    }

    public Vocabulary referrerRoles() {
        return referrerRoles;
    }

    public Areas areas() {
        return areas;
    }
}
