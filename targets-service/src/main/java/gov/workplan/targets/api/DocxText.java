package gov.workplan.targets.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Enumeration;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

import gov.workplan.common.problem.ApiProblem;

/**
 * The text of a .docx document, one line per paragraph (a table's cells each a paragraph, as a text copy of the
 * document lays them out). Read within bounds — the file, its entries, what {@code word/document.xml} inflates to
 * (counted while inflating, never trusting the sizes the file declares) — and with no DTD or external entity, so
 * that a hostile file costs a bounded amount of memory and answers a 4xx.
 */
final class DocxText {

    static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ENTRIES = 1_000;
    static final long MAX_DOCUMENT_XML = 50L * 1024 * 1024;
    private static final String W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    private DocxText() {
    }

    @SuppressWarnings("deprecation") // ZipFile's builder is newer than some commons-compress versions in use
    static String of(byte[] file) {
        if (file.length > MAX_BYTES) {
            throw ApiProblem.tooLarge("file", "must be at most " + MAX_BYTES / 1024 / 1024 + " MB");
        }
        byte[] xml;
        try (ZipFile zip = new ZipFile(new SeekableInMemoryByteChannel(file))) {
            int entries = 0;
            ZipArchiveEntry document = null;
            for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements();) {
                ZipArchiveEntry entry = e.nextElement();
                if (++entries > MAX_ENTRIES) {
                    throw ApiProblem.invalid("file", "has more than " + MAX_ENTRIES + " parts");
                }
                if ("word/document.xml".equals(entry.getName())) {
                    document = entry;
                }
            }
            if (document == null) {
                throw ApiProblem.invalid("file", "is not a .docx document: it has no word/document.xml");
            }
            try (InputStream in = zip.getInputStream(document)) {
                xml = bounded(in);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiProblem problem) {
                throw problem;
            }
            throw ApiProblem.invalid("file", "is not a readable .docx document");
        }
        return paragraphs(xml);
    }

    private static byte[] bounded(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) > 0;) {
            total += n;
            if (total > MAX_DOCUMENT_XML) {
                throw ApiProblem.tooLarge("file", "its text unpacks to more than " + MAX_DOCUMENT_XML / 1024 / 1024 + " MB");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String paragraphs(byte[] xml) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new java.io.ByteArrayInputStream(xml));
            boolean inText = false;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT && W.equals(reader.getNamespaceURI())) {
                    switch (reader.getLocalName()) {
                        case "t" -> inText = true;
                        case "tab" -> text.append('\t');
                        case "br", "cr" -> text.append('\n');
                        default -> {
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && W.equals(reader.getNamespaceURI())) {
                    if ("t".equals(reader.getLocalName())) {
                        inText = false;
                    } else if ("p".equals(reader.getLocalName())) {
                        text.append('\n');
                    }
                } else if (event == XMLStreamConstants.CHARACTERS && inText) {
                    text.append(reader.getText());
                }
            }
        } catch (XMLStreamException e) {
            throw ApiProblem.invalid("file", "is not a readable .docx document: its text is not well-formed XML");
        }
        return text.toString();
    }
}
