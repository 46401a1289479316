package org.bridgeway.notification.preferences;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * People's preferences: the {@code preferences} collection, one document per person who changed
 * theirs. Read for every notice to a person, so kept for 30 s; a change made through this
 * instance applies at once, one made through another within that time.
 */
@Repository
public class PreferencesStore {

    private static final String COLLECTION = "preferences";

    private final MongoTemplate mongo;
    private final Cache<String, Preferences> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    PreferencesStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Preferences of(String userId) {
        return recent.get(userId, id -> {
            Preferences held = mongo.findById(id, Preferences.class, COLLECTION);
            return held == null ? Preferences.defaults(id) : held;
        });
    }

    void save(Preferences preferences) {
        mongo.save(preferences, COLLECTION);
        recent.put(preferences.id(), preferences);
    }
}
