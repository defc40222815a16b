package gov.workplan.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Files an attacker or a careless exporter would upload where a report template is expected, written
 * byte by byte (a well-behaved writer refuses to produce most of them): each shaped like the template
 * (sheets Indicators and Tasks, plan, period and unit in B2–B4, indicator rows from row 8) so that it
 * gets past the first checks and reaches the part of the reader it attacks. None is larger than 2 MB
 * on the wire; several unpack to far more.
 */
public final class HostileWorkbooks {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /** A named hostile file, made when first asked for and kept: the large ones take seconds to deflate. */
    public record Hostile(String name, String key, java.util.function.Supplier<byte[]> maker) {

        public byte[] file() {
            return MADE.computeIfAbsent(key, k -> maker.get());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Map<String, byte[]> MADE = new java.util.concurrent.ConcurrentHashMap<>();

    private HostileWorkbooks() {
    }

    /** The set every upload endpoint is attacked with; {@code unit} is the unit the upload is made for. */
    public static List<Hostile> all(String plan, String period, String unit) {
        return List.of(
                hostile(plan, period, unit, "a value cell holding 1E-999999999", () -> template(plan, period, unit,
                        out -> write(out, "<row r=\"8\">" + inline("A8", "scale.bio") + "<c r=\"F8\"><v>1E-999999999</v></c></row>"))),
                hostile(plan, period, unit, "the plan cell holding 1E+999999999", () -> template("PLAN-AS-NUMBER", period, unit, out -> { })),
                large("an inline string of 1 GB", () -> template("any-plan", "2011-Q2", "futian", out -> {
                    write(out, "<row r=\"8\">" + inline("A8", "scale.bio") + "<c r=\"G8\" t=\"inlineStr\"><is><t>");
                    byte[] chunk = "说明".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
                    for (long written = 0; written < (1L << 30); written += chunk.length) {
                        write(out, chunk);
                    }
                    write(out, "</t></is></c></row>");
                })),
                large("a zip bomb: parts unpacking to 1 GB of zeros", () -> bomb("any-plan", "2011-Q2", "futian")),
                large("a million rows", () -> template("any-plan", "2011-Q2", "futian", out -> {
                    for (int r = 8; r < 1_000_008; r++) {
                        write(out, "<row r=\"" + r + "\"/>");
                    }
                })),
                hostile(plan, period, unit, "6,000 indicator rows", () -> template(plan, period, unit, out -> {
                    for (int r = 8; r < 6_008; r++) {
                        write(out, "<row r=\"" + r + "\">" + inline("A" + r, "code-" + r) + "</row>");
                    }
                })),
                hostile(plan, period, unit, "formula cells", () -> template(plan, period, unit, out -> write(out, "<row r=\"8\">"
                        + inline("A8", "scale.bio") + "<c r=\"F8\"><f>1+1</f><v>2</v></c>"
                        + "<c r=\"G8\" t=\"str\"><f>HYPERLINK(\"http://x\",\"y\")</f><v>y</v></c></row>"))),
                hostile(plan, period, unit, "a cell of 5,000 characters", () -> template(plan, period, unit, out -> write(out, "<row r=\"8\">"
                        + inline("A8", "scale.bio") + "<c r=\"F8\"><v>1</v></c>" + inline("G8", "长".repeat(5_000)) + "</row>"))),
                hostile(plan, period, unit, "another unit's B4", () -> template(plan, period, unit + "-other", out -> { })),
                hostile(plan, period, unit, "a CSV sent as .xlsx", () -> "name,value\nscale.bio,12\n".getBytes(StandardCharsets.UTF_8)),
                hostile(plan, period, unit, "random bytes behind a zip signature", () -> randomZipHeader()));
    }

    /**
     * The large ones are refused by their size before their header is read, so one copy serves every plan and
     * unit (made once per JVM: each takes seconds to deflate).
     */
    private static Hostile large(String name, java.util.function.Supplier<byte[]> maker) {
        return new Hostile(name, name, maker);
    }

    private static Hostile hostile(String plan, String period, String unit, String name,
            java.util.function.Supplier<byte[]> maker) {
        return new Hostile(name, name + "|" + plan + "|" + period + "|" + unit, maker);
    }

    /** A template-shaped workbook whose Indicators sheet has the header block and then what {@code rows} writes. */
    static byte[] template(String plan, String period, String unit, Consumer<OutputStream> rows) {
        Map<String, Consumer<OutputStream>> parts = new LinkedHashMap<>(skeleton());
        parts.put("xl/worksheets/sheet1.xml", out -> {
            write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + MAIN + "\"><sheetData>");
            write(out, "<row r=\"2\">" + inline("A2", "计划 Plan") + cell("B2", plan) + "</row>");
            write(out, "<row r=\"3\">" + inline("A3", "报送期 Period") + inline("B3", period) + "</row>");
            write(out, "<row r=\"4\">" + inline("A4", "责任单位 Unit") + inline("B4", unit) + "</row>");
            rows.accept(out);
            write(out, "</sheetData></worksheet>");
        });
        parts.put("xl/worksheets/sheet2.xml", out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\""
                + MAIN + "\"><sheetData/></worksheet>"));
        return zip(parts);
    }

    private static byte[] bomb(String plan, String period, String unit) {
        Map<String, Consumer<OutputStream>> parts = new LinkedHashMap<>();
        byte[] zeros = new byte[1 << 20];
        for (int i = 1; i <= 4; i++) {
            parts.put("xl/media/image" + i + ".bin", out -> {
                for (int mb = 0; mb < 256; mb++) {
                    write(out, zeros);
                }
            });
        }
        byte[] inner = template(plan, period, unit, out -> { });
        // The bomb's parts come first, so a reader that trusts declared sizes or stops early is not spared.
        Map<String, Consumer<OutputStream>> all = new LinkedHashMap<>(parts);
        try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(inner))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null;) {
                byte[] content = in.readAllBytes();
                all.put(e.getName(), out -> write(out, content));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return zip(all);
    }

    private static byte[] randomZipHeader() {
        byte[] bytes = new byte[4096];
        new java.util.Random(42).nextBytes(bytes);
        bytes[0] = 'P';
        bytes[1] = 'K';
        bytes[2] = 3;
        bytes[3] = 4;
        return bytes;
    }

    private static Map<String, Consumer<OutputStream>> skeleton() {
        Map<String, Consumer<OutputStream>> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet2.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "</Types>"));
        parts.put("_rels/.rels", out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"" + REL
                + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
        parts.put("xl/workbook.xml", out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + MAIN
                + "\" xmlns:r=\"" + REL + "\"><sheets><sheet name=\"Indicators\" sheetId=\"1\" r:id=\"rId1\"/>"
                + "<sheet name=\"Tasks\" sheetId=\"2\" r:id=\"rId2\"/></sheets></workbook>"));
        parts.put("xl/_rels/workbook.xml.rels", out -> write(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
                + "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\"" + REL + "/worksheet\" Target=\"worksheets/sheet2.xml\"/>"
                + "</Relationships>"));
        return parts;
    }

    /** B2 as a number when the plan says so: the header read as a huge-exponent number. */
    private static String cell(String ref, String value) {
        return "PLAN-AS-NUMBER".equals(value) ? "<c r=\"" + ref + "\"><v>1E+999999999</v></c>" : inline(ref, value);
    }

    private static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</t></is></c>";
    }

    private static byte[] zip(Map<String, Consumer<OutputStream>> parts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            // zlib's default level: 1 GB of repeated text deflates to ~1.5 MB in a few seconds (level 9 takes minutes).
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            for (Map.Entry<String, Consumer<OutputStream>> part : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(part.getKey()));
                part.getValue().accept(zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static void write(OutputStream out, String text) {
        write(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(OutputStream out, byte[] bytes) {
        try {
            out.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
