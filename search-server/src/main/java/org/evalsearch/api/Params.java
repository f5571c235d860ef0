package org.evalsearch.api;

import io.javalin.http.Context;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.evalsearch.query.SearchFilters;

/** Reads and checks query parameters: unknown names and out-of-range values are refused, not ignored. */
final class Params {
    private final Context ctx;
    private final Map<String, List<String>> all;

    private Params(Context ctx) {
        this.ctx = ctx;
        this.all = ctx.queryParamMap();
    }

    /** The request's parameters, refusing any not in {@code allowed} (the filter names may be allowed too). */
    static Params of(Context ctx, boolean withFilters, String... allowed) {
        Params p = new Params(ctx);
        Set<String> ok = new LinkedHashSet<>(List.of(allowed));
        if (withFilters) {
            ok.addAll(SearchFilters.NAMES);
        }
        for (String name : p.all.keySet()) {
            if (!ok.contains(name)) {
                throw new BadRequest("unknown parameter '" + name + "'; accepted: " + String.join(", ", ok));
            }
        }
        return p;
    }

    String string(String name) {
        List<String> v = all.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new BadRequest("parameter '" + name + "' given more than once");
        }
        return v.get(0);
    }

    String string(String name, String fallback) {
        String v = string(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    int integer(String name, int fallback, int min, int max) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.strip());
            if (n < min || n > max) {
                throw new BadRequest("parameter '" + name + "' must be between " + min + " and " + max + ", not " + n);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequest("parameter '" + name + "' must be a whole number, not '" + v + "'");
        }
    }

    boolean bool(String name, boolean fallback) {
        String v = string(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        return switch (v.strip().toLowerCase()) {
            case "true", "1", "yes" -> true;
            case "false", "0", "no" -> false;
            default -> throw new BadRequest("parameter '" + name + "' must be true or false, not '" + v + "'");
        };
    }

    String oneOf(String name, String fallback, String... choices) {
        String v = string(name, fallback);
        if (v == null) {
            return null;
        }
        for (String c : choices) {
            if (c.equals(v.strip().toLowerCase())) {
                return c;
            }
        }
        throw new BadRequest("parameter '" + name + "' must be one of " + String.join(", ", choices) + ", not '" + v + "'");
    }

    SearchFilters filters() {
        return SearchFilters.of(all);
    }

    Context ctx() {
        return ctx;
    }
}
