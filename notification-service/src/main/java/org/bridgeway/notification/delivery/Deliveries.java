package org.bridgeway.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.bridgeway.notification.delivery.Delivery.Status;
import org.bridgeway.notification.notice.Party;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Deliveries ({@code deliveries}, kept) and the work still to do: {@code delivery-queue} holds
 * the ids of pending deliveries with when each is next due, {@code digest-queue} those held for
 * a daily digest. The queues stay small, so finding due work never reads every delivery.
 */
@Repository
class Deliveries {

    private static final String DELIVERIES = "deliveries";
    private static final String QUEUE = "delivery-queue";
    private static final String DIGEST_QUEUE = "digest-queue";

    record Due(String id, Instant dueAt) {
    }

    record Held(String id, String userId) {
    }

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes the delivery, then queues it. A delivery written before (a redelivered event) is
     * not written again; it is queued again only if a crash left it pending and unqueued.
     *
     * @return false when the delivery existed already
     */
    boolean create(Delivery delivery, Instant dueAt) {
        boolean created = insert(delivery, DELIVERIES);
        Delivery held = created ? delivery : mongo.findById(delivery.id(), Delivery.class, DELIVERIES);
        if (held != null && held.status() == Status.PENDING) {
            insert(new Due(delivery.id(), dueAt), QUEUE);
        } else if (held != null && held.status() == Status.HELD_FOR_DIGEST) {
            insert(new Held(delivery.id(), Party.ofRecipient(delivery.recipient()).id()), DIGEST_QUEUE);
        }
        return created;
    }

    Delivery find(String id) {
        return mongo.findById(id, Delivery.class, DELIVERIES);
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}: another worker (another
     * instance) skips them until the lease runs out, so a crash mid-send only delays them.
     */
    List<String> claimDue(Instant now, int limit, Duration lease) {
        List<Due> due = mongo.find(Query.query(Criteria.where("dueAt").lte(now)).limit(limit)
                .with(Sort.by("dueAt")), Due.class, QUEUE);
        List<String> claimed = new ArrayList<>();
        for (Due item : due) {
            Due mine = mongo.findAndModify(Query.query(Criteria.where("_id").is(item.id()).and("dueAt").is(item.dueAt())),
                    Update.update("dueAt", now.plus(lease)), FindAndModifyOptions.options().returnNew(true), Due.class, QUEUE);
            if (mine != null) {
                claimed.add(item.id());
            }
        }
        return claimed;
    }

    void sent(String id, int attempts, Instant now) {
        mongo.updateFirst(byId(id), new Update().set("status", Status.SENT).set("attempts", attempts).set("sentAt", now)
                .set("lastError", null), DELIVERIES);
        mongo.remove(byId(id), QUEUE);
    }

    void retryAt(String id, int attempts, String error, Instant dueAt) {
        mongo.updateFirst(byId(id), new Update().set("attempts", attempts).set("lastError", error), DELIVERIES);
        mongo.updateFirst(byId(id), Update.update("dueAt", dueAt), QUEUE);
    }

    void parked(String id, int attempts, String reason) {
        mongo.updateFirst(byId(id), new Update().set("status", Status.PARKED).set("attempts", attempts).set("lastError", reason),
                DELIVERIES);
        mongo.remove(byId(id), QUEUE);
    }

    long waiting() {
        return mongo.count(new Query(), QUEUE);
    }

    /** The deliveries held for a digest, by the user they are for. */
    Map<String, List<String>> heldForDigest() {
        return mongo.findAll(Held.class, DIGEST_QUEUE).stream()
                .collect(Collectors.groupingBy(Held::userId, Collectors.mapping(Held::id, Collectors.toList())));
    }

    List<Delivery> findAll(Collection<String> ids) {
        return mongo.find(Query.query(Criteria.where("_id").in(ids)), Delivery.class, DELIVERIES);
    }

    void gatheredInDigest(Collection<String> ids) {
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)), Update.update("status", Status.IN_DIGEST), DELIVERIES);
        mongo.remove(Query.query(Criteria.where("_id").in(ids)), DIGEST_QUEUE);
    }

    private boolean insert(Object document, String collection) {
        try {
            mongo.insert(document, collection);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
