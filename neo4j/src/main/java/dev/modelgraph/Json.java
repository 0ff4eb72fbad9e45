package dev.modelgraph;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON writer for the traversals' rows. Why JSON: on the Node side the Bolt
 * driver decodes a 1,000-node impact (~15,000 strings, ~1,500 maps) in tens of milliseconds and
 * leaves as much garbage; one JSON string is parsed natively in about one. Values are what
 * traversal rows hold: strings, numbers, booleans, null, lists and maps, and datetimes (as ISO-8601
 * instants); anything else is written as its string form.
 */
final class Json {
    private Json() {}

    static String write(Object value) {
        StringBuilder sb = new StringBuilder(4096);
        append(sb, value);
        return sb.toString();
    }

    static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            string(sb, s);
        } else if (v instanceof Boolean || v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            sb.append(v);
        } else if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isFinite(d)) sb.append(d); else sb.append("null");
        } else if (v instanceof ZonedDateTime z) {
            string(sb, DateTimeFormatter.ISO_INSTANT.format(z)); // an upstream run's startedAt: the service reads it back as a Date
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(sb, String.valueOf(e.getKey()));
                sb.append(':');
                append(sb, e.getValue());
            }
            sb.append('}');
        } else if (v instanceof List<?> list) {
            sb.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) sb.append(',');
                append(sb, list.get(i));
            }
            sb.append(']');
        } else {
            string(sb, v.toString());
        }
    }

    private static void string(StringBuilder sb, String s) {
        sb.append('"');
        int plain = 0;
        while (plain < s.length() && needsNoEscape(s.charAt(plain))) plain++;
        if (plain == s.length()) { // ids, names and labels mostly: one bulk copy, not a char at a time
            sb.append(s).append('"');
            return;
        }
        sb.append(s, 0, plain);
        for (int i = plain; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c)); else sb.append(c);
                }
            }
        }
        sb.append('"');
    }

    private static boolean needsNoEscape(char c) {
        return c >= 0x20 && c != '"' && c != '\\';
    }
}
