package org.bridgeway.localstack;

import java.util.List;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * mongo-java-server's H2 backend, with three changes that make the stand-in's cost per request
 * nearer MongoDB's; data written by the plain backend opens as before.
 * <ul>
 * <li>A query on {@code _id} with more conditions reads only the documents its {@code _id} finds,
 * as MongoDB does, when {@code _id} is a plain value or an {@code $in} list (what the services
 * send); other forms are read as before. The stand-in uses an index only when a query names
 * exactly the index's fields, so a conditional write such as {@code {_id: X, version: 3}} scanned
 * the whole collection: a replica catching up on 50,000 listings, or a transition among a million
 * referrals, then cost a scan each.</li>
 * <li>Documents are written as BSON ({@link BsonDocuments}), not by Java serialisation.</li>
 * <li>Unique indexes order their keys by hash first ({@link HashOrderedIndex}), so that looking a
 * key up no longer serialises keys. Their maps have new names (under the collection's, so that
 * dropping a database drops them too): an index from before is built again from its collection on
 * the first open, which takes a while on a large store.</li>
 * </ul>
 */
final class LocalH2Backend extends H2Backend {

    /** What {@link H2Database} puts between a collection's and an index's names (private to it: check when upgrading mongo-java-server). */
    private static final String SERIALISATION_ORDERED = "._index_";
    private static final String HASH_ORDERED = "._hash_ordered_index_";

    LocalH2Backend(MVStore store) {
        super(store); // opens every database, building each index whose map is empty
        // Only now, with every index built again, go the maps they replace: a start stopped
        // half-way finds them still there, and builds its indexes again from the start.
        for (String name : List.copyOf(store.getMapNames())) {
            if (name.contains(SERIALISATION_ORDERED) && store.hasMap(name.replace(SERIALISATION_ORDERED, HASH_ORDERED))) {
                store.removeMap(name);
            }
        }
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String name) {
        return new LocalDatabase(name);
    }

    /** Inner, not static: its constructor already opens collections, before a field of its own would be set. */
    private final class LocalDatabase extends H2Database {

        LocalDatabase(String name) {
            super(name, LocalH2Backend.this.getMvStore(), LocalH2Backend.this.getCursorRegistry());
        }

        /**
         * The same maps as {@link H2Database} opens for a collection (its names are private to it:
         * check them when upgrading mongo-java-server), so existing data is read as before.
         */
        @Override
        protected MongoCollection<Object> openOrCreateCollection(String name, CollectionOptions options) {
            String fullName = getFullCollectionNamespace(name);
            MVStore store = getMvStore();
            MVMap<Object, Document> documents = store.openMap("databases." + fullName, new MVMap.Builder<Object, Document>().valueType(new BsonDocuments()));
            return new IdFirstCollection(this, name, options, documents, store.openMap("meta." + fullName), cursorRegistry);
        }

        /** While the map it replaces is still there, the index is built from the start (see the constructor). */
        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<KeyValue, Object> map = store.openMap(namespace + HASH_ORDERED + indexName, HashOrderedIndex.mapBuilder());
            if (store.hasMap(namespace + SERIALISATION_ORDERED + indexName)) {
                map.clear(); // may hold part of a build that a stop cut short
            }
            return new HashOrderedIndex(map, indexName, keys, sparse);
        }

        /** Renaming a collection would leave its index maps under the old name: nothing here renames collections. */
        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            MVStore store = getMvStore();
            String name = getFullCollectionNamespace(collection.getCollectionName()) + HASH_ORDERED + indexName;
            if (store.hasMap(name)) {
                store.removeMap(name);
            }
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
