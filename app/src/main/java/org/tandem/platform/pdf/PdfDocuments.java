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
