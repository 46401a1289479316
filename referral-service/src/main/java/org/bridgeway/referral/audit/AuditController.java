package org.bridgeway.referral.audit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.bridgeway.referral.web.PageView;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators: who did what to which referral and who read resident data. */
@RestController
@Validated
@RequestMapping("/api/referrals/audit")
class AuditController {

    record AuditFilter(@Pattern(regexp = "[0-9a-f-]{36}", message = "must be a referral id") String referralId,
                       @Pattern(regexp = "[A-Za-z0-9._@-]{1,100}", message = "must be a username") String userId,
                       @Min(0) @Max(10_000) Integer page, @Min(1) @Max(100) Integer size) {
    }

    private final AuditTrail trail;

    AuditController(AuditTrail trail) {
        this.trail = trail;
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PageView<AuditTrail.Entry> page(@Valid AuditFilter filter) {
        return trail.page(filter.referralId(), filter.userId(), filter.page() == null ? 0 : filter.page(), filter.size() == null ? 50 : filter.size());
    }
}
