package org.bridgeway.directory.listing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.bridgeway.directory.search.ListingIndex;
import org.springframework.stereotype.Component;

/**
 * Names listings that are likely the same service as another: of the same organisation with a
 * similar name, or at the same postcode with a similar name, among the searchable listings (the
 * index finds the neighbours, so the check stays quick in a large directory). It warns; an
 * administrator decides and merges.
 */
@Component
public class DuplicateCheck {

    /** Names whose letter pairs overlap at least this much (Dice coefficient) count as similar. */
    private static final double SIMILAR = 0.7;
    private static final Set<String> FILLER = Set.of("the", "and", "of", "for", "in", "service", "services", "project", "medway", "kent");

    public enum Reason { SAME_ORGANISATION_SIMILAR_NAME, SAME_POSTCODE_SIMILAR_NAME }

    public record Candidate(String id, String name, String organisationId, Reason reason) {
    }

    private final ListingIndex index;

    DuplicateCheck(ListingIndex index) {
        this.index = index;
    }

    /** Searchable listings that may duplicate these details, except the listing itself ({@code selfId}). */
    public List<Candidate> similarTo(ListingDetails details, String selfId) {
        return similar(details, index.neighbours(details.organisationId(), postcodes(details), details.name()), selfId);
    }

    /** A check for many new listings in a row, as an import makes them; close it when done. */
    public Batch batch() {
        return new Batch(index.snapshot());
    }

    /**
     * Checks each new listing against a snapshot of the index and against the listings the batch
     * made since the snapshot, which are compared here. Reopening the index after every listing
     * made an import spend half its time flushing and merging one-listing segments; comparing with
     * everything the batch made would grow with the square of the file. So the snapshot is taken
     * again every {@value #REOPEN_AFTER} listings. Listings that others make meanwhile may be missed.
     */
    public final class Batch implements AutoCloseable {
        private static final int REOPEN_AFTER = 100;

        private ListingIndex.Snapshot snapshot;
        private final List<Made> madeSince = new ArrayList<>();

        private Batch(ListingIndex.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        public List<Candidate> similarTo(ListingDetails details) {
            if (madeSince.size() >= REOPEN_AFTER) {
                ListingIndex.Snapshot next = index.snapshot(); // first, so that a failure leaves the old one open
                snapshot.close();
                snapshot = next;
                madeSince.clear();
            }
            List<String> postcodes = postcodes(details);
            List<ListingIndex.Neighbour> neighbours = new ArrayList<>(
                    snapshot.neighbours(details.organisationId(), postcodes, details.name()));
            for (Made other : madeSince) {
                if (other.listing().organisationId().equals(details.organisationId())
                    || other.postcodes().stream().anyMatch(postcodes::contains)) {
                    neighbours.add(other.listing());
                }
            }
            return similar(details, neighbours, null);
        }

        /** A listing the batch made, for the rest of the batch to be checked against. */
        public void made(String id, ListingDetails details) {
            madeSince.add(new Made(new ListingIndex.Neighbour(id, details.name(), details.organisationId()), postcodes(details)));
        }

        private record Made(ListingIndex.Neighbour listing, List<String> postcodes) {
        }

        @Override
        public void close() {
            snapshot.close();
        }
    }

    private static List<Candidate> similar(ListingDetails details, List<ListingIndex.Neighbour> neighbours, String selfId) {
        List<Candidate> found = new ArrayList<>();
        for (ListingIndex.Neighbour other : neighbours) {
            if (!other.id().equals(selfId) && similar(details.name(), other.name())) {
                found.add(new Candidate(other.id(), other.name(), other.organisationId(),
                        other.organisationId().equals(details.organisationId())
                                ? Reason.SAME_ORGANISATION_SIMILAR_NAME : Reason.SAME_POSTCODE_SIMILAR_NAME));
            }
        }
        return found.size() > ListingIndex.MOST_NEIGHBOURS ? found.subList(0, ListingIndex.MOST_NEIGHBOURS) : found;
    }

    private static List<String> postcodes(ListingDetails details) {
        return details.locations().stream().map(l -> l.address().postcode()).distinct().toList();
    }

    static boolean similar(String a, String b) {
        Set<String> pairsA = letterPairs(a);
        Set<String> pairsB = letterPairs(b);
        if (pairsA.isEmpty() || pairsB.isEmpty()) {
            return normalise(a).equals(normalise(b));
        }
        Set<String> shared = new HashSet<>(pairsA);
        shared.retainAll(pairsB);
        return 2.0 * shared.size() / (pairsA.size() + pairsB.size()) >= SIMILAR;
    }

    private static Set<String> letterPairs(String name) {
        String text = normalise(name);
        Set<String> pairs = new HashSet<>();
        for (int i = 0; i + 2 <= text.length(); i++) {
            if (text.charAt(i) != ' ' && text.charAt(i + 1) != ' ') {
                pairs.add(text.substring(i, i + 2));
            }
        }
        return pairs;
    }

    private static String normalise(String name) {
        StringBuilder words = new StringBuilder();
        for (String word : name.toLowerCase(Locale.ROOT).replace("&", " and ").split("[^a-z0-9]+")) {
            if (!word.isEmpty() && !FILLER.contains(word)) {
                words.append(word).append(' ');
            }
        }
        return words.toString().strip();
    }
}
