package gov.workplan.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * An .xlsx as the tests see it: every sheet's cells by address ("F8"), read from bytes, changed the
 * way an officer types into cells, and written back as a new file, every other cell kept.
 */
public final class Workbooks {

    private final Map<String, Map<String, Object>> sheets = new LinkedHashMap<>();

    private Workbooks() {
    }

    public static Workbooks read(byte[] xlsx) {
        Workbooks book = new Workbooks();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Sheet sheet : wb.getSheets().toList()) {
                Map<String, Object> cells = new LinkedHashMap<>();
                for (Row row : sheet.read()) {
                    for (int c = 0; c < row.getCellCount(); c++) {
                        Cell cell = row.getCell(c);
                        if (cell == null || cell.getType() == CellType.EMPTY) {
                            continue;
                        }
                        cells.put(cell.getAddress().toString(),
                                cell.getType() == CellType.NUMBER ? cell.asNumber() : cell.getText());
                    }
                }
                book.sheets.put(sheet.getName(), cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return book;
    }

    public Object get(String sheet, String address) {
        return sheets.get(sheet).get(address);
    }

    /** The 1-based row whose column A holds {@code code}, as the officer finds an indicator or task. */
    public int rowOf(String sheet, String code) {
        return sheets.get(sheet).entrySet().stream()
                .filter(e -> e.getKey().matches("A\\d+") && code.equals(String.valueOf(e.getValue())))
                .mapToInt(e -> Integer.parseInt(e.getKey().substring(1))).findFirst()
                .orElseThrow(() -> new AssertionError(code + " is not in sheet " + sheet + ": " + sheets.get(sheet)));
    }

    /** Column A codes below the header rows, top to bottom. */
    public List<String> codes(String sheet, int firstRow) {
        List<String> codes = new ArrayList<>();
        sheets.get(sheet).forEach((address, value) -> {
            if (address.matches("A\\d+") && Integer.parseInt(address.substring(1)) >= firstRow) {
                codes.add(String.valueOf(value));
            }
        });
        return codes;
    }

    /** Types a value into a cell: a number stays a number, anything else is text; null clears it. */
    public Workbooks put(String sheet, String address, Object value) {
        if (value == null) {
            sheets.get(sheet).remove(address);
        } else {
            sheets.get(sheet).put(address, value);
        }
        return this;
    }

    public byte[] write() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "test-officer", "1.0");
            sheets.forEach((name, cells) -> {
                Worksheet ws = wb.newWorksheet(name);
                cells.forEach((address, value) -> {
                    int col = address.charAt(0) - 'A';
                    int row = Integer.parseInt(address.substring(1)) - 1;
                    if (value instanceof BigDecimal d) {
                        ws.value(row, col, d);
                    } else if (value instanceof Number n) {
                        ws.value(row, col, n);
                    } else {
                        ws.value(row, col, String.valueOf(value));
                    }
                });
            });
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
