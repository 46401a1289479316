package org.bridgeway.directory.demo;

import java.time.Clock;
import java.util.List;

import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.Listings;
import org.bridgeway.directory.organisation.Organisation;
import org.bridgeway.directory.organisation.Organisations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/**
 * Real Medway and Kent organisations and services (from the domain digest) with fictitious
 * contact details, for the local run. Ids are fixed, so the local identity provider's org_id
 * claims match them and a second start inserts nothing.
 */
@Component
@ConditionalOnBooleanProperty("bridgeway.demo-data.enabled")
class DemoData implements ApplicationRunner {

    static final String MEDWAY_SOCIAL_PRESCRIBING = "6f1c0a52-8a4e-4d1b-9a57-3c2f1e0b7a01";
    static final String GREEN_DOCTORS = "0b6d3f7e-2c1a-4e59-8f4d-9a1e2b3c4d02";
    static final String CITIZENS_ADVICE_MEDWAY = "3e8a9b1c-5d2f-4a6b-b7c8-d9e0f1a2b303";

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private record DemoOrganisation(String id, String name, String referralEmail) {
    }

    private record DemoListing(String id, String organisationId, String name, String description, List<String> categories) {
    }

    private static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(MEDWAY_SOCIAL_PRESCRIBING, "Medway Social Prescribing Service", "referrals@medway-sps.example"),
            new DemoOrganisation(GREEN_DOCTORS, "Green Doctors", "referrals@greendoctors.example"),
            new DemoOrganisation(CITIZENS_ADVICE_MEDWAY, "Citizens Advice Medway", "referrals@citizensadvice-medway.example"));

    private static final List<DemoListing> LISTINGS = List.of(
            new DemoListing("9a0c4b7e-1f2d-4c3b-8a5e-6d7f8e9a0b11", GREEN_DOCTORS, "Green Doctors Energy Advice",
                    "Helps people reduce their energy bills and save energy: supplier negotiation, the priority services "
                            + "register, social tariffs, a home walkthrough and draught-proofing.",
                    List.of("fuel")),
            new DemoListing("4d5e6f70-8192-4a3b-9c4d-5e6f7a8b9c12", CITIZENS_ADVICE_MEDWAY, "Citizens Advice Medway: Debt and Benefits Advice",
                    "Free, confidential advice on debt, Breathing Space, Debt Relief Orders and benefits checks.",
                    List.of("debt", "benefits", "money-management")));

    private final Organisations organisations;
    private final Listings listings;
    private final Clock clock;

    DemoData(Organisations organisations, Listings listings, Clock clock) {
        this.organisations = organisations;
        this.listings = listings;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long added = ORGANISATIONS.stream()
                .filter(o -> organisations.insert(Organisation.register(o.id(), o.name(), List.of(o.referralEmail()), clock.instant())))
                .count();
        added += LISTINGS.stream()
                .filter(l -> listings.insert(Listing.publish(l.id(), l.organisationId(), l.name(), l.description(),
                        l.categories(), Listing.Pathway.REFERRAL, clock.instant())))
                .count();
        log.info("Demo data: {} organisations and listings added", added);
    }
}
