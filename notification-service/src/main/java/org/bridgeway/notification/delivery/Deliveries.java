package org.bridgeway.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.bridgeway.notification.delivery.Delivery.Status;
import org.bridgeway.notification.notice.Party;
import org.bridgeway.notification.store.NewDocuments;
import org.springframework.data.domain.Sort;
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

    /** A pending delivery's place in the queue; {@code claim} names the worker batch that holds its lease. */
    record Due(String id, Instant dueAt, String claim) {
    }

    record Held(String id, String userId) {
    }

    private final MongoTemplate mongo;

    Deliveries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Writes the deliveries in one go, then queues the new ones (pending ones for the worker, the
     * rest for the digest). A delivery written before (a redelivered event) is not written again;
     * it is queued again only if a crash left it pending and unqueued.
     */
    void createAll(List<Delivery> wanted, Instant dueAt) {
        List<Delivery> created = NewDocuments.insert(mongo, DELIVERIES, Delivery.class, wanted);
        List<Delivery> toQueue = new ArrayList<>(created);
        if (created.size() < wanted.size()) {
            Set<String> fresh = created.stream().map(Delivery::id).collect(Collectors.toSet());
            List<String> existing = wanted.stream().map(Delivery::id).filter(id -> !fresh.contains(id)).toList();
            toQueue.addAll(mongo.find(Query.query(Criteria.where("_id").in(existing)
                    .and("status").in(Status.PENDING, Status.HELD_FOR_DIGEST)), Delivery.class, DELIVERIES));
        }
        NewDocuments.insert(mongo, QUEUE, Due.class, toQueue.stream()
                .filter(d -> d.status() == Status.PENDING).map(d -> new Due(d.id(), dueAt, null)).toList());
        NewDocuments.insert(mongo, DIGEST_QUEUE, Held.class, toQueue.stream().filter(d -> d.status() == Status.HELD_FOR_DIGEST)
                .map(d -> new Held(d.id(), Party.ofRecipient(d.recipient()).id())).toList());
    }

    /**
     * Claims up to {@code limit} due deliveries for {@code lease}, in three writes whatever the
     * number: another worker (another instance) skips them until the lease runs out, so a crash
     * mid-send only delays them.
     */
    List<Delivery> claimDue(Instant now, int limit, Duration lease) {
        List<String> due = mongo.find(Query.query(Criteria.where("dueAt").lte(now)).limit(limit).with(Sort.by("dueAt")), Due.class, QUEUE)
                .stream().map(Due::id).toList();
        if (due.isEmpty()) {
            return List.of();
        }
        String claim = UUID.randomUUID().toString();
        mongo.updateMulti(Query.query(Criteria.where("_id").in(due).and("dueAt").lte(now)),
                new Update().set("dueAt", now.plus(lease)).set("claim", claim), QUEUE);
        List<String> mine = mongo.find(Query.query(Criteria.where("_id").in(due).and("claim").is(claim)), Due.class, QUEUE)
                .stream().map(Due::id).toList();
        return findAll(mine).stream().filter(d -> d.status() == Status.PENDING).toList();
    }

    void sent(Collection<String> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        mongo.updateMulti(Query.query(Criteria.where("_id").in(ids)),
                new Update().set("status", Status.SENT).inc("attempts", 1).set("sentAt", now).set("lastError", null), DELIVERIES);
        mongo.remove(Query.query(Criteria.where("_id").in(ids)), QUEUE);
    }

    void retryAt(String id, int attempts, String error, Instant dueAt) {
        mongo.updateFirst(byId(id), new Update().set("attempts", attempts).set("lastError", error), DELIVERIES);
        mongo.updateFirst(byId(id), new Update().set("dueAt", dueAt).set("claim", null), QUEUE);
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

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }
}
