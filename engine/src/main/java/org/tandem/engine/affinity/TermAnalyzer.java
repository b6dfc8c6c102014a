package org.tandem.engine.affinity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.FilteringTokenFilter;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.icu.ICUFoldingFilter;
import org.apache.lucene.analysis.icu.segmentation.ICUTokenizer;
import org.apache.lucene.analysis.miscellaneous.LengthFilter;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.ru.RussianLightStemFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * Turns free text into index terms the same way for proposals and experts: ICU word breaking,
 * Russian stop words and light stemming on the unfolded Cyrillic (the stemmer expects "й"),
 * then ICU folding (case, diacritics: "Hợp tác" = "hop tac"), English stop words and Porter
 * stemming. Thread-safe: Lucene keeps one token stream per thread.
 */
final class TermAnalyzer implements AutoCloseable {

    /** A term and the words it came from, so explanations can show "catalysts" rather than "catalyst". */
    record Token(String term, String surface) {
    }

    // Lucene's English list is tiny; scientific abstracts repeat these function words so often
    // that, even with IDF, they would add noise to every pair.
    private static final List<String> EXTRA_ENGLISH_STOP_WORDS = Arrays.asList(
            "about", "above", "after", "again", "against", "all", "also", "am", "among", "any",
            "because", "been", "before", "being", "below", "between", "both", "can", "could", "did",
            "do", "does", "doing", "down", "during", "each", "few", "from", "further", "had", "has",
            "have", "having", "he", "her", "here", "hers", "him", "his", "how", "however", "i", "its",
            "itself", "just", "me", "more", "most", "my", "nor", "now", "only", "other", "our",
            "ours", "out", "over", "own", "same", "she", "should", "so", "some", "than", "thus",
            "them", "themselves", "those", "through", "too", "under", "until", "up", "very", "we",
            "what", "when", "where", "which", "while", "who", "whom", "why", "within", "without",
            "would", "you", "your", "us", "may", "might", "must", "via", "whether", "yet", "upon",
            "whose", "therefore", "moreover", "furthermore", "paper", "propose", "proposed", "present",
            "presents", "presented", "show", "shows", "shown", "using", "use", "used", "based",
            "results", "result", "new", "well", "one", "two", "three", "several", "many", "various");

    private static final CharArraySet ENGLISH_STOP_WORDS;

    static {
        CharArraySet set = new CharArraySet(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET, false);
        set.addAll(EXTRA_ENGLISH_STOP_WORDS);
        ENGLISH_STOP_WORDS = CharArraySet.unmodifiableSet(set);
    }

    private final Analyzer analyzer = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new ICUTokenizer();
            TokenStream ts = new LowerCaseFilter(source);
            ts = new StopFilter(ts, RussianAnalyzer.getDefaultStopSet());
            ts = new RussianLightStemFilter(ts); // touches Cyrillic endings only
            ts = new ICUFoldingFilter(ts);
            ts = new EnglishPossessiveFilter(ts);
            ts = new StopFilter(ts, ENGLISH_STOP_WORDS);
            ts = new PorterStemFilter(ts); // touches Latin endings only
            ts = new LengthFilter(ts, 2, 40);
            ts = new NotANumberFilter(ts);
            return new TokenStreamComponents(source, ts);
        }
    };

    /** The terms of {@code text}, in order, repeated as often as they occur. */
    List<String> terms(String text) {
        List<String> out = new ArrayList<>();
        run(text, (term, surface) -> out.add(term), false);
        return out;
    }

    /** Like {@link #terms} but with the original word of each term. */
    List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        run(text, (term, surface) -> out.add(new Token(term, surface)), true);
        return out;
    }

    private interface Sink {
        void accept(String term, String surface);
    }

    private void run(String text, Sink sink, boolean withSurface) {
        if (text == null || text.isBlank()) {
            return;
        }
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                String surface = withSurface
                        ? text.substring(offset.startOffset(), offset.endOffset()).toLowerCase() : null;
                sink.accept(term.toString(), surface);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen on a String reader
        }
    }

    @Override
    public void close() {
        analyzer.close();
    }

    /** Years, grant numbers and the like say nothing about expertise. */
    private static final class NotANumberFilter extends FilteringTokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        NotANumberFilter(TokenStream in) {
            super(in);
        }

        @Override
        protected boolean accept() {
            char[] b = term.buffer();
            for (int i = 0; i < term.length(); i++) {
                char c = b[i];
                if (!(c >= '0' && c <= '9') && c != '.' && c != ',') {
                    return true;
                }
            }
            return false;
        }
    }
}
