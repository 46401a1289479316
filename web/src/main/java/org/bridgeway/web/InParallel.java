package org.bridgeway.web;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * API calls of one page made at once rather than one after another: a page that shows five
 * reports waits for the slowest, not for the sum. Each call runs on a virtual thread that sees
 * the request and the signed-in person, as the access-token interceptor needs them.
 */
public final class InParallel {

    private static final ExecutorService THREADS = Executors.newVirtualThreadPerTaskExecutor();

    private InParallel() {
    }

    public static <T> CompletableFuture<T> call(Supplier<T> call) {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        SecurityContext person = SecurityContextHolder.getContext();
        return CompletableFuture.supplyAsync(() -> {
            RequestContextHolder.setRequestAttributes(request);
            SecurityContextHolder.setContext(person);
            try {
                return call.get();
            } finally {
                RequestContextHolder.resetRequestAttributes();
                SecurityContextHolder.clearContext();
            }
        }, THREADS);
    }

    /**
     * Waits until every call has ended, failed or not, so that none still uses the request after
     * the page is sent.
     */
    public static void awaitAll(CompletableFuture<?>... calls) {
        CompletableFuture.allOf(calls).handle((done, failed) -> null).join();
    }

    /** The call's answer; its failure (an {@link ApiProblem}, say) is thrown as it was thrown. */
    public static <T> T answer(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
