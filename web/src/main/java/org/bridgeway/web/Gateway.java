package org.bridgeway.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.client.OAuth2ClientHttpRequestInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The platform's API as the pages use it: through the gateway, with the signed-in person's own
 * access token, so every rule of every service applies to the browser exactly as to any client.
 * Answers are plain maps and lists: the pages only show them. An error answer is thrown as
 * {@link ApiProblem}.
 */
@Component
public class Gateway {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() { };
    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() { };
    private static final TypeReference<Map<String, Object>> PROBLEM = new TypeReference<>() { };

    private final RestClient rest;
    private final OAuth2AuthorizedClientManager clients;

    Gateway(RestClient.Builder builder, OAuth2AuthorizedClientManager clients, WebProperties properties, JsonMapper json) {
        this.clients = clients;
        OAuth2ClientHttpRequestInterceptor accessToken = new OAuth2ClientHttpRequestInterceptor(clients);
        accessToken.setClientRegistrationIdResolver(request -> WebProperties.REGISTRATION);
        this.rest = builder.baseUrl(properties.apiUrl())
                .requestInterceptor(accessToken)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
                    Map<String, Object> body;
                    try {
                        body = json.readValue(response.getBody(), PROBLEM);
                    } catch (RuntimeException notProblemDetails) {
                        body = Map.of();
                    }
                    throw ApiProblem.of(response.getStatusCode().value(), body);
                })
                .build();
    }

    /**
     * The signed-in person's access token, renewed first when it is due, on the request's own thread:
     * calls a page then makes in parallel all find it fresh, instead of each renewing it at the same moment.
     */
    public String accessToken() {
        ServletRequestAttributes request = (ServletRequestAttributes) RequestContextHolder.currentRequestAttributes();
        return clients.authorize(OAuth2AuthorizeRequest.withClientRegistrationId(WebProperties.REGISTRATION)
                .principal(SecurityContextHolder.getContext().getAuthentication())
                .attribute(HttpServletRequest.class.getName(), request.getRequest())
                .attribute(HttpServletResponse.class.getName(), request.getResponse()).build())
                .getAccessToken().getTokenValue();
    }

    public Map<String, Object> get(String path, Object... variables) {
        return get(path, new LinkedMultiValueMap<>(), variables);
    }

    public Map<String, Object> get(String path, MultiValueMap<String, String> query, Object... variables) {
        return rest.get().uri(uri -> uri.path(path).queryParams(query).build(variables)).retrieve().body(OBJECT);
    }

    public List<Map<String, Object>> list(String path, Object... variables) {
        return listWith(path, new LinkedMultiValueMap<>(), variables);
    }

    public List<Map<String, Object>> listWith(String path, MultiValueMap<String, String> query, Object... variables) {
        return rest.get().uri(uri -> uri.path(path).queryParams(query).build(variables)).retrieve().body(LIST);
    }

    /** One resource with its ETag, for a change that must say which version it changes. */
    public Versioned read(String path, Object... variables) {
        ResponseEntity<Map<String, Object>> answer = rest.get().uri(uri -> uri.path(path).build(variables)).retrieve().toEntity(OBJECT);
        return new Versioned(answer.getBody(), answer.getHeaders().getETag());
    }

    public Map<String, Object> post(String path, Object body, HttpHeaders headers, Object... variables) {
        return rest.post().uri(uri -> uri.path(path).build(variables)).headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
    }

    public Map<String, Object> put(String path, Object body, HttpHeaders headers, Object... variables) {
        return rest.put().uri(uri -> uri.path(path).build(variables)).headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
    }

    public Map<String, Object> patch(String path, Object body, Object... variables) {
        return rest.patch().uri(uri -> uri.path(path).build(variables)).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(OBJECT);
    }

    /** A file sent as it is (an import: CSV or JSON), with its media type. */
    public Map<String, Object> upload(String path, byte[] file, MediaType type) {
        return rest.post().uri(uri -> uri.path(path).build()).contentType(type).body(file).retrieve().body(OBJECT);
    }

    /** A file as the API serves it (a CSV report), passed on with its type and name. */
    public ResponseEntity<byte[]> download(String path, MultiValueMap<String, String> query) {
        return rest.get().uri(uri -> uri.path(path).queryParams(query).build()).retrieve().toEntity(byte[].class);
    }

    public static HttpHeaders ifMatch(String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setIfMatch(etag);
        return headers;
    }

    public record Versioned(Map<String, Object> body, String etag) {
    }
}
