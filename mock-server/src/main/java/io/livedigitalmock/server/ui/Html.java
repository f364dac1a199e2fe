package io.livedigitalmock.server.ui;

import java.util.List;
import java.util.Map;

/**
 * The few pieces the mock's HTML pages (the room page, the dashboard) are made of. Every value that
 * comes from a request or from stored data goes through {@link #text}; nothing else builds markup
 * from data. Values that scripts need travel in {@code data-} attributes, never inside a script.
 */
public final class Html {

  private static final String STYLE = """
      body{font:15px/1.45 system-ui,sans-serif;margin:0;padding:1rem 1.25rem;color:#1d2330;background:#f6f7f9}
      h1{font-size:1.35rem;margin:.2rem 0 .6rem}h2{font-size:1.1rem;margin:1.4rem 0 .5rem}
      h3{font-size:1rem;margin:1rem 0 .4rem}
      table{border-collapse:collapse;background:#fff;margin:.3rem 0 .8rem;width:100%}
      th,td{border:1px solid #d8dce3;padding:.25rem .45rem;text-align:left;vertical-align:top}
      th{background:#eef1f5;font-weight:600}.wrap{word-break:break-all}
      code,pre{font:12px/1.35 ui-monospace,monospace}pre{margin:0;white-space:pre-wrap;word-break:break-all}
      form.inline{display:inline;margin:0 .2rem 0 0}
      button{font:inherit;padding:.2rem .7rem;border:1px solid #5561d6;border-radius:4px;background:#5561d6;color:#fff;cursor:pointer}
      button.quiet{background:#fff;color:#5561d6}
      input{font:inherit;padding:.15rem .3rem}
      .card{background:#fff;border:1px solid #d8dce3;border-radius:6px;padding:.8rem 1rem;margin:.6rem 0}
      .muted{color:#667085}.ok{color:#0a7a3b}.bad{color:#b42318}
      .notice{background:#fff4d6;border:1px solid #e8c66a;padding:.4rem .6rem;border-radius:4px}
      nav a{margin-right:.8rem}
      """;

  private Html() {
  }

  /** Text or an attribute value, safe in either place: {@code & < > " '} escaped; null is empty. */
  public static String text(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A whole page; {@code head} and {@code body} are markup already made safe. */
  public static String document(String title, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + text(title) + "</title><style>" + STYLE + "</style>" + head + "</head>\n<body>"
        + body + "</body></html>\n";
  }

  /** A table; {@code cells} are markup already made safe. */
  public static String table(List<String> headers, List<List<String>> rows) {
    StringBuilder out = new StringBuilder("<table><tr>");
    headers.forEach(h -> out.append("<th>").append(text(h)).append("</th>"));
    out.append("</tr>");
    for (List<String> row : rows) {
      out.append("<tr>");
      row.forEach(cell -> out.append("<td>").append(cell).append("</td>"));
      out.append("</tr>");
    }
    return out.append("</table>").toString();
  }

  /** A button that POSTs {@code fields} to {@code action}: works without JavaScript. */
  public static String postButton(String action, String label, Map<String, String> fields, String cssClass) {
    StringBuilder out = new StringBuilder("<form class=\"inline\" method=\"post\" action=\"")
        .append(text(action)).append("\">");
    fields.forEach((name, value) -> out.append("<input type=\"hidden\" name=\"").append(text(name))
        .append("\" value=\"").append(text(value)).append("\">"));
    return out.append("<button type=\"submit\" class=\"").append(text(cssClass)).append("\">")
        .append(text(label)).append("</button></form>").toString();
  }

  /** Whether a page may send people to {@code url}: absolute http(s) only (never {@code javascript:}). */
  public static boolean isHttpUrl(String url) {
    if (url == null) {
      return false;
    }
    try {
      java.net.URI uri = new java.net.URI(url);
      return uri.getHost() != null
          && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** A link to {@code url} if it is http(s), else the URL as plain text. */
  public static String link(String url, String label) {
    return isHttpUrl(url) ? "<a href=\"" + text(url) + "\">" + text(label) + "</a>" : text(url);
  }
}
