package org.bridgeway.web.referrals;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
 * The referral form in steps, as the GOV.UK Design System asks: the need, the resident, how to
 * contact them, consent, then "check your answers" and a confirmation with the reference. Each
 * step checks its own answers; the service checks them all again when the referral is sent.
 */
@Controller
class ReferralForm {

    private static final Set<String> URGENCIES = Set.of("ROUTINE", "URGENT");
    private static final Set<String> CONTACT = Set.of("PHONE", "EMAIL", "SMS", "POST", "DO_NOT_CONTACT");
    private static final Set<String> METHODS = Set.of("VERBAL", "WRITTEN", "ELECTRONIC");
    private static final Set<String> BASES = Set.of("CONSENT", "VITAL_INTERESTS", "SAFEGUARDING", "PUBLIC_TASK", "LEGAL_OBLIGATION");
    private static final Pattern POSTCODE = Pattern.compile("(?i)[A-Z]{1,2}[0-9][A-Z0-9]? ?[0-9][A-Z]{2}");
    private static final Pattern PHONE = Pattern.compile("[0-9 +()-]{6,30}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** Where each of the API's fields is asked: its words for an error, its step and its input. */
    private record Question(String label, String step, String input) {
    }

    private static final Map<String, Question> QUESTIONS = Map.ofEntries(
            Map.entry("category", new Question("Need:", "need", "category")),
            Map.entry("urgency", new Question("Urgency:", "need", "urgency")),
            Map.entry("reason", new Question("Reason:", "need", "reason")),
            Map.entry("resident.name", new Question("Name:", "resident", "resident-name")),
            Map.entry("resident.dateOfBirth", new Question("Date of birth:", "resident", "resident-dateOfBirth")),
            Map.entry("resident.postcode", new Question("Postcode:", "resident", "resident-postcode")),
            Map.entry("resident.phone", new Question("Phone:", "resident", "resident-phone")),
            Map.entry("resident.email", new Question("Email:", "resident", "resident-email")),
            Map.entry("resident.contactPreference", new Question("Contact:", "contact", "resident-contactPreference")),
            Map.entry("resident.preferredLanguage", new Question("Language:", "contact", "resident-preferredLanguage")),
            Map.entry("resident.accessibilityNeeds", new Question("Accessibility needs:", "contact", "resident-accessibilityNeeds")),
            Map.entry("householdContext", new Question("Household:", "contact", "householdContext")),
            Map.entry("consent", new Question("Consent:", "consent", "basis")),
            Map.entry("lawfulBasis", new Question("Lawful basis:", "consent", "basis")));
    /** The questions' words, after the service's, which a refusal without a field (a paused listing) is about. */
    private static final Map<String, String> LABELS = Stream.concat(Stream.of(Map.entry("serviceId", "Service:")),
                    QUESTIONS.entrySet().stream().map(e -> Map.entry(e.getKey(), e.getValue().label())))
            .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));

    private final Gateway gateway;

    ReferralForm(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/refer/{serviceId}")
    String start(@PathVariable String serviceId, HttpSession session) {
        return "redirect:/refer/" + serviceId + "/" + draft(serviceId, session).nextStep();
    }

    @GetMapping("/refer/{serviceId}/{step:need|resident|contact|consent|check}")
    String step(@PathVariable String serviceId, @PathVariable String step, HttpSession session, Model model) {
        ReferralDraft draft = draft(serviceId, session);
        if ("check".equals(step) && !"check".equals(draft.nextStep())) {
            return "redirect:/refer/" + serviceId + "/" + draft.nextStep();
        }
        model.addAttribute("draft", draft);
        return "refer/" + step;
    }

    @PostMapping("/refer/{serviceId}/need")
    String need(@PathVariable String serviceId, @RequestParam(required = false) String category, @RequestParam(required = false) String urgency,
                @RequestParam(defaultValue = "") String reason, @RequestParam(required = false) String change, HttpSession session, Model model) {
        ReferralDraft draft = draft(serviceId, session);
        FormErrors errors = new FormErrors();
        if (category == null || !draft.categories.contains(category)) {
            errors.add("category", "Select what the resident needs help with");
        }
        if (urgency == null || !URGENCIES.contains(urgency)) {
            errors.add("urgency", "Select whether the referral is urgent");
        }
        if (reason.isBlank()) {
            errors.add("reason", "Enter why you are referring the resident");
        } else if (reason.length() > 4000) {
            errors.add("reason", "The reason must be 4,000 characters or fewer");
        }
        draft.category = category;
        draft.urgency = urgency;
        draft.reason = reason.strip();
        return next(draft, "need", errors, change, model);
    }

    @PostMapping("/refer/{serviceId}/resident")
    String resident(@PathVariable String serviceId, @RequestParam(defaultValue = "") String name,
                    @RequestParam(defaultValue = "") String day, @RequestParam(defaultValue = "") String month,
                    @RequestParam(defaultValue = "") String year, @RequestParam(defaultValue = "") String postcode,
                    @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
                    @RequestParam(required = false) String change, HttpSession session, Model model) {
        ReferralDraft draft = draft(serviceId, session);
        FormErrors errors = new FormErrors();
        if (name.isBlank()) {
            errors.add("resident.name", "Enter the resident's full name");
        } else if (name.length() > 200) {
            errors.add("resident.name", "The name must be 200 characters or fewer");
        }
        LocalDate dateOfBirth = dateOfBirth(day, month, year, errors);
        if (!POSTCODE.matcher(postcode.strip()).matches()) {
            errors.add("resident.postcode", "Enter a full UK postcode, like ME7 1AA");
        }
        if (!phone.isBlank() && !PHONE.matcher(phone.strip()).matches()) {
            errors.add("resident.phone", "Enter a phone number, like 07700 900 982");
        }
        if (!email.isBlank() && !EMAIL.matcher(email.strip()).matches()) {
            errors.add("resident.email", "Enter an email address in the correct format, like name@example.com");
        }
        draft.name = name.isBlank() ? null : name.strip();
        draft.dateOfBirth = dateOfBirth;
        draft.postcode = postcode.strip().toUpperCase();
        draft.phone = blankToNull(phone);
        draft.email = blankToNull(email);
        model.addAttribute("dob", Map.of("day", day, "month", month, "year", year));
        return next(draft, "resident", errors, change, model);
    }

    private static LocalDate dateOfBirth(String day, String month, String year, FormErrors errors) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(year.strip()), Integer.parseInt(month.strip()), Integer.parseInt(day.strip()));
            if (!date.isBefore(LocalDate.now())) {
                errors.add("resident.dateOfBirth", "Date of birth must be in the past");
            } else if (date.getYear() < 1900) {
                errors.add("resident.dateOfBirth", "Date of birth must be after 1900");
            }
            return date;
        } catch (NumberFormatException | DateTimeException notADate) {
            errors.add("resident.dateOfBirth", "Date of birth must be a real date, like 2 4 1988");
            return null;
        }
    }

    @PostMapping("/refer/{serviceId}/contact")
    String contact(@PathVariable String serviceId, @RequestParam(required = false) String contactPreference,
                   @RequestParam(defaultValue = "") String preferredLanguage, @RequestParam(defaultValue = "false") boolean interpreterNeeded,
                   @RequestParam(defaultValue = "") String accessibilityNeeds, @RequestParam(defaultValue = "") String householdContext,
                   @RequestParam(defaultValue = "false") boolean safeguardingConcern, @RequestParam(required = false) String change,
                   HttpSession session, Model model) {
        ReferralDraft draft = draft(serviceId, session);
        FormErrors errors = new FormErrors();
        if (contactPreference == null || !CONTACT.contains(contactPreference)) {
            errors.add("resident.contactPreference", "Select how the service should contact the resident");
        } else if (("PHONE".equals(contactPreference) || "SMS".equals(contactPreference)) && draft.phone == null) {
            errors.add("resident.contactPreference", "Give the resident's phone number on the previous page to choose phone or text");
        } else if ("EMAIL".equals(contactPreference) && draft.email == null) {
            errors.add("resident.contactPreference", "Give the resident's email address on the previous page to choose email");
        }
        if (!preferredLanguage.isBlank() && !preferredLanguage.strip().matches("[A-Za-z-]{1,35}")) {
            errors.add("resident.preferredLanguage", "Enter a language code, like en or pl");
        }
        if (accessibilityNeeds.length() > 1000) {
            errors.add("resident.accessibilityNeeds", "Accessibility needs must be 1,000 characters or fewer");
        }
        if (householdContext.length() > 4000) {
            errors.add("householdContext", "Household context must be 4,000 characters or fewer");
        }
        draft.contactPreference = contactPreference;
        draft.preferredLanguage = blankToNull(preferredLanguage);
        draft.interpreterNeeded = interpreterNeeded;
        draft.accessibilityNeeds = blankToNull(accessibilityNeeds);
        draft.householdContext = blankToNull(householdContext);
        draft.safeguardingConcern = safeguardingConcern;
        return next(draft, "contact", errors, change, model);
    }

    @PostMapping("/refer/{serviceId}/consent")
    String consent(@PathVariable String serviceId, @RequestParam(required = false) String basis,
                   @RequestParam(required = false) String consentMethod, @RequestParam(defaultValue = "") String explanation,
                   @RequestParam(required = false) String change, HttpSession session, Model model) {
        ReferralDraft draft = draft(serviceId, session);
        FormErrors errors = new FormErrors();
        if (basis == null || !BASES.contains(basis)) {
            errors.add("basis", "Select whether the resident gave consent");
        } else if ("CONSENT".equals(basis) && (consentMethod == null || !METHODS.contains(consentMethod))) {
            errors.add("consentMethod", "Select how the resident gave consent");
        } else if (!"CONSENT".equals(basis) && explanation.isBlank()) {
            errors.add("explanation", "Explain why consent could not be sought");
        }
        draft.basis = basis;
        draft.consentMethod = "CONSENT".equals(basis) ? consentMethod : null;
        draft.explanation = "CONSENT".equals(basis) ? null : explanation.strip();
        draft.recordedAt = Instant.now();
        return next(draft, "consent", errors, change, model);
    }

    /** Sends the referral; the draft's id makes a second press return the same referral. */
    @PostMapping("/refer/{serviceId}/check")
    String send(@PathVariable String serviceId, HttpSession session, Model model, RedirectAttributes redirect) {
        ReferralDraft draft = draft(serviceId, session);
        if (!"check".equals(draft.nextStep())) {
            return "redirect:/refer/" + serviceId + "/" + draft.nextStep();
        }
        HttpHeaders idempotent = new HttpHeaders();
        idempotent.set("Idempotency-Key", draft.id);
        try {
            Map<String, Object> sent = gateway.post("/api/referrals", draft.submission(), idempotent);
            session.removeAttribute(key(serviceId));
            redirect.addFlashAttribute("sent", sent);
            return "redirect:/refer/" + serviceId + "/sent";
        } catch (ApiProblem problem) {
            if (problem.status() != 400) {
                throw problem;
            }
            model.addAttribute("draft", draft);
            // Each error links to the step that asks the question, which comes back here once answered.
            model.addAttribute("errors", new FormErrors().addAll(problem, LABELS).linking(field -> QUESTIONS.containsKey(field)
                    ? "/refer/" + serviceId + "/" + QUESTIONS.get(field).step() + "?change=true#" + QUESTIONS.get(field).input()
                    : "/services/" + serviceId));
            return "refer/check";
        }
    }

    @GetMapping("/refer/{serviceId}/sent")
    String sent(Model model) {
        return model.containsAttribute("sent") ? "refer/sent" : "redirect:/referrals";
    }

    /** After a step: show it again with its errors, go back to the check page, or on to the next step. */
    private static String next(ReferralDraft draft, String step, FormErrors errors, String change, Model model) {
        if (!errors.isEmpty()) {
            draft.unanswered(step);
            model.addAttribute("draft", draft);
            model.addAttribute("errors", errors);
            return "refer/" + step;
        }
        draft.answered(step);
        return "redirect:/refer/" + draft.serviceId + "/" + (change != null ? "check" : draft.nextStep());
    }

    /** The draft for this service in the session, started from the listing the first time. */
    private ReferralDraft draft(String serviceId, HttpSession session) {
        ReferralDraft draft = (ReferralDraft) session.getAttribute(key(serviceId));
        if (draft == null) {
            Map<String, Object> listing = gateway.get("/api/directory/services/{id}", serviceId);
            @SuppressWarnings("unchecked")
            List<String> categories = (List<String>) listing.get("categories");
            draft = new ReferralDraft(String.valueOf(listing.get("id")), String.valueOf(listing.get("name")), categories);
            session.setAttribute(key(serviceId), draft);
        }
        return draft;
    }

    private static String key(String serviceId) {
        return "referral-draft:" + serviceId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
