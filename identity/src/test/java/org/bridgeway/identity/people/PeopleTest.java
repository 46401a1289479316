package org.bridgeway.identity.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.bridgeway.identity.DemoUser;
import org.bridgeway.identity.IdentityProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class PeopleTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void peopleAddedAndDisabledAreStillThereAfterARestartWithOnlyTheirPasswordHashes(@TempDir Path dir) throws Exception {
        IdentityProperties properties = properties(dir.resolve("people.json"));
        People people = new People(properties, encoder);
        people.add(new Person("priya.patel", "Priya Patel", "priya@example.org", Person.Role.REFERRER, "org-1", null, true), "a long first password");
        people.enable("sam.prescriber", false);

        People restarted = new People(properties, encoder);

        assertThat(restarted.find("priya.patel")).map(Person::name).contains("Priya Patel");
        assertThat(restarted.find("sam.prescriber")).map(Person::enabled).contains(false);
        assertThat(encoder.matches("a long first password", restarted.account("priya.patel").orElseThrow().passwordHash())).isTrue();
        assertThat(Files.readString(dir.resolve("people.json"))).doesNotContain("a long first password");
        assertThat(Files.getPosixFilePermissions(dir.resolve("people.json")).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    private static IdentityProperties properties(Path file) {
        return new IdentityProperties(file.resolveSibling("key.json"), file, "bridgeway-api", Duration.ofHours(1), "demo", List.of(), List.of(),
                "secret", Duration.ofHours(8),
                List.of(new DemoUser("sam.prescriber", "Sam Prescriber", "sam@example.org", "REFERRER", "org-1", "social-prescriber")));
    }
}
