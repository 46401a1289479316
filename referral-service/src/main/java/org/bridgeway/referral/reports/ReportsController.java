package org.bridgeway.referral.reports;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.constraints.Pattern;
import org.bridgeway.referral.reports.Reports.Funnel;
import org.bridgeway.referral.reports.Reports.FunnelRow;
import org.bridgeway.referral.web.InvalidFieldException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Manager reports, for MANAGER and ADMIN only: JSON, or CSV with {@code format=csv} (the report,
 * its period and its filters in the first lines). Every report takes the same filters; see
 * {@link ReportRequests}. Until the projection has read the event history (after a start) the
 * answer is 503 with Retry-After.
 */
@RestController
@RequestMapping("/api/reports")
@PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
@Validated
class ReportsController {

    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Reports reports;
    private final ReportRequests requests;
    private final ReportProjection projection;

    ReportsController(Reports reports, ReportRequests requests, ReportProjection projection) {
        this.reports = reports;
        this.requests = requests;
        this.projection = projection;
    }

    /** The filters every report takes. */
    record Filters(String from, String to, String area, String category, String organisation, String service,
                   String referringOrganisation, String urgency,
                   @Pattern(regexp = "json|csv", message = "must be json or csv") String format) {
    }

    @GetMapping("/outcome-categories")
    ResponseEntity<?> outcomeCategories(@jakarta.validation.Valid Filters filters) {
        return answer(filters, reports::outcomeCategories, r -> table(r.filters(), "Referrals by need category",
                List.of("category", "label", "count", "percentage"),
                r.rows().stream().map(row -> List.of(row.category(), row.label(), row.count().toString(), text(row.percentage()))).toList(),
                List.of("total", "", r.total().toString(), "")));
    }

    @GetMapping("/outcome-categories/trend")
    ResponseEntity<?> trend(@jakarta.validation.Valid Filters filters) {
        return answer(filters, reports::trend, r -> table(r.filters(), "Referrals by need category and month",
                List.of("month", "category", "label", "count", "percentage"),
                r.months().stream().flatMap(month -> month.rows().stream().map(row -> List.of(month.month(), row.category(), row.label(),
                        row.count().toString(), text(row.percentage())))).toList(), null));
    }

    @GetMapping("/funnel")
    ResponseEntity<?> funnel(@jakarta.validation.Valid Filters filters, @RequestParam(defaultValue = "category") String groupBy) {
        Reports.GroupBy by = Reports.GroupBy.of(groupBy);
        if (by == null) {
            throw new InvalidFieldException("groupBy", "must be one of category, organisation, area, service, referringOrganisation, urgency, month");
        }
        return answer(filters, filter -> reports.funnel(filter, by), this::funnelCsv);
    }

    @GetMapping("/responsiveness")
    ResponseEntity<?> responsiveness(@jakarta.validation.Valid Filters filters, @RequestParam(defaultValue = "organisation") String by) {
        if (!by.equals("organisation") && !by.equals("service")) {
            throw new InvalidFieldException("by", "must be organisation or service");
        }
        return answer(filters, filter -> reports.responsiveness(filter, by.equals("service")), r -> table(r.filters(),
                "Provider responsiveness by " + r.by(), List.of(r.by(), "name", "referrals", "usuallyRepliesWithinDays", "acceptedPercent"),
                r.rows().stream().map(row -> List.of(row.id(), text(row.name()), row.referrals().toString(),
                        text(row.usuallyRepliesWithinDays()), text(row.acceptedPercent()))).toList(), null));
    }

    @GetMapping("/gaps")
    ResponseEntity<?> gaps(@jakarta.validation.Valid Filters filters) {
        return answer(filters, reports::gaps, r -> table(r.filters(), "Provision against demand by area and need category",
                List.of("area", "areaName", "category", "label", "listings", "providers", "demand", "oneListingOrNone"),
                r.rows().stream().map(row -> List.of(row.area(), row.areaName(), row.category(), row.label(), String.valueOf(row.listings()),
                        String.valueOf(row.providers()), row.demand().toString(), String.valueOf(row.oneListingOrNone()))).toList(), null));
    }

    private <T> ResponseEntity<?> answer(Filters f, Function<ReportFilter, T> report, Function<T, String> csv) {
        if (!projection.ready()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                    "The reports are being rebuilt from the referral history; try again in a few seconds.");
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "5").body(problem);
        }
        // Checked once the history is read: an organisation may be known only from its referrals.
        ReportFilter filter = requests.filter(f.from(), f.to(), f.area(), f.category(), f.organisation(), f.service(),
                f.referringOrganisation(), f.urgency());
        T result = report.apply(filter);
        if ("csv".equals(f.format())) {
            return ResponseEntity.ok().contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"bridgeway-report.csv\"")
                    .body(csv.apply(result));
        }
        return ResponseEntity.ok(result);
    }

    private String funnelCsv(Funnel r) {
        List<List<String>> rows = new ArrayList<>();
        List<FunnelRow> all = new ArrayList<>(r.rows());
        all.add(r.total());
        for (FunnelRow row : all) {
            rows.add(List.of(row.group(), text(row.label()), row.submitted().toString(), row.accepted().toString(), row.declined().toString(),
                    row.expired().toString(), row.cancelled().toString(), row.completed().toString(), text(row.acceptanceRate()),
                    text(row.firstResponseMedianHours()), text(row.firstResponseP90Hours()), text(row.completionMedianHours()),
                    text(row.completionP90Hours()), row.overdueNow().toString()));
        }
        return table(r.filters(), "Referral funnel by " + r.groupBy(), List.of(r.groupBy(), "label", "submitted", "accepted", "declined",
                "expired", "cancelled", "completed", "acceptanceRate", "firstResponseMedianHours", "firstResponseP90Hours",
                "completionMedianHours", "completionP90Hours", "overdueNow"), rows, null);
    }

    /** A CSV file: the report and its filters as comment lines, a header row, the rows, and a total row if any. */
    private static String table(Map<String, String> filters, String title, List<String> header, List<List<String>> rows, List<String> total) {
        StringBuilder csv = new StringBuilder();
        csv.append("# ").append(title).append(" (Bridgeway; counts from 1 to 4 shown as <5; * where a count is hidden so that a smaller one cannot be worked out)\n");
        filters.forEach((name, value) -> csv.append("# ").append(name).append(": ").append(value).append('\n'));
        line(csv, header);
        rows.forEach(row -> line(csv, row));
        if (total != null) {
            line(csv, total);
        }
        return csv.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            // Quoted when needed, and never read as a formula by a spreadsheet.
            if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 && !cell.matches("-?[0-9.]+")) {
                cell = "'" + cell;
            }
            csv.append(cell.matches("[^\",\\n\\r]*") ? cell : "\"" + cell.replace("\"", "\"\"") + "\"");
        }
        csv.append("\r\n");
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
