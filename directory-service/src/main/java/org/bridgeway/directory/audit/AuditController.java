package org.bridgeway.directory.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators: who changed which listing or organisation. */
@RestController
@Validated
class AuditController {

    record AuditFilter(@Pattern(regexp = "[0-9a-f-]{36}", message = "must be a listing or organisation id") String subjectId,
                       @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username") String userId,
                       @Min(0) @Max(10_000) Integer page, @Min(1) @Max(100) Integer size) {
    }

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping("/api/directory/audit")
    @PreAuthorize("hasRole('ADMIN')")
    AuditTrail.Entries page(@Valid AuditFilter filter) {
        return trail.page(filter.subjectId(), filter.userId(), filter.page() == null ? 0 : filter.page(), filter.size() == null ? 50 : filter.size());
    }
}
