package org.bridgeway.directory.responsiveness;

import org.bridgeway.directory.web.NotFoundException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A listing's or an organisation's responsiveness, for its page ("usually replies within N
 * days"); 404 until referral-service has published figures for it.
 */
@RestController
class ResponsivenessController {

    private final MongoTemplate mongo;

    ResponsivenessController(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @GetMapping("/api/directory/services/{id}/responsiveness")
    Responsiveness ofService(@PathVariable String id) {
        return find("service", id);
    }

    @GetMapping("/api/directory/organisations/{id}/responsiveness")
    Responsiveness ofOrganisation(@PathVariable String id) {
        return find("organisation", id);
    }

    private Responsiveness find(String subject, String id) {
        Responsiveness found = mongo.findById(subject + ":" + id, Responsiveness.class, ResponsivenessListener.COLLECTION);
        if (found == null) {
            throw new NotFoundException("responsiveness of " + subject, id);
        }
        return found;
    }
}
