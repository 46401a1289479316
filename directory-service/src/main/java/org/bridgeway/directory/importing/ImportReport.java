package org.bridgeway.directory.importing;

import java.util.List;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bridgeway.directory.listing.DuplicateCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What an import did: counts, and what became of every row (or service) of the file. */
public record ImportReport(int created, int updated, int unchanged, int rejected, List<Row> rows) {

    public enum Outcome { CREATED, UPDATED, UNCHANGED, REJECTED }

    /**
     * One row: the listing it created or updated, or why nothing of it was stored. Created listings
     * name the listings they may duplicate; warnings say what of the row was not kept.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Row(int row, Outcome outcome, String serviceId, String reason,
                      List<DuplicateCheck.Candidate> possibleDuplicates, List<String> warnings) {

        static Row rejected(int row, String reason, List<String> warnings) {
            return new Row(row, Outcome.REJECTED, null, reason, List.of(), warnings);
        }

        static Row rejected(int row, String reason) {
            return rejected(row, reason, List.of());
        }

        /** Imports one row; whatever goes wrong with it is that row's rejection, never the whole file's 500. */
        static Row attempt(int row, Supplier<Row> importing) {
            try {
                return importing.get();
            } catch (RuntimeException e) {
                // The exception's text may quote the row's content, so only its type is logged.
                log.warn("Import row {} failed unexpectedly: {}", row, e.getClass().getName());
                return rejected(row, "could not be imported: a value is not what the format allows");
            }
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ImportReport.class);

    static ImportReport of(List<Row> rows) {
        return new ImportReport(count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED), count(rows, Outcome.UNCHANGED),
                count(rows, Outcome.REJECTED), List.copyOf(rows));
    }

    private static int count(List<Row> rows, Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
