package org.evalsearch.search;

/** One value of a facet with a readable label and the number of matching passages. */
public record FacetValue(String value, String label, long count) {}
