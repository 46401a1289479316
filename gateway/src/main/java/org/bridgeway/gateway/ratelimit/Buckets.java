package org.bridgeway.gateway.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.bridgeway.gateway.ratelimit.RateLimitSettings.Allowance;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The token buckets, one per key, in Redis when {@code redis-uri} is set (so every gateway replica
 * draws from the same bucket) and in memory otherwise. A bucket is forgotten once it would be full
 * again, so idle callers cost nothing.
 */
@Component
class Buckets implements DisposableBean {

    private static final ExpirationAfterWriteStrategy FORGET_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    private final AsyncProxyManager<String> buckets;
    private final RedisClient redis;

    Buckets(RateLimitSettings settings) {
        if (settings.redisUri() == null || settings.redisUri().isBlank()) {
            this.redis = null;
            this.buckets = Bucket4jCaffeine.<String>builderFor(Caffeine.newBuilder().maximumSize(1_000_000))
                    .expirationAfterWrite(FORGET_WHEN_FULL).build().asAsync();
        } else {
            this.redis = RedisClient.create(settings.redisUri());
            // A request waits for its bucket at most a quarter second; while Redis is away, not at all.
            redis.setOptions(ClientOptions.builder()
                    .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                    .timeoutOptions(TimeoutOptions.enabled(Duration.ofMillis(250)))
                    .build());
            this.buckets = Bucket4jLettuce.casBasedBuilder(redis.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE)))
                    .expirationAfterWrite(FORGET_WHEN_FULL).build().asAsync();
        }
    }

    /** Takes one request from the key's bucket; the probe says whether there was one and, if not, how long until there is. */
    Mono<ConsumptionProbe> take(String key, Allowance allowance) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowance.burst())
                        .refillGreedy(allowance.perSecond(), Duration.ofSeconds(1)).build())
                .build();
        return Mono.fromFuture(() -> buckets.builder().build(key, () -> CompletableFuture.completedFuture(configuration))
                .tryConsumeAndReturnRemaining(1));
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.shutdown();
        }
    }
}
