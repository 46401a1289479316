package org.bridgeway.directory.listing;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.bridgeway.directory.outbox.OutboxRelay;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Repository;

/** Where listings are kept: the {@code services} collection (Open Referral calls them services). */
@Repository
public class Listings {

    static final String COLLECTION = "services";

    private final MongoTemplate mongo;
    private final OutboxRelay outbox;

    Listings(MongoTemplate mongo, OutboxRelay outbox) {
        this.mongo = mongo;
        this.outbox = outbox;
    }

    Optional<Listing> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Listing.class, COLLECTION));
    }

    /** @return false when a listing with that id exists already */
    public boolean insert(Listing listing) {
        try {
            mongo.insert(listing, COLLECTION);
            outbox.written(COLLECTION, listing.id());
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    record Page(List<Listing> items, long totalItems) {
    }

    Page page(String category, int page, int size) {
        Query query = category == null ? new Query() : Query.query(Criteria.where("categories").is(category));
        long total = mongo.count(query, COLLECTION);
        query.with(Sort.by("name", "_id")).skip((long) page * size).limit(size);
        return new Page(mongo.find(query, Listing.class, COLLECTION), total);
    }
}
