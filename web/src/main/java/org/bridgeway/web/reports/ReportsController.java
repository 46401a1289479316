package org.bridgeway.web.reports;

import java.util.Map;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.InParallel;
import org.bridgeway.web.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The managers' dashboard: demand by need (KCC's "top outcome categories" as bars), the
 * funnel, response times, the trend by month and the gaps in provision by area, for a period
 * and an area, each with its CSV. Figures come from the reports API with its disclosure
 * control already applied: counts under five arrive as "<5" and are shown as such.
 */
@Controller
class ReportsController {

    /** The reports a CSV can be downloaded for, by the name in the page's links. */
    private static final Map<String, String> DOWNLOADS = Map.of("outcome-categories", "/api/reports/outcome-categories",
            "trend", "/api/reports/outcome-categories/trend", "funnel", "/api/reports/funnel",
            "responsiveness", "/api/reports/responsiveness", "gaps", "/api/reports/gaps");

    private static final Map<String, String> LABELS = Map.of("from", "From:", "to", "To:", "area", "Area:", "category", "Need:");

    private final Gateway gateway;

    ReportsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/reports")
    String dashboard(@RequestParam MultiValueMap<String, String> params, Model model) {
        MultiValueMap<String, String> filters = filters(params);
        model.addAttribute("params", params.toSingleValueMap());
        model.addAttribute("query", filters.toSingleValueMap());
        try {
            var categories = InParallel.call(() -> gateway.get("/api/reports/outcome-categories", filters));
            var funnel = InParallel.call(() -> gateway.get("/api/reports/funnel", with(filters, "groupBy", "category")));
            var trend = InParallel.call(() -> gateway.get("/api/reports/outcome-categories/trend", filters));
            var responsiveness = InParallel.call(() -> gateway.get("/api/reports/responsiveness", with(filters, "by", "organisation")));
            var gaps = InParallel.call(() -> gateway.get("/api/reports/gaps", filters));
            InParallel.awaitAll(categories, funnel, trend, responsiveness, gaps);
            Map<String, Object> answers = Map.of("categories", InParallel.answer(categories), "funnel", InParallel.answer(funnel),
                    "trend", InParallel.answer(trend), "responsiveness", InParallel.answer(responsiveness),
                    "gaps", InParallel.answer(gaps));
            model.addAllAttributes(answers);
            model.addAttribute("bars", Bars.of(InParallel.answer(categories)));
            model.addAttribute("gapRows", GapRows.of(InParallel.answer(gaps)));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("errors", new FormErrors().addAll(problem, LABELS));
        }
        return "reports/dashboard";
    }

    @GetMapping("/reports/download/{report}")
    ResponseEntity<byte[]> download(@PathVariable String report, @RequestParam MultiValueMap<String, String> params) {
        String path = DOWNLOADS.get(report);
        if (path == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        ResponseEntity<byte[]> file = gateway.download(path, with(filters(params), "format", "csv"));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(file.getHeaders().getContentType());
        headers.set(HttpHeaders.CONTENT_DISPOSITION, file.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION));
        return new ResponseEntity<>(file.getBody(), headers, HttpStatus.OK);
    }

    private static MultiValueMap<String, String> filters(MultiValueMap<String, String> params) {
        return Query.of("from", params.getFirst("from"), "to", params.getFirst("to"), "area", params.getFirst("area"),
                "category", params.getFirst("category"));
    }

    private static MultiValueMap<String, String> with(MultiValueMap<String, String> filters, String name, String value) {
        MultiValueMap<String, String> query = new LinkedMultiValueMap<>(filters);
        query.set(name, value);
        return query;
    }
}
