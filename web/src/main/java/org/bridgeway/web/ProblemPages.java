package org.bridgeway.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.servlet.ModelAndView;

/**
 * What a person sees when the API refuses or fails: a page in plain words with the right status,
 * never a stack trace. Forms handle their own 400s and show them next to the fields.
 */
@ControllerAdvice
class ProblemPages {

    private static final Logger log = LoggerFactory.getLogger(ProblemPages.class);

    @ExceptionHandler(ApiProblem.class)
    ModelAndView refused(ApiProblem problem) {
        return switch (problem.status()) {
            case 401 -> new ModelAndView("redirect:/oauth2/authorization/" + WebProperties.REGISTRATION);
            case 403 -> page(HttpStatus.FORBIDDEN, "You cannot see this page", "Your role or organisation does not give you access to it.");
            case 404 -> page(HttpStatus.NOT_FOUND, "Page not found", "It may have been removed, or you may not have access to it.");
            case 409 -> page(HttpStatus.CONFLICT, "That cannot be done now",
                    problem.detail() != null ? problem.detail() : "The referral is not at a stage where this is possible.");
            case 412 -> page(HttpStatus.PRECONDITION_FAILED, "Someone else changed this first",
                    "Go back, reload the page and try again: it changed since you opened it.");
            case 503 -> page(HttpStatus.SERVICE_UNAVAILABLE, "Sorry, the service is unavailable",
                    problem.detail() != null ? problem.detail() : "Try again in a minute.");
            default -> page(HttpStatus.valueOf(problem.status() >= 500 ? 502 : 400), "Sorry, that could not be done",
                    problem.detail() != null ? problem.detail() : "Try again later.");
        };
    }

    /** The session's tokens ran out and could not be renewed (the day ended, or the account was disabled): sign in again. */
    @ExceptionHandler(OAuth2AuthorizationException.class)
    ModelAndView signInAgain(OAuth2AuthorizationException expired) {
        log.info("A session's tokens could not be renewed ({}): signing in again", expired.getError().getErrorCode());
        return new ModelAndView("redirect:/oauth2/authorization/" + WebProperties.REGISTRATION);
    }

    @ExceptionHandler(ResourceAccessException.class)
    ModelAndView unreachable(ResourceAccessException failure) {
        // Not the message: it holds the address asked for, whose query may hold what a person typed.
        log.warn("The gateway could not be reached ({})", failure.getClass().getSimpleName());
        return page(HttpStatus.SERVICE_UNAVAILABLE, "Sorry, the service is unavailable", "Try again in a minute.");
    }

    private static ModelAndView page(HttpStatus status, String heading, String message) {
        ModelAndView page = new ModelAndView("problem", status);
        page.addObject("heading", heading);
        page.addObject("message", message);
        return page;
    }
}
