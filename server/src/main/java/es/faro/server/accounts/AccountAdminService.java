package es.faro.server.accounts;

import es.faro.protocol.event.EventType;
import es.faro.protocol.model.Channel;
import es.faro.protocol.model.ReferenceData;
import es.faro.server.accounts.ChannelAccounts.Account;
import es.faro.server.config.Reference;
import es.faro.server.config.ReferenceQueries;
import es.faro.server.http.ApiException;
import es.faro.server.store.EventLog;
import es.faro.server.store.ReferenceItems;
import es.faro.server.store.Store;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Admins manage each brand's accounts per channel: list, create, update. A change is written with a
 * {@code reference.updated} event (clients see the new handle) and swaps the server's reference after
 * commit, so the next inbound payload for the account finds its brand at once.
 */
public final class AccountAdminService {
    private final Store store;
    private final AtomicReference<Reference> reference;
    private final Clock clock;

    public AccountAdminService(Store store, AtomicReference<Reference> reference, Clock clock) {
        this.store = store;
        this.reference = reference;
        this.clock = clock;
    }

    /** What an admin sends to create or update an account (fields left null keep their value on update). */
    public record AccountRequest(String brandId, Channel channel, String accountId, String handle, String pollUrl,
                                 String pollCredentials, Duration pollInterval) {
    }

    public List<Account> list(String brandId, Channel channel) {
        return store.read(ChannelAccounts::list).stream()
                .filter(a -> brandId == null || a.brandId().equals(brandId))
                .filter(a -> channel == null || a.channel() == channel)
                .toList();
    }

    public Account create(AccountRequest req) {
        if (req.brandId() == null || req.brandId().isBlank() || req.channel() == null || req.accountId() == null
                || req.accountId().isBlank()) {
            throw ApiException.validation("brandId, channel and accountId are required");
        }
        validate(req);
        return write("channel.account.create", c -> {
            brandExists(c, req.brandId());
            if (ChannelAccounts.find(c, req.channel(), req.accountId().strip()).isPresent()) {
                throw new ApiException(409, "account_taken", "the " + req.channel().wireName() + " account "
                        + req.accountId() + " already belongs to a brand");
            }
            if (ChannelAccounts.ofBrand(c, req.brandId(), req.channel()).isPresent()) {
                throw new ApiException(409, "account_exists", req.brandId() + " already has a "
                        + req.channel().wireName() + " account; update it instead");
            }
            Account a = new Account(req.brandId(), req.channel(), req.accountId().strip(), req.handle(),
                    req.pollUrl(), req.pollCredentials(), req.pollInterval(), clock.instant());
            ChannelAccounts.insert(c, a);
            return a;
        });
    }

    public Account update(Channel channel, String accountId, AccountRequest req) {
        validate(req);
        if (req.channel() != null && req.channel() != channel) {
            throw ApiException.validation("an account cannot move to another channel");
        }
        return write("channel.account.update", c -> {
            Account old = ChannelAccounts.find(c, channel, accountId).orElseThrow(() -> ApiException.notFound(
                    "no " + channel.wireName() + " account " + accountId));
            String brandId = req.brandId() != null ? req.brandId() : old.brandId();
            brandExists(c, brandId);
            String newId = req.accountId() != null && !req.accountId().isBlank() ? req.accountId().strip() : old.accountId();
            if (!newId.equals(old.accountId()) && ChannelAccounts.find(c, channel, newId).isPresent()) {
                throw new ApiException(409, "account_taken", "the " + channel.wireName() + " account " + newId
                        + " already belongs to a brand");
            }
            if (!brandId.equals(old.brandId()) && ChannelAccounts.ofBrand(c, brandId, channel).isPresent()) {
                throw new ApiException(409, "account_exists", brandId + " already has a " + channel.wireName()
                        + " account");
            }
            Account a = new Account(brandId, channel, newId, req.handle() != null ? req.handle() : old.handle(),
                    req.pollUrl() != null ? req.pollUrl() : old.pollUrl(),
                    req.pollCredentials() != null ? req.pollCredentials() : old.pollCredentials(),
                    req.pollInterval() != null ? req.pollInterval() : old.pollInterval(), clock.instant());
            ChannelAccounts.replace(c, old.accountId(), a);
            return a;
        });
    }

    private static void validate(AccountRequest req) {
        if (req.pollUrl() != null) {
            try {
                URI u = URI.create(req.pollUrl());
                if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https"))
                        || u.getHost() == null) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.validation("pollUrl must be an http(s) URL");
            }
        }
        if (req.pollInterval() != null && (req.pollInterval().compareTo(Duration.ofSeconds(1)) < 0
                || req.pollInterval().compareTo(Duration.ofDays(1)) > 0)) {
            throw ApiException.validation("pollInterval must be between PT1S and P1D");
        }
        if (req.handle() != null && req.handle().length() > 200) {
            throw ApiException.validation("handle is at most 200 characters");
        }
    }

    private static void brandExists(Connection c, String brandId) throws SQLException {
        boolean known = ReferenceItems.list(c, ReferenceItems.BRAND, es.faro.protocol.model.Brand.class).stream()
                .anyMatch(b -> b.id().equals(brandId));
        if (!known) {
            throw ApiException.validation("unknown brand " + brandId);
        }
    }

    @FunctionalInterface
    private interface Change {
        Account apply(Connection c) throws SQLException;
    }

    /** Applies the change, audits it (who, which account, its brand: never poll credentials) and publishes the reference. */
    private Account write(String action, Change change) {
        Object[] out = new Object[2];
        es.faro.server.audit.AuditOrigin.Origin origin = es.faro.server.audit.AuditOrigin.current();
        store.write(c -> {
            Account changed = change.apply(c);
            out[0] = changed;
            ReferenceData current = ReferenceQueries.referenceData(c);
            Instant now = clock.instant();
            if (origin.actor() != null) {
                es.faro.server.audit.AuditLog.append(c, now, origin.actor().id(), action,
                        changed.channel().wireName() + "/" + changed.accountId(), origin.address(),
                        "brand " + changed.brandId() + (changed.handle() == null ? "" : ", handle " + changed.handle()));
            }
            EventLog.append(c, EventType.REFERENCE, now, null, null, current);
            out[1] = current;
            return null;
        }).join();
        reference.set(new Reference((ReferenceData) out[1]));
        return (Account) out[0];
    }
}
