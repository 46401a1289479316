package org.bridgeway.web.admin;

import java.io.IOException;
import java.util.Map;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The directory's administration: organisations and their listings, imports of the Medway
 * asset-mapping form and of Open Referral UK files with the report of every row, and likely
 * duplicates reviewed and merged. The people who sign in are {@link PeopleAdmin}'s.
 */
@Controller
class AdminController {

    /** The two import formats, by the name the form sends, with the API path and media type. */
    private static final Map<String, String> IMPORT_PATHS = Map.of("asset-map", "/api/directory/imports/asset-map",
            "openreferral", "/api/directory/imports/openreferral");
    private static final Map<String, MediaType> IMPORT_TYPES = Map.of("asset-map", MediaType.valueOf("text/csv"),
            "openreferral", MediaType.APPLICATION_JSON);

    private final Gateway gateway;

    AdminController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/admin")
    String organisations(@RequestParam(required = false) String name, Model model) {
        model.addAttribute("name", name);
        model.addAttribute("organisations", gateway.listWith("/api/directory/organisations", Query.of("name", name)));
        return "admin/organisations";
    }

    @GetMapping("/admin/organisations/{id}")
    String organisation(@PathVariable String id, Model model) {
        model.addAttribute("organisation", gateway.get("/api/directory/organisations/{id}", id));
        model.addAttribute("listings", gateway.list("/api/directory/organisations/{id}/services", id));
        return "admin/organisation";
    }

    @GetMapping("/admin/imports")
    String importForm() {
        return "admin/imports";
    }

    @PostMapping("/admin/imports")
    String importFile(@RequestParam(required = false) String format, @RequestParam(required = false) MultipartFile file, Model model)
            throws IOException {
        FormErrors errors = new FormErrors();
        if (format == null || !IMPORT_PATHS.containsKey(format)) {
            errors.add("format", "Select what kind of file it is");
        }
        if (file == null || file.isEmpty()) {
            errors.add("file", "Select a file to import");
        }
        if (errors.isEmpty()) {
            try {
                model.addAttribute("report", gateway.upload(IMPORT_PATHS.get(format), file.getBytes(), IMPORT_TYPES.get(format)));
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 413 && problem.status() != 415) {
                    throw problem;
                }
                errors.add("file", problem.detail() != null ? problem.detail() : "The file could not be read");
            }
        }
        model.addAttribute("errors", errors);
        model.addAttribute("format", format);
        return "admin/imports";
    }

    @GetMapping("/admin/listings/{id}/duplicates")
    String duplicates(@PathVariable String id, Model model) {
        model.addAttribute("listing", gateway.get("/api/directory/services/{id}", id));
        model.addAttribute("candidates", gateway.list("/api/directory/services/{id}/duplicates", id));
        return "admin/duplicates";
    }

    /** The duplicate leaves search and its address leads to the listing kept. */
    @PostMapping("/admin/listings/{id}/merge")
    String merge(@PathVariable String id, @RequestParam String duplicateId, RedirectAttributes redirect) {
        gateway.post("/api/directory/services/{id}/merge", Map.of("duplicateId", duplicateId), new HttpHeaders(), id);
        redirect.addFlashAttribute("merged", duplicateId);
        return "redirect:/admin/listings/" + id + "/duplicates";
    }
}
