package org.bridgeway.localstack;

import java.util.List;
import java.util.Map;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * mongo-java-server's H2 unique index, on a map whose keys are ordered by a hash of their values
 * first. H2 orders keys it cannot compare (the index's {@link KeyValue}s) by their Java
 * serialisation, serialising both keys for every comparison: a third of the store's time. The
 * index only looks keys up, so any total order does that is equal exactly where the serialised
 * forms are; this one compares serialised forms only when the hashes are equal.
 */
final class HashOrderedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    HashOrderedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.map = map;
    }

    static MVMap.Builder<KeyValue, Object> mapBuilder() {
        return new MVMap.Builder<KeyValue, Object>().keyType(new HashFirstOrder());
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        return map.remove(key);
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue key) {
        return map.get(key);
    }

    @Override
    public long getCount() {
        return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return map.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    /** Keys are still written as H2 writes them; only the order differs. */
    static final class HashFirstOrder extends ObjectDataType {

        /** Whether a class's hash comes from its content; if not, its instances all hash alike and their serialised forms decide. */
        private static final ClassValue<Boolean> CONTENT_HASH = new ClassValue<>() {
            @Override
            protected Boolean computeValue(Class<?> type) {
                try {
                    return type.getMethod("hashCode").getDeclaringClass() != Object.class;
                } catch (NoSuchMethodException e) {
                    return false;
                }
            }
        };

        @Override
        public int compare(Object a, Object b) {
            if (a == b) {
                return 0;
            }
            int byHash = Integer.compare(hash(a), hash(b));
            return byHash != 0 ? byHash : super.compare(a, b);
        }

        /** Equal for values whose serialised forms are equal: lists and maps by their elements, never by identity. */
        static int hash(Object value) {
            if (value == null) {
                return 0;
            }
            if (value instanceof Iterable<?> values) { // a KeyValue, or an array in a document
                int hash = 1;
                for (Object element : values) {
                    hash = 31 * hash + hash(element);
                }
                return hash;
            }
            if (value instanceof Map<?, ?> document) {
                int hash = 0;
                for (Map.Entry<?, ?> entry : document.entrySet()) {
                    hash += hash(entry.getKey()) ^ hash(entry.getValue());
                }
                return hash;
            }
            return CONTENT_HASH.get(value.getClass()) ? value.hashCode() : value.getClass().getName().hashCode();
        }
    }
}
