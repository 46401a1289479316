package org.bridgeway.identity.people;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** The login page's accounts: people sign in with the password kept for them; a disabled person cannot. */
@Component
class SignInAccounts implements UserDetailsService {

    private final People people;

    SignInAccounts(People people) {
        this.people = people;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        People.Account account = people.account(username).orElseThrow(() -> new UsernameNotFoundException(username));
        Person person = account.person();
        return User.withUsername(person.username()).password(account.passwordHash())
                .roles(person.role().name()).disabled(!person.enabled()).build();
    }
}
