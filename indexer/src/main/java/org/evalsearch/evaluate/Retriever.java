package org.evalsearch.evaluate;

import java.io.IOException;
import java.util.List;
import org.evalsearch.index.PassageRecord;

/** A ranking system under evaluation: the top passages for a query and its filters. */
public interface Retriever {

    /** A short name for reports ("evalsearch", "baseline"). */
    String name();

    List<PassageRecord> search(JudgedQuery query, int k) throws IOException;
}
