package org.evalsearch.evaluate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of a judged query file: what a user typed, the facet filters they clicked and the passages that
 * answer the need, each given by its report and the first words of its text.
 *
 * @param filters facet name to the values selected (values of one facet are OR-ed, facets AND-ed)
 */
public record JudgedQuery(String id, String query, Map<String, List<String>> filters, List<Judgement> relevant) {

    /**
     * @param occurrence which match of the quote is meant when the report repeats itself; kept for reference,
     *                   scoring treats the same words in several places as one passage (see {@link RelevantPassages})
     * @param grade      2 answers the need, 1 answers it partly
     */
    public record Judgement(String doc, String quote, int grade, int occurrence) {}

    public JudgedQuery {
        filters = Map.copyOf(filters);
        relevant = List.copyOf(relevant);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The queries of a JSON Lines file; blank lines are skipped, a malformed line is an error naming its number. */
    public static List<JudgedQuery> read(Path file) throws IOException {
        List<JudgedQuery> queries = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = in.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    queries.add(of(JSON.readTree(line), n));
                } catch (IOException | IllegalArgumentException e) {
                    // Jackson's own message adds a second line pointing into the line already named
                    String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
                    throw new IllegalArgumentException(file + " line " + n + ": " + why, e);
                }
            }
        }
        return queries;
    }

    private static JudgedQuery of(JsonNode node, int line) {
        String query = node.path("query").asText(null);
        if (query == null) {
            throw new IllegalArgumentException("no \"query\"");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        node.path("filters").properties().forEach(e -> {
            List<String> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(v -> values.add(v.asText()));
            } else if (!e.getValue().isNull()) {
                values.add(e.getValue().asText());
            }
            if (!values.isEmpty()) {
                filters.put(e.getKey(), values);
            }
        });
        List<Judgement> relevant = new ArrayList<>();
        for (JsonNode r : node.path("relevant")) {
            relevant.add(new Judgement(r.path("doc").asText(), r.path("quote").asText(),
                    r.path("grade").asInt(1), r.path("occurrence").asInt(1)));
        }
        return new JudgedQuery(node.path("id").asText("line-" + line), query, filters, relevant);
    }
}
