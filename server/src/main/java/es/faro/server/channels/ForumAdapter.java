package es.faro.server.channels;

import es.faro.protocol.channel.Signatures;
import es.faro.protocol.model.Channel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * External forums: an Atom feed ({@code <feed><entry>}) or RSS 2.0 ({@code <rss><channel><item>})
 * as fetched from the forum, with the feed's account id (its URL) in {@code ?account=}. A reply names
 * its parent with the Atom threading extension ({@code <thr:in-reply-to ref="..."/>}, RFC 4685),
 * which RSS feeds use too. An entry fetched again with another text is an edit; a removed post comes
 * as an Atom tombstone ({@code <at:deleted-entry ref="..." when="..."/>}, RFC 6721). Parsed with the
 * JDK's DOM parser with DTDs and external entities off (no XXE). Signed with
 * {@code X-Faro-Signature: sha256=HEX}.
 */
public final class ForumAdapter implements ChannelAdapter {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String THREADING = "http://purl.org/syndication/thread/1.0";
    /** Atom tombstones (RFC 6721): a feed names entries removed from the forum with {@code <at:deleted-entry>}. */
    static final String TOMBSTONES = "http://purl.org/atompub/tombstones/1.0";

    @Override
    public Channel channel() {
        return Channel.FORUM;
    }

    @Override
    public boolean jsonPayload() {
        return false;
    }

    @Override
    public boolean verify(String secret, byte[] raw, Function<String, String> headers) {
        return Signatures.matches(Signatures.hexHeader(secret, raw), headers.apply(Signatures.FARO_HEADER));
    }

    @Override
    public List<InboundMessage> parse(byte[] raw, Map<String, List<String>> query) throws IOException {
        String account = CommunityAdapter.account(query, "the feed's account id");
        Document doc = document(raw);
        Element root = doc.getDocumentElement();
        List<InboundMessage> result = new ArrayList<>();
        if ("feed".equals(root.getLocalName()) && ATOM.equals(root.getNamespaceURI())) {
            String board = childText(root, ATOM, "title");
            for (Element e : children(root, ATOM, "entry")) {
                result.add(atomEntry(account, board, e));
            }
            for (Element d : children(root, TOMBSTONES, "deleted-entry")) {
                result.add(InboundMessage.deletion(Channel.FORUM, account,
                        required(d.getAttribute("ref"), "feed.deleted-entry@ref"),
                        rfc3339(d.getAttribute("when"), "feed.deleted-entry@when")));
            }
        } else if ("rss".equals(root.getLocalName())) {
            Element channel = children(root, null, "channel").stream().findFirst()
                    .orElseThrow(() -> new PayloadException("rss needs a channel element"));
            String board = childText(channel, null, "title");
            for (Element item : children(channel, null, "item")) {
                result.add(rssItem(account, board, item));
            }
        } else {
            throw new PayloadException("the feed must be Atom (<feed xmlns=\"" + ATOM + "\">) or RSS 2.0 (<rss>)");
        }
        return result;
    }

    private static InboundMessage atomEntry(String account, String board, Element e) {
        String id = required(childText(e, ATOM, "id"), "feed.entry.id");
        Element author = children(e, ATOM, "author").stream().findFirst().orElse(null);
        String name = author == null ? null : childText(author, ATOM, "name");
        String uri = author == null ? null : childText(author, ATOM, "uri");
        String body = childText(e, ATOM, "content");
        if (body == null) {
            body = childText(e, ATOM, "summary");
        }
        String when = childText(e, ATOM, "published");
        if (when == null) {
            when = childText(e, ATOM, "updated");
        }
        Instant at = rfc3339(when, "feed.entry.published");
        String category = children(e, ATOM, "category").stream().map(c -> c.getAttribute("term"))
                .filter(t -> !t.isBlank()).findFirst().orElse(board);
        return message(account, id, uri != null ? uri : name, name, childText(e, ATOM, "title"), body, category,
                replyTo(e), at, "feed.entry");
    }

    private static Instant rfc3339(String when, String what) {
        if (when == null || when.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(when.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ex) {
            throw new PayloadException(what + " is not an RFC 3339 time: " + when);
        }
    }

    private static InboundMessage rssItem(String account, String board, Element item) {
        String id = childText(item, null, "guid");
        if (id == null) {
            id = childText(item, null, "link");
        }
        required(id, "rss.channel.item.guid");
        String author = childText(item, "http://purl.org/dc/elements/1.1/", "creator");
        if (author == null) {
            author = childText(item, null, "author");
        }
        String when = childText(item, null, "pubDate");
        Instant at = null;
        if (when != null) {
            try {
                at = ZonedDateTime.parse(when, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (DateTimeParseException ex) {
                throw new PayloadException("rss.channel.item.pubDate is not an RFC 822 date: " + when);
            }
        }
        String category = childText(item, null, "category");
        return message(account, id, author, author, childText(item, null, "title"),
                childText(item, null, "description"), category != null ? category : board, replyTo(item), at,
                "rss.channel.item");
    }

    private static InboundMessage message(String account, String id, String userId, String name, String title,
                                          String html, String board, String parent, Instant at, String where) {
        required(userId, where + ".author");
        String body = Html.text(html);
        if (body.isEmpty()) {
            body = Html.text(title);
        }
        required(body.isEmpty() ? null : body, where + " content");
        Map<String, String> attrs = new HashMap<>();
        if (board != null && !board.isBlank()) {
            attrs.put(CommunityAdapter.BOARD, board.strip());
        }
        if (title != null && !title.isBlank()) {
            attrs.put(CommunityAdapter.SUBJECT, Html.text(title));
        }
        // A feed shows each entry as it is now: one fetched again with another text was edited on the forum.
        return new InboundMessage(Channel.FORUM, account, id, userId, name, name, 0, body, true,
                parent == null ? List.of() : List.of(parent), at, null, attrs).asUpdate();
    }

    private static String replyTo(Element e) {
        return children(e, THREADING, "in-reply-to").stream().map(r -> r.getAttribute("ref"))
                .filter(r -> !r.isBlank()).findFirst().orElse(null);
    }

    private static String required(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new PayloadException(what + " is required");
        }
        return value;
    }

    static Document document(byte[] raw) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(null);
            return b.parse(new ByteArrayInputStream(raw));
        } catch (SAXException | IOException e) {
            throw new PayloadException("the feed is not well-formed XML (DTDs are not accepted): " + e.getMessage());
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be made safe", e);
        }
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element el && local.equals(el.getLocalName())
                    && (ns == null ? el.getNamespaceURI() == null : ns.equals(el.getNamespaceURI()))) {
                out.add(el);
            }
        }
        return out;
    }

    private static String childText(Element parent, String ns, String local) {
        return children(parent, ns, local).stream().map(Element::getTextContent).map(String::strip)
                .filter(s -> !s.isEmpty()).findFirst().orElse(null);
    }
}
