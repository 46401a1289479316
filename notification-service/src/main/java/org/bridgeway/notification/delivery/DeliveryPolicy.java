package org.bridgeway.notification.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How hard a failed send is tried: again after {@code firstRetry}, doubling up to
 * {@code longestWait}, at most {@code attempts} times before it is parked. The defaults ride out
 * an SMTP or webhook outage of about an hour and a half. The worker looks for due deliveries
 * every {@code bridgeway.notification.delivery.poll-every} (500 ms). {@code concurrency} sends go at once:
 * each waits mostly on the network (an SMTP dialogue, a webhook's answer).
 */
@ConfigurationProperties("bridgeway.notification.delivery")
record DeliveryPolicy(Duration firstRetry, Duration longestWait, int attempts, int concurrency) {

    DeliveryPolicy {
        firstRetry = firstRetry == null ? Duration.ofSeconds(10) : firstRetry;
        longestWait = longestWait == null ? Duration.ofMinutes(15) : longestWait;
        attempts = attempts == 0 ? 12 : attempts;
        concurrency = concurrency == 0 ? 8 : concurrency;
    }

    /** The wait after the {@code attempts}-th failed try. */
    Duration waitAfter(int attempts) {
        Duration wait = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return wait.compareTo(longestWait) > 0 ? longestWait : wait;
    }
}
