package org.bridgeway.gateway.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.caffeine.Bucket4jCaffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.micrometer.core.instrument.MeterRegistry;
import org.bridgeway.gateway.Problems;
import org.bridgeway.gateway.ratelimit.RateLimitSettings.Allowance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The token buckets, one per key, in Redis when {@code redis-uri} is set (so every gateway replica
 * draws from the same bucket; the gateway then needs Redis to start) and in memory otherwise. A
 * bucket is forgotten once it would be full again, so idle callers cost nothing. If the store
 * fails, the request goes through: an outage of Redis must not become an outage of the platform.
 */
@Component
class Buckets implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(Buckets.class);
    private static final ExpirationAfterWriteStrategy FORGET_WHEN_FULL =
            ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10));

    private final AsyncProxyManager<String> buckets;
    private final RedisClient redis;
    private final Problems problems;
    private final MeterRegistry meters;
    /** When the store's failure was last logged: once a minute is enough while it is down. */
    private final AtomicReference<Instant> failureLogged = new AtomicReference<>(Instant.MIN);

    Buckets(RateLimitSettings settings, Problems problems, MeterRegistry meters) {
        this.problems = problems;
        this.meters = meters;
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

    /**
     * Takes one request from the {@code kind} bucket of {@code who}.
     *
     * @return empty when there was one, else how long until there is
     */
    Mono<Duration> take(String kind, String who, Allowance allowance) {
        return ask(kind, bucket(kind, who, allowance).map(bucket -> bucket.tryConsumeAndReturnRemaining(1))
                .map(future -> future.thenApply(probe -> probe.isConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    /** Like {@link #take} but takes nothing: whether the bucket has a request left. */
    Mono<Duration> peek(String kind, String who, Allowance allowance) {
        return ask(kind, bucket(kind, who, allowance).map(bucket -> bucket.estimateAbilityToConsume(1))
                .map(future -> future.thenApply(probe -> probe.canBeConsumed() ? null : Duration.ofNanos(probe.getNanosToWaitForRefill()))));
    }

    /** 429 problem details with {@code Retry-After} in whole seconds. */
    Mono<Void> refuse(ServerWebExchange exchange, Duration wait) {
        long seconds = Math.max(1, TimeUnit.NANOSECONDS.toSeconds(wait.toNanos() + 999_999_999L));
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests in a short time; try again in " + seconds + (seconds == 1 ? " second." : " seconds."));
    }

    private Mono<AsyncBucketProxy> bucket(String kind, String who, Allowance allowance) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(allowance.burst()).refillGreedy(allowance.perSecond(), Duration.ofSeconds(1)).build())
                .build();
        return Mono.fromSupplier(() -> buckets.builder().build("bridgeway:rate:" + kind + ":" + who, () -> CompletableFuture.completedFuture(configuration)));
    }

    private Mono<Duration> ask(String kind, Mono<CompletableFuture<Duration>> question) {
        return question.flatMap(Mono::fromFuture)
                .doOnNext(wait -> meters.counter("bridgeway.gateway.rate.limited", "limit", kind).increment())
                .onErrorResume(e -> {
                    Instant last = failureLogged.get();
                    if (last.isBefore(Instant.now().minusSeconds(60)) && failureLogged.compareAndSet(last, Instant.now())) {
                        log.warn("Rate limits not checked, the bucket store failed: {}", e.toString());
                    }
                    meters.counter("bridgeway.gateway.rate.unchecked").increment();
                    return Mono.empty();
                });
    }

    @Override
    public void destroy() {
        if (redis != null) {
            redis.shutdown();
        }
    }
}
