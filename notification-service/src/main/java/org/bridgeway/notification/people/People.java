package org.bridgeway.notification.people;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

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
    /** What is in the store already, so a call writes only when an address changes. */
    private final Map<String, String> known = new ConcurrentHashMap<>();

    People(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Optional<String> emailOf(String userId) {
        String cached = known.get(userId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Person person = mongo.findById(userId, Person.class, COLLECTION);
        return Optional.ofNullable(person).map(Person::email);
    }

    void remember(String userId, String email) {
        if (userId == null || email == null || email.equals(known.get(userId))) {
            return;
        }
        mongo.save(new Person(userId, email), COLLECTION);
        known.put(userId, email);
    }
}
