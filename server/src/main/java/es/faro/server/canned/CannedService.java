package es.faro.server.canned;

import es.faro.protocol.api.CannedResponseRequest;
import es.faro.protocol.canned.CannedTemplate;
import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Agent;
import es.faro.protocol.model.Brand;
import es.faro.protocol.model.CannedResponse;
import es.faro.protocol.model.Role;
import es.faro.server.http.ApiException;
import es.faro.server.store.Agents;
import es.faro.server.audit.AuditLog;
import es.faro.server.audit.AuditOrigin;
import es.faro.server.store.EventLog;
import es.faro.server.store.ReferenceItems;
import es.faro.server.store.Store;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.regex.Pattern;

/**
 * Canned responses through the API. Shared ones (no owner) are written by admins and leads; a
 * personal one by its owner (and by admins). Everybody reads the shared ones of the brands they
 * work on and their own personal ones. Every change appends an event in the same transaction, so
 * every client follows live.
 */
public final class CannedService {
    static final int MAX_TITLE = 120;
    static final int MAX_BODY = 5_000;
    static final int MAX_FOLDER = 80;
    static final int MAX_LABELS = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}(-[A-Z]{2})?");
    private static final Pattern SHORTCUT = Pattern.compile("[\\p{L}\\p{N}_.-]{1,40}");

    private final Store store;
    private final Clock clock;

    public CannedService(Store store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    // --- reads -------------------------------------------------------------------------------

    /** What {@code me} may use, optionally narrowed to a brand (brand-less ones included) and language. */
    public List<CannedResponse> visible(Agent me, String brandId, String language) {
        List<CannedResponse> all = store.read(CannedResponses::all);
        List<CannedResponse> result = new ArrayList<>();
        for (CannedResponse r : all) {
            if (mayRead(me, r) && (brandId == null || r.brandId() == null || brandId.equals(r.brandId()))
                    && (language == null || language.equals(r.language()))) {
                result.add(r);
            }
        }
        return result;
    }

    public CannedResponse get(Agent me, String id) {
        CannedResponse r = store.read(c -> CannedResponses.find(c, id)).orElse(null);
        if (r == null || !mayRead(me, r)) {
            throw ApiException.notFound("no canned response " + id);
        }
        return r;
    }

    // --- writes ------------------------------------------------------------------------------

    public CannedResponse create(Agent me, CannedResponseRequest draft) {
        requireWriter(me);
        CannedResponse clean = validate(draft, "cr-" + UUID.randomUUID(), 0);
        requireManage(me, clean);
        String from = AuditOrigin.address(); // read on the request's thread; the write runs on the store's
        return await(store.write(c -> {
            checkReferences(c, clean);
            CannedResponses.upsert(c, clean);
            appendUpsert(c, clean);
            AuditLog.append(c, clock.instant(), me.id(), "canned.create", clean.id(), from, describe(clean));
            return clean;
        }));
    }

    public CannedResponse update(Agent me, String id, CannedResponseRequest draft) {
        requireWriter(me);
        String from = AuditOrigin.address();
        return await(store.write(c -> {
            CannedResponse current = CannedResponses.find(c, id).filter(r -> mayRead(me, r))
                    .orElseThrow(() -> ApiException.notFound("no canned response " + id));
            requireManage(me, current);
            CannedResponse clean = validate(draft, id, current.usageCount());
            requireManage(me, clean);
            checkReferences(c, clean);
            CannedResponses.upsert(c, clean);
            if (current.ownerId() != null && !current.ownerId().equals(clean.ownerId())) {
                // An admin moved it away from its owner: the former owner's clients drop it.
                EventLog.appendPrivate(c, EventType.CANNED_RESPONSE_DELETED, clock.instant(), current.ownerId(),
                        true, Map.of("id", id));
            }
            appendUpsert(c, clean);
            AuditLog.append(c, clock.instant(), me.id(), "canned.update", id, from, describe(clean));
            return clean;
        }));
    }

    public void delete(Agent me, String id) {
        requireWriter(me);
        String from = AuditOrigin.address();
        await(store.write(c -> {
            CannedResponse current = CannedResponses.find(c, id).filter(r -> mayRead(me, r))
                    .orElseThrow(() -> ApiException.notFound("no canned response " + id));
            requireManage(me, current);
            CannedResponses.delete(c, id);
            EventLog.appendOwned(c, EventType.CANNED_RESPONSE_DELETED, clock.instant(), current.ownerId(), true,
                    Map.of("id", id));
            AuditLog.append(c, clock.instant(), me.id(), "canned.delete", id, from, describe(current));
            return null;
        }));
    }

    /** Counts one use by {@code me} (who may use it); returns the new state. */
    public CannedResponse used(Agent me, String id) {
        requireWriter(me);
        return await(store.write(c -> {
            CannedResponses.find(c, id).filter(r -> mayRead(me, r))
                    .orElseThrow(() -> ApiException.notFound("no canned response " + id));
            CannedResponse counted = CannedResponses.countUse(c, id).orElseThrow();
            appendUpsert(c, counted);
            return counted;
        }));
    }

    /** What an audit row says of a canned response: its title, whose it is and where it applies. */
    private static String describe(CannedResponse r) {
        return r.title() + (r.ownerId() == null ? " (shared" : " (personal of " + r.ownerId())
                + (r.brandId() == null ? "" : ", " + r.brandId()) + (r.language() == null ? "" : ", " + r.language()) + ")";
    }

    /** A personal one's event reaches its owner and admins only (who may read it); a shared one everyone. */
    private void appendUpsert(Connection c, CannedResponse r) throws SQLException {
        EventLog.appendOwned(c, EventType.CANNED_RESPONSE, clock.instant(), r.ownerId(), true, r);
    }

    // --- rules -------------------------------------------------------------------------------

    static boolean mayRead(Agent me, CannedResponse r) {
        if (r.ownerId() != null && !r.ownerId().equals(me.id()) && !me.hasRole(Role.ADMIN)) {
            return false;
        }
        return r.brandId() == null || allBrands(me) || me.brands().contains(r.brandId());
    }

    private static boolean allBrands(Agent me) {
        return me.hasRole(Role.LEAD) || me.hasRole(Role.ADMIN) || me.hasRole(Role.ANALYST);
    }

    private static void requireWriter(Agent me) {
        if (!me.hasRole(Role.AGENT) && !me.hasRole(Role.LEAD) && !me.hasRole(Role.ADMIN)) {
            throw ApiException.forbidden("analysts read canned responses; they do not change them");
        }
    }

    private static void requireManage(Agent me, CannedResponse r) {
        if (me.hasRole(Role.ADMIN)) {
            return;
        }
        if (r.ownerId() == null) {
            if (!me.hasRole(Role.LEAD)) {
                throw ApiException.forbidden("shared canned responses are managed by admins and leads");
            }
            return;
        }
        if (!r.ownerId().equals(me.id())) {
            throw ApiException.forbidden("a personal canned response is managed by its owner");
        }
        if (r.brandId() != null && !allBrands(me) && !me.brands().contains(r.brandId())) {
            throw ApiException.forbidden("you do not work on brand " + r.brandId());
        }
    }

    /** Field rules; returns the record as stored (trimmed, id and usage count from the server). */
    static CannedResponse validate(CannedResponseRequest d, String id, int usage) {
        String title = trim(d.title());
        String body = d.body() == null ? "" : d.body().strip();
        String language = trim(d.language());
        String shortcut = trim(d.shortcut());
        String folder = trim(d.folder());
        String brand = trim(d.brandId());
        String owner = trim(d.ownerId());
        if (title == null) {
            throw ApiException.validation("title is required");
        }
        if (title.length() > MAX_TITLE) {
            throw ApiException.validation("title is longer than " + MAX_TITLE + " characters");
        }
        if (body.isEmpty()) {
            throw ApiException.validation("body is required");
        }
        if (body.length() > MAX_BODY) {
            throw ApiException.validation("body is longer than " + MAX_BODY + " characters");
        }
        if (language == null || !LANGUAGE.matcher(language).matches()) {
            throw ApiException.validation("language must be a language code such as \"es\" or \"en\"");
        }
        if (shortcut != null && !SHORTCUT.matcher(shortcut).matches()) {
            throw ApiException.validation("shortcut must be one word of at most 40 letters, digits, '-', '_' or '.'");
        }
        if (folder != null && folder.length() > MAX_FOLDER) {
            throw ApiException.validation("folder is longer than " + MAX_FOLDER + " characters");
        }
        if (d.labels().size() > MAX_LABELS) {
            throw ApiException.validation("at most " + MAX_LABELS + " labels");
        }
        List<String> unknown = CannedTemplate.unknownPlaceholders(body);
        if (!unknown.isEmpty()) {
            throw ApiException.validation("unknown placeholder {{" + unknown.get(0) + "}}; known: "
                    + String.join(", ", CannedTemplate.KNOWN) + ", or {{ask:Question}}");
        }
        return new CannedResponse(id, brand, language, folder, title, shortcut, body, d.labels(), owner, usage);
    }

    private static void checkReferences(Connection c, CannedResponse r) throws SQLException {
        if (r.brandId() != null && ReferenceItems.list(c, ReferenceItems.BRAND, Brand.class).stream()
                .noneMatch(b -> b.id().equals(r.brandId()))) {
            throw ApiException.validation("unknown brand " + r.brandId());
        }
        if (r.ownerId() != null && Agents.byId(c, r.ownerId()).isEmpty()) {
            throw ApiException.validation("unknown owner " + r.ownerId());
        }
    }

    private static String trim(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the store", e);
        } catch (ExecutionException | CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("write failed", e.getCause());
        }
    }
}
