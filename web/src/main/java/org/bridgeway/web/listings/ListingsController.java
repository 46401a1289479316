package org.bridgeway.web.listings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.Query;
import org.bridgeway.web.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A provider keeping its listings true: capacity changed in one click, "still true" when due
 * for review, and the words of a listing edited. The directory decides who may change what.
 */
@Controller
class ListingsController {

    private static final Set<String> CAPACITY = Set.of("ACCEPTING", "WAITING_LIST", "PAUSED");

    private final Gateway gateway;

    ListingsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/listings")
    String listings(@ModelAttribute("viewer") Viewer viewer, Model model) {
        List<Map<String, Object>> listings = viewer.isProvider() && viewer.organisationId() != null
                ? gateway.list("/api/directory/organisations/{id}/services", viewer.organisationId())
                : itemsOf(gateway.get("/api/directory/services", Query.of("sort", "name", "size", "100")));
        model.addAttribute("listings", listings);
        return "listings/list";
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> itemsOf(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    @PostMapping("/listings/{id}/capacity")
    String capacity(@PathVariable String id, @RequestParam String status, RedirectAttributes redirect) {
        if (!CAPACITY.contains(status)) {
            redirect.addFlashAttribute("errors", new FormErrors().add("capacity-" + id, "Choose accepting, waiting list or paused"));
            return "redirect:/listings";
        }
        gateway.put("/api/directory/services/{id}/capacity", Map.of("status", status), new HttpHeaders(), id);
        redirect.addFlashAttribute("changed", id);
        return "redirect:/listings#listing-" + id;
    }

    @PostMapping("/listings/{id}/verification")
    String stillTrue(@PathVariable String id, RedirectAttributes redirect) {
        gateway.post("/api/directory/services/{id}/verification", Map.of(), new HttpHeaders(), id);
        redirect.addFlashAttribute("changed", id);
        return "redirect:/listings#listing-" + id;
    }

    @GetMapping("/listings/{id}/edit")
    String edit(@PathVariable String id, Model model) {
        Gateway.Versioned listing = gateway.read("/api/directory/services/{id}", id);
        model.addAttribute("listing", listing.body());
        model.addAttribute("version", listing.etag());
        return "listings/edit";
    }

    @PostMapping("/listings/{id}/edit")
    String save(@PathVariable String id, @RequestParam String version, @RequestParam MultiValueMap<String, String> form, Model model,
                RedirectAttributes redirect) {
        Map<String, Object> listing = new LinkedHashMap<>(gateway.get("/api/directory/services/{id}", id));
        FormErrors errors = ListingEdit.apply(listing, form);
        if (errors.isEmpty()) {
            try {
                gateway.put("/api/directory/services/{id}", listing, Gateway.ifMatch(version), id);
                redirect.addFlashAttribute("changed", id);
                return "redirect:/listings#listing-" + id;
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                errors.addAll(problem, ListingEdit.LABELS);
            }
        }
        model.addAttribute("listing", listing);
        model.addAttribute("version", version);
        model.addAttribute("errors", errors);
        return "listings/edit";
    }
}
