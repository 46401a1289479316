package org.bridgeway.web;

import java.util.List;
import java.util.Map;

/**
 * A 4xx or 5xx answer of the gateway or a service: its status and RFC 9457 problem details,
 * with the field errors a form shows next to its fields.
 */
public class ApiProblem extends RuntimeException {

    public record FieldError(String field, String message) {
    }

    private final int status;
    private final String detail;
    private final List<FieldError> errors;

    ApiProblem(int status, String detail, List<FieldError> errors) {
        super("the API answered " + status);
        this.status = status;
        this.detail = detail;
        this.errors = errors;
    }

    @SuppressWarnings("unchecked")
    static ApiProblem of(int status, Map<String, Object> body) {
        String detail = body.get("detail") instanceof String text ? text : null;
        List<FieldError> errors = body.get("errors") instanceof List<?> list
                ? list.stream().filter(Map.class::isInstance).map(error -> (Map<String, Object>) error)
                        .map(error -> new FieldError(String.valueOf(error.get("field")), String.valueOf(error.get("message")))).toList()
                : List.of();
        return new ApiProblem(status, detail, errors);
    }

    public int status() {
        return status;
    }

    public String detail() {
        return detail;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
