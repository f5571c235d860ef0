package org.evalsearch.vocabulary;

/** A short form and the long form a report gives for it, e.g. {@code ITC-ILO} = International Training Centre of the ILO. */
public record Acronym(String shortForm, String longForm) {

    private static final char SEPARATOR = '\t';

    /** One line for storage: short form, tab, long form. */
    public String encode() {
        return shortForm + SEPARATOR + longForm;
    }

    /** The acronym of an {@link #encode()}d line, or null when the line is not one. */
    public static Acronym decode(String line) {
        int tab = line == null ? -1 : line.indexOf(SEPARATOR);
        return tab <= 0 ? null : new Acronym(line.substring(0, tab), line.substring(tab + 1));
    }
}
