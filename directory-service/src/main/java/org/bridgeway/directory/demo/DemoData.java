package org.bridgeway.directory.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.listing.ListingRules;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.OrganisationDetails;
import org.bridgeway.directory.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Real Medway and Kent organisations and services (from the domain digest, {@code demo/directory.json})
 * with fictitious contact details, for the local run. Ids are fixed, so the local identity
 * provider's org_id claims match them and a second start inserts nothing.
 */
@Component
@ConditionalOnBooleanProperty("bridgeway.demo-data.enabled")
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final String ACTOR = "demo-data";

    private final Organisations organisations;
    private final Listings listings;
    private final ListingRules rules;
    private final JsonMapper json;
    private final Clock clock;

    DemoData(Organisations organisations, Listings listings, ListingRules rules, JsonMapper json, Clock clock) {
        this.organisations = organisations;
        this.listings = listings;
        this.rules = rules;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        JsonNode file = read();
        Instant now = clock.instant();
        int added = 0;
        for (JsonNode organisation : file.get("organisations")) {
            String organisationId = organisation.get("id").asString();
            ObjectNode details = (ObjectNode) organisation.deepCopy();
            details.remove("id");
            details.remove("services");
            if (organisations.insert(Organisation.register(organisationId, json.treeToValue(details, OrganisationDetails.class), ACTOR, now))) {
                added++;
            }
            for (JsonNode service : organisation.get("services")) {
                ObjectNode listing = (ObjectNode) service.deepCopy();
                listing.remove("id");
                listing.put("organisationId", organisationId);
                ListingDetails listingDetails = json.treeToValue(listing, ListingDetails.class);
                rules.check(listingDetails);
                if (listings.insert(Listing.publish(service.get("id").asString(), listingDetails, Listing.Provenance.MANUAL, null, ACTOR, now))) {
                    added++;
                }
            }
        }
        log.info("Demo data: {} organisations and listings added", added);
    }

    private JsonNode read() {
        try (InputStream in = new ClassPathResource("demo/directory.json").getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read demo/directory.json", e);
        }
    }
}
