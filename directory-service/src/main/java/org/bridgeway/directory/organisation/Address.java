package org.bridgeway.directory.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.bridgeway.directory.reference.Postcodes;

/** A UK postal address, of an organisation or of a place a service is delivered. */
public record Address(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                      @Size(max = 100) String town,
                      @NotBlank @Pattern(regexp = "(?i)[A-Z]{1,2}[0-9][0-9A-Z]? ?[0-9][A-Z]{2}", message = "must be a UK postcode such as ME4 4TR")
                      String postcode) {

    /** Postcodes are kept in one form, "ME4 4TR", so equal postcodes compare equal. */
    public Address {
        if (postcode != null) {
            String compact = Postcodes.compact(postcode);
            postcode = compact.length() > 3 ? compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3) : compact;
        }
    }
}
