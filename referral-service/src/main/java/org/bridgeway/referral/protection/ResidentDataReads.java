package org.bridgeway.referral.protection;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import org.bridgeway.referral.referral.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

/**
 * The audit log of every read of resident data: who, in which role and organisation, when,
 * which referral and why. It never holds the data itself. Append-only: nothing here updates or
 * deletes.
 */
@Repository
public class ResidentDataReads {

    static final String COLLECTION = "resident_data_reads";

    public enum Purpose { VIEW, HISTORY, MESSAGES, SAME_PERSON_CHECK }

    record Read(String id, Instant at, String userId, Actor.Role role, String organisationId, String referralId, Purpose purpose) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    ResidentDataReads(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("referralId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
    }

    /** Written before the data is returned: no record, no data. */
    public void record(Actor reader, String referralId, Purpose purpose) {
        mongo.insert(new Read(UUID.randomUUID().toString(), clock.instant(), reader.userId(), reader.role(),
                reader.organisationId(), referralId, purpose), COLLECTION);
    }
}
