package org.bridgeway.referral.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import org.bridgeway.referral.area.ResidentAreas;
import org.bridgeway.referral.audit.AuditTrail;
import org.bridgeway.referral.directory.DirectoryReplica;
import org.bridgeway.referral.directory.ListingReplica;
import org.bridgeway.referral.protection.ResidentMatching;
import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Change;
import org.bridgeway.referral.referral.Consent;
import org.bridgeway.referral.referral.Coverage;
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
    private final ResidentAreas areas;
    private final ReferenceGenerator references;
    private final ResponseTimes responseTimes;
    private final ResidentMatching matching;
    private final AuditTrail audit;
    private final JsonMapper json;
    private final Clock clock;

    SubmittingReferral(Referrals referrals, DirectoryReplica directory, ResidentAreas areas, ReferenceGenerator references,
                       ResponseTimes responseTimes, ResidentMatching matching, AuditTrail audit, JsonMapper json, Clock clock) {
        this.referrals = referrals;
        this.directory = directory;
        this.areas = areas;
        this.references = references;
        this.responseTimes = responseTimes;
        this.matching = matching;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** @param professionalRole the referrer's referrer-role code from their token, or null */
    Result submit(SubmitReferralRequest request, Actor referrer, String professionalRole, String idempotencyKey) {
        IdempotencyKey key = key(referrer, idempotencyKey, request);
        Optional<Referral> earlier = earlier(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), key);
        }
        Resident resident = request.resident().toResident();
        Consent consent = lawfulBasis(request, referrer);
        ListingReplica service = checkedService(request.serviceId(), request.category(), professionalRole);
        var submission = submission(service, request.category(), request.urgency(), request.reason(), consent, resident,
                matching.keyFor(resident.name(), resident.dateOfBirth()), request.householdContext(),
                Boolean.TRUE.equals(request.safeguardingConcern()));
        return insertWithFreshReference(reference -> Referral.submit(UUID.randomUUID().toString(), reference, submission, referrer,
                key, responseTimes, clock.instant()), referrer, key);
    }

    /** A referral onward from another, for the same resident; the parent must be visible to the actor. */
    Result referOnward(String parentId, OnwardReferralRequest request, Actor actor, String professionalRole, String idempotencyKey) {
        Referral parent = referrals.findVisible(parentId, actor);
        IdempotencyKey key = key(actor, idempotencyKey, List.of(parentId, request));
        Optional<Referral> earlier = earlier(key);
        if (earlier.isPresent()) {
            return replay(earlier.get(), key);
        }
        ListingReplica service = checkedService(request.serviceId(), request.category(), professionalRole);
        // The parent's resident, household and safeguarding flag are carried over by the domain.
        var submission = submission(service, request.category(), request.urgency(), request.reason(),
                Consent.given(request.consent().method(), request.consent().recordedAt(), actor.userId()), parent.resident(),
                null, null, false);
        return insertWithFreshReference(reference -> parent.referOnward(UUID.randomUUID().toString(), reference, submission, actor,
                key, responseTimes, clock.instant()), actor, key);
    }

    /** The client's key, scoped to the person who sent it, with the fingerprint of what they sent. */
    private IdempotencyKey key(Actor actor, String idempotencyKey, Object request) {
        return idempotencyKey == null ? IdempotencyKey.NONE : new IdempotencyKey(actor.userId() + " " + idempotencyKey, fingerprint(request));
    }

    private Optional<Referral> earlier(IdempotencyKey key) {
        return key.key() == null ? Optional.empty() : referrals.findByIdempotencyKey(key.key());
    }

    private static Result replay(Referral earlier, IdempotencyKey key) {
        if (!key.fingerprint().equals(earlier.requestFingerprint())) {
            throw new IdempotencyKeyReusedException();
        }
        return new Result(earlier, true);
    }

    /** The request as JSON, hashed: the same request always gives the same fingerprint. */
    private String fingerprint(Object request) {
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

    /** The target service, checked against the directory replica: it must take this referral from this referrer. */
    private ListingReplica checkedService(String serviceId, String category, String professionalRole) {
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
        if (!service.takesReferralsFrom(professionalRole)) {
            throw new InvalidFieldException("serviceId", "the service takes referrals only from "
                    + String.join(", ", service.referrerRoles()) + "; your professional role is "
                    + (professionalRole == null ? "not recorded" : professionalRole));
        }
        if (!service.categories().contains(category)) {
            throw new InvalidFieldException("category", "must be one of the service's categories: " + String.join(", ", service.categories()));
        }
        return service;
    }

    /** The submission for a checked service, with the resident's area and whether the service covers it. */
    private Referral.Submission submission(ListingReplica service, String category, Urgency urgency, String reason,
                                                  Consent consent, Resident resident, String residentKey,
                                                  String householdContext, boolean safeguardingConcern) {
        Optional<ResidentAreas.Place> place = resident == null ? Optional.empty() : areas.placeOf(resident.postcode());
        Coverage coverage = place.isEmpty() || service.coverage() == null ? Coverage.UNKNOWN
                : service.coverage().wholeArea() || areas.covers(service.coverage().areas(), place.get()) ? Coverage.WITHIN
                : Coverage.OUTSIDE;
        return new Referral.Submission(service.id(), service.name(), service.organisationId(), category, urgency, reason.strip(),
                consent, resident, residentKey, place.map(ResidentAreas.Place::main).orElse(null), coverage,
                householdContext, safeguardingConcern);
    }

    private Result insertWithFreshReference(Function<String, Referral> referralWithReference, Actor actor, IdempotencyKey key) {
        for (int attempt = 0; ; attempt++) {
            Referral referral = referralWithReference.apply(references.next());
            try {
                referrals.insert(referral);
                audit.changed(actor, referral.id(), Change.SUBMITTED);
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
