package org.bridgeway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bridgeway.directory.importing.AssetMapRow.Column;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.reference.ShippedReferenceData;
import org.bridgeway.directory.web.InvalidFieldException;

/**
 * Coverage-guided fuzzing (Jazzer) of the asset-map import: any bytes as the rows below the form's
 * header give a report of every row or a refusal (the API's 400); a row failing in a way the
 * import did not foresee, or any other exception, is a finding. The build fuzzes a bounded number
 * of inputs in a JVM of its own (the fuzz profile in pom.xml); run on its own without JAZZER_FUZZ,
 * it replays only the seeds in AssetMapImportFuzzTestInputs.
 */
class AssetMapImportFuzzTest {

    private static final byte[] HEADER = (String.join(",", Column.headers().stream().map(h -> "\"" + h + "\"").toList()) + "\r\n")
            .getBytes(StandardCharsets.UTF_8);
    private static final AssetMapImport IMPORT = new AssetMapImport(ShippedReferenceData.load(), new RecordedServices().store);

    @FuzzTest(maxExecutions = 10_000)
    @DictionaryEntries({"\"\"", "Whole of Medway", "Under 5s", "18+", "0-19", "All ages", "Women and girls", "ME4 4TR", "https://"})
    void anyRowsGiveAReportOrARefusal(byte[] rows) {
        byte[] file = new byte[HEADER.length + rows.length];
        System.arraycopy(HEADER, 0, file, 0, HEADER.length);
        System.arraycopy(rows, 0, file, HEADER.length, rows.length);
        try {
            ImportReport report = IMPORT.run(file, "fuzzer");
            assertThat(report.rows()).extracting(Row::reason).doesNotContain(AssetMapImportPropertiesTest.UNFORESEEN);
        } catch (InvalidFieldException refused) {
            // the API's 400: a file that is not UTF-8
        }
    }
}
