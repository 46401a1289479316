package org.bridgeway.directory.importing;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bridgeway.directory.web.InvalidFieldException;

/**
 * Reads a CSV file into spreadsheet rows (the header is row 1). A row that is not valid CSV, such
 * as one with a quote never closed, does not end the file: it is given as unreadable and reading
 * starts again on the line after the one it began on.
 */
final class AssetMapCsv {

    /** A row's cells, or why it cannot be read. */
    record Line(int row, List<String> cells, String problem) {
    }

    // Empty lines are kept as rows so that row numbers stay those a spreadsheet shows.
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private AssetMapCsv() {
    }

    /** The header and at most {@code maxRows} rows below it, blank rows left out; more is refused before any is stored. */
    static List<Line> read(byte[] body, int maxRows) {
        String text = utf8(body);
        List<Line> lines = new ArrayList<>();
        int row = 0;
        int offset = 0;
        while (offset < text.length()) {
            try (CSVParser parser = CSVParser.builder().setReader(from(text, offset)).setFormat(FORMAT).get()) {
                Iterator<CSVRecord> records = parser.iterator();
                long linesRead = 0;
                try {
                    while (records.hasNext()) {
                        List<String> cells = records.next().toList();
                        row++;
                        if (cells.stream().anyMatch(cell -> !cell.isBlank())) {
                            add(lines, new Line(row, cells, null), maxRows);
                        }
                        linesRead = parser.getCurrentLineNumber();
                    }
                    return lines;
                } catch (UncheckedIOException e) {
                    add(lines, new Line(++row, List.of(), unreadable(e)), maxRows);
                    offset = skipLines(text, offset, linesRead + 1);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e); // reading a string does not fail
            }
        }
        return lines;
    }

    /** The text from that offset on, not copied: a copy for every unreadable row would make reading a file quadratic. */
    private static Reader from(String text, int offset) throws IOException {
        Reader rest = new StringReader(text);
        rest.skip(offset);
        return rest;
    }

    private static void add(List<Line> lines, Line line, int maxRows) {
        if (lines.size() > maxRows) {
            throw new InvalidFieldException("rows", "an import may have at most " + maxRows
                    + " rows below the header; split the file");
        }
        lines.add(line);
    }

    /** Where the text continues after that many more line breaks (CR, LF or CRLF), as the parser counts them. */
    private static int skipLines(String text, int offset, long lines) {
        int at = offset;
        for (long skipped = 0; skipped < lines && at < text.length(); at++) {
            char c = text.charAt(at);
            if (c == '\n' || c == '\r' && (at + 1 == text.length() || text.charAt(at + 1) != '\n')) {
                skipped++;
            }
        }
        return at;
    }

    private static String unreadable(UncheckedIOException e) {
        String message = String.valueOf(e.getCause().getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "cannot be read: a quoted value is never closed; check the quotes in this row";
        }
        if (message.contains("Invalid character between encapsulated token and delimiter")) {
            return "cannot be read: text follows a closing quote; a quote inside a quoted value must be doubled (\"\")";
        }
        return "cannot be read as CSV: " + message;
    }

    /** Strictly UTF-8, so a file saved in another encoding is refused rather than stored garbled; a BOM is dropped. */
    private static String utf8(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidFieldException("body", "is not UTF-8 text; save the file as \"CSV UTF-8\"");
        }
    }
}
