package org.bridgeway.directory.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An index nobody holds any more is removed; one in use, just made, or not ours is not. */
class LeftBehindIndexesTest {

    @TempDir
    Path tmp;

    @Test
    void anIndexWhoseWriterIsGoneIsRemovedAndOnesInUseOrStartingStay() throws IOException {
        Path leftBehind = tmp.resolve("bridgeway-directory-index1");
        Path justMade = tmp.resolve("bridgeway-directory-index3");
        Path someoneElses = tmp.resolve("another-index");
        for (Path closed : new Path[] {leftBehind, justMade, someoneElses}) {
            try (IndexWriter writer = writer(closed)) {
                writer.commit();
            }
        }
        Path inUse = tmp.resolve("bridgeway-directory-index2");
        try (IndexWriter writer = writer(inUse)) {
            writer.commit();
            ageAnHour(leftBehind, someoneElses, inUse);

            LeftBehindIndexes.remove(tmp, "bridgeway-directory-index");

            assertThat(leftBehind).doesNotExist();
            assertThat(inUse).exists();
            assertThat(justMade).exists();
            assertThat(someoneElses).exists();
        }
    }

    /** A writer with one document, as a process leaves its index when killed: its lock file stays. */
    private static IndexWriter writer(Path path) throws IOException {
        IndexWriter writer = new IndexWriter(FSDirectory.open(path), new IndexWriterConfig());
        Document doc = new Document();
        doc.add(new StringField("id", "a", Field.Store.NO));
        writer.addDocument(doc);
        assertThat(path.resolve(IndexWriter.WRITE_LOCK_NAME)).exists();
        return writer;
    }

    private static void ageAnHour(Path... paths) throws IOException {
        for (Path path : paths) {
            Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(3600)));
        }
    }
}
