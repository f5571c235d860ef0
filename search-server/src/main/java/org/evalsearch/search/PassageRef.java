package org.evalsearch.search;

/** A short pointer to another passage: where the same words appear again, for instance. */
public record PassageRef(String id, String doc, String title, int year, int page, String pageLabel, String pdfUrl) {}
