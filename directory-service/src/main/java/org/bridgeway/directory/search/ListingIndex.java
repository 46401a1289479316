package org.bridgeway.directory.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.MMapDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.bridgeway.directory.listing.Listing;
import org.bridgeway.directory.listing.ListingDetails;
import org.bridgeway.directory.listing.ListingView;
import org.bridgeway.directory.reference.Areas;
import org.bridgeway.directory.reference.ReferenceData;
import org.bridgeway.directory.reference.Vocabulary;
import org.bridgeway.directory.search.ListingQuery.Facet;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * The search index over listings: Apache Lucene in-process, in a temporary directory, rebuilt
 * from the store on start ({@link IndexRebuild}) and updated on every write. Text is matched with
 * English stemming and edit-distance tolerance for typos; the vocabulary labels and synonyms of a
 * listing's codes are indexed with it, so "energy bills" finds fuel advice. Filters are exact
 * terms; facet counts come from the same matching documents. Each listing is also kept ready to
 * send, as the search's view and as the feed's entry, in doc values: a page of results is copied
 * out, not decompressed, parsed and written again.
 */
@Component
public class ListingIndex {

    /** The prefix of the temporary directory each process keeps its index in. */
    private static final String INDEX_DIRECTORY = "bridgeway-directory-index";
    /** The doc-values fields holding each listing ready to send. */
    private static final String VIEW = "view";
    private static final String FEED_ENTRY = "feedEntry";
    /** How deep a search reads: past the largest directory we expect, so a feed can be harvested whole. */
    public static final int MAX_HITS = 100_000;
    /** The most {@link #neighbours} one duplicate check looks at. */
    public static final int MOST_NEIGHBOURS = 50;
    private static final Map<String, Float> TEXT_FIELDS = Map.of("name", 4f, "tags", 2f, "organisation", 1.5f, "description", 1f);

    private final ReferenceData reference;
    private final JsonMapper json;
    private final FeedEntries feedEntries;
    private final Path path;
    private final MMapDirectory directory;
    /** Stemmed English for matching words; the plain field keeps words unstemmed, for typo tolerance. */
    private final Analyzer analyzer = new PerFieldAnalyzerWrapper(new EnglishAnalyzer(),
            Map.of("plain", new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET),
                    "nameWords", new StandardAnalyzer(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET)));
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final FacetsConfig facetsConfig = new FacetsConfig();
    /** Writes made so far, and how many of them the open reader shows: a search first catches up. */
    private final AtomicLong written = new AtomicLong();
    private volatile long visible;
    /** The version each listing is indexed at, so a late write of an older version cannot replace a newer one. */
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    private final Map<String, String> organisationNames = new ConcurrentHashMap<>();
    private volatile DefaultSortedSetDocValuesReaderState facetState;
    /**
     * As many readings of the index at once as there are cores, the others waiting their turn in
     * order. Reading is all CPU: with more at once, every search in flight slowed down together,
     * so a heavy search took many times its own time and the slowest answers were twice the median.
     * A reading that waits inside for a lock (the first feed page after a change, sorting the whole
     * directory once) keeps its permit: the work behind that lock needs the cores anyway.
     */
    private final Semaphore readers = new Semaphore(Runtime.getRuntime().availableProcessors(), true);
    /** Name orders of recent searches, for the reader they were worked out on. */
    private final Map<ListingQuery, int[]> nameOrders = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ListingQuery, int[]> eldest) {
            return size() > 32;
        }
    };
    private IndexReader nameOrdersReader;

    ListingIndex(ReferenceData reference, JsonMapper json, FeedEntries feedEntries) throws IOException {
        this.reference = reference;
        this.json = json;
        this.feedEntries = feedEntries;
        LeftBehindIndexes.remove(Path.of(System.getProperty("java.io.tmpdir")), INDEX_DIRECTORY);
        this.path = Files.createTempDirectory(INDEX_DIRECTORY);
        this.directory = new MMapDirectory(path);
        // A search right after a write reopens the reader: it must not wait for merges to finish.
        this.writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setMaxFullFlushMergeWaitMillis(0));
        this.searchers = new SearcherManager(writer, null);
        for (Facet facet : Facet.values()) {
            facetsConfig.setMultiValued(facet.field(), true);
        }
    }

    @PreDestroy
    void close() throws IOException {
        IOUtils.close(searchers, writer, directory);
        IOUtils.rm(path);
    }

    /** The name listings of this organisation are found by; call before putting its listings. */
    public void organisationNamed(String organisationId, String name) {
        organisationNames.put(organisationId, name);
    }

    /** Adds, replaces or (when it is no longer searchable) removes a listing, unless a newer version is in already. */
    public void put(Listing listing) {
        versions.compute(listing.id(), (id, indexed) -> {
            if (indexed != null && indexed > listing.version()) {
                return indexed;
            }
            try {
                Term term = new Term("id", id);
                if (listing.isSearchable()) {
                    writer.updateDocument(term, facetsConfig.build(document(listing)));
                } else {
                    writer.deleteDocuments(term);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            written.incrementAndGet();
            return listing.version();
        });
    }

    /**
     * Merges the index into one segment, after a bulk load: a search then walks one segment
     * rather than one per flush (eight after rebuilding 50,000 listings), each with its own set-up
     * and its own look-ups of the names the results are ordered by. Costly; never on a request.
     */
    void merge() {
        try {
            writer.forceMerge(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.incrementAndGet(); // the next search reopens the reader on the merged segment
    }

    /** A page of listings, each as JSON ready to send. */
    public record Result(List<byte[]> items, long totalItems, Map<String, Map<String, Integer>> facets) {

        /** The items for Jackson to write out as they are. */
        public List<RawValue> itemsAsWritten() {
            return items.stream().map(item -> new RawValue(new String(item, StandardCharsets.UTF_8))).toList();
        }
    }

    /** Items are the JSON of each listing's {@link ListingView} with the organisation's name. */
    public Result search(ListingQuery query) {
        return withSearcher(searcher -> search(searcher, query, VIEW));
    }

    /** Items are each listing's {@link FeedEntries feed entry}. */
    public Result searchFeedEntries(ListingQuery query) {
        return withSearcher(searcher -> search(searcher, query, FEED_ENTRY));
    }

    /** A listing found, by its id and how many places it is delivered at. */
    public record Located(String id, int locations) {
    }

    /** Every match in the query's order, reading only ids and location counts: cheap even for many thousands. */
    public List<Located> locate(ListingQuery query) {
        return withSearcher(searcher -> {
            List<Located> found = new ArrayList<>();
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc hit : all(searcher, luceneQuery(searcher, query), sort(query))) {
                Document doc = fields.document(hit.doc, Set.of("id", "locations"));
                found.add(new Located(doc.get("id"), doc.getField("locations").numericValue().intValue()));
            }
            return found;
        });
    }

    /** A searchable listing sharing an organisation or a postcode with one being checked for duplicates. */
    public record Neighbour(String id, String name, String organisationId) {
    }

    /**
     * Searchable listings of this organisation or at one of these postcodes whose names share a
     * word with this name, most alike first (at most {@value #MOST_NEIGHBOURS}): the candidates for a duplicate check.
     */
    public List<Neighbour> neighbours(String organisationId, List<String> postcodes, String name) {
        return withSearcher(searcher -> neighbours(searcher, organisationId, postcodes, name));
    }

    /**
     * The index as it is now, kept while many listings are written in a row: an import asking
     * {@link #neighbours} for each row made the index reopen after every write, and flushing and
     * merging those one-listing segments was half of the import's time. Close it when done.
     */
    public Snapshot snapshot() {
        return withSearcher(searcher -> {
            searcher.getIndexReader().incRef();
            return new Snapshot(searcher);
        });
    }

    /** Neighbours as the index was when the snapshot was taken; what was written since is not seen. */
    public final class Snapshot implements AutoCloseable {
        private final IndexSearcher searcher;
        /** A second close must not let go of a reader the searches may still be using. */
        private final AtomicBoolean closed = new AtomicBoolean();

        private Snapshot(IndexSearcher searcher) {
            this.searcher = searcher;
        }

        public List<Neighbour> neighbours(String organisationId, List<String> postcodes, String name) {
            try {
                return inTurn(searcher, reader -> ListingIndex.this.neighbours(reader, organisationId, postcodes, name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            if (closed.getAndSet(true)) {
                return;
            }
            try {
                searcher.getIndexReader().decRef();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private List<Neighbour> neighbours(IndexSearcher searcher, String organisationId, List<String> postcodes, String name)
            throws IOException {
        List<String> words = tokens("nameWords", name);
        if (words.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder near = new BooleanQuery.Builder();
        near.add(new TermQuery(new Term("organisationId", organisationId)), Occur.SHOULD);
        if (!postcodes.isEmpty()) {
            near.add(anyOf("postcode", postcodes), Occur.SHOULD);
        }
        near.setMinimumNumberShouldMatch(1);
        BooleanQuery.Builder candidates = new BooleanQuery.Builder();
        candidates.add(near.build(), Occur.FILTER);
        BooleanQuery.Builder sharedWords = new BooleanQuery.Builder();
        words.stream().distinct().forEach(word -> sharedWords.add(new TermQuery(new Term("nameWords", word)), Occur.SHOULD));
        candidates.add(sharedWords.build(), Occur.MUST); // scored: the more words shared, the nearer the top
        List<Neighbour> found = new ArrayList<>();
        StoredFields fields = searcher.storedFields();
        for (ScoreDoc hit : searcher.search(candidates.build(), MOST_NEIGHBOURS).scoreDocs) {
            Document doc = fields.document(hit.doc);
            found.add(new Neighbour(doc.get("id"), doc.get("name"), doc.get("organisationId")));
        }
        return found;
    }

    private interface SearcherWork<T> {
        T on(IndexSearcher searcher) throws IOException;
    }

    /** Sees every write made before the call: the reader is reopened first when the index has changed since. */
    private <T> T withSearcher(SearcherWork<T> work) {
        try {
            long wanted = written.get();
            if (visible < wanted) {
                synchronized (searchers) {
                    if (visible < wanted) {
                        long target = written.get();
                        searchers.maybeRefreshBlocking();
                        visible = target;
                    }
                }
            }
            IndexSearcher searcher = searchers.acquire();
            try {
                return inTurn(searcher, work);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Does the work once one of the {@link #readers} permits is free. */
    private <T> T inTurn(IndexSearcher searcher, SearcherWork<T> work) throws IOException {
        readers.acquireUninterruptibly();
        try {
            return work.on(searcher);
        } finally {
            readers.release();
        }
    }

    private Result search(IndexSearcher searcher, ListingQuery query, String form) throws IOException {
        if (!query.withFacets() && query.order() == ListingQuery.Order.NAME) {
            return page(searcher, query, form);
        }
        int wanted = Math.min(MAX_HITS, (query.page() + 1) * query.size());
        FacetsCollectorManager.FacetsResult found = FacetsCollectorManager.search(searcher, luceneQuery(searcher, query),
                wanted, sort(query), false, new FacetsCollectorManager());
        TopDocs top = found.topDocs();
        ScoreDoc[] hits = top.scoreDocs;
        int from = Math.min(hits.length, query.page() * query.size());
        List<byte[]> items = readyToSend(searcher, form, Arrays.stream(hits, from, hits.length).mapToInt(hit -> hit.doc).toArray());
        Map<String, Map<String, Integer>> facets = new LinkedHashMap<>();
        for (Facet facet : Facet.values()) {
            facets.put(facet.field(), new LinkedHashMap<>());
        }
        if (query.withFacets() && top.totalHits.value() > 0) {
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(facetState(searcher), found.facetsCollector());
            for (FacetResult result : counts.getAllDims(1000)) {
                Map<String, Integer> values = facets.get(result.dim);
                for (LabelAndValue value : result.labelValues) {
                    values.put(value.label, value.value.intValue());
                }
            }
        }
        return new Result(items, top.totalHits.value(), facets);
    }

    /**
     * A page of a listing in name order without facets, as a feed harvests it page after page: the
     * whole order is worked out once per reader and search, so page 200 costs what page 1 does.
     */
    private Result page(IndexSearcher searcher, ListingQuery query, String form) throws IOException {
        ListingQuery whole = new ListingQuery(query.text(), query.filters(), query.place(), query.age(), query.order(), 0, 1, false);
        int[] ordered;
        // One at a time: a burst of first requests would otherwise sort the whole directory at once each.
        synchronized (nameOrders) {
            if (nameOrdersReader != searcher.getIndexReader()) {
                nameOrders.clear();
                nameOrdersReader = searcher.getIndexReader();
            }
            ordered = nameOrders.get(whole);
            if (ordered == null) {
                ordered = Arrays.stream(all(searcher, luceneQuery(searcher, query), sort(query))).mapToInt(hit -> hit.doc).toArray();
                nameOrders.put(whole, ordered);
            }
        }
        int from = Math.min(ordered.length, query.page() * query.size());
        int[] docs = Arrays.copyOfRange(ordered, from, Math.min(ordered.length, from + query.size()));
        return new Result(readyToSend(searcher, form, docs), ordered.length, Map.of());
    }

    /** Every match in order, up to MAX_HITS; counted first, as a collector sized for MAX_HITS would fill the heap. */
    private static ScoreDoc[] all(IndexSearcher searcher, Query query, Sort sort) throws IOException {
        int matches = Math.min(MAX_HITS, searcher.count(query));
        return matches == 0 ? new ScoreDoc[0] : searcher.search(query, matches, sort).scoreDocs;
    }

    /**
     * These documents' values of a ready-to-send field, in the order given. Doc values are read
     * forwards only, segment by segment, so the documents are visited in index order.
     */
    private static List<byte[]> readyToSend(IndexSearcher searcher, String form, int[] docs) throws IOException {
        Integer[] visits = new Integer[docs.length];
        Arrays.setAll(visits, i -> i);
        Arrays.sort(visits, (a, b) -> Integer.compare(docs[a], docs[b]));
        List<LeafReaderContext> segments = searcher.getIndexReader().leaves();
        byte[][] values = new byte[docs.length][];
        LeafReaderContext segment = null;
        BinaryDocValues segmentValues = null;
        for (int i : visits) {
            int doc = docs[i];
            if (segment == null || doc >= segment.docBase + segment.reader().maxDoc()) {
                segment = segments.get(ReaderUtil.subIndex(doc, segments));
                segmentValues = DocValues.getBinary(segment.reader(), form);
            }
            if (!segmentValues.advanceExact(doc - segment.docBase)) {
                throw new IllegalStateException("document " + doc + " has no " + form);
            }
            values[i] = BytesRef.deepCopyOf(segmentValues.binaryValue()).bytes;
        }
        return Arrays.asList(values);
    }

    /** Facet ordinals belong to one reader; built again only when the index has changed. */
    private DefaultSortedSetDocValuesReaderState facetState(IndexSearcher searcher) throws IOException {
        DefaultSortedSetDocValuesReaderState state = facetState;
        if (state == null || state.getReader() != searcher.getIndexReader()) {
            synchronized (this) {
                state = facetState;
                if (state == null || state.getReader() != searcher.getIndexReader()) {
                    state = new DefaultSortedSetDocValuesReaderState(searcher.getIndexReader(), facetsConfig);
                    facetState = state;
                }
            }
        }
        return state;
    }

    private Query luceneQuery(IndexSearcher searcher, ListingQuery query) throws IOException {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        Query text = textQuery(searcher.getIndexReader(), query.text());
        all.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        query.filters().forEach((facet, value) -> {
            if (facet == Facet.GENDER) {
                all.add(anyOf(facet.field(), List.of(value, "all")), Occur.FILTER);
            } else {
                all.add(new TermQuery(new Term(facet.field(), value)), Occur.FILTER);
            }
        });
        if (query.place() != null) {
            all.add(new TermQuery(new Term("servesPlace", query.place())), Occur.FILTER);
        }
        if (query.age() != null) {
            all.add(IntPoint.newRangeQuery("minimumAge", 0, query.age()), Occur.FILTER);
            all.add(IntPoint.newRangeQuery("maximumAge", query.age(), Integer.MAX_VALUE), Occur.FILTER);
        }
        return all.build();
    }

    private static Query anyOf(String field, List<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /**
     * Each word must match some field, stemmed ("benefit" finds "benefits"), or unstemmed within
     * an edit distance that grows with its length ("housng" finds "housing"); with three or more
     * words one in three may be missing. Built from analysed tokens, never parsed, so no text is
     * ever read as query syntax.
     */
    private Query textQuery(IndexReader reader, String text) throws IOException {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<String> stemmed = tokens("description", text);
        List<String> plain = tokens("plain", text);
        if (stemmed.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (int i = 0; i < stemmed.size(); i++) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            String stem = stemmed.get(i);
            TEXT_FIELDS.forEach((field, boost) -> word.add(new BoostQuery(new TermQuery(new Term(field, stem)), boost), Occur.SHOULD));
            String typed = i < plain.size() ? plain.get(i) : stem; // the same tokenizer gives the same words
            int edits = typed.length() < 5 ? 0 : typed.length() < 8 ? 1 : 2;
            // A word the directory uses is no typo: only unknown words pay for the edit-distance search.
            if (edits > 0 && reader.docFreq(new Term("plain", typed)) == 0) {
                word.add(new BoostQuery(new FuzzyQuery(new Term("plain", typed), edits, 1), 0.5f), Occur.SHOULD);
            }
            words.add(word.build(), Occur.SHOULD);
        }
        words.setMinimumNumberShouldMatch(stemmed.size() - stemmed.size() / 3);
        return words.build();
    }

    private List<String> tokens(String field, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken() && tokens.size() < 12) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tokens;
    }

    private static Sort sort(ListingQuery query) {
        SortField byName = new SortField("sortName", SortField.Type.STRING);
        return switch (query.order()) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, byName);
            case NAME -> new Sort(byName);
            case VERIFIED -> new Sort(new SortField("verified", SortField.Type.LONG, true), byName);
        };
    }

    private Document document(Listing listing) {
        ListingDetails d = listing.details();
        String organisationName = organisationNames.getOrDefault(d.organisationId(), "");
        Document doc = new Document();
        doc.add(new StringField("id", listing.id(), Field.Store.YES));
        doc.add(new StringField("organisationId", d.organisationId(), Field.Store.YES));
        doc.add(new StoredField("name", d.name()));
        doc.add(new TextField("nameWords", d.name(), Field.Store.NO));
        doc.add(new StoredField("locations", d.locations().size()));
        d.locations().forEach(location -> doc.add(new StringField("postcode", location.address().postcode(), Field.Store.NO)));
        doc.add(new TextField("name", d.name(), Field.Store.NO));
        doc.add(new TextField("organisation", organisationName, Field.Store.NO));
        doc.add(new TextField("description", String.join(" ", nonNull(d.description(), d.referral().eligibility(), d.accessibility())), Field.Store.NO));
        String tags = tags(d);
        doc.add(new TextField("tags", tags, Field.Store.NO));
        doc.add(new TextField("plain", String.join(" ", d.name(), organisationName, tags), Field.Store.NO));
        doc.add(new SortedDocValuesField("sortName", new BytesRef(d.name().toLowerCase(Locale.ROOT))));
        doc.add(new NumericDocValuesField("verified", listing.lastVerifiedAt().toEpochMilli()));
        doc.add(new IntPoint("minimumAge", d.minimumAge() == null ? 0 : d.minimumAge()));
        doc.add(new IntPoint("maximumAge", d.maximumAge() == null ? Integer.MAX_VALUE : d.maximumAge()));

        facet(doc, Facet.CATEGORY, d.categories());
        facet(doc, Facet.ACTIVITY, d.activities());
        facet(doc, Facet.MARMOT_PRINCIPLE, d.marmotPrinciples());
        facet(doc, Facet.OUTCOME, d.outcomes());
        facet(doc, Facet.PRIORITY_GROUP, d.priorityGroups());
        facet(doc, Facet.GENDER, d.genders().isEmpty() ? List.of("all") : d.genders());
        facet(doc, Facet.LANGUAGE, d.languages().isEmpty() ? List.of("en") : d.languages());
        facet(doc, Facet.CAPACITY, List.of(d.capacity().status().name()));
        facet(doc, Facet.DELIVERY_MODE, d.deliveryModes().stream().map(Enum::name).toList());
        facet(doc, Facet.AREA, d.coverage().areas());
        // Worked out here, once, so that a search filters on one term per place, not on every area that serves it.
        Areas areas = reference.areas();
        Set<String> places = d.coverage().wholeArea() ? areas.places() : areas.placesServed(d.coverage().areas());
        places.forEach(place -> doc.add(new StringField("servesPlace", place, Field.Store.NO)));

        ObjectNode view = json.valueToTree(ListingView.of(listing));
        view.put("organisationName", organisationName);
        doc.add(new BinaryDocValuesField(VIEW, new BytesRef(json.writeValueAsBytes(view))));
        doc.add(new BinaryDocValuesField(FEED_ENTRY, new BytesRef(feedEntries.of(listing))));
        return doc;
    }

    private static void facet(Document doc, Facet facet, List<String> values) {
        for (String value : values) {
            doc.add(new StringField(facet.field(), value, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField(facet.field(), value));
        }
    }

    /** The wording behind the listing's codes, so people find it by the words they use. */
    private String tags(ListingDetails d) {
        List<String> words = new ArrayList<>();
        wording(words, reference.categories(), d.categories());
        wording(words, reference.activities(), d.activities());
        wording(words, reference.marmotPrinciples(), d.marmotPrinciples());
        wording(words, reference.outcomes(), d.outcomes());
        wording(words, reference.priorityGroups(), d.priorityGroups());
        return String.join(" . ", words);
    }

    private static void wording(List<String> words, Vocabulary vocabulary, List<String> codes) {
        codes.forEach(code -> vocabulary.term(code).ifPresent(term -> {
            words.add(term.label());
            words.addAll(term.synonyms());
        }));
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }
}
