package org.bridgeway.directory.search;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.store.NativeFSLockFactory;
import org.apache.lucene.util.IOUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the temporary index directories of directory-service processes that ended without
 * closing (killed, or out of memory): each is as large as the index, a hundred megabytes or more
 * for a big directory. One is left behind when nothing holds its write lock any more; the
 * operating system lets a lock go with its process, so another instance's live index is never
 * touched. A directory younger than a minute may still be starting, so it is left alone.
 */
final class LeftBehindIndexes {

    private static final Logger log = LoggerFactory.getLogger(LeftBehindIndexes.class);
    private static final Duration STARTING = Duration.ofMinutes(1);

    private LeftBehindIndexes() {
    }

    /** Never fails the start: what cannot be looked at or removed now is left for the next one. */
    static void remove(Path parent, String prefix) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path index : found) {
                try {
                    if (leftBehind(index)) {
                        IOUtils.rm(index);
                        log.info("Removed the search index {} that a process ended without removing", index);
                    }
                } catch (IOException | RuntimeException e) { // another instance starting may be removing it too
                    log.warn("Could not remove the search index {} left behind: {}", index, e.toString());
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look for search indexes left behind in {}: {}", parent, e.toString());
        }
    }

    private static boolean leftBehind(Path index) throws IOException {
        return Files.isDirectory(index) && Files.exists(index.resolve(IndexWriter.WRITE_LOCK_NAME))
               && Files.getLastModifiedTime(index).toInstant().isBefore(Instant.now().minus(STARTING))
               && unlocked(index);
    }

    private static boolean unlocked(Path index) throws IOException {
        try (FSDirectory directory = FSDirectory.open(index);
             Lock lock = NativeFSLockFactory.INSTANCE.obtainLock(directory, IndexWriter.WRITE_LOCK_NAME)) {
            lock.ensureValid();
            return true;
        } catch (LockObtainFailedException inUse) {
            return false;
        }
    }
}
