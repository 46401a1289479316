package org.bridgeway.directory.importing;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;

import org.bridgeway.directory.importing.ImportReport.Outcome;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.ListingDetails;

/**
 * The import's store without its database: every service that reaches it is built as a new listing,
 * kept, and counts as created. A mock, so that it needs none of what the real store is built from.
 */
final class RecordedServices {

    final ImportedServices store = mock(ImportedServices.class);
    final List<ImportedService> services = new ArrayList<>();
    final List<ListingDetails> listings = new ArrayList<>();

    RecordedServices() {
        when(store.store(any(), any(), any(), any())).thenAnswer(call -> record(call.getArgument(0)));
    }

    private Row record(ImportedService service) {
        services.add(service);
        listings.add(service.content().of("recorded-organisation", ImportedService.NOTHING_STORED));
        return new Row(service.row(), Outcome.CREATED, "recorded-" + listings.size(), null, List.of(), service.warnings());
    }
}
