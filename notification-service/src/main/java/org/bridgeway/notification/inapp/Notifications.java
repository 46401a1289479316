package org.bridgeway.notification.inapp;

import java.util.List;

import org.bridgeway.notification.store.NewDocuments;
import org.bridgeway.notification.web.PageView;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** Where in-app notifications are kept: the {@code notifications} collection. */
@Repository
class Notifications {

    static final String COLLECTION = "notifications";

    private final MongoTemplate mongo;

    Notifications(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("recipient", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC));
    }

    /** @return those written now; one that exists already (a redelivered event) is left out */
    List<Notification> addAll(List<Notification> notifications) {
        return NewDocuments.insert(mongo, COLLECTION, Notification.class, notifications);
    }

    PageView<Notification> page(List<String> recipients, int page, int size) {
        Query query = Query.query(Criteria.where("recipient").in(recipients));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))).skip((long) page * size).limit(size);
        return PageView.of(mongo.find(query, Notification.class, COLLECTION), page, size, total);
    }

    long unread(List<String> recipients) {
        return mongo.count(Query.query(Criteria.where("recipient").in(recipients).and("read").is(false)), COLLECTION);
    }

    /** @return how many were unread */
    long markAllRead(List<String> recipients) {
        return mongo.updateMulti(Query.query(Criteria.where("recipient").in(recipients).and("read").is(false)),
                Update.update("read", true), COLLECTION).getModifiedCount();
    }

    /** @return false when no such notification is addressed to these recipients */
    boolean markRead(String id, List<String> recipients) {
        Query mine = Query.query(Criteria.where("_id").is(id).and("recipient").in(recipients));
        return mongo.updateFirst(mine, Update.update("read", true), COLLECTION).getMatchedCount() == 1;
    }
}
