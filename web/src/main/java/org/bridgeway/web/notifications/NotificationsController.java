package org.bridgeway.web.notifications;

import java.util.Map;

import org.bridgeway.web.Gateway;
import org.bridgeway.web.Pages;
import org.bridgeway.web.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The person's notices: newest first, each leading to what it is about; read one, or all. */
@Controller
class NotificationsController {

    private final Gateway gateway;

    NotificationsController(Gateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping("/notifications")
    String notifications(@RequestParam MultiValueMap<String, String> params, Model model) {
        Map<String, Object> result = gateway.get("/api/notifications", Query.of("page", params.getFirst("page"), "size", "20"));
        model.addAttribute("result", result);
        model.addAttribute("pages", Pages.of("/notifications", params, result.get("page")));
        return "notifications/list";
    }

    /** Opening a notice marks it read and goes to what it is about. */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable String id, @RequestParam String link) {
        gateway.post("/api/notifications/{id}/read", Map.of(), new HttpHeaders(), id);
        // Only a path of this site: a notice's link is never followed to another host.
        return "redirect:" + (link.matches("/[A-Za-z0-9/_-]*") ? link : "/notifications");
    }

    @PostMapping("/notifications/read")
    String readAll() {
        gateway.post("/api/notifications/read", Map.of(), new HttpHeaders());
        return "redirect:/notifications";
    }
}
