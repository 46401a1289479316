package org.bridgeway.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A form's errors the GOV.UK way: a summary at the top linking to each field, and the message
 * again above the field. Fields are named as the API names them ({@code resident.name}); the
 * input's id is that name with dashes ({@code resident-name}).
 */
public final class FormErrors {

    public record Error(String field, String href, String message) {
    }

    private final Map<String, String> byField = new LinkedHashMap<>();
    private Function<String, String> links = field -> "#" + inputId(field);

    public FormErrors add(String field, String message) {
        byField.putIfAbsent(field, message);
        return this;
    }

    /** The API's field errors, each under the form field that holds it, with the field's own words. */
    public FormErrors addAll(ApiProblem problem, Map<String, String> labels) {
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = labels.containsKey(error.field()) ? error.field() : closest(error.field(), labels);
            String label = labels.getOrDefault(field, "This answer");
            add(field, label + " " + error.message());
        }
        if (problem.errors().isEmpty()) {
            add(labels.keySet().stream().findFirst().orElse("form"), problem.detail() != null ? problem.detail() : "The answer could not be saved");
        }
        return this;
    }

    /** {@code resident.dateOfBirth.year} belongs to {@code resident.dateOfBirth}; an unknown field to the first one. */
    private static String closest(String field, Map<String, String> labels) {
        return labels.keySet().stream().filter(field::startsWith).findFirst()
                .orElse(labels.keySet().stream().findFirst().orElse(field));
    }

    /** Links the summary's errors elsewhere than this page's inputs: to the step that asks the question. */
    public FormErrors linking(Function<String, String> links) {
        this.links = links;
        return this;
    }

    public boolean isEmpty() {
        return byField.isEmpty();
    }

    public boolean has(String field) {
        return byField.containsKey(field);
    }

    public String message(String field) {
        return byField.get(field);
    }

    public List<Error> getAll() {
        List<Error> all = new ArrayList<>();
        byField.forEach((field, message) -> all.add(new Error(field, links.apply(field), message)));
        return all;
    }

    /** The id of the input that holds a field; its message's id is this with {@code -error}. */
    public static String inputId(String field) {
        return field.replace('.', '-');
    }
}
