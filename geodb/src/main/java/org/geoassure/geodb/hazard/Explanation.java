package org.geoassure.geodb.hazard;

import java.util.List;
import java.util.Objects;
import org.geoassure.geodb.hazard.internal.Json;

/**
 * Why a hazard result is what it is: the inputs with their versions and as-of times, the formula, every parameter
 * with its value, unit and source, the method choices made, and warnings (cells or inputs that were flagged rather
 * than used). Strings and numbers only, so it maps one to one onto JSON ({@link #toJson()}).
 *
 * @param analysis the analysis, e.g. {@code water_inrush_coefficient}
 * @param formula the formula in plain text, with units
 * @param inputs the inputs used
 * @param parameters the parameters used
 * @param methods method choices, one sentence each (interpolation, zone extraction, ...)
 * @param warnings what the caller should know about the result, one sentence each
 */
public record Explanation(String analysis, String formula, List<InputRef> inputs, List<Parameter> parameters,
        List<String> methods, List<String> warnings) {
    public Explanation {
        Objects.requireNonNull(analysis, "analysis");
        Objects.requireNonNull(formula, "formula");
        inputs = List.copyOf(inputs);
        parameters = List.copyOf(parameters);
        methods = List.copyOf(methods);
        warnings = List.copyOf(warnings);
    }

    /** The parameter of that name. */
    public Parameter parameter(String name) {
        for (Parameter p : parameters) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no parameter " + name + " in " + analysis);
    }

    /** This explanation as one JSON object (keys as the record components). */
    public String toJson() {
        Json j = new Json();
        j.beginObject().key("analysis").value(analysis).key("formula").value(formula).key("inputs").beginArray();
        for (InputRef r : inputs) {
            j.beginObject().key("role").value(r.role()).key("id").value(r.id()).key("name").value(r.name())
                    .key("version").value(r.version()).key("asOf").value(r.asOf()).endObject();
        }
        j.endArray().key("parameters").beginArray();
        for (Parameter p : parameters) {
            j.beginObject().key("name").value(p.name()).key("value").value(p.value()).key("unit").value(p.unit())
                    .key("source").value(p.source()).key("confidence").value(p.confidence()).endObject();
        }
        j.endArray().key("methods").beginArray();
        methods.forEach(j::value);
        j.endArray().key("warnings").beginArray();
        warnings.forEach(j::value);
        return j.endArray().endObject().toString();
    }
}
