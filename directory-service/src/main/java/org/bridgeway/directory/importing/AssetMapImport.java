package org.bridgeway.directory.importing;

import static java.util.Map.entry;
import static org.bridgeway.directory.importing.AssetMapRow.Column.ADDRESS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.AGE_GROUPS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.AREAS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.DESCRIPTION;
import static org.bridgeway.directory.importing.AssetMapRow.Column.EMAIL;
import static org.bridgeway.directory.importing.AssetMapRow.Column.GENDERS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.LINK;
import static org.bridgeway.directory.importing.AssetMapRow.Column.MARMOT_PRINCIPLES;
import static org.bridgeway.directory.importing.AssetMapRow.Column.ORGANISATION;
import static org.bridgeway.directory.importing.AssetMapRow.Column.OUTCOMES;
import static org.bridgeway.directory.importing.AssetMapRow.Column.PARTNERS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.PHONE;
import static org.bridgeway.directory.importing.AssetMapRow.Column.POSTCODE;
import static org.bridgeway.directory.importing.AssetMapRow.Column.PRIORITY_GROUPS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.RESULTS;
import static org.bridgeway.directory.importing.AssetMapRow.Column.SERVICE;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bridgeway.directory.importing.AssetMapRow.Column;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.DuplicateCheck;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.organisation.Address;
import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.reference.DeliveryMode;
import org.bridgeway.directory.reference.Postcodes;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.bridgeway.directory.web.InvalidFieldException;
import org.bridgeway.directory.web.InvalidFieldException.FieldProblem;
import org.springframework.stereotype.Component;

/**
 * Imports the Medway asset-mapping form's CSV export: each row an organisation and one of its
 * services, as a signposting listing. Wording may vary (case, punctuation, "&"), meaning may not:
 * a choice that matches none of the directory's terms rejects its row, and the other rows import.
 */
@Component
class AssetMapImport {

    private static final String MEDWAY = "medway";
    /** The form's "whole of Medway" answers, however worded; a blank areas answer means the same. */
    private static final Pattern MEDWAY_WIDE = Pattern.compile("(all( of)?|whole of) medway\\b.*|medway wide\\b.*");

    /** Which column a listing's field comes from, so a rejection points at the cell to correct. */
    private static final Map<String, Column> FIELD_COLUMNS = Map.ofEntries(
            entry("organisation.name", ORGANISATION), entry("organisation.email", EMAIL), entry("organisation.phone", PHONE),
            entry("name", SERVICE), entry("description", DESCRIPTION), entry("website", LINK), entry("email", EMAIL),
            entry("phone", PHONE), entry("locations", ADDRESS), entry("locations.address.postcode", POSTCODE),
            entry("coverage", AREAS), entry("priorityGroups", PRIORITY_GROUPS), entry("minimumAge", AGE_GROUPS),
            entry("maximumAge", AGE_GROUPS), entry("genders", GENDERS), entry("marmotPrinciples", MARMOT_PRINCIPLES),
            entry("outcomes", OUTCOMES));

    private final ReferenceData reference;
    private final ImportedServices services;

    AssetMapImport(ReferenceData reference, ImportedServices services) {
        this.reference = reference;
        this.services = services;
    }

    ImportReport run(byte[] body, String actor) {
        List<AssetMapCsv.Line> lines = AssetMapCsv.read(body, ImportedServices.MAX_PER_IMPORT);
        if (lines.isEmpty()) {
            throw new InvalidFieldException("header", "the file is empty; its first row must be the form's column headers");
        }
        checkHeader(lines.getFirst());
        Map<String, Integer> rowOfService = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (DuplicateCheck.Batch batch = services.duplicateCheck()) {
            for (AssetMapCsv.Line line : lines.subList(1, lines.size())) {
                rows.add(Row.attempt(line.row(), () -> importRow(line, rowOfService, batch, actor)));
            }
        }
        return ImportReport.of(rows);
    }

    private static void checkHeader(AssetMapCsv.Line header) {
        if (header.problem() != null) {
            throw new InvalidFieldException("header", "row " + header.row() + " " + header.problem());
        }
        List<String> found = AssetMapRow.withoutTrailingBlanks(header.cells()).stream().map(String::strip).toList();
        List<String> expected = Column.headers();
        if (found.equals(expected)) {
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        expected.stream().filter(h -> !found.contains(h))
                .forEach(h -> problems.add(new FieldProblem("header", "missing column \"" + h + "\"")));
        found.stream().filter(h -> !expected.contains(h))
                .forEach(h -> problems.add(new FieldProblem("header", "unexpected column \"" + h + "\"")));
        if (problems.isEmpty()) {
            problems.add(new FieldProblem("header", "the columns must be the form's, once each and in its order: " + expected));
        }
        throw new InvalidFieldException(problems);
    }

    private Row importRow(AssetMapCsv.Line line, Map<String, Integer> rowOfService, DuplicateCheck.Batch batch, String actor) {
        if (line.problem() != null) {
            return Row.rejected(line.row(), line.problem());
        }
        List<String> cells = AssetMapRow.withoutTrailingBlanks(line.cells());
        if (cells.size() != Column.values().length) {
            return Row.rejected(line.row(), "has " + cells.size() + " columns where the form has " + Column.values().length
                    + "; check for a missing or extra comma, or a line break outside quotes");
        }
        List<String> problems = new ArrayList<>();
        ImportedService service = service(new AssetMapRow(line.row(), cells), problems);
        if (!problems.isEmpty()) {
            return Row.rejected(line.row(), String.join("; ", problems));
        }
        Integer earlier = rowOfService.putIfAbsent(service.sourceKey(), line.row());
        if (earlier != null) {
            return Row.rejected(line.row(), "repeats row " + earlier + ": the same organisation and service name");
        }
        return services.store(service, batch, actor, AssetMapImport::fieldName);
    }

    private ImportedService service(AssetMapRow row, List<String> problems) {
        String organisationName = required(row, ORGANISATION, problems);
        String serviceName = required(row, SERVICE, problems);
        String email = Wording.orNull(row.text(EMAIL));
        String phone = Wording.orNull(row.text(PHONE));
        List<String> areas = areas(row, problems);
        List<String> priorityGroups = codes(row, PRIORITY_GROUPS, reference.priorityGroups(), problems);
        List<String> genders = codes(row, GENDERS, reference.genders(), problems);
        List<String> marmotPrinciples = codes(row, MARMOT_PRINCIPLES, reference.marmotPrinciples(), problems);
        List<String> outcomes = codes(row, OUTCOMES, reference.outcomes(), problems);
        AgeRange ages = ages(row, problems);
        // The form has no category: a new listing gets a guess, a stored one keeps what an administrator made of it.
        List<String> categories = CategoryRules.infer(marmotPrinciples, outcomes, priorityGroups,
                String.join(" ", serviceName, row.text(DESCRIPTION), row.text(RESULTS)));
        List<String> warnings = new ArrayList<>();
        List<ListingDetails.Location> locations = location(row, warnings);
        // The form asks for no way of delivery: a place given means people go there.
        List<DeliveryMode> deliveryModes = List.of(locations.isEmpty() ? DeliveryMode.ONLINE : DeliveryMode.IN_PERSON);
        String description = description(row);
        String website = website(row.text(LINK));

        OrganisationDetails organisation = new OrganisationDetails(organisationName,
                Wording.evidentType(organisationName, email), null, email, phone, null, null, List.of(), null, List.of());
        String sourceKey = "asset-map:" + Vocabulary.normalise(organisationName) + "|" + Vocabulary.normalise(serviceName);
        ImportedService.Content content = (organisationId, stored) -> new ListingDetails(organisationId, serviceName,
                description, website, email, phone, stored.categories().isEmpty() ? categories : stored.categories(),
                stored.activities(), marmotPrinciples, outcomes,
                priorityGroups, ages.minimum(), ages.maximum(), genders, new ListingDetails.Coverage(false, areas),
                locations, deliveryModes, stored.openingHours(), stored.openingNotes(), stored.languages(),
                stored.accessibility(), stored.cost(), stored.referral(), stored.capacity(), stored.reachPerYear());
        return new ImportedService(row.row(), sourceKey, Listing.Provenance.FORM_IMPORT, null, organisation, null,
                content, warnings);
    }

    private static String required(AssetMapRow row, Column column, List<String> problems) {
        String text = row.text(column);
        if (text.isEmpty()) {
            problems.add(column + " is blank");
        }
        return text;
    }

    private List<String> areas(AssetMapRow row, List<String> problems) {
        List<String> codes = new ArrayList<>();
        for (String choice : row.choices(AREAS)) {
            if (MEDWAY_WIDE.matcher(Vocabulary.normalise(choice)).matches()) {
                codes.add(MEDWAY);
            } else {
                reference.areas().byName(choice).ifPresentOrElse(area -> codes.add(area.code()),
                        () -> problems.add(unknown(AREAS, choice)));
            }
        }
        return codes.isEmpty() ? List.of(MEDWAY) : codes.stream().distinct().toList();
    }

    private static List<String> codes(AssetMapRow row, Column column, Vocabulary vocabulary, List<String> problems) {
        List<String> codes = new ArrayList<>();
        for (String choice : row.choices(column)) {
            vocabulary.match(choice).ifPresentOrElse(term -> codes.add(term.code()), () -> problems.add(unknown(column, choice)));
        }
        return codes;
    }

    private static AgeRange ages(AssetMapRow row, List<String> problems) {
        AgeRange ages = null;
        for (String choice : row.choices(AGE_GROUPS)) {
            Optional<AgeRange> range = AgeRange.of(choice);
            if (range.isEmpty()) {
                problems.add(column(AGE_GROUPS, choice) + " gives no ages; write them as 0-19, Under 5s, 18+ or All ages");
            } else {
                ages = ages == null ? range.get() : ages.and(range.get());
            }
        }
        return ages == null ? AgeRange.ALL : ages;
    }

    private static String unknown(Column column, String choice) {
        return column(column, choice) + " matches nothing the directory knows; see /api/directory/taxonomy for its wording";
    }

    private static String column(Column column, String choice) {
        return column + ": \"" + choice + "\"";
    }

    /** The form's results question and partner list have no field of their own; they are worth keeping with the description. */
    private static String description(AssetMapRow row) {
        StringBuilder text = new StringBuilder(row.text(DESCRIPTION));
        paragraph(text, "Results for the people supported: ", row.text(RESULTS));
        // Column 4 only says whether column 5 is filled in.
        paragraph(text, "Delivered with: ", row.text(PARTNERS));
        return Wording.orNull(text.toString());
    }

    private static void paragraph(StringBuilder text, String heading, String value) {
        if (!value.isEmpty()) {
            text.append(text.isEmpty() ? "" : "\n\n").append(heading).append(value);
        }
    }

    /** "Snapdragons Centre, Cliffe Road, Rochester": first part the first line, last part the town. */
    private static List<ListingDetails.Location> location(AssetMapRow row, List<String> warnings) {
        String postcode = row.text(POSTCODE);
        List<String> parts = Arrays.stream(row.text(ADDRESS).split(","))
                .map(String::strip)
                .filter(part -> !part.isEmpty() && !Postcodes.compact(part).equals(Postcodes.compact(postcode)))
                .toList();
        if (parts.isEmpty()) {
            if (!postcode.isEmpty()) {
                warnings.add(POSTCODE + " " + postcode + " not kept: a place of delivery needs the address in " + ADDRESS);
            }
            return List.of();
        }
        String line2 = parts.size() > 2 ? String.join(", ", parts.subList(1, parts.size() - 1)) : null;
        String town = parts.size() > 1 ? parts.getLast() : null;
        return List.of(new ListingDetails.Location(null, new Address(parts.getFirst(), line2, town, Wording.orNull(postcode)),
                null, null));
    }

    /** People write links without "https://"; a bare web address is taken as one. */
    private static String website(String link) {
        if (link.isEmpty()) {
            return null;
        }
        boolean bareAddress = !link.matches("(?i)https?://.*") && link.matches("(?i)[a-z0-9-]+(\\.[a-z0-9-]+)+(/\\S*)?");
        return bareAddress ? "https://" + link : link;
    }

    /** "website in column 9 (link)": our field, and the column of the form it came from. */
    private static String fieldName(String field) {
        String path = field.replaceAll("\\[\\d+]", "");
        return FIELD_COLUMNS.entrySet().stream()
                .filter(e -> path.equals(e.getKey()) || path.startsWith(e.getKey() + "."))
                .max(Comparator.comparingInt(e -> e.getKey().length()))
                .map(e -> field + " in " + e.getValue())
                .orElse(field);
    }
}
