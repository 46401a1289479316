package org.bridgeway.gateway;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.logging.AccessLog;

/**
 * One line per request: method, path, status, time taken and the request id. The query string is
 * left out: it can hold what a person typed, such as a resident's postcode in a search.
 */
@Component
class AccessLogging implements NettyServerCustomizer {

    @Override
    public HttpServer apply(HttpServer server) {
        return server.accessLog(true, entry -> AccessLog.create("{} {} {} {} ms request {}", entry.method(), pathOf(entry.uri()),
                entry.status(), entry.duration(), entry.responseHeader(RequestIds.HEADER)));
    }

    static String pathOf(CharSequence uri) {
        String text = String.valueOf(uri);
        int query = text.indexOf('?');
        return query < 0 ? text : text.substring(0, query);
    }
}
