package org.bridgeway.localstack;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store writes a collection's documents: as BSON, the way they came over the wire, instead
 * of H2's default, Java serialisation of the map, which was a fifth of the store's time. Documents
 * written before are still read: their first byte is one of H2's own type tags, which stop below
 * {@link #BSON}.
 */
final class BsonDocuments extends ObjectDataType {

    /** Marks a BSON document; H2's ObjectDataType writes tags 0 to 119 only. */
    private static final byte BSON = 127;

    /**
     * What a decoded document costs in the page cache: a running average over the documents read
     * and written, as H2 keeps for serialised values, at {@link #DECODED_PER_BSON_BYTE} times the
     * BSON size, since a document's maps, strings and boxed numbers take several times its BSON.
     */
    private volatile int averageMemory = 4096;
    private static final int DECODED_PER_BSON_BYTE = 4;

    @Override
    public void write(WriteBuffer buff, Object value) {
        byte[] bson = value instanceof Document document ? bson(document) : null;
        if (bson == null) {
            super.write(buff, value);
            return;
        }
        buff.put(BSON).put(bson);
        sized(bson.length);
    }

    /**
     * The document as BSON, or null when it holds a value BSON has no type for (the wire never
     * brings one): such a document is kept as H2 keeps it, rather than failing later in H2's
     * background write, far from the insert that caused it.
     */
    private static byte[] bson(Document document) {
        ByteBuf buffer = Unpooled.buffer();
        try {
            BsonEncoder.encodeDocument(document, buffer);
            return ByteBufUtil.getBytes(buffer);
        } catch (RuntimeException e) {
            return null;
        } finally {
            buffer.release();
        }
    }

    @Override
    public Object read(ByteBuffer buff) {
        if (buff.get(buff.position()) != BSON) {
            return super.read(buff);
        }
        int start = buff.position() + 1;
        int size = buff.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(start); // BSON begins with its length
        Document document = BsonDecoder.decodeBson(Unpooled.wrappedBuffer(buff.slice(start, size)));
        buff.position(start + size);
        sized(size);
        return document;
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document ? averageMemory : super.getMemory(value);
    }

    private void sized(int bsonSize) {
        averageMemory = (averageMemory * 15 + bsonSize * DECODED_PER_BSON_BYTE) / 16;
    }
}
