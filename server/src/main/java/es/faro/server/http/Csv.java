package es.faro.server.http;

/** RFC 4180 lines: CRLF ends, fields quoted when they hold a comma, quote or line break; null = empty. */
final class Csv {
    private Csv() {
    }

    static String line(String... fields) {
        StringBuilder b = new StringBuilder(160);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                b.append(',');
            }
            String v = fields[i];
            if (v == null) {
                continue;
            }
            if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                b.append('"').append(v.replace("\"", "\"\"")).append('"');
            } else {
                b.append(v);
            }
        }
        return b.append("\r\n").toString();
    }
}
