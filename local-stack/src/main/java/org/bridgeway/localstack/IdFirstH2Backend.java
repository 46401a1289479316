package org.bridgeway.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, except that a query on {@code _id} with more conditions reads
 * only the documents its {@code _id} finds, as MongoDB does, when {@code _id} is a plain value or
 * an {@code $in} list (what the services send); other forms are read as before. The stand-in
 * uses an index only when a query names exactly the index's fields, so a conditional write such
 * as {@code {_id: X, version: 3}} scanned the whole collection: a replica catching up on 50,000
 * listings, or a transition among a million referrals, then cost a scan each.
 */
final class IdFirstH2Backend extends H2Backend {

    IdFirstH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new IdFirstDatabase(name);
    }

    /** Inner, not static: its constructor already opens collections, before a field of its own would be set. */
    private final class IdFirstDatabase extends H2Database {

        IdFirstDatabase(String name) {
            super(name, IdFirstH2Backend.this.getMvStore(), IdFirstH2Backend.this.getCursorRegistry());
        }

        /**
         * The same maps as {@link H2Database} opens for a collection (its names are private to it:
         * check them when upgrading mongo-java-server), so existing data is read as before.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(name);
            MVStore store = getMvStore();
            return new IdFirstCollection(this, name, options, store.openMap("databases." + fullName), store.openMap("meta." + fullName), cursorRegistry);
        }
    }

    private static final class IdFirstCollection extends H2Collection {

        IdFirstCollection(MongoDatabase database, String name, CollectionOptions options,
                          MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize, Document fields) {
            if (query.size() > 1 && query.containsKey("_id")) {
                Document byId = new Document("_id", query.get("_id"));
                for (Index<Object> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // Every document read is matched against the whole query.
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize, fields);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fields);
        }
    }
}
