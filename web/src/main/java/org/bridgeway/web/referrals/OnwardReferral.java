package org.bridgeway.web.referrals;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpSession;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Referring the same resident on to another service from a referral: the resident's story is
 * not asked again, but their consent to this new referral is.
 */
@Controller
class OnwardReferral {

    private static final Map<String, String> LABELS = Map.of("category", "Need:", "urgency", "Urgency:", "reason", "Reason:",
            "consent", "Consent:", "serviceId", "Service:");

    private final Gateway gateway;

    OnwardReferral(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/referrals/{id}/onward")
    String form(@PathVariable String id, @RequestParam String service, Model model) {
        model.addAttribute("from", id);
        model.addAttribute("listing", gateway.get("/api/directory/services/{id}", service));
        model.addAttribute("submission", UUID.randomUUID().toString());
        return "referrals/onward";
    }

    @PostMapping("/referrals/{id}/onward")
    String send(@PathVariable String id, @RequestParam String service, @RequestParam(required = false) String category,
                @RequestParam(required = false) String urgency, @RequestParam(defaultValue = "") String reason,
                @RequestParam(required = false) String consentMethod, @RequestParam(required = false) String submission,
                HttpSession session, Model model, RedirectAttributes redirect) {
        // A form opened before the key was added to it gets one now.
        String key = submission == null || submission.isBlank() ? UUID.randomUUID().toString() : submission;
        Map<String, Object> listing = gateway.get("/api/directory/services/{id}", service);
        FormErrors errors = new FormErrors();
        if (category == null || !((List<?>) listing.get("categories")).contains(category)) {
            errors.add("category", "Select what the resident needs help with");
        }
        if (urgency == null) {
            errors.add("urgency", "Select whether the referral is urgent");
        }
        if (reason.isBlank()) {
            errors.add("reason", "Enter why you are referring the resident");
        }
        if (consentMethod == null) {
            errors.add("consentMethod", "Select how the resident agreed to this referral");
        }
        if (errors.isEmpty()) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("serviceId", service);
            body.put("category", category);
            body.put("urgency", urgency);
            body.put("reason", reason.strip());
            // When consent was first confirmed on this form, kept for the session: a second press, even after
            // the first has gone through, sends the very same request and gets the same referral back.
            Instant recordedAt = (Instant) session.getAttribute("onward-consent:" + key);
            if (recordedAt == null) {
                recordedAt = Instant.now();
                session.setAttribute("onward-consent:" + key, recordedAt);
            }
            body.put("consent", Map.of("given", true, "method", consentMethod, "recordedAt", recordedAt.toString()));
            try {
                // The form's own key: pressing the button twice, or resending the page, refers the resident once.
                HttpHeaders idempotent = new HttpHeaders();
                idempotent.set("Idempotency-Key", key);
                Map<String, Object> sent = gateway.post("/api/referrals/{id}/onward", body, idempotent, id);
                redirect.addFlashAttribute("done", "onward");
                return "redirect:/referrals/" + sent.get("id");
            } catch (ApiProblem problem) {
                if (problem.status() != 400) {
                    throw problem;
                }
                errors.addAll(problem, LABELS);
            }
        }
        model.addAttribute("from", id);
        model.addAttribute("listing", listing);
        model.addAttribute("errors", errors);
        model.addAttribute("submission", key);
        model.addAttribute("answers", Map.of("category", String.valueOf(category), "urgency", String.valueOf(urgency),
                "reason", reason, "consentMethod", String.valueOf(consentMethod)));
        return "referrals/onward";
    }
}
