package org.bridgeway.referral.intake;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Consent;
import org.bridgeway.referral.referral.ReferenceGenerator;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.referral.ResponseTimes;
import org.bridgeway.referral.web.InvalidFieldException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Turns a submission into a referral: checks it against the local directory replica, stores it
 * with its SUBMITTED event, and answers a retried submission with the first result.
 */
@Service
class SubmittingReferral {

    record Result(Referral referral, boolean replayed) {
    }

    private final Referrals referrals;
    private final DirectoryReplica directory;
    private final ReferenceGenerator references;
    private final ResponseTimes responseTimes;
    private final Clock clock;

    SubmittingReferral(Referrals referrals, DirectoryReplica directory, ReferenceGenerator references,
                       ResponseTimes responseTimes, Clock clock) {
        this.referrals = referrals;
        this.directory = directory;
        this.references = references;
        this.responseTimes = responseTimes;
        this.clock = clock;
    }

    Result submit(SubmitReferralRequest request, Actor referrer, String idempotencyKey) {
        String scopedKey = idempotencyKey == null ? null : referrer.userId() + " " + idempotencyKey;
        if (scopedKey != null) {
            Optional<Referral> earlier = referrals.findByIdempotencyKey(scopedKey);
            if (earlier.isPresent()) {
                return new Result(earlier.get(), true);
            }
        }
        ListingReplica service = directory.find(request.serviceId())
                .orElseThrow(() -> new InvalidFieldException("serviceId", "must be a service in the directory"));
        if (!service.active()) {
            throw new InvalidFieldException("serviceId", "the service is not active");
        }
        if (!service.takesReferrals()) {
            throw new InvalidFieldException("serviceId", "the service is signpost-only and takes no referrals");
        }
        if (service.paused()) {
            throw new InvalidFieldException("serviceId", "the service has paused new referrals");
        }
        if (!service.categories().contains(request.category())) {
            throw new InvalidFieldException("category", "must be one of the service's categories: " + String.join(", ", service.categories()));
        }
        var submission = new Referral.Submission(service.id(), service.name(), service.organisationId(), request.category(),
                request.urgency(), request.reason().strip(),
                new Consent(request.consent().method(), request.consent().recordedAt(), referrer.userId()),
                request.resident().toResident());
        for (int attempt = 0; ; attempt++) {
            Referral referral = Referral.submit(UUID.randomUUID().toString(), references.next(), submission, referrer,
                    scopedKey, responseTimes, clock.instant());
            try {
                referrals.insert(referral);
                return new Result(referral, false);
            } catch (DuplicateKeyException e) {
                if (scopedKey != null) {
                    Optional<Referral> concurrent = referrals.findByIdempotencyKey(scopedKey);
                    if (concurrent.isPresent()) {
                        return new Result(concurrent.get(), true);
                    }
                }
                if (attempt == 5) {
                    throw e; // five reference clashes in a row: something else is wrong
                }
            }
        }
    }
}
