package es.faro.server.http;

/** Test access to package-private constants of the community routes. */
public final class CommunityRoutesAccess {
    public static final String ACTIONS_CSV_HEADER = CommunityRoutes.ACTIONS_CSV_HEADER;

    private CommunityRoutesAccess() {
    }
}
