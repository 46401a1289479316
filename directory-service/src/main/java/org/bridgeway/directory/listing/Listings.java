package org.bridgeway.directory.listing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.bridgeway.directory.outbox.OutboxRelay;
import org.bridgeway.directory.search.ListingIndex;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Where listings are kept: the {@code services} collection (Open Referral calls them services).
 * Every write is version-checked, handed to the outbox relay and reflected in the search index.
 */
@Repository
public class Listings {

    static final String COLLECTION = "services";
    private static final int BATCH = 500;

    private final MongoTemplate mongo;
    private final OutboxRelay outbox;
    private final ListingIndex index;

    Listings(MongoTemplate mongo, OutboxRelay outbox, ListingIndex index) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.index = index;
        mongo.indexOps(COLLECTION).createIndex(new Index().on("details.organisationId", Sort.Direction.ASC));
        // Unique, so the embedded store answers an import's lookup by key from the index, not a scan.
        mongo.indexOps(COLLECTION).createIndex(new Index().on("sourceKey", Sort.Direction.ASC).unique().sparse());
        mongo.indexOps(COLLECTION).createIndex(new Index().on("lastVerifiedAt", Sort.Direction.ASC));
    }

    public Optional<Listing> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Listing.class, COLLECTION));
    }

    public Optional<Listing> findBySourceKey(String sourceKey) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("sourceKey").is(sourceKey)), Listing.class, COLLECTION));
    }

    public List<Listing> ofOrganisation(String organisationId) {
        return mongo.find(Query.query(Criteria.where("details.organisationId").is(organisationId)), Listing.class, COLLECTION);
    }

    /** Active listings last verified before the cutoff and not yet flagged. */
    public List<Listing> lapsedSince(Instant cutoff, int limit) {
        Query query = Query.query(Criteria.where("lastVerifiedAt").lt(cutoff).and("reviewDueSince").is(null)
                .and("status").in(Listing.Status.ACTIVE, Listing.Status.TEMPORARILY_CLOSED).and("mergedInto").is(null));
        return mongo.find(query.limit(limit), Listing.class, COLLECTION);
    }

    private record Id(String id) {
    }

    /**
     * Every listing, a batch at a time: the ids first, then each batch by id. The embedded store
     * holds a whole query result in memory and answers anything but an id lookup by a scan, so
     * this is the one way that stays in bounded memory and linear time at 50,000 listings.
     */
    public void forEach(Consumer<Listing> action) {
        Query everyId = new Query();
        everyId.fields().include("_id");
        List<String> ids = mongo.find(everyId, Id.class, COLLECTION).stream().map(Id::id).toList();
        for (int from = 0; from < ids.size(); from += BATCH) {
            Query batch = Query.query(Criteria.where("_id").in(ids.subList(from, Math.min(ids.size(), from + BATCH))));
            mongo.find(batch, Listing.class, COLLECTION).forEach(action);
        }
    }

    /** @return false when a listing with that id (or that import key) exists already */
    public boolean insert(Listing listing) {
        try {
            mongo.insert(listing, COLLECTION);
        } catch (DuplicateKeyException e) {
            return false;
        }
        written(listing);
        return true;
    }

    /**
     * Writes a changed listing if nobody else changed it since it was read at {@code readVersion}.
     * @return false when the stored listing is no longer at that version
     */
    public boolean replace(Listing listing, long readVersion) {
        Query unchanged = Query.query(Criteria.where("_id").is(listing.id()).and("version").is(readVersion));
        if (mongo.updateFirst(unchanged, OutboxRelay.replacing(mongo, listing, readVersion), COLLECTION).getMatchedCount() == 0) {
            return false;
        }
        written(listing);
        return true;
    }

    private void written(Listing listing) {
        outbox.written(COLLECTION, listing.id());
        index.put(listing);
    }
}
