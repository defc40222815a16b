package gov.workplan.common.excel;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import jakarta.ws.rs.core.Response;

/**
 * Office exports as Excel workbooks (.xlsx): one sheet per table, a title row, a bold header row, and
 * plain typed cells (numbers stay numbers, dates stay dates) so the office can sort, filter and sum.
 * Shared by the three services' export endpoints; writing a report template is reporting-service's own.
 */
public final class Xlsx {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** One table: its sheet name (≤ 31 characters), a title line above it, the column heads, the rows. */
    public record Table(String sheet, String title, List<String> headers, List<List<Object>> rows) {
    }

    private Xlsx() {
    }

    public static byte[] workbook(List<Table> tables) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "workplan-suite", "1.0");
            for (Table t : tables) {
                Worksheet ws = wb.newWorksheet(t.sheet());
                ws.value(0, 0, t.title());
                ws.style(0, 0).bold().fontSize(13).set();
                for (int c = 0; c < t.headers().size(); c++) {
                    ws.value(1, c, t.headers().get(c));
                    ws.style(1, c).bold().fillColor("DDEBF7").set();
                    ws.width(c, Math.max(12, Math.min(40, t.headers().get(c).length() * 1.6)));
                }
                for (int r = 0; r < t.rows().size(); r++) {
                    List<Object> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        cell(ws, r + 2, c, row.get(c));
                    }
                }
                ws.freezePane(0, 2);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing a workbook in memory", e);
        }
        return out.toByteArray();
    }

    /** Writes a value as its natural cell type; null leaves the cell empty. */
    public static void cell(Worksheet ws, int row, int col, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof BigDecimal d) {
            // 2E+1 (a stripped 20) is valid XML but reads back oddly; a plain scale keeps "20".
            ws.value(row, col, d.scale() < 0 ? d.setScale(0) : d);
        } else if (value instanceof Number n) {
            ws.value(row, col, n);
        } else if (value instanceof Boolean b) {
            ws.value(row, col, b);
        } else if (value instanceof LocalDate d) {
            ws.value(row, col, d);
            ws.style(row, col).format("yyyy-mm-dd").set();
        } else if (value instanceof Instant i) {
            ws.value(row, col, i.toString());
        } else {
            ws.value(row, col, value.toString());
        }
    }

    /** A download answer: the workbook as an attachment, its file name safe for any browser. */
    public static Response download(byte[] workbook, String fileName) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return Response.ok(workbook, MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"" + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                        + "\"; filename*=UTF-8''" + encoded)
                .build();
    }
}
