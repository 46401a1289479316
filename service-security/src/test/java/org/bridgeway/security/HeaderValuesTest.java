package org.bridgeway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The same answers as Spring Security's own header value rule, which is a regular expression. */
class HeaderValuesTest {

    /** StrictHttpFirewall's and StrictServerWebExchangeFirewall's default for header values. */
    private static final Pattern SPRING_SECURITY_RULE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

    @Test
    void everyCharacterIsJudgedAsSpringSecurityJudgesIt() {
        List<String> values = new ArrayList<>();
        for (int c = 0; c <= Character.MAX_CODE_POINT; c += c < 0x10000 ? 1 : 97) {
            values.add("a" + Character.toString(c) + "b");
        }
        values.addAll(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzYW0ifQ.c2ln", "text/html;\tq=0.9", "caf\u00e9 \ud83d\ude00",
                "lone \ud800 surrogate", "bell\u0007", "nul\u0000", "delete\u007f", "next line\u0085", "unassigned\u0378"));
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as("%s", value.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(SPRING_SECURITY_RULE.matcher(value).matches());
        }
        assertThat(HeaderValues.allowed("bell\u0007")).isFalse();
        assertThat(HeaderValues.allowed(null)).as("a header that is not there").isTrue();
        assertThat(HeaderValues.allowed("text/html;\tq=0.9")).isTrue();
    }
}
