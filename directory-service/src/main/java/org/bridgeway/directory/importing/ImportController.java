package org.bridgeway.directory.importing;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import org.bridgeway.directory.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Bulk imports for directory administrators. Every answer is 200 with what became of each row,
 * unless the file as a whole cannot be taken: too large (413), the wrong columns, too many rows or
 * not valid JSON (400).
 */
@RestController
class ImportController {

    /** A file is read whole before it is parsed; this bounds what one import holds in memory. */
    private static final int MAX_BYTES = 5 * 1024 * 1024;

    private final AssetMapImport assetMap;
    private final OpenReferralImport openReferral;

    ImportController(AssetMapImport assetMap, OpenReferralImport openReferral) {
        this.assetMap = assetMap;
        this.openReferral = openReferral;
    }

    /** The Medway asset-mapping form's export, as CSV with its 17 column headers. */
    @PostMapping(path = "/api/directory/imports/asset-map", consumes = "text/csv")
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport assetMap(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt) throws IOException {
        return assetMap.run(body(request), Caller.of(jwt).userId());
    }

    /** An Open Referral UK document: a page of services, an array of services or one service. */
    @PostMapping(path = "/api/directory/imports/openreferral", consumes = "application/json")
    @PreAuthorize("hasRole('ADMIN')")
    ImportReport openReferral(HttpServletRequest request, @AuthenticationPrincipal Jwt jwt) throws IOException {
        return openReferral.run(body(request), Caller.of(jwt).userId());
    }

    /** Refused before reading when the declared length is too much, and while reading when the bytes are. */
    private static byte[] body(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw tooLarge();
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw tooLarge();
        }
        return body;
    }

    private static ResponseStatusException tooLarge() {
        return new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE, "An import may be at most 5 MB; split the file.");
    }
}
