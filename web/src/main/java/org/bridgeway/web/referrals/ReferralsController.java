package org.bridgeway.web.referrals;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.InParallel;
import org.bridgeway.web.Pages;
import org.bridgeway.web.Query;
import org.bridgeway.web.Viewer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A referral after it is sent: the referrer's list and the provider's inbox with their filters
 * and counts, and the referral's page with its details, timeline, messages and next steps.
 */
@Controller
class ReferralsController {

    /** The steps a page may ask for, as the API names them. */
    private static final Set<String> ACTIONS = Set.of("accept", "decline", "start", "hold", "resume", "complete", "cancel");

    private static final Map<String, String> ACTION_LABELS = Map.of("reason", "Reason", "outcome", "Outcome", "note", "Note");

    private final Gateway gateway;

    ReferralsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/referrals")
    String list(@RequestParam MultiValueMap<String, String> params, @ModelAttribute("viewer") Viewer viewer, Model model) {
        MultiValueMap<String, String> query = Query.of("view", viewer.isProvider() ? "inbox" : "sent",
                "status", params.getFirst("status"), "overdue", params.getFirst("overdue"), "urgency", params.getFirst("urgency"),
                "reference", params.getFirst("reference"), "page", params.getFirst("page"), "size", "20");
        model.addAttribute("params", params.toSingleValueMap());
        try {
            Map<String, Object> result = gateway.get("/api/referrals", query);
            model.addAttribute("result", result);
            model.addAttribute("pages", Pages.of("/referrals", params, result.get("page")));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("errors", new FormErrors().addAll(problem, Map.of("reference", "Reference")));
        }
        return "referrals/list";
    }

    @GetMapping("/referrals/{id}")
    String referral(@PathVariable String id, Model model) {
        var history = InParallel.call(() -> gateway.list("/api/referrals/{id}/history", id));
        var messages = InParallel.call(() -> gateway.list("/api/referrals/{id}/messages", id));
        var read = InParallel.call(() -> gateway.read("/api/referrals/{id}", id));
        InParallel.awaitAll(history, messages, read);
        Gateway.Versioned referral = InParallel.answer(read);
        model.addAttribute("referral", referral.body());
        model.addAttribute("version", referral.etag());
        model.addAttribute("history", InParallel.answer(history));
        model.addAttribute("messages", InParallel.answer(messages));
        return "referrals/referral";
    }

    @PostMapping("/referrals/{id}/messages")
    String message(@PathVariable String id, @RequestParam(defaultValue = "") String text, RedirectAttributes redirect) {
        if (text.isBlank()) {
            redirect.addFlashAttribute("errors", new FormErrors().add("text", "Enter a message"));
            return "redirect:/referrals/" + id + "#messages";
        }
        try {
            gateway.post("/api/referrals/{id}/messages", Map.of("text", text), new HttpHeaders(), id);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("errors", new FormErrors().addAll(problem, Map.of("text", "Message")));
        }
        return "redirect:/referrals/" + id + "#messages";
    }

    /**
     * A step of the life cycle, sent with the version the page showed: if someone changed the
     * referral since, the API refuses and the person sees why instead of overwriting their change.
     */
    @PostMapping("/referrals/{id}/{action}")
    String change(@PathVariable String id, @PathVariable String action, @RequestParam String version,
                  @RequestParam(required = false) String reason, @RequestParam(required = false) String outcome,
                  @RequestParam(required = false) String note, RedirectAttributes redirect) {
        if (!ACTIONS.contains(action)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        putIfPresent(body, "reason", reason);
        putIfPresent(body, "outcome", outcome);
        putIfPresent(body, "note", note);
        try {
            gateway.post("/api/referrals/{id}/{action}", body, Gateway.ifMatch(version), id, action);
            redirect.addFlashAttribute("done", action);
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            redirect.addFlashAttribute("errors", new FormErrors().addAll(problem, ACTION_LABELS));
            redirect.addFlashAttribute("failedAction", action);
        }
        return "redirect:/referrals/" + id;
    }

    private static void putIfPresent(Map<String, Object> body, String name, String value) {
        if (value != null && !value.isBlank()) {
            body.put(name, value.strip());
        }
    }
}
