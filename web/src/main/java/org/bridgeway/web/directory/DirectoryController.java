package org.bridgeway.web.directory;

import java.util.List;
import java.util.Map;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.Pages;
import org.bridgeway.web.Query;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a service: the directory search with its filters and their counts, and a listing's
 * page with who it is for, where, its capacity and how quickly it usually replies.
 */
@Controller
class DirectoryController {

    /** The filters offered beside the results, in the order shown; each takes one value. */
    static final List<String> FILTERS = List.of("category", "capacity", "deliveryMode", "priorityGroup", "language");

    private static final Map<String, String> LABELS = Map.of("q", "Search", "postcode", "Postcode");

    private final Gateway gateway;

    DirectoryController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/search")
    String search(@RequestParam MultiValueMap<String, String> params, Model model) {
        MultiValueMap<String, String> query = Query.of("q", params.getFirst("q"), "postcode", params.getFirst("postcode"),
                "page", params.getFirst("page"), "size", "10");
        FILTERS.forEach(filter -> Query.add(query, filter, params.getFirst(filter)));
        model.addAttribute("params", params.toSingleValueMap());
        model.addAttribute("filters", FILTERS);
        try {
            Map<String, Object> result = gateway.get("/api/directory/services", query);
            model.addAttribute("result", result);
            model.addAttribute("pages", Pages.of("/search", params, result.get("page")));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("errors", new FormErrors().addAll(problem, LABELS));
        }
        return "directory/search";
    }

    @GetMapping("/services/{id}")
    String listing(@PathVariable String id, @RequestParam(required = false) String onwardFrom, Model model) {
        Map<String, Object> listing = gateway.get("/api/directory/services/{id}", id);
        model.addAttribute("listing", listing);
        model.addAttribute("responsiveness", responsiveness(id));
        model.addAttribute("onwardFrom", onwardFrom == null || onwardFrom.isBlank() ? null : onwardFrom);
        return "directory/listing";
    }

    /** How the listing answers referrals; none until referral-service has published figures for it. */
    private Map<String, Object> responsiveness(String id) {
        try {
            return gateway.get("/api/directory/services/{id}/responsiveness", id);
        } catch (ApiProblem problem) {
            if (problem.status() == 404) {
                return null;
            }
            throw problem;
        }
    }
}
