package gov.workplan.common.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import gov.workplan.common.problem.ApiProblem;
import gov.workplan.common.problem.FieldErrors;

/**
 * Reads an uploaded .xlsx within declared bounds, so that a hostile file costs a bounded amount of memory
 * and CPU and answers a 4xx naming the limit or the cell: a zip bomb, a sheet of a million rows, a
 * gigabyte inline string, a number like {@code 1E-999999999} (whose plain form alone would fill the
 * heap), a formula. The container is checked first, through the same zip reader fastexcel uses (central
 * directory), by inflating every entry against the budget without trusting the sizes the file declares;
 * then rows are streamed and counted, and cells are read only through {@link #text} and {@link #number}.
 * Formulas are never evaluated (fastexcel cannot) and never read: the officer types values.
 */
public final class XlsxUpload implements AutoCloseable {

    /** The bounds of one kind of upload. */
    public record Limits(int maxBytes, int maxEntries, long maxUnzippedBytes, int maxSheets, int maxRowsPerSheet,
            int maxColumns, int maxCellChars, int maxNumberChars, int maxDecimals) {

        /** A unit's report template: a few kilobytes; these bounds leave it a hundredfold room. */
        public static final Limits REPORT_TEMPLATE = new Limits(2 * 1024 * 1024, 64, 10L * 1024 * 1024, 8, 5_000, 26,
                4_000, 30, 10);
    }

    /** Plain decimals or scientific notation with a small exponent: what a typed number is stored as. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    private final ReadableWorkbook workbook;
    private final Limits limits;

    private XlsxUpload(ReadableWorkbook workbook, Limits limits) {
        this.workbook = workbook;
        this.limits = limits;
    }

    /**
     * Checks the file's size and container, then opens it. Throws 413 when the file or what it unpacks to is
     * too large, 400 when it is not a readable workbook or has too many parts.
     */
    public static XlsxUpload open(byte[] file, Limits limits) {
        if (file == null || file.length == 0) {
            throw ApiProblem.invalid("file", "is required: the filled .xlsx as the request body");
        }
        if (file.length > limits.maxBytes()) {
            throw ApiProblem.tooLarge("file", "must be at most " + limits.maxBytes() / 1024 + " KB");
        }
        if (!ReadableWorkbook.isOOXMLZipHeader(file)) {
            throw ApiProblem.invalid("file", "is not an .xlsx workbook (an Office Open XML zip)");
        }
        checkContainer(file, limits);
        try {
            return new XlsxUpload(new ReadableWorkbook(new ByteArrayInputStream(file)), limits);
        } catch (IOException | RuntimeException e) {
            throw ApiProblem.invalid("file", "is not a readable .xlsx workbook");
        }
    }

    @SuppressWarnings("deprecation") // ZipFile's builder is newer than some commons-compress versions in use
    private static void checkContainer(byte[] file, Limits limits) {
        long budget = limits.maxUnzippedBytes();
        int sheets = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipFile zip = new ZipFile(new SeekableInMemoryByteChannel(file))) {
            List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw ApiProblem.invalid("file", "has " + entries.size() + " parts; a workbook of this kind has at most "
                        + limits.maxEntries());
            }
            for (ZipArchiveEntry entry : entries) {
                if (entry.getName().startsWith("xl/worksheets/") && entry.getName().endsWith(".xml")
                        && ++sheets > limits.maxSheets()) {
                    throw ApiProblem.invalid("file", "has more than " + limits.maxSheets() + " sheets");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    for (int n; (n = in.read(buffer)) > 0;) {
                        budget -= n;
                        if (budget < 0) {
                            throw ApiProblem.tooLarge("file", "unpacks to more than " + limits.maxUnzippedBytes()
                                    / (1024 * 1024) + " MB; a filled template unpacks to a few hundred kilobytes");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.invalid("file", "is not a readable .xlsx workbook");
        }
    }

    public boolean hasSheet(String name) {
        return workbook.findSheet(name).isPresent();
    }

    /**
     * A sheet's rows, read as a stream and counted: more than the limit is a 400 naming the sheet. Rows are
     * few by then (the unpacked size is bounded), so they are kept as a list.
     */
    public List<Row> rows(String sheetName) {
        Sheet sheet = workbook.findSheet(sheetName)
                .orElseThrow(() -> ApiProblem.invalid("file", "has no sheet '" + sheetName + "'"));
        List<Row> rows = new ArrayList<>();
        try (Stream<Row> stream = sheet.openStream()) {
            for (Iterator<Row> it = stream.iterator(); it.hasNext();) {
                Row row = it.next();
                if (rows.size() >= limits.maxRowsPerSheet()) {
                    throw ApiProblem.invalid(sheetName, "has more than " + limits.maxRowsPerSheet() + " rows");
                }
                rows.add(row);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.invalid(sheetName, "cannot be read: the sheet is not well-formed");
        }
        return rows;
    }

    /** The cell at a column, or null: columns past the limit are never looked at. */
    public Cell cell(Row row, int col) {
        return col < limits.maxColumns() && col < row.getCellCount() ? row.getCell(col) : null;
    }

    /**
     * A cell's text: a typed string, or a typed number in plain form. Null for an empty cell. A formula, an
     * error value or a string over the limit is an error named by the cell, and null.
     */
    public String text(String sheet, Row row, int col, FieldErrors errors) {
        Cell c = cell(row, col);
        if (c == null || c.getType() == CellType.EMPTY) {
            return null;
        }
        String at = address(sheet, row, col);
        switch (c.getType()) {
            case NUMBER -> {
                BigDecimal n = boundedNumber(c.getRawValue(), at, errors);
                return n == null ? null : n.stripTrailingZeros().toPlainString();
            }
            case STRING, BOOLEAN -> {
                String s = c.getRawValue();
                if (s != null && s.length() > limits.maxCellChars()) {
                    errors.add(at, "must be at most " + limits.maxCellChars() + " characters; got " + s.length());
                    return null;
                }
                return s;
            }
            case FORMULA -> errors.add(at, "is a formula; formulas are not read: type the value itself");
            default -> errors.add(at, "must be typed text or a number, not an error value");
        }
        return null;
    }

    /**
     * A cell's number: a typed number, or text that is one ("1,234.5"). Bounded in length and decimals before
     * it becomes a BigDecimal, so that no exponent can blow up later arithmetic or printing.
     */
    public BigDecimal number(String sheet, Row row, int col, FieldErrors errors) {
        Cell c = cell(row, col);
        String at = address(sheet, row, col);
        if (c == null || c.getType() == CellType.EMPTY) {
            return null;
        }
        return switch (c.getType()) {
            case NUMBER -> boundedNumber(c.getRawValue(), at, errors);
            case STRING -> {
                String raw = c.getRawValue() == null ? "" : c.getRawValue().trim().replace(",", "");
                if (!NUMBER.matcher(raw).matches() || raw.length() > limits.maxNumberChars()) {
                    errors.add(at, "must be a number; got '" + shorten(c.getRawValue()) + "'");
                    yield null;
                }
                yield boundedNumber(raw, at, errors);
            }
            case FORMULA -> {
                errors.add(at, "is a formula; formulas are not read: type the value itself");
                yield null;
            }
            default -> {
                errors.add(at, "must be a number typed into the cell, not a " + c.getType().name().toLowerCase());
                yield null;
            }
        };
    }

    private BigDecimal boundedNumber(String raw, String at, FieldErrors errors) {
        if (raw == null || raw.length() > limits.maxNumberChars() || !NUMBER.matcher(raw.trim()).matches()) {
            errors.add(at, "must be a number of at most " + limits.maxNumberChars() + " characters");
            return null;
        }
        BigDecimal n = new BigDecimal(raw.trim());
        // An exponent of ±999 is still 1,000 digits in plain form; values of a report have a few decimals.
        if (n.scale() > limits.maxDecimals() || n.precision() - n.scale() > limits.maxNumberChars()) {
            errors.add(at, "must be a number with at most " + limits.maxNumberChars() + " digits and "
                    + limits.maxDecimals() + " decimals");
            return null;
        }
        return n;
    }

    /** The cell's name as the officer sees it: {@code Indicators!F8}. */
    public static String address(String sheet, Row row, int col) {
        return sheet + "!" + columnName(col) + row.getRowNum();
    }

    private static String columnName(int col) {
        StringBuilder name = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            name.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return name.toString();
    }

    private static String shorten(String s) {
        return s == null ? "" : s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }

    @Override
    public void close() {
        try {
            workbook.close();
        } catch (IOException e) {
            // in-memory: nothing to release that matters
        }
    }
}
