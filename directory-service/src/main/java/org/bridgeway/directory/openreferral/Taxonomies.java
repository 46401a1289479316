package org.bridgeway.directory.openreferral;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Term;
import org.bridgeway.directory.reference.Vocabulary;
import org.springframework.stereotype.Component;

/**
 * The classifying vocabularies as HSDS taxonomies and terms, built once from the reference data,
 * and the attributes that link a listing to the terms of its codes.
 */
@Component
class Taxonomies {

    /** A term, with the taxonomy it belongs to and the listing code it stands for. */
    record ClassifiedTerm(VocabularyTaxonomy taxonomy, String code, Hsds.TaxonomyTerm term) {
    }

    private final Map<String, VocabularyTaxonomy> taxonomiesById = new LinkedHashMap<>();
    private final Map<VocabularyTaxonomy, Hsds.Taxonomy> taxonomies = new LinkedHashMap<>();
    private final Map<String, ClassifiedTerm> termsById = new LinkedHashMap<>();
    private final Map<String, ClassifiedTerm> termsByCode = new LinkedHashMap<>();

    Taxonomies(ReferenceData reference) {
        for (VocabularyTaxonomy taxonomy : VocabularyTaxonomy.values()) {
            Vocabulary vocabulary = taxonomy.vocabulary(reference);
            String taxonomyId = Ids.of(vocabulary.name());
            List<Hsds.TaxonomyTerm> terms = new ArrayList<>();
            for (Term term : vocabulary.terms()) {
                Hsds.TaxonomyTerm published = new Hsds.TaxonomyTerm(Ids.of(vocabulary.name(), term.code()), term.label(),
                        term.label(), term.code(), taxonomyId, taxonomy.title());
                ClassifiedTerm classified = new ClassifiedTerm(taxonomy, term.code(), published);
                termsById.put(published.id(), classified);
                termsByCode.put(taxonomy + ":" + term.code(), classified);
                terms.add(published);
            }
            taxonomiesById.put(taxonomyId, taxonomy);
            taxonomies.put(taxonomy, new Hsds.Taxonomy(taxonomyId, taxonomy.title(), taxonomy.description(), terms));
        }
    }

    /** The taxonomies as lists show them, without their terms. */
    List<Hsds.Taxonomy> all() {
        return taxonomies.values().stream().map(t -> new Hsds.Taxonomy(t.id(), t.name(), t.description(), null)).toList();
    }

    Optional<Hsds.Taxonomy> taxonomy(String id) {
        return classifying(id).map(taxonomies::get);
    }

    Optional<VocabularyTaxonomy> classifying(String taxonomyId) {
        return Optional.ofNullable(taxonomiesById.get(taxonomyId));
    }

    List<Hsds.TaxonomyTerm> terms() {
        return termsById.values().stream().map(ClassifiedTerm::term).toList();
    }

    List<Hsds.TaxonomyTerm> terms(VocabularyTaxonomy taxonomy) {
        return taxonomies.get(taxonomy).taxonomyTerms();
    }

    Optional<ClassifiedTerm> term(String id) {
        return Optional.ofNullable(termsById.get(id));
    }

    /**
     * One attribute per code of the listing, in taxonomy order. A code the vocabulary no longer
     * has cannot be named as a term, so it is left out rather than failing the whole service.
     */
    List<Hsds.Attribute> attributes(String serviceId, ListingDetails details) {
        List<Hsds.Attribute> attributes = new ArrayList<>();
        for (VocabularyTaxonomy taxonomy : VocabularyTaxonomy.values()) {
            for (String code : taxonomy.codes(details)) {
                ClassifiedTerm term = termsByCode.get(taxonomy + ":" + code);
                if (term != null) {
                    String termId = term.term().id();
                    attributes.add(new Hsds.Attribute(Ids.of(serviceId, "attribute", termId), serviceId, "service",
                            termId, term.term()));
                }
            }
        }
        return attributes;
    }
}
