package org.bridgeway.referral.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.bridgeway.referral.protection.ResidentMatching;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Consent;
import org.bridgeway.referral.referral.IdempotencyKey;
import org.bridgeway.referral.referral.PrivateText;
import org.bridgeway.referral.referral.ReferenceGenerator;
import org.bridgeway.referral.referral.Referral;
import org.bridgeway.referral.referral.Referrals;
import org.bridgeway.referral.referral.Resident;
import org.bridgeway.referral.referral.Urgency;
import org.bridgeway.referral.referral.ResponseTimes;
import org.bridgeway.referral.web.InvalidFieldException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

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
    private final ResidentMatching matching;
    private final JsonMapper json;
    private final Clock clock;

    SubmittingReferral(Referrals referrals, DirectoryReplica directory, ReferenceGenerator references,
                       ResponseTimes responseTimes, ResidentMatching matching, JsonMapper json, Clock clock) {
        this.referrals = referrals;
        this.directory = directory;
        this.references = references;
        this.responseTimes = responseTimes;
        this.matching = matching;
        this.json = json;
        this.clock = clock;
    }

    Result submit(SubmitReferralRequest request, Actor referrer, String idempotencyKey) {
        IdempotencyKey key = idempotencyKey == null ? IdempotencyKey.NONE
                : new IdempotencyKey(referrer.userId() + " " + idempotencyKey, fingerprint(request));
        if (key.key() != null) {
            Optional<Referral> earlier = referrals.findByIdempotencyKey(key.key());
            if (earlier.isPresent()) {
                return replay(earlier.get(), key);
            }
        }
        Resident resident = request.resident().toResident();
        var submission = submission(request.serviceId(), request.category(), request.urgency(), request.reason(),
                lawfulBasis(request, referrer), referrer, resident, matching.keyFor(resident.name(), resident.dateOfBirth()),
                request.householdContext(), Boolean.TRUE.equals(request.safeguardingConcern()));
        return insertWithFreshReference(reference -> Referral.submit(UUID.randomUUID().toString(), reference, submission, referrer,
                key, responseTimes, clock.instant()), key);
    }

    /** A referral onward from another, for the same resident; the parent must be visible to the actor. */
    Result referOnward(String parentId, OnwardReferralRequest request, Actor actor) {
        Referral parent = referrals.findVisible(parentId, actor);
        var submission = submission(request.serviceId(), request.category(), request.urgency(), request.reason(),
                Consent.given(request.consent().method(), request.consent().recordedAt(), actor.userId()), actor, null, null,
                null, false);
        return insertWithFreshReference(reference -> parent.referOnward(UUID.randomUUID().toString(), reference, submission, actor,
                responseTimes, clock.instant()), IdempotencyKey.NONE);
    }

    private static Result replay(Referral earlier, IdempotencyKey key) {
        if (!key.fingerprint().equals(earlier.requestFingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return new Result(earlier, true);
    }

    /** The request as JSON, hashed: the same request always gives the same fingerprint. */
    private String fingerprint(SubmitReferralRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Consent, or exactly one other recorded lawful basis. */
    private static Consent lawfulBasis(SubmitReferralRequest request, Actor referrer) {
        if (request.consent() != null && request.lawfulBasis() != null) {
            throw new InvalidFieldException("lawfulBasis", "give either the resident's consent or another lawful basis, not both");
        }
        if (request.consent() != null) {
            return Consent.given(request.consent().method(), request.consent().recordedAt(), referrer.userId());
        }
        if (request.lawfulBasis() == null) {
            throw new InvalidFieldException("consent", "is required, unless another lawful basis is recorded in lawfulBasis");
        }
        if (request.lawfulBasis().basis() == Consent.Basis.CONSENT) {
            throw new InvalidFieldException("lawfulBasis.basis", "record consent in consent; lawfulBasis is for the other bases");
        }
        return new Consent(request.lawfulBasis().basis(), null, request.lawfulBasis().recordedAt(), referrer.userId(),
                PrivateText.of(request.lawfulBasis().explanation()));
    }

    /** Checks the target service against the directory replica. */
    private Referral.Submission submission(String serviceId, String category, Urgency urgency, String reason,
                                           Consent consent, Actor by, Resident resident, String residentKey,
                                           String householdContext, boolean safeguardingConcern) {
        ListingReplica service = directory.find(serviceId)
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
        if (!service.categories().contains(category)) {
            throw new InvalidFieldException("category", "must be one of the service's categories: " + String.join(", ", service.categories()));
        }
        return new Referral.Submission(service.id(), service.name(), service.organisationId(), category, urgency, reason.strip(),
                consent, resident, residentKey, householdContext, safeguardingConcern);
    }

    private Result insertWithFreshReference(Function<String, Referral> referralWithReference, IdempotencyKey key) {
        for (int attempt = 0; ; attempt++) {
            Referral referral = referralWithReference.apply(references.next());
            try {
                referrals.insert(referral);
                return new Result(referral, false);
            } catch (DuplicateKeyException e) {
                if (key.key() != null) {
                    Optional<Referral> concurrent = referrals.findByIdempotencyKey(key.key());
                    if (concurrent.isPresent()) {
                        return replay(concurrent.get(), key);
                    }
                }
                if (attempt == 5) {
                    throw e; // five reference clashes in a row: something else is wrong
                }
            }
        }
    }
}
