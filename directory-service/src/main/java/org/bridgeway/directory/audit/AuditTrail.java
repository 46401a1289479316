package org.bridgeway.directory.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.bridgeway.directory.security.Caller;
import org.bridgeway.directory.web.Page;
import org.bson.types.ObjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Who changed which listing or organisation, when and how: the person and their organisation, the
 * entry's id and a code for the change, not the content (each listing keeps its own latest state
 * and its snapshots go to Kafka). Append-only: nothing here updates or deletes.
 */
@Repository
public class AuditTrail {

    static final String COLLECTION = "audit";

    public enum Action {
        LISTING_PUBLISHED, LISTING_REVISED, LISTING_CAPACITY_CHANGED, LISTING_STATUS_CHANGED, LISTING_VERIFIED,
        LISTING_WITHDRAWN, LISTING_MERGED, LISTING_IMPORTED,
        ORGANISATION_REGISTERED, ORGANISATION_REVISED, ORGANISATION_WITHDRAWN, ORGANISATION_IMPORTED
    }

    /** @param organisationId the organisation the person acted for, if any; not the entry's */
    /* The id is an ObjectId, which grows with each insert: entries of the same millisecond keep their order. */
    public record Entry(String id, Instant at, String userId, String organisationId, String subjectId, Action action) {
    }

    public record Entries(List<Entry> items, Page page) {
    }

    private final MongoTemplate mongo;
    private final Clock clock;

    AuditTrail(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("subjectId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("userId", Sort.Direction.ASC).on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
    }

    /** Written once the change is stored. */
    public void record(Caller caller, String subjectId, Action action) {
        record(caller.userId(), caller.organisationId(), subjectId, action);
    }

    public void record(String userId, String organisationId, String subjectId, Action action) {
        mongo.insert(new Entry(new ObjectId().toHexString(), clock.instant(), userId, organisationId, subjectId, action), COLLECTION);
    }

    /** Newest first, optionally for one listing or organisation, or one person. */
    public Entries page(String subjectId, String userId, int page, int size) {
        Criteria criteria = new Criteria();
        if (subjectId != null) {
            criteria = criteria.and("subjectId").is(subjectId);
        }
        if (userId != null) {
            criteria = criteria.and("userId").is(userId);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "at", "_id")).skip((long) page * size).limit(size);
        return new Entries(mongo.find(query, Entry.class, COLLECTION), Page.of(page, size, total));
    }
}
