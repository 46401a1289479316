package org.bridgeway.identity.people;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bridgeway.identity.DemoUser;
import org.bridgeway.identity.IdentityProperties;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everyone who can sign in, kept in a file beside the signing key so that people an administrator
 * adds survive a restart. The demo users of the configuration are added on the first start. Only
 * password hashes are kept. In production the people live in the organisation's own identity
 * provider (Keycloak, Entra ID) and this store is not used.
 */
@Component
public class People {

    /** A person with their password hash, as kept in the file. */
    record Account(Person person, String passwordHash) {
    }

    static class UsernameTakenException extends RuntimeException {
        UsernameTakenException(String username) {
            super("The username " + username + " is already taken.");
        }
    }

    private final Path file;
    private final PasswordEncoder encoder;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Account> accounts = new LinkedHashMap<>();

    People(IdentityProperties properties, PasswordEncoder encoder) {
        this.file = properties.peopleFile();
        this.encoder = encoder;
        if (Files.exists(file)) {
            json.readValue(file.toFile(), new TypeReference<List<Account>>() { })
                    .forEach(account -> accounts.put(account.person().username(), account));
        }
        String demoHash = properties.users().isEmpty() ? null : encoder.encode(properties.demoPassword());
        for (DemoUser demo : properties.users()) {
            accounts.putIfAbsent(demo.username(), new Account(new Person(demo.username(), demo.name(), demo.email(),
                    Person.Role.valueOf(demo.role()), demo.organisationId(), demo.professionalRole(), true), demoHash));
        }
        save(accounts);
    }

    public synchronized Optional<Person> find(String username) {
        return account(username).map(Account::person);
    }

    synchronized Optional<Account> account(String username) {
        return Optional.ofNullable(accounts.get(username));
    }

    synchronized List<Person> all() {
        return accounts.values().stream().map(Account::person).sorted(Comparator.comparing(Person::name)).toList();
    }

    Person add(Person person, String password) {
        String hash = encoder.encode(password); // slow on purpose: done before taking the lock that sign-ins wait on
        synchronized (this) {
            if (accounts.containsKey(person.username())) {
                throw new UsernameTakenException(person.username());
            }
            keep(new Account(person, hash));
            return person;
        }
    }

    synchronized Optional<Person> enable(String username, boolean enabled) {
        Account account = accounts.get(username);
        if (account == null) {
            return Optional.empty();
        }
        Person changed = account.person().enabled(enabled);
        keep(new Account(changed, account.passwordHash()));
        return Optional.of(changed);
    }

    /** The file first, then memory: a failed write changes nothing, so the caller's error is the whole truth. */
    private void keep(Account account) {
        Map<String, Account> next = new LinkedHashMap<>(accounts);
        next.put(account.person().username(), account);
        save(next);
        accounts.put(account.person().username(), account);
    }

    /**
     * Written to a new owner-only file, then moved over the old one: a crash mid-write never leaves
     * half a file, and the password hashes are never readable by others. One identity instance
     * owns the file; several would need a shared store (in production, the organisation's own provider).
     */
    private void save(Map<String, Account> all) {
        Path next = file.resolveSibling(file.getFileName() + ".next");
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(next);
            Files.createFile(next, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (OutputStream out = Files.newOutputStream(next)) {
                json.writeValue(out, List.copyOf(all.values()));
            }
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }
}
