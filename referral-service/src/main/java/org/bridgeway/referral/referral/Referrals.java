package org.bridgeway.referral.referral;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.function.Predicate;

import org.bson.Document;
import org.bridgeway.referral.outbox.OutboxRelay;
import org.bridgeway.referral.web.NotFoundException;
import org.bridgeway.referral.web.PageView;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Where referrals are kept: one document each, holding its history and its unpublished events,
 * so a change and its events are written in one atomic update.
 */
@Repository
public class Referrals {

    static final String COLLECTION = "referrals";

    private final MongoTemplate mongo;
    private final OutboxRelay outbox;

    Referrals(MongoTemplate mongo, OutboxRelay outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("reference", Sort.Direction.ASC).unique());
        // Only submissions that came with an Idempotency-Key carry the field.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("idempotencyKey", Sort.Direction.ASC).unique().sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("referrerUserId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("organisationId", Sort.Direction.ASC).on("submittedAt", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("responseDueAt", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("parentReferralId", Sort.Direction.ASC).sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("residentKey", Sort.Direction.ASC).on("referrerOrganisationId", Sort.Direction.ASC));
        mongo.indexOps(COLLECTION).createIndex(new Index().on("status", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC));
    }

    public Optional<Referral> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Referral.class, COLLECTION));
    }

    /**
     * The referral, if this person may see it. Callers answer 404 otherwise, so whether a
     * referral exists is never revealed to anyone not on it.
     */
    public Referral findVisible(String id, Actor actor) {
        return find(id).filter(r -> r.visibleTo(actor)).orElseThrow(() -> new NotFoundException("referral", id));
    }

    /** The referrals made onward from this one. */
    public List<Referral> onwardFrom(String parentReferralId) {
        return mongo.find(Query.query(Criteria.where("parentReferralId").is(parentReferralId)).with(Sort.by("submittedAt")),
                Referral.class, COLLECTION);
    }

    public Optional<Referral> findByIdempotencyKey(String key) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("idempotencyKey").is(key)), Referral.class, COLLECTION));
    }

    /** @throws DuplicateKeyException when the reference or the idempotency key is taken */
    public void insert(Referral referral) {
        mongo.insert(referral, COLLECTION);
        outbox.written(COLLECTION, referral.id());
    }

    /**
     * Replaces the stored referral if nobody changed it since {@code expectedVersion} was read.
     *
     * @return false when someone else got there first
     */
    public boolean replace(Referral referral, long expectedVersion) {
        Query unchanged = Query.query(Criteria.where("_id").is(referral.id()).and("version").is(expectedVersion));
        Document written = new Document();
        mongo.getConverter().write(referral, written);
        // Events already in the store may be mid-publication: the relay removes them as it goes.
        // So the update sets every other field and only appends this change's new events
        // (sequence above the version read), never writing back events the relay has removed.
        Update update = new Update();
        written.forEach((field, value) -> {
            if (!field.equals("_id") && !field.equals("pendingEvents")) {
                update.set(field, value);
            }
        });
        // The converter leaves out fields that are now null (anonymised data): remove them.
        mongo.getConverter().getMappingContext().getRequiredPersistentEntity(Referral.class).forEach(property -> {
            if (!property.isIdProperty() && !written.containsKey(property.getFieldName())) {
                update.unset(property.getFieldName());
            }
        });
        List<?> newEvents = written.getList("pendingEvents", Document.class, List.of()).stream()
                .filter(event -> event.get("sequence", Number.class).longValue() > expectedVersion).toList();
        update.push("pendingEvents").each(newEvents.toArray());
        boolean replaced = mongo.updateFirst(unchanged, update, COLLECTION).getMatchedCount() == 1;
        if (replaced) {
            outbox.written(COLLECTION, referral.id());
        }
        return replaced;
    }

    /**
     * Background work in batches: applies {@code change} to up to {@code limit} matching
     * referrals, oldest first, each saved only if nobody changed it meanwhile.
     *
     * @return how many were changed and saved
     */
    public int changeEach(Criteria criteria, int limit, Predicate<Referral> change) {
        int changed = 0;
        for (Referral referral : all(criteria, limit)) {
            long read = referral.version();
            if (change.test(referral) && replace(referral, read)) {
                changed++;
            }
        }
        return changed;
    }

    /** Up to {@code limit} referrals matching, oldest first: for background work in batches. */
    public List<Referral> all(Criteria criteria, int limit) {
        Query query = Query.query(criteria).with(Sort.by("submittedAt")).limit(limit);
        return mongo.find(query, Referral.class, COLLECTION);
    }

    /** How many of the matching referrals are in each status, and how many are overdue: the counts beside a list's filters. */
    public Counts counts(Criteria criteria) {
        Map<String, Long> byStatus = new TreeMap<>();
        mongo.aggregate(Aggregation.newAggregation(Aggregation.match(criteria), Aggregation.group("status").count().as("count")),
                        COLLECTION, Document.class)
                .forEach(group -> byStatus.put(group.getString("_id"), ((Number) group.get("count")).longValue()));
        long overdue = mongo.count(Query.query(new Criteria().andOperator(criteria, Criteria.where("overdue").is(true))), COLLECTION);
        return new Counts(byStatus, overdue);
    }

    public record Counts(Map<String, Long> byStatus, long overdue) {
    }

    public PageView<Referral> page(Criteria criteria, int page, int size) {
        Query query = Query.query(criteria);
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "submittedAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return PageView.of(mongo.find(query, Referral.class, COLLECTION), page, size, total);
    }
}
