package org.bridgeway.referral.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;

import org.bridgeway.referral.referral.ResponseTimes;
import org.bridgeway.referral.referral.WorkingDays;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Response times from configuration, with the bank holidays shipped as data. */
@Configuration(proxyBeanMethods = false)
class DeadlineConfig {

    @Bean
    ResponseTimes responseTimes(@Value("${bridgeway.referrals.working-days-to-respond:3}") int workingDays,
                                @Value("${bridgeway.referrals.expires-after:14d}") Duration expiresAfter) throws IOException {
        return new ResponseTimes(new WorkingDays(bankHolidays(), WorkingDays.LONDON), workingDays, expiresAfter);
    }

    private static Set<LocalDate> bankHolidays() throws IOException {
        try (InputStream in = DeadlineConfig.class.getResourceAsStream("/bank-holidays-england-and-wales.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(LocalDate::parse).collect(Collectors.toUnmodifiableSet());
        }
    }
}
