package org.bridgeway.directory.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import org.bridgeway.directory.JsonConfig;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.reference.ShippedReferenceData;
import org.bridgeway.directory.web.InvalidFieldException;

/**
 * Coverage-guided fuzzing (Jazzer) of the Open Referral UK import: any bytes give a report of
 * every service or a refusal (the API's 400); a service failing in a way the import did not
 * foresee, or any other exception, is a finding. Fuzzed in a JVM of its own like
 * AssetMapImportFuzzTest; without JAZZER_FUZZ it replays the seeds in OpenReferralImportFuzzTestInputs.
 */
class OpenReferralImportFuzzTest {

    private static final OpenReferralImport IMPORT = new OpenReferralImport(JsonConfig.strictMapperBuilder().build(),
            new OpenReferralMapping(ShippedReferenceData.load()), new RecordedServices().store);

    @FuzzTest(maxExecutions = 50_000)
    @DictionaryEntries({"\"contents\"", "\"id\"", "\"name\"", "\"status\"", "\"active\"", "\"organization\"",
            "\"service_at_locations\"", "\"location\"", "\"location_type\"", "\"addresses\"", "\"postal_code\"", "\"latitude\"",
            "\"schedules\"", "\"freq\"", "\"byday\"", "\"opens_at\"", "\"closes_at\"", "\"cost_options\"", "\"amount\"",
            "\"minimum_age\"", "\"attributes\"", "\"taxonomy_term\"", "\"service_areas\"", "\"languages\"", "1e400", "null"})
    void anyDocumentGivesAReportOrARefusal(byte[] document) {
        try {
            ImportReport report = IMPORT.run(document, "fuzzer");
            assertThat(report.rows()).extracting(Row::reason).doesNotContain(AssetMapImportPropertiesTest.UNFORESEEN);
        } catch (InvalidFieldException refused) {
            // the API's 400: not JSON, or not a service, a list or a page of them
        }
    }
}
