package org.bridgeway.notification.preferences;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bridgeway.notification.delivery.Channel;
import org.bridgeway.notification.notice.NoticeKind;
import org.bridgeway.notification.web.InvalidFieldException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's own preferences, as one row per kind of notice with a switch per channel. A PUT
 * replaces them; a kind it leaves out is on for both channels.
 */
@RestController
@RequestMapping("/api/notifications/preferences")
class PreferencesController {

    record Choice(@NotNull NoticeKind kind, String title, boolean inApp, boolean email) {
    }

    record PreferencesView(@NotNull Preferences.Digest emailDigest, @NotNull @Size(max = 50) List<@NotNull @Valid Choice> events) {
    }

    private final PreferencesStore store;

    PreferencesController(PreferencesStore store) {
        this.store = store;
    }

    @GetMapping
    PreferencesView get(@AuthenticationPrincipal Jwt jwt) {
        return view(store.of(jwt.getSubject()));
    }

    @PutMapping
    PreferencesView put(@RequestBody @Valid PreferencesView wanted, @AuthenticationPrincipal Jwt jwt) {
        Set<NoticeKind> seen = new HashSet<>();
        Set<Preferences.Switch> off = new HashSet<>();
        for (int i = 0; i < wanted.events().size(); i++) {
            Choice choice = wanted.events().get(i);
            if (!seen.add(choice.kind())) {
                throw new InvalidFieldException("events[" + i + "].kind", "lists " + choice.kind() + " a second time");
            }
            if (!choice.inApp()) {
                off.add(new Preferences.Switch(choice.kind(), Channel.IN_APP));
            }
            if (!choice.email()) {
                off.add(new Preferences.Switch(choice.kind(), Channel.EMAIL));
            }
        }
        Preferences preferences = new Preferences(jwt.getSubject(), off, wanted.emailDigest());
        store.save(preferences);
        return view(preferences);
    }

    private static PreferencesView view(Preferences preferences) {
        return new PreferencesView(preferences.emailDigest(), Arrays.stream(NoticeKind.values())
                .filter(kind -> kind != NoticeKind.DAILY_DIGEST) // chosen by emailDigest, not switched per channel
                .map(kind -> new Choice(kind, kind.title(), preferences.wants(kind, Channel.IN_APP), preferences.wants(kind, Channel.EMAIL)))
                .toList());
    }
}
