package org.bridgeway.directory.organisation;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.bridgeway.directory.outbox.OutboxRelay;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Where organisations are kept: the {@code organisations} collection. Each write goes to the
 * outbox relay and is announced in-process as {@link OrganisationChanged}, so the listings
 * feature can follow a rename or a withdrawal.
 */
@Repository
public class Organisations {

    static final String COLLECTION = "organisations";

    private final MongoTemplate mongo;
    private final OutboxRelay outbox;
    private final ApplicationEventPublisher events;

    Organisations(MongoTemplate mongo, OutboxRelay outbox, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.outbox = outbox;
        this.events = events;
    }

    public Optional<Organisation> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Organisation.class, COLLECTION));
    }

    public List<Organisation> all() {
        return mongo.find(new Query().with(Sort.by("details.name", "_id")), Organisation.class, COLLECTION);
    }

    /** Organisations whose name contains the text, ignoring case; the text is quoted, never a pattern. */
    public List<Organisation> named(String text) {
        Criteria name = Criteria.where("details.name").regex(Pattern.compile(Pattern.quote(text), Pattern.CASE_INSENSITIVE));
        return mongo.find(Query.query(name).with(Sort.by("details.name", "_id")), Organisation.class, COLLECTION);
    }

    /** @return false when an organisation with that id exists already */
    public boolean insert(Organisation organisation) {
        try {
            mongo.insert(organisation, COLLECTION);
        } catch (DuplicateKeyException e) {
            return false;
        }
        written(organisation);
        return true;
    }

    /** @return false when the stored organisation is no longer at the version read */
    public boolean replace(Organisation organisation, long readVersion) {
        Query unchanged = Query.query(Criteria.where("_id").is(organisation.id()).and("version").is(readVersion));
        if (mongo.updateFirst(unchanged, OutboxRelay.replacing(mongo, organisation, readVersion), COLLECTION).getMatchedCount() == 0) {
            return false;
        }
        written(organisation);
        return true;
    }

    private void written(Organisation organisation) {
        outbox.written(COLLECTION, organisation.id());
        events.publishEvent(new OrganisationChanged(organisation));
    }
}
