package org.bridgeway.directory.organisation;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What the directory says about an organisation: the body of a create or an update. */
public record OrganisationDetails(
        @NotBlank @Size(max = 200) String name,
        @NotNull Type type,
        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9 -]{1,20}", message = "must be a charity or company number") String registeredNumber,
        @Email @Size(max = 254) String email,
        @Size(max = 30) @Pattern(regexp = "\\+?[0-9 ()-]{6,30}", message = "must be a telephone number") String phone,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String website,
        @Valid Address address,
        @Size(max = 10) List<@NotBlank @Email @Size(max = 254) String> referralEmails,
        @Size(max = 500) @Pattern(regexp = "https://\\S+", message = "must be an https address") String webhookUrl,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> administrators) {

    public enum Type { CHARITY, CIC, COMMUNITY_GROUP, LOCAL_AUTHORITY, NHS, BUSINESS, OTHER }

    /** What anyone signed in may see: not where referrals go (a webhook address may hold a secret) nor who the staff are. */
    OrganisationDetails publicPart() {
        return new OrganisationDetails(name, type, registeredNumber, email, phone, website, address, List.of(), null, List.of());
    }

    /** Whether both send referrals to the same places and name the same administrators. */
    boolean sameRoutingAs(OrganisationDetails other) {
        return referralEmails.equals(other.referralEmails) && Objects.equals(webhookUrl, other.webhookUrl)
                && administrators.equals(other.administrators);
    }

    public OrganisationDetails {
        name = name == null ? null : name.strip();
        referralEmails = referralEmails == null ? List.of() : referralEmails.stream().distinct().toList();
        administrators = administrators == null ? List.of() : administrators.stream().distinct().toList();
    }
}
