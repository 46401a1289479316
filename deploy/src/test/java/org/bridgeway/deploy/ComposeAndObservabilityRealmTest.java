package org.bridgeway.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.REALM_FILE;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.ROOT;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.applicationYml;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.bridgewayPlaceholders;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.json;
import static org.bridgeway.deploy.ComposeAndObservabilitySupport.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * deploy/keycloak/bridgeway-realm.json: the roles and claims the services read, the web's client
 * as the web is configured, the demo people of the local identity provider, and no secret in clear.
 */
class ComposeAndObservabilityRealmTest {

    private static final Set<String> ROLES = Set.of("REFERRER", "PROVIDER", "MANAGER", "ADMIN");

    private final JsonNode realm = json(REALM_FILE);

    private JsonNode client(String clientId) {
        for (JsonNode client : realm.path("clients")) {
            if (client.path("clientId").asString().equals(clientId)) {
                return client;
            }
        }
        throw new AssertionError("no client " + clientId);
    }

    private static JsonNode mapper(JsonNode client, String protocolMapper, String claim) {
        for (JsonNode mapper : client.path("protocolMappers")) {
            if (mapper.path("protocolMapper").asString().equals(protocolMapper)
                    && (claim == null || mapper.path("config").path("claim.name").asString().equals(claim))) {
                return mapper.path("config");
            }
        }
        throw new AssertionError(client.path("clientId").asString() + " has no " + protocolMapper + " for " + claim);
    }

    @Test
    void theRealmHasTheFourRoles() {
        assertThat(realm.path("realm").asString()).isEqualTo("bridgeway");
        assertThat(realm.path("enabled").asBoolean()).isTrue();
        Set<String> roles = new TreeSet<>();
        realm.path("roles").path("realm").forEach(r -> roles.add(r.path("name").asString()));
        assertThat(roles).containsAll(ROLES);
    }

    @Test
    void keycloaksDefaultClientScopesAreKept() {
        // Listing clientScopes in an import replaces Keycloak's defaults, among them "basic", which
        // puts sub in the tokens: the claims Bridgeway needs are mappers on its clients instead.
        assertThat(realm.has("clientScopes")).isFalse();
        assertThat(realm.has("defaultDefaultClientScopes")).isFalse();
    }

    @Test
    void theWebClientIsTheOneTheWebIsConfiguredWith() {
        JsonNode registration = applicationYml("web").path("spring").path("security").path("oauth2").path("client")
                .path("registration").path("bridgeway");
        JsonNode web = client(registration.path("client-id").asString());
        assertThat(web.path("publicClient").asBoolean()).as("confidential").isFalse();
        assertThat(web.path("clientAuthenticatorType").asString()).isEqualTo("client-secret");
        assertThat(registration.path("client-authentication-method").asString()).isEqualTo("client_secret_basic");
        assertThat(web.path("standardFlowEnabled").asBoolean()).isTrue();
        assertThat(web.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(web.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(web.path("attributes").path("pkce.code.challenge.method").asString()).isEqualTo("S256");
        List<String> redirects = new ArrayList<>();
        web.path("redirectUris").forEach(r -> redirects.add(r.asString()));
        // The web's redirect-uri is {baseUrl}/login/oauth2/code/{registrationId}, its base the gateway's address.
        assertThat(registration.path("redirect-uri").asString()).isEqualTo("{baseUrl}/login/oauth2/code/{registrationId}");
        assertThat(redirects).contains("http://localhost:8080/login/oauth2/code/bridgeway",
                "${BRIDGEWAY_PUBLIC_URL}/login/oauth2/code/bridgeway");
        assertThat(redirects).noneMatch(r -> r.contains("*"));
        assertThat(web.path("attributes").path("post.logout.redirect.uris").asString()).contains("http://localhost:8080/");
        Set<String> scopes = Set.of(registration.path("scope").asString().split(","));
        assertThat(scopes).containsExactlyInAnyOrder("openid", "profile", "email");
    }

    @Test
    void bothClientsPutTheClaimsTheServicesReadInTheirTokens() {
        String audience = bridgewayPlaceholders(applicationYml("referral-service")).get("BRIDGEWAY_AUDIENCE").defaultValue();
        for (String clientId : List.of("bridgeway-web", "bridgeway-api-client")) {
            JsonNode client = client(clientId);
            JsonNode roles = mapper(client, "oidc-usermodel-realm-role-mapper", "roles");
            assertThat(roles.path("multivalued").asString()).as(clientId + ": roles is a JSON array").isEqualTo("true");
            assertThat(roles.path("access.token.claim").asString()).isEqualTo("true");
            // The web reads roles, org_id and professional_role from the ID token.
            assertThat(roles.path("id.token.claim").asString()).isEqualTo("true");
            assertThat(roles.path("usermodel.realmRoleMapping.rolePrefix").isMissingNode()).as("no prefix: ROLE_ is added by the services").isTrue();
            for (String attribute : List.of("org_id", "professional_role")) {
                JsonNode config = mapper(client, "oidc-usermodel-attribute-mapper", attribute);
                assertThat(config.path("user.attribute").asString()).isEqualTo(attribute);
                assertThat(config.path("access.token.claim").asString()).isEqualTo("true");
                assertThat(config.path("id.token.claim").asString()).isEqualTo("true");
                assertThat(config.path("multivalued").asString()).isEqualTo("false");
            }
            JsonNode aud = mapper(client, "oidc-audience-mapper", null);
            assertThat(aud.path("included.custom.audience").asString()).isEqualTo(audience);
            assertThat(aud.path("access.token.claim").asString()).isEqualTo("true");
        }
        assertThat(client("bridgeway-api-client").path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client("bridgeway-api-client").path("standardFlowEnabled").asBoolean()).isFalse();
    }

    @Test
    void theServicesTakeRolesFromTheRolesClaim() {
        for (String module : List.of("directory-service", "referral-service", "notification-service")) {
            JsonNode jwt = applicationYml(module).path("spring").path("security").path("oauth2").path("resourceserver").path("jwt");
            assertThat(jwt.path("authorities-claim-name").asString()).as(module).isEqualTo("roles");
        }
    }

    @Test
    void theDemoPeopleAreTheLocalIdentityProvidersWithThePasswordFromTheEnvironment() {
        JsonNode local = yaml(ROOT.resolve("identity/src/main/resources/application-local.yml"))
                .path("bridgeway").path("identity").path("users");
        Map<String, JsonNode> users = new TreeMap<>();
        realm.path("users").forEach(u -> users.put(u.path("username").asString(), u));
        assertThat(local.size()).isGreaterThanOrEqualTo(5);
        for (JsonNode person : local) {
            String username = person.path("username").asString();
            JsonNode user = users.get(username);
            assertThat(user).as(username).isNotNull();
            assertThat(user.path("firstName").asString() + " " + user.path("lastName").asString()).isEqualTo(person.path("name").asString());
            assertThat(user.path("email").asString()).isEqualTo(person.path("email").asString());
            assertThat(user.path("realmRoles").get(0).asString()).isEqualTo(person.path("role").asString());
            assertThat(user.path("realmRoles").size()).isEqualTo(1);
            assertThat(user.path("attributes").path("org_id").path(0).asString(null))
                    .isEqualTo(person.path("organisation-id").asString(null));
            assertThat(user.path("attributes").path("professional_role").path(0).asString(null))
                    .isEqualTo(person.path("professional-role").asString(null));
            assertThat(user.path("attributes").path("demo").path(0).asString()).as("marked as demo").isEqualTo("true");
            assertThat(user.path("credentials").path(0).path("value").asString()).isEqualTo("${BRIDGEWAY_DEMO_PASSWORD}");
            // A fixed id, so sub stays the same when the container re-imports the realm.
            assertThat(UUID.fromString(user.path("id").asString())).isNotNull();
        }
        JsonNode serviceAccount = users.get("service-account-bridgeway-api-client");
        assertThat(serviceAccount.path("serviceAccountClientId").asString()).isEqualTo("bridgeway-api-client");
        assertThat(serviceAccount.path("realmRoles").get(0).asString()).isEqualTo("ADMIN");
        users.values().forEach(u -> u.path("realmRoles").forEach(r -> assertThat(ROLES).contains(r.asString())));
    }

    @Test
    void theUserProfileKeepsTheClaimAttributesForAdministratorsToSet() {
        JsonNode provider = realm.path("components").path("org.keycloak.userprofile.UserProfileProvider").path(0);
        JsonNode profile = json(provider.path("config").path("kc.user.profile.config").path(0).asString());
        Map<String, JsonNode> attributes = new TreeMap<>();
        profile.path("attributes").forEach(a -> attributes.put(a.path("name").asString(), a));
        assertThat(attributes).containsKeys("username", "email", "firstName", "lastName", "org_id", "professional_role");
        for (String claim : List.of("org_id", "professional_role")) {
            List<String> editors = new ArrayList<>();
            attributes.get(claim).path("permissions").path("edit").forEach(e -> editors.add(e.asString()));
            assertThat(editors).as(claim + ": people cannot move themselves to another organisation").containsExactly("admin");
        }
    }

    @Test
    void tokensLastMinutesAndSessionsAWorkingDay() {
        assertThat(realm.path("accessTokenLifespan").asInt()).isBetween(300, 3600);
        assertThat(realm.path("ssoSessionMaxLifespan").asInt()).isEqualTo(8 * 3600);
        assertThat(realm.path("ssoSessionIdleTimeout").asInt()).isBetween(1, 8 * 3600);
        assertThat(realm.path("registrationAllowed").asBoolean()).isFalse();
        assertThat(realm.path("bruteForceProtected").asBoolean()).isTrue();
    }

    @Test
    void noSecretIsWrittenInTheRealm() {
        List<String> literal = new ArrayList<>();
        findSecrets(realm, "", literal);
        assertThat(literal).as("secrets and passwords must be ${ENV} placeholders").isEmpty();
        for (JsonNode client : realm.path("clients")) {
            if (!client.path("publicClient").asBoolean()) {
                assertThat(client.path("secret").asString()).as(client.path("clientId").asString()).matches("\\$\\{[A-Z0-9_]+}");
            }
        }
    }

    private static void findSecrets(JsonNode node, String path, List<String> literal) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                String key = e.getKey();
                JsonNode value = e.getValue();
                boolean secret = key.toLowerCase().matches(".*(secret|password).*")
                        || (key.equals("value") && path.contains("credentials"));
                if (secret && value.isString() && !value.asString().matches("\\$\\{[A-Z0-9_]+}")) {
                    literal.add(path + "/" + key);
                }
                findSecrets(value, path + "/" + key, literal);
            });
        } else if (node.isArray()) {
            int i = 0;
            for (JsonNode child : node) {
                findSecrets(child, path + "/" + i++, literal);
            }
        }
    }
}
