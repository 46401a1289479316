package org.bridgeway.directory.importing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.bridgeway.directory.audit.AuditTrail;
import org.bridgeway.directory.importing.ImportReport.Outcome;
import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.DuplicateCheck;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.listing.ListingRules;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.organisation.Organisations;
import org.springframework.stereotype.Component;
import org.bridgeway.directory.reference.Vocabulary;

/**
 * Stores an imported service: finds what an earlier import made of it (by source key) and its
 * organisation, checks everything first and writes only when all of it is valid, so a rejected
 * row leaves nothing behind. Writes are skipped when nothing changed. The organisation and the
 * listing are two single-document writes (the store has no transactions): only someone else's
 * change between them can leave an organisation refreshed while its row is reported rejected.
 */
@Component
class ImportedServices {

    /** The most services (rows) one import may hold: a bound on the time and memory one request takes. */
    static final int MAX_PER_IMPORT = 5000;

    private static final String UUID_TEXT = "[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}";

    private final Organisations organisations;
    private final Listings listings;
    private final ListingRules rules;
    private final DuplicateCheck duplicates;
    private final Validator validator;
    private final AuditTrail audit;
    private final Clock clock;

    ImportedServices(Organisations organisations, Listings listings, ListingRules rules, DuplicateCheck duplicates,
                     Validator validator, AuditTrail audit, Clock clock) {
        this.organisations = organisations;
        this.listings = listings;
        this.rules = rules;
        this.duplicates = duplicates;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
    }

    /** The duplicate check for the rows of one file, to pass to each {@link #store}; close it when done. */
    DuplicateCheck.Batch duplicateCheck() {
        return duplicates.batch();
    }

    /** @param fieldName how a field of ours is called for the person who made the file */
    Row store(ImportedService service, DuplicateCheck.Batch batch, String actor, UnaryOperator<String> fieldName) {
        Optional<Listing> stored = listings.findBySourceKey(service.sourceKey());
        if (stored.isPresent() && stored.get().mergedInto() != null) {
            return Row.rejected(service.row(), "an administrator merged this service into " + stored.get().mergedInto()
                    + "; update that listing instead", service.warnings());
        }
        // A listing stays with its organisation, even when that has since been renamed.
        Optional<Organisation> organisation = stored.isPresent()
                ? organisations.find(stored.get().organisationId())
                : matchingOrganisation(service);
        if (organisation.isEmpty() && service.organisation() == null) {
            return Row.rejected(service.row(), "organisation " + service.organisationSourceId()
                    + " is not in the directory and the file does not describe it", service.warnings());
        }
        if (organisation.isPresent() && organisation.get().status() != Organisation.Status.ACTIVE) {
            return Row.rejected(service.row(), "the organisation " + organisation.get().name()
                    + " has been withdrawn from the directory", service.warnings());
        }
        String organisationId = organisation.map(Organisation::id).orElseGet(() -> newOrganisationId(service));
        OrganisationDetails organisationDetails = organisation
                .map(found -> refreshed(found.details(), service.organisation()))
                .orElse(service.organisation());
        ListingDetails details = service.content().of(organisationId,
                stored.map(Listing::details).orElse(ImportedService.NOTHING_STORED));

        List<String> problems = problems(organisationDetails, details, fieldName);
        if (!problems.isEmpty()) {
            return Row.rejected(service.row(), String.join("; ", problems), service.warnings());
        }

        Instant now = clock.instant();
        boolean organisationChanged;
        if (organisation.isEmpty()) {
            if (!organisations.insert(Organisation.register(organisationId, organisationDetails, actor, now))) {
                return changedMeanwhile(service);
            }
            audit.record(actor, null, organisationId, AuditTrail.Action.ORGANISATION_IMPORTED);
            organisationChanged = true;
        } else {
            organisationChanged = !organisation.get().details().equals(organisationDetails);
            if (organisationChanged && !revise(organisation.get(), organisationDetails, actor, now)) {
                return changedMeanwhile(service);
            }
        }
        return stored.isPresent()
                ? update(service, stored.get(), details, organisationChanged, actor, now)
                : create(service, details, batch, actor, now);
    }

    /** Everything wrong with what would be stored, all at once, so one correction of the file is enough. */
    private List<String> problems(OrganisationDetails organisation, ListingDetails details, UnaryOperator<String> fieldName) {
        List<String> problems = new ArrayList<>();
        violations(validator.validate(organisation), "organisation.", fieldName, problems);
        violations(validator.validate(details), "", fieldName, problems);
        rules.problems(details).forEach(p -> problems.add(fieldName.apply(p.field()) + " " + p.message()));
        return problems;
    }

    private Row create(ImportedService service, ListingDetails details, DuplicateCheck.Batch batch, String actor, Instant now) {
        List<DuplicateCheck.Candidate> similar = batch.similarTo(details);
        Listing listing = Listing.publish(UUID.randomUUID().toString(), details, service.provenance(), service.sourceKey(), actor, now);
        if (service.status() != null && service.status() != listing.status()) {
            listing.changeStatus(service.status(), actor, now);
        }
        if (!listings.insert(listing)) {
            return changedMeanwhile(service); // another import of the same service got there first
        }
        if (listing.isSearchable()) { // as the index holds only these
            batch.made(listing.id(), details);
        }
        audit.record(actor, null, listing.id(), AuditTrail.Action.LISTING_IMPORTED);
        return new Row(service.row(), Outcome.CREATED, listing.id(), null, similar, service.warnings());
    }

    private Row update(ImportedService service, Listing listing, ListingDetails details, boolean organisationChanged,
                       String actor, Instant now) {
        long read = listing.version();
        boolean detailsChanged = !listing.details().equals(details);
        boolean statusChanged = service.status() != null && service.status() != listing.status();
        if (detailsChanged) {
            listing.revise(details, actor, now);
        }
        if (statusChanged) {
            listing.changeStatus(service.status(), actor, now);
        }
        if (detailsChanged || statusChanged) {
            if (!listings.replace(listing, read)) {
                return changedMeanwhile(service);
            }
            audit.record(actor, null, listing.id(), AuditTrail.Action.LISTING_IMPORTED);
        }
        Outcome outcome = detailsChanged || statusChanged || organisationChanged ? Outcome.UPDATED : Outcome.UNCHANGED;
        return new Row(service.row(), outcome, listing.id(), null, List.of(), service.warnings());
    }

    private Optional<Organisation> matchingOrganisation(ImportedService service) {
        if (service.organisationSourceId() != null) {
            Optional<Organisation> byId = organisations.find(organisationId(service.organisationSourceId()));
            if (byId.isPresent()) {
                return byId;
            }
        }
        String name = service.organisation() == null ? null : service.organisation().name();
        if (name == null) {
            return Optional.empty();
        }
        // The store is asked for names with the longest word in them, so "&" and "and" still meet.
        String normalised = Vocabulary.normalise(name);
        String longestWord = Arrays.stream(normalised.split(" ")).max(Comparator.comparingInt(String::length)).orElse(normalised);
        return organisations.named(longestWord).stream()
                .filter(candidate -> Vocabulary.normalise(candidate.name()).equals(normalised))
                .findFirst();
    }

    private static String newOrganisationId(ImportedService service) {
        String sourceId = service.organisationSourceId();
        return sourceId == null ? UUID.randomUUID().toString() : organisationId(sourceId);
    }

    /**
     * Our id for a source's organisation: its own when it is a UUID (as every id in our messages
     * is), else the UUID named after it; either way the next import finds it by id.
     */
    private static String organisationId(String sourceId) {
        return sourceId.matches(UUID_TEXT) ? sourceId
                : UUID.nameUUIDFromBytes(("openreferral-organisation:" + sourceId).getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString();
    }

    /**
     * An import refreshes an organisation's contact details; its name, type, referral addresses and
     * administrators stay as the directory keeps them.
     */
    private static OrganisationDetails refreshed(OrganisationDetails stored, OrganisationDetails imported) {
        if (imported == null) {
            return stored;
        }
        return new OrganisationDetails(stored.name(), stored.type(),
                either(imported.registeredNumber(), stored.registeredNumber()), either(imported.email(), stored.email()),
                either(imported.phone(), stored.phone()), either(imported.website(), stored.website()), stored.address(),
                stored.referralEmails(), stored.webhookUrl(), stored.administrators());
    }

    private boolean revise(Organisation organisation, OrganisationDetails details, String actor, Instant now) {
        long read = organisation.version();
        organisation.revise(details, actor, now);
        if (!organisations.replace(organisation, read)) {
            return false;
        }
        audit.record(actor, null, organisation.id(), AuditTrail.Action.ORGANISATION_IMPORTED);
        return true;
    }

    private static Row changedMeanwhile(ImportedService service) {
        return Row.rejected(service.row(), "someone changed it while the file was imported; import the file again",
                service.warnings());
    }

    private static <T> void violations(Set<ConstraintViolation<T>> violations, String prefix,
                                       UnaryOperator<String> fieldName, List<String> problems) {
        violations.stream()
                .map(v -> fieldName.apply(prefix + v.getPropertyPath().toString().replace(".<list element>", ""))
                        + " " + v.getMessage())
                .sorted()
                .forEach(problems::add);
    }

    private static String either(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }
}
