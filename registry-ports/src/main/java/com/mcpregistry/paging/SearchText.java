package com.mcpregistry.paging;

import com.mcpregistry.domain.error.InvalidInput;

/**
 * The rule every search term obeys: it holds at least {@link #MIN_RUN} letters or digits in a row. A substring search
 * is served by trigram indexes (three characters of a word), and a term without a single trigram (one or two
 * characters, punctuation, wildcards taken literally) can only be answered by reading every row; such a term is
 * refused rather than allowed to cost a scan of the whole registry.
 */
public final class SearchText {
    /** The shortest run of letters or digits a term must hold: one trigram. */
    public static final int MIN_RUN = 3;

    private SearchText() {}

    /** {@code text} when it can be searched, else an {@link InvalidInput} on {@code search} saying why. */
    public static String require(String text) {
        int run = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            run = Character.isLetterOrDigit(codePoint) ? run + 1 : 0;
            if (run >= MIN_RUN) {
                return text;
            }
            i += Character.charCount(codePoint);
        }
        throw InvalidInput.of(
                "search",
                "must hold at least " + MIN_RUN + " letters or digits in a row (e.g. \"git\"): shorter terms and"
                        + " punctuation alone cannot be searched");
    }
}
