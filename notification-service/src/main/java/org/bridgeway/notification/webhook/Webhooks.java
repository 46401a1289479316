package org.bridgeway.notification.webhook;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

/**
 * Organisations' webhooks: the {@code webhooks} collection, one document per organisation.
 * Every notice to an organisation asks for its webhook, so answers are kept for 30 s; changes
 * made here take effect at once, those made by another instance within that time.
 */
@Repository
public class Webhooks {

    private static final String COLLECTION = "webhooks";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoTemplate mongo;
    private final Cache<String, Optional<WebhookSettings>> recent = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    Webhooks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /**
     * Takes the URL the directory now gives. A new URL is switched on (its owner has changed
     * something); the secret is made once and kept across URL changes.
     */
    public void follow(String organisationId, String url) {
        WebhookSettings held = find(organisationId).orElse(null);
        if (held != null && Objects.equals(held.url(), url)) {
            return;
        }
        String secret = held != null ? held.secret() : HexFormat.of().formatHex(newSecret());
        mongo.save(new WebhookSettings(organisationId, url, secret, url != null, null, null), COLLECTION);
        recent.invalidate(organisationId);
    }

    public Optional<String> activeUrl(String organisationId) {
        return find(organisationId)
                .filter(settings -> settings.enabled() && settings.url() != null && WebhookAddress.problem(settings.url()).isEmpty())
                .map(WebhookSettings::url);
    }

    Optional<WebhookSettings> find(String organisationId) {
        return recent.get(organisationId, key -> Optional.ofNullable(mongo.findById(key, WebhookSettings.class, COLLECTION)));
    }

    /** @return true when this switched the webhook off; false when it was off already or has a new URL */
    boolean switchOff(String organisationId, String url, String reason, Instant now) {
        Query on = Query.query(Criteria.where("_id").is(organisationId).and("url").is(url).and("enabled").is(true));
        boolean switched = mongo.findAndModify(on, new Update().set("enabled", false).set("switchedOffAt", now).set("switchedOffReason", reason),
                FindAndModifyOptions.options().returnNew(true), WebhookSettings.class, COLLECTION) != null;
        recent.invalidate(organisationId);
        return switched;
    }

    void switchOn(String organisationId) {
        mongo.updateFirst(Query.query(Criteria.where("_id").is(organisationId).and("url").ne(null)),
                new Update().set("enabled", true).set("switchedOffAt", null).set("switchedOffReason", null), COLLECTION);
        recent.invalidate(organisationId);
    }

    private static byte[] newSecret() {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        return secret;
    }
}
