package org.bridgeway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.directory.importing.Cases.anyString;
import static org.bridgeway.directory.importing.Cases.distinctOf;
import static org.bridgeway.directory.importing.Cases.example;
import static org.bridgeway.directory.importing.Cases.generated;
import static org.bridgeway.directory.importing.Cases.listOf;
import static org.bridgeway.directory.importing.Cases.oneOf;
import static org.bridgeway.directory.importing.Cases.stringOf;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.directory.importing.AssetMapRow.Column;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.reference.Area;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.ShippedReferenceData;
import org.bridgeway.directory.reference.Term;
import org.bridgeway.directory.reference.Vocabulary;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The asset-map import on generated rows below the form's header: whatever the rows hold, the
 * answer is a report with every row accounted for, no row fails in a way the import did not
 * foresee, and a form answer comes through as it was written. (Reading the file, its refusals and
 * its row bound are AssetMapCsvPropertiesTest's.)
 */
@ExtendWith(Cases.NamedFailures.class)
class AssetMapImportPropertiesTest {

    private static final ReferenceData REFERENCE = ShippedReferenceData.load();
    /** The reason a row gets when importing it threw: a case the import did not foresee. */
    static final String UNFORESEEN = "could not be imported: a value is not what the format allows";
    private static final long SEED = 0x5EED_A55E7L;

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("rows")
    void anyRowsGiveAReportOfEveryRow(List<List<String>> rows) {
        ImportReport report = new AssetMapImport(REFERENCE, new RecordedServices().store).run(file(rows), "importer");

        assertThat(report.rows()).extracting(Row::row).isSorted().doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).isGreaterThan(1));
        assertThat(report.rows()).extracting(Row::reason).doesNotContain(UNFORESEEN);
        assertThat(report.created() + report.rejected()).isEqualTo(report.rows().size());
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("answers")
    void aFormAnswerComesThroughAsWritten(List<Answer> answers) {
        RecordedServices recorded = new RecordedServices();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            rows.add(answers.get(i).cells(i));
        }

        ImportReport report = new AssetMapImport(REFERENCE, recorded.store).run(file(rows), "importer");

        assertThat(report.created()).as("%s", report.rows()).isEqualTo(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            Answer answer = answers.get(i);
            ListingDetails listing = recorded.listings.get(i);
            assertThat(recorded.services.get(i).organisation().name()).isEqualTo(answer.organisation().strip());
            assertThat(listing.name()).isEqualTo(rows.get(i).get(Column.SERVICE.ordinal()).strip());
            assertThat(listing.description()).isEqualTo(Wording.orNull(answer.description()));
            assertThat(listing.priorityGroups()).isEqualTo(codes(answer.priorityGroups()));
            assertThat(listing.genders()).isEqualTo(codes(answer.genders()));
            assertThat(listing.marmotPrinciples()).isEqualTo(codes(answer.marmotPrinciples()));
            assertThat(listing.outcomes()).isEqualTo(codes(answer.outcomes()));
            assertThat(listing.coverage().areas()).isEqualTo(answer.areas().isEmpty() ? List.of("medway")
                    : answer.areas().stream().map(Area::code).distinct().toList());
        }
    }

    /** One answer to the form, with the choices as the form words them (the terms' labels). */
    record Answer(String organisation, String service, String description, List<Term> priorityGroups, List<Term> genders,
                  List<Term> marmotPrinciples, List<Term> outcomes, List<Area> areas) {

        /** The cells of the answer as row {@code index + 2}, its service name made unique to the file. */
        List<String> cells(int index) {
            String[] cells = new String[Column.values().length];
            Arrays.fill(cells, "");
            cells[Column.ORGANISATION.ordinal()] = organisation;
            cells[Column.HAS_PARTNERS.ordinal()] = "No";
            cells[Column.SERVICE.ordinal()] = "Service " + (index + 2) + " " + service;
            cells[Column.DESCRIPTION.ordinal()] = description;
            cells[Column.AREAS.ordinal()] = String.join("; ", areas.stream().map(Area::name).toList());
            cells[Column.PRIORITY_GROUPS.ordinal()] = choices(priorityGroups);
            cells[Column.GENDERS.ordinal()] = choices(genders);
            cells[Column.MARMOT_PRINCIPLES.ordinal()] = choices(marmotPrinciples);
            cells[Column.OUTCOMES.ordinal()] = choices(outcomes);
            return List.of(cells);
        }

        /** As Microsoft Forms exports a multi-select: joined with ";", one after the last. */
        private static String choices(List<Term> terms) {
            return terms.stream().map(term -> term.label() + ";").reduce("", String::concat);
        }
    }

    private static List<String> codes(List<Term> terms) {
        return terms.stream().map(Term::code).toList();
    }

    /** The form's header row, then the rows, as a spreadsheet writes them. */
    private static byte[] file(List<List<String>> rows) {
        StringWriter file = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(file, CSVFormat.RFC4180)) {
            printer.printRecord(Column.headers());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Rows of about the form's width, of cells the import reads something into, and of nonsense. */
    static Stream<Arguments> rows() {
        return Stream.concat(Stream.of(
                        example("no rows", List.of()),
                        example("a blank row", List.of(Collections.nCopies(Column.values().length, ""))),
                        example("a row of cells of 2 000 characters",
                                List.of(Collections.nCopies(Column.values().length, "é,\"\n;".repeat(400)))),
                        example("rows of 14 and of 20 cells", List.of(Collections.nCopies(14, "Yes"), Collections.nCopies(20, "Medway wide")))),
                generated(SEED, 200, random -> Arguments.of(listOf(random, 0, 8, () -> listOf(random, 14, 20, () -> cell(random))))));
    }

    private static final List<String> WORDINGS = Stream.of(REFERENCE.priorityGroups(), REFERENCE.genders(), REFERENCE.marmotPrinciples(),
                    REFERENCE.outcomes(), REFERENCE.categories())
            .flatMap(vocabulary -> vocabulary.terms().stream()).flatMap(term -> Stream.of(term.code(), term.label()))
            .toList();
    private static final List<String> AREA_NAMES = REFERENCE.areas().all().stream().map(Area::name).toList();

    private static String cell(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> oneOf(random, WORDINGS);
            case 1 -> oneOf(random, AREA_NAMES);
            case 2 -> String.join(";", listOf(random, 0, 4, () -> oneOf(random, WORDINGS)));
            case 3 -> oneOf(random, "0-19", "Under 5s", "18+", "Older people 65+", "All ages", "under 0", "999-1", "aged 120 and over",
                    "Whole of Medway", "Medway wide", "ME7 1AA", "me4", "Yes", "No", "a@b.example", "not an email",
                    "07700 900123", "www.example.org/page", "https://example.org", "javascript:alert(1)",
                    "Hall, 1 High Street, Chatham, ME4 4TR", ",,,", ";;", "");
            default -> anyString(random, 40);
        };
    }

    /** One to five answers of names, text and choices as the form takes them. */
    static Stream<Arguments> answers() {
        List<Area> areas = namedByTheirName();
        return Stream.concat(Stream.of(
                        example("an answer of one-letter names and nothing chosen",
                                List.of(new Answer("a", "b", "", List.of(), List.of(), List.of(), List.of(), List.of()))),
                        example("an answer of four of every choice, an area twice",
                                List.of(new Answer("Friends of \"the\" park, Chatham", "Walks; talks & more", " Weekly.\r\nFree ",
                                        first4(REFERENCE.priorityGroups()), first4(REFERENCE.genders()),
                                        first4(REFERENCE.marmotPrinciples()), first4(REFERENCE.outcomes()),
                                        List.of(areas.getFirst(), areas.getLast(), areas.getFirst()))))),
                generated(SEED, 200, random -> Arguments.of(listOf(random, 1, 5, () -> answer(random, areas)))));
    }

    private static Answer answer(Random random, List<Area> areas) {
        return new Answer(name(random), name(random), stringOf(random, Cases.PRINTABLE + "\n\r", 0, 100),
                distinctOf(random, REFERENCE.priorityGroups().terms(), 4), distinctOf(random, REFERENCE.genders().terms(), 4),
                distinctOf(random, REFERENCE.marmotPrinciples().terms(), 4), distinctOf(random, REFERENCE.outcomes().terms(), 4),
                listOf(random, 0, 4, () -> oneOf(random, areas)));
    }

    /** A name of 1 to 30 characters, not blank, with what CSV and the form's choices treat specially. */
    private static String name(Random random) {
        String name;
        do {
            name = stringOf(random, "abcdefghijklmnopqrstuvwxyz ,\"'&;-\né", 1, 30);
        } while (name.isBlank());
        return name;
    }

    private static List<Term> first4(Vocabulary vocabulary) {
        return vocabulary.terms().subList(0, Math.min(4, vocabulary.terms().size()));
    }

    /** A few areas share a name (Dover the district and the town): the form can name only the first. */
    private static List<Area> namedByTheirName() {
        return REFERENCE.areas().all().stream()
                .filter(area -> REFERENCE.areas().byName(area.name()).map(Area::code).orElseThrow().equals(area.code()))
                .toList();
    }
}
