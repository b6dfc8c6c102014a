package org.tandem.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;

/**
 * Simple PDF documents (receipts, letters) in any of the three languages. Vietnamese and
 * Cyrillic need a Unicode font: DejaVu Sans from the system (Debian's fonts-dejavu-core),
 * or another path in {@code TANDEM_PDF_FONT}.
 */
@Component
public class PdfDocuments {

    private static final List<String> FONTS = List.of(
            System.getenv().getOrDefault("TANDEM_PDF_FONT", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf");

    /** A heading and label/value lines, in that order. */
    public record Line(String label, String value) {
    }

    public byte[] simple(String title, List<Line> lines, String footnote) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont base = font();
            doc.add(new Paragraph(title, new Font(base, 16, Font.BOLD)));
            doc.add(new Paragraph(" "));
            Font label = new Font(base, 10, Font.BOLD);
            Font value = new Font(base, 11);
            for (Line l : lines) {
                doc.add(new Paragraph(l.label(), label));
                doc.add(new Paragraph(l.value(), value));
                doc.add(new Paragraph(" ", value));
            }
            if (footnote != null) {
                doc.add(new Paragraph(footnote, new Font(base, 9, Font.ITALIC)));
            }
            doc.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not write a PDF", e);
        }
    }

    /** A titled table: the header row, then the body rows (cells as already formatted text). */
    public record Table(String heading, List<String> header, List<List<String>> rows) {
    }

    /**
     * A report of several tables on landscape pages (rankings, scores per level): the title, a few
     * lines of introduction, each table with its header repeated on every page, and a footnote.
     */
    public byte[] tables(String title, List<String> intro, List<Table> tables, String footnote) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document doc = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
            PdfWriter.getInstance(doc, out);
            doc.open();
            BaseFont base = font();
            doc.add(new Paragraph(title, new Font(base, 16, Font.BOLD)));
            Font text = new Font(base, 10);
            for (String line : intro) {
                doc.add(new Paragraph(line, text));
            }
            Font head = new Font(base, 8, Font.BOLD);
            Font cell = new Font(base, 8);
            for (Table t : tables) {
                Paragraph heading = new Paragraph(t.heading(), new Font(base, 12, Font.BOLD));
                heading.setSpacingBefore(12);
                heading.setSpacingAfter(6);
                doc.add(heading);
                com.lowagie.text.pdf.PdfPTable table = new com.lowagie.text.pdf.PdfPTable(t.header().size());
                table.setWidthPercentage(100);
                table.setHeaderRows(1);
                for (String h : t.header()) {
                    com.lowagie.text.pdf.PdfPCell c = new com.lowagie.text.pdf.PdfPCell(new com.lowagie.text.Phrase(h, head));
                    c.setGrayFill(0.9f);
                    table.addCell(c);
                }
                for (List<String> row : t.rows()) {
                    for (String v : row) {
                        table.addCell(new com.lowagie.text.Phrase(v == null ? "" : v, cell));
                    }
                }
                doc.add(table);
            }
            if (footnote != null) {
                doc.add(new Paragraph(footnote, new Font(base, 9, Font.ITALIC)));
            }
            doc.close();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException("could not write a PDF", e);
        }
    }

    private static BaseFont font() throws Exception {
        for (String f : FONTS) {
            if (Files.isReadable(Path.of(f))) {
                return BaseFont.createFont(f, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
            }
        }
        // Without a Unicode font Latin text still prints; diacritics and Cyrillic may not.
        return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.CP1252, BaseFont.NOT_EMBEDDED);
    }
}
