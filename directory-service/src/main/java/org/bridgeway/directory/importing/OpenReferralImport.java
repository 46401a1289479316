package org.bridgeway.directory.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.bridgeway.directory.importing.ImportReport.Row;
import org.bridgeway.directory.listing.DuplicateCheck;
import org.bridgeway.directory.web.InvalidFieldException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Imports services from an Open Referral UK (HSDS 3) document: a page of services
 * ({@code {"contents": [...]}}), an array of them, or one. Each becomes a listing of its
 * organisation, found again on the next import by the service's id.
 */
@Component
class OpenReferralImport {

    private final JsonMapper json;
    private final OpenReferralMapping mapping;
    private final ImportedServices services;

    /** @param json the application's mapper, which refuses repeated keys and deep nesting (JsonConfig) */
    OpenReferralImport(JsonMapper json, OpenReferralMapping mapping, ImportedServices services) {
        this.json = json;
        this.mapping = mapping;
        this.services = services;
    }

    ImportReport run(byte[] body, String actor) {
        List<JsonNode> items = services(parse(body));
        if (items.size() > ImportedServices.MAX_PER_IMPORT) {
            throw new InvalidFieldException("contents", "an import may have at most " + ImportedServices.MAX_PER_IMPORT
                    + " services; split the file");
        }
        Map<String, Integer> rowOfService = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        try (DuplicateCheck.Batch batch = services.duplicateCheck()) {
            for (int i = 0; i < items.size(); i++) {
                int row = i + 1;
                JsonNode item = items.get(i);
                rows.add(Row.attempt(row, () -> importService(row, item, rowOfService, batch, actor)));
            }
        }
        return ImportReport.of(rows);
    }

    private JsonNode parse(byte[] body) {
        try {
            JsonNode document = json.readTree(body);
            if (document == null || document.isMissingNode()) {
                throw new InvalidFieldException("body", "is empty");
            }
            return document;
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw new InvalidFieldException("body", "is not valid JSON: " + e.getOriginalMessage()
                    + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")"));
        }
    }

    private static List<JsonNode> services(JsonNode document) {
        if (document.isArray()) {
            return List.copyOf(document.values());
        }
        if (document.isObject() && document.get("contents") instanceof JsonNode contents) {
            if (!contents.isArray()) {
                throw new InvalidFieldException("contents", "must be an array of services");
            }
            return List.copyOf(contents.values());
        }
        if (document.isObject() && document.has("id")) {
            return List.of(document);
        }
        throw new InvalidFieldException("body",
                "must be an Open Referral UK service, an array of services, or a page of them ({\"contents\": [...]})");
    }

    private Row importService(int row, JsonNode node, Map<String, Integer> rowOfService, DuplicateCheck.Batch batch,
                              String actor) {
        if (!node.isObject()) {
            return Row.rejected(row, "is not a service object");
        }
        String id = OpenReferralMapping.text(node, "id");
        if (id == null) {
            return Row.rejected(row, "id is missing, so a later import could not find the service again");
        }
        Integer earlier = rowOfService.putIfAbsent(id, row);
        if (earlier != null) {
            return Row.rejected(row, "repeats service " + earlier + " (the same id)");
        }
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        ImportedService service = mapping.service(row, id, node, problems, warnings);
        if (!problems.isEmpty()) {
            return Row.rejected(row, String.join("; ", problems), warnings);
        }
        return services.store(service, batch, actor, UnaryOperator.identity());
    }
}
