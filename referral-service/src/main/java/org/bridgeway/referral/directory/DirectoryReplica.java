package org.bridgeway.referral.directory;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/** The local replica of directory listings, in the {@code directory_services} collection. */
@Repository
public class DirectoryReplica {

    static final String COLLECTION = "directory_services";

    private final MongoTemplate mongo;

    DirectoryReplica(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Every listing in the replica (for reports on provision; a few thousand documents). */
    public List<ListingReplica> all() {
        return mongo.findAll(ListingReplica.class, COLLECTION);
    }

    public Optional<ListingReplica> find(String serviceId) {
        return Optional.ofNullable(mongo.findById(serviceId, ListingReplica.class, COLLECTION));
    }

    /**
     * Stores the snapshot unless a newer or equal one is already there, so a replayed or
     * reordered message never rolls a listing back. A copy made before coverage was replicated
     * takes the same version again.
     *
     * @return true when the replica changed
     */
    boolean apply(ListingReplica snapshot) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(snapshot.id()).orOperator(
                Criteria.where("sequence").lt(snapshot.sequence()),
                Criteria.where("sequence").is(snapshot.sequence()).and("coverage").exists(false)));
        Update update = new Update()
                .set("sequence", snapshot.sequence())
                .set("organisationId", snapshot.organisationId())
                .set("name", snapshot.name())
                .set("categories", snapshot.categories())
                .set("status", snapshot.status())
                .set("referralPathway", snapshot.referralPathway())
                .set("referrerRoles", snapshot.referrerRoles())
                .set("capacity", snapshot.capacity())
                .set("coverage", snapshot.coverage());
        try {
            mongo.upsert(olderOrMissing, update, COLLECTION);
            return true;
        } catch (DuplicateKeyException e) {
            return false; // the stored snapshot is as new or newer
        }
    }
}
