package org.bridgeway.notification.store;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Inserts many documents in one unordered write and says which were new: a document whose
 * {@code _id} is taken already (written for a redelivered event) is left as it is. One write per
 * batch instead of one per document keeps a busy store answering quickly.
 */
public final class NewDocuments {

    private static final int DUPLICATE_KEY = 11000;

    private NewDocuments() {
    }

    public static <T> List<T> insert(MongoTemplate mongo, String collection, Class<T> type, List<T> documents) {
        if (documents.isEmpty()) {
            return List.of();
        }
        Set<Integer> taken = new HashSet<>();
        try {
            mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, type, collection).insert(documents).execute();
        } catch (BulkOperationException e) {
            taken.addAll(duplicates(e.getErrors().stream().map(error -> new int[] {error.getIndex(), error.getCode()}).toList()));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            if (!(e.getCause() instanceof MongoBulkWriteException bulk)) {
                throw e;
            }
            taken.addAll(duplicates(bulk.getWriteErrors().stream()
                    .map((BulkWriteError error) -> new int[] {error.getIndex(), error.getCode()}).toList()));
        }
        List<T> inserted = new ArrayList<>();
        for (int i = 0; i < documents.size(); i++) {
            if (!taken.contains(i)) {
                inserted.add(documents.get(i));
            }
        }
        return inserted;
    }

    /** The indexes of the documents refused as duplicates; any other refusal is an error. */
    private static List<Integer> duplicates(List<int[]> errors) {
        for (int[] error : errors) {
            if (error[1] != DUPLICATE_KEY) {
                throw new IllegalStateException("the store refused a document: error code " + error[1]);
            }
        }
        return errors.stream().map(error -> error[0]).toList();
    }
}
