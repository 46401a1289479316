package org.bridgeway.notification.people;

import java.time.Duration;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The work email address of each person who has signed in, from the {@code email} claim of their
 * own token: the identity provider is the source of truth and this service keeps what it last
 * said. People are written down when they call this service (the web front end asks for the
 * unread count on every page); someone never seen gets their notices in the app only.
 */
@Repository
public class People {

    private static final String COLLECTION = "people";

    record Person(String id, String email) {
    }

    private final MongoTemplate mongo;
    /** What the store holds, for five minutes: a call writes only when an address changes, and another instance's change shows here within that time. */
    private final Cache<String, Optional<String>> known = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(5)).maximumSize(50_000).build();

    People(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<String> emailOf(String userId) {
        return known.get(userId, id -> Optional.ofNullable(mongo.findById(id, Person.class, COLLECTION)).map(Person::email));
    }

    void remember(String userId, String email) {
        if (userId == null || email == null || emailOf(userId).filter(email::equals).isPresent()) {
            return;
        }
        mongo.save(new Person(userId, email), COLLECTION);
        known.put(userId, Optional.of(email));
    }
}
