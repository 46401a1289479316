package org.bridgeway.web;

import java.time.Duration;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serves the GOV.UK Design System from its WebJar: its stylesheet refers to fonts and images
 * under {@code /assets/}, so that path maps to the WebJar's assets folder.
 */
@Configuration(proxyBeanMethods = false)
class Assets implements WebMvcConfigurer {

    private final String govuk;

    Assets(WebProperties properties) {
        this.govuk = "classpath:/META-INF/resources/webjars/govuk-frontend/" + properties.govukFrontendVersion() + "/dist/govuk/";
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // The addresses carry no version, so a browser keeps them a day: an upgrade shows by the next day.
        CacheControl day = CacheControl.maxAge(Duration.ofDays(1)).cachePublic();
        registry.addResourceHandler("/govuk/**").addResourceLocations(govuk).setCacheControl(day);
        registry.addResourceHandler("/assets/**").addResourceLocations(govuk + "assets/").setCacheControl(day);
        registry.addResourceHandler("/app/**").addResourceLocations("classpath:/static/app/")
                .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)));
    }
}
