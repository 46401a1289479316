package org.bridgeway.referral.audit;

import java.time.Clock;
import java.time.Instant;

import org.bridgeway.referral.referral.Actor;
import org.bridgeway.referral.referral.Change;
import org.bridgeway.referral.web.PageView;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Who did what to which referral, and every read of resident data: the person (user, role,
 * organisation), when, which referral and a code for the action. Never the data itself: no name,
 * no free text. Append-only: nothing here updates or deletes. Changes made by Bridgeway itself
 * (overdue, expiry, erasure after the retention period) are in each referral's history and events.
 */
@Repository
public class AuditTrail {

    static final String COLLECTION = "audit";

    /** Why resident data was read. */
    public enum Read { VIEWED, HISTORY_VIEWED, MESSAGES_VIEWED, SAME_PERSON_MATCHED }

    /** @param action a {@link Read} or a {@link Change} by name */
    /* The id is an ObjectId, which grows with each insert: entries of the same millisecond keep their order. */
    public record Entry(String id, Instant at, String userId, Actor.Role role, String organisationId, String referralId, String action) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("referralId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("userId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /** Written before the data is returned: no record, no data. */
    public void read(Actor reader, String referralId, Read read) {
        append(reader, referralId, read.name());
    }

    /** Written once the change is stored. */
    public void changed(Actor actor, String referralId, Change change) {
        append(actor, referralId, change.name());
    }

    /** Newest first, optionally for one referral or one person. */
    public PageView<Entry> page(String referralId, String userId, int page, int size) {
        Criteria criteria = new Criteria();
        if (referralId != null) {
            criteria = criteria.and("referralId").is(referralId);
        }
        if (userId != null) {
            criteria = criteria.and("userId").is(userId);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).skip((long) page * size).limit(size);
        return PageView.of(mongo.find(query, Entry.class, COLLECTION), page, size, total);
    }

    private void append(Actor actor, String referralId, String action) {
        mongo.insert(new Entry(new ObjectId().toHexString(), clock.instant(), actor.userId(), actor.role(), actor.organisationId(),
                referralId, action), COLLECTION);
    }
}
