package org.bridgeway.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;

import org.bridgeway.web.ApiProblem;
import org.bridgeway.web.FormErrors;
import org.bridgeway.web.Gateway;
import org.bridgeway.web.Organisations;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The people who can sign in, for administrators: who they are, their role and organisation;
 * adding someone with a first password; disabling someone who has left, and enabling them again.
 * The identity provider keeps them (its people API, through the gateway).
 */
@Controller
class PeopleAdmin {

    /** The roles, in the form's order, with what each does in plain words. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();
    /** The API's fields with the form's words, in the form's order: a refusal without a field is shown at the first. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        ROLES.put("REFERRER", "Refers residents (a social prescriber, link worker, navigator)");
        ROLES.put("PROVIDER", "Works referrals for a service (a VCSE or council team)");
        ROLES.put("MANAGER", "Sees the reports for the whole area");
        ROLES.put("ADMIN", "Looks after the directory and the people");
        LABELS.put("name", "Full name:");
        LABELS.put("username", "Username:");
        LABELS.put("email", "Email:");
        LABELS.put("role", "Role:");
        LABELS.put("organisationId", "Organisation:");
        LABELS.put("professionalRole", "Professional role:");
        LABELS.put("password", "Password:");
    }

    private final Gateway gateway;
    private final Organisations organisations;

    PeopleAdmin(Gateway gateway, Organisations organisations) {
        this.gateway = gateway;
        this.organisations = organisations;
    }

    @GetMapping("/admin/people")
    String people(Model model) {
        model.addAttribute("people", gateway.get("/api/people").get("items"));
        return "admin/people";
    }

    @GetMapping("/admin/people/new")
    String form(Model model) {
        return form(Map.of(), null, model);
    }

    @PostMapping("/admin/people")
    String add(@RequestParam Map<String, String> answers, Model model, RedirectAttributes redirect) {
        FormErrors errors = new FormErrors();
        String role = answers.get("role");
        if (answers.getOrDefault("name", "").isBlank()) {
            errors.add("name", "Enter the person's full name");
        }
        if (answers.getOrDefault("username", "").isBlank()) {
            errors.add("username", "Enter a username, such as priya.patel");
        }
        if (answers.getOrDefault("email", "").isBlank()) {
            errors.add("email", "Enter their work email address");
        }
        if (role == null || !ROLES.containsKey(role)) {
            errors.add("role", "Select what they do");
        } else if (("REFERRER".equals(role) || "PROVIDER".equals(role)) && answers.getOrDefault("organisationId", "").isBlank()) {
            errors.add("organisationId", "Select the organisation a referrer or provider works for");
        }
        if (answers.getOrDefault("password", "").length() < 12) {
            errors.add("password", "Enter a password of at least 12 characters");
        }
        if (errors.isEmpty()) {
            // An option left at "none" is no answer, not an empty one.
            Map<String, Object> person = new LinkedHashMap<>();
            LABELS.keySet().forEach(field -> person.put(field, answers.getOrDefault(field, "").isBlank() ? null : answers.get(field)));
            try {
                Map<String, Object> added = gateway.post("/api/people", person, new HttpHeaders());
                redirect.addFlashAttribute("done", added.get("name") + " can now sign in as " + added.get("username"));
                return "redirect:/admin/people";
            } catch (ApiProblem problem) {
                if (problem.status() != 400 && problem.status() != 409) {
                    throw problem;
                }
                errors.addAll(problem, LABELS);
            }
        }
        return form(answers, errors, model);
    }

    @PostMapping("/admin/people/{username}/enabled")
    String enable(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            Map<String, Object> changed = gateway.patch("/api/people/{username}", Map.of("enabled", enabled), username);
            redirect.addFlashAttribute("done", changed.get("name") + (enabled ? " can sign in again" : " can no longer sign in"));
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            // Such as disabling yourself: said above the table, which is where the button was.
            String reason = problem.errors().isEmpty() ? problem.detail() : problem.errors().getFirst().message();
            redirect.addFlashAttribute("errors", new FormErrors().add("people", Character.toUpperCase(reason.charAt(0)) + reason.substring(1)));
        }
        return "redirect:/admin/people";
    }

    private String form(Map<String, String> answers, FormErrors errors, Model model) {
        model.addAttribute("answers", answers);
        model.addAttribute("errors", errors);
        model.addAttribute("organisations", organisations.all());
        model.addAttribute("roles", ROLES);
        return "admin/person";
    }
}
