package org.bridgeway.notification.preferences;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/** People's preferences: the {@code preferences} collection, one document per person who changed theirs. */
@Repository
public class PreferencesStore {

    private static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;

    PreferencesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Preferences of(String userId) {
        Preferences held = mongo.findById(userId, Preferences.class, COLLECTION);
        return held == null ? Preferences.defaults(userId) : held;
    }

    void save(Preferences preferences) {
        mongo.save(preferences, COLLECTION);
    }
}
