package org.bridgeway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.bridgeway.directory.importing.Cases.anyBytes;
import static org.bridgeway.directory.importing.Cases.anyString;
import static org.bridgeway.directory.importing.Cases.between;
import static org.bridgeway.directory.importing.Cases.example;
import static org.bridgeway.directory.importing.Cases.generated;
import static org.bridgeway.directory.importing.Cases.listOf;
import static org.bridgeway.directory.importing.Cases.oneOf;
import static org.bridgeway.directory.importing.Cases.stringOf;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.bridgeway.directory.web.InvalidFieldException;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reading an asset-map CSV file, on generated files: any bytes are read into numbered rows or
 * refused with a reason (the API's 400), what a spreadsheet wrote comes back cell for cell, and
 * no more rows are read than the bound allows.
 */
@ExtendWith(Cases.NamedFailures.class)
class AssetMapCsvPropertiesTest {

    private static final long SEED = 0x5EED_A55E7L;

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("files")
    void anyBytesAreReadIntoNumberedRowsOrRefused(byte[] body, int maxRows) {
        List<AssetMapCsv.Line> lines;
        try {
            lines = AssetMapCsv.read(body, maxRows);
        } catch (InvalidFieldException refused) {
            assertThat(refused.problems()).allSatisfy(problem -> assertThat(problem.field()).isIn("body", "rows"));
            return;
        }
        assertThat(lines).hasSizeLessThanOrEqualTo(maxRows + 1);
        assertThat(lines).extracting(AssetMapCsv.Line::row).isSorted().doesNotHaveDuplicates().allSatisfy(row -> assertThat(row).isPositive());
        assertThat(lines).allSatisfy(line -> assertThat(line.cells().isEmpty()).isEqualTo(line.problem() != null));
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("records")
    void cellsComeBackAsASpreadsheetWroteThem(List<List<String>> records) throws IOException {
        StringWriter file = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(file, CSVFormat.RFC4180)) {
            for (List<String> record : records) {
                printer.printRecord(record);
            }
        }

        List<AssetMapCsv.Line> lines = AssetMapCsv.read(file.toString().getBytes(StandardCharsets.UTF_8), records.size());

        // Blank rows are left out, but still counted, so every row keeps the number a spreadsheet shows.
        List<Integer> kept = IntStream.range(0, records.size())
                .filter(i -> records.get(i).stream().anyMatch(cell -> !cell.isBlank())).boxed().toList();
        assertThat(lines).allSatisfy(line -> assertThat(line.problem()).isNull());
        assertThat(lines).extracting(AssetMapCsv.Line::cells).containsExactlyElementsOf(kept.stream().map(records::get).toList());
        assertThat(lines).extracting(AssetMapCsv.Line::row).containsExactlyElementsOf(kept.stream().map(i -> i + 1).toList());
    }

    @ParameterizedTest(name = Cases.NAME)
    @MethodSource("boundsAndRows")
    void aFileOfMoreRowsThanTheBoundIsRefusedWhole(int maxRows, List<String> rows) {
        byte[] body = ("header\r\n" + String.join("\r\n", rows)).getBytes(StandardCharsets.UTF_8);

        if (rows.size() <= maxRows) {
            assertThat(AssetMapCsv.read(body, maxRows)).hasSize(rows.size() + 1);
        } else {
            assertThatThrownBy(() -> AssetMapCsv.read(body, maxRows)).isInstanceOfSatisfying(InvalidFieldException.class,
                    refused -> assertThat(refused.problems().getFirst().field()).isEqualTo("rows"));
        }
    }

    /** Mostly text dense in what CSV treats specially, some any text, some not UTF-8 at all; a bound of 0 to 30 rows. */
    static Stream<Arguments> files() {
        return Stream.concat(Stream.of(
                        example("empty", new byte[0], 0),
                        example("empty", new byte[0], 30),
                        example("only a byte order mark", utf8("\uFEFF"), 30),
                        example("a quote never closed", utf8("a,b\r\n\"open,c\r\nd,e"), 30),
                        example("text after a closing quote", utf8("\"closed\"then text\r\nc,d"), 1),
                        example("not UTF-8", new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF}, 30),
                        example("a cell of 100 000 characters", utf8("a," + "b".repeat(100_000)), 1),
                        example("one row more than the bound", utf8("h\r\n" + "a,b\r\n".repeat(31)), 30)),
                generated(SEED, 200, random -> Arguments.of(file(random), between(random, 0, 30))));
    }

    private static byte[] file(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> anyBytes(random, 200);
            case 1 -> utf8(anyString(random, 200));
            default -> utf8(stringOf(random, ",\"\r\n; abc\uFEFFé€", 0, 200));
        };
    }

    /** Up to 20 records of 1 to 17 cells dense in what CSV treats specially, blank ones among them. */
    static Stream<Arguments> records() {
        return Stream.concat(Stream.of(
                        example("no records", List.of()),
                        example("a blank record", List.of(List.of(""))),
                        example("a blank record between two", List.of(List.of("a"), List.of(" ", "\t"), List.of("b", ""))),
                        example("cells of all CSV treats specially",
                                List.of(List.of("\"", ",", "\r\n", "\r", "\n", ";", "'", " a "), List.of("\"\"")))),
                generated(SEED, 200, random -> Arguments.of(listOf(random, 0, 20, () -> record(random)))));
    }

    private static List<String> record(Random random) {
        return listOf(random, 1, 17, () -> stringOf(random, ",\"\r\n; \tabcé€'", 0, 12));
    }

    /** A bound of 0 to 30 rows and up to 40 rows, readable and not: text after a closing quote makes a row unreadable, and it still counts. */
    static Stream<Arguments> boundsAndRows() {
        return Stream.concat(Stream.of(
                        example("no rows, bound 0", 0, List.of()),
                        example("one row, bound 0", 0, List.of("a,b")),
                        example("as many rows as the bound", 30, Collections.nCopies(30, "\"closed\"then text")),
                        example("one row more than the bound", 30, Collections.nCopies(31, "a,b"))),
                generated(SEED, 200, random -> Arguments.of(between(random, 0, 30),
                        listOf(random, 0, 40, () -> oneOf(random,
                                "a,b", "\"quoted, with a comma\",c", "\"closed\"then text", "\"two\nlines\",d")))));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
