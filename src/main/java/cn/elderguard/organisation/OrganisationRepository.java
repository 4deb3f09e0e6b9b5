package cn.elderguard.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads the organisation tables. Every query is a primary-key or indexed lookup.
 *
 * <p>The look-ups that every lead and task makes (routing, supervisors, recipients, the user's scope) are kept
 * in memory, tagged with the organisation's version (EG_ORGANISATION_VERSION, raised by every import). The
 * version is read once per transaction, so a node sees another node's import from its next transaction on;
 * inside an import's own transaction nothing is cached (decision 014). Listings and pages are not cached.
 */
@Repository
public class OrganisationRepository {

    private static final String UNIT_COLUMNS = "AGENCY, REGION_CODE, NAME";
    private static final String PERSON_COLUMNS = "USER_ID, DISPLAY_NAME, AGENCY, REGION_CODE, ROLE, EMAIL, PHONE";
    /** The whole organisation of a province is ~30,000 entries; more means unbounded keys: start over. */
    private static final int MAX_ENTRIES = 100_000;
    private static final long CHANGING = -1;

    private final JdbcClient jdbc;
    private final Map<List<Object>, Cached> cache = new ConcurrentHashMap<>();
    /** The key of the version bound to the current transaction; per instance, as each has its own cache. */
    private final Object versionInTransaction = new Object();

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Jurisdiction> jurisdiction(RegionCode code) {
        return cached(key("jurisdiction", code), () ->
            jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION WHERE REGION_CODE = ?")
                .param(code.value()).query(OrganisationRepository::jurisdiction).optional());
    }

    public List<Jurisdiction> children(RegionCode code) {
        return jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION WHERE PARENT_CODE = ? ORDER BY REGION_CODE")
            .param(code.value()).query(OrganisationRepository::jurisdiction).list();
    }

    /** The jurisdictions of {@code root}'s subtree at the given levels, in code order (one range query on the key). */
    public List<Jurisdiction> jurisdictionsBelow(RegionCode root, Collection<JurisdictionLevel> levels) {
        if (levels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION WHERE REGION_CODE BETWEEN :first AND :last"
                + " AND LEVEL IN (:levels) ORDER BY REGION_CODE")
            .param("first", root.subtreeFirst()).param("last", root.subtreeLast())
            .param("levels", levels.stream().map(JurisdictionLevel::name).toList())
            .query(OrganisationRepository::jurisdiction).list();
    }

    /** Every jurisdiction at one of {@code levels} (the tenants' jurisdictions, docs/decisions/045: a province's ~1,500). */
    public List<Jurisdiction> jurisdictionsAt(Collection<JurisdictionLevel> levels) {
        return jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION WHERE LEVEL IN (:levels) ORDER BY REGION_CODE")
            .param("levels", levels.stream().map(JurisdictionLevel::name).toList())
            .query(OrganisationRepository::jurisdiction).list();
    }

    /** How many jurisdictions there are at one of {@code levels}. */
    public long countJurisdictionsAt(Collection<JurisdictionLevel> levels) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_JURISDICTION WHERE LEVEL IN (:levels)")
            .param("levels", levels.stream().map(JurisdictionLevel::name).toList()).query(Long.class).single();
    }

    /** The top of the jurisdiction tree (no parent): where an administrator starts picking a region. */
    public List<Jurisdiction> roots() {
        return jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION WHERE PARENT_CODE IS NULL ORDER BY REGION_CODE")
            .query(OrganisationRepository::jurisdiction).list();
    }

    public Optional<Unit> unit(UnitKey unit) {
        return cached(key("unit", unit), () ->
            jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM EG_UNIT WHERE AGENCY = ? AND REGION_CODE = ?")
                .param(unit.agency().name()).param(unit.region().value())
                .query(OrganisationRepository::unit).optional());
    }

    /** Units of {@code agency} in any of {@code regions}, deepest jurisdiction first. */
    public List<Unit> units(Agency agency, Collection<RegionCode> regions) {
        return cached(key("units", agency, List.copyOf(regions)), () ->
            jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM EG_UNIT WHERE AGENCY = :agency AND REGION_CODE IN (:regions)")
                .param("agency", agency.name())
                .param("regions", regions.stream().map(RegionCode::value).toList())
                .query(OrganisationRepository::unit).list().stream()
                .sorted(Comparator.comparing((Unit unit) -> unit.region().value()).reversed())
                .toList());
    }

    /** Every unit of {@code agency}, or of every agency for {@code null}, in code order (the import's and the tenants' whole view). */
    public List<Unit> allUnits(Agency agency) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM EG_UNIT" + (agency == null ? "" : " WHERE AGENCY = :agency")
                + " ORDER BY REGION_CODE, AGENCY")
            .params(agency == null ? Map.of() : Map.of("agency", agency.name()))
            .query(OrganisationRepository::unit).list();
    }

    /**
     * The units that may take part in work owned by {@code owner}'s jurisdiction (a campaign's participants): units of
     * {@code agencies} in its subtree at one of {@code levels}, except {@code owner}'s own 处非办, which runs the work.
     * In region-code order, one page at a time.
     */
    public List<Unit> unitsBelow(RegionCode owner, Collection<Agency> agencies, Collection<JurisdictionLevel> levels, int offset, int limit) {
        return jdbc.sql("SELECT U.AGENCY, U.REGION_CODE, U.NAME FROM EG_UNIT U JOIN EG_JURISDICTION J ON J.REGION_CODE = U.REGION_CODE"
                + UNITS_BELOW + " ORDER BY U.REGION_CODE, U.AGENCY OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY")
            .params(unitsBelowParameters(owner, agencies, levels)).param("offset", offset).param("limit", limit)
            .query(OrganisationRepository::unit).list();
    }

    /** How many units {@link #unitsBelow} lists. */
    public int countUnitsBelow(RegionCode owner, Collection<Agency> agencies, Collection<JurisdictionLevel> levels) {
        return jdbc.sql("SELECT COUNT(*) FROM EG_UNIT U JOIN EG_JURISDICTION J ON J.REGION_CODE = U.REGION_CODE" + UNITS_BELOW)
            .params(unitsBelowParameters(owner, agencies, levels)).query(Integer.class).single();
    }

    private static final String UNITS_BELOW = " WHERE U.REGION_CODE BETWEEN :first AND :last AND U.AGENCY IN (:agencies)"
        + " AND J.LEVEL IN (:levels) AND NOT (U.AGENCY = :office AND U.REGION_CODE = :owner)";

    private static Map<String, Object> unitsBelowParameters(RegionCode owner, Collection<Agency> agencies, Collection<JurisdictionLevel> levels) {
        return Map.of("first", owner.subtreeFirst(), "last", owner.subtreeLast(), "agencies", agencies.stream().map(Agency::name).toList(),
            "levels", levels.stream().map(JurisdictionLevel::name).toList(), "office", Agency.CHUFEI_OFFICE.name(), "owner", owner.value());
    }

    /** Units whose jurisdiction lies in the subtree of {@code region}, one page at a time. */
    public List<Unit> unitsInSubtree(RegionCode region, int offset, int limit) {
        return jdbc.sql("SELECT " + UNIT_COLUMNS + " FROM EG_UNIT WHERE REGION_CODE BETWEEN ? AND ?"
                + " ORDER BY REGION_CODE, AGENCY OFFSET ? ROWS FETCH NEXT ? ROWS ONLY")
            .param(region.subtreeFirst()).param(region.subtreeLast()).param(offset).param(limit)
            .query(OrganisationRepository::unit).list();
    }

    public Optional<Person> person(String userId) {
        return cached(key("person", userId), () ->
            jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM EG_PERSON WHERE USER_ID = ?")
                .param(userId).query(OrganisationRepository::person).optional());
    }

    /** The people of a unit in the given roles (mail recipients of the unit's work). */
    public List<Person> people(UnitKey unit, Collection<Role> roles) {
        return cached(key("people", unit, List.copyOf(roles)), () ->
            jdbc.sql("SELECT " + PERSON_COLUMNS + " FROM EG_PERSON WHERE AGENCY = :agency AND REGION_CODE = :region"
                    + " AND ROLE IN (:roles) ORDER BY USER_ID")
                .param("agency", unit.agency().name()).param("region", unit.region().value())
                .param("roles", roles.stream().map(Role::name).toList())
                .query(OrganisationRepository::person).list());
    }

    /** The first {@code limit} people with their unit's name, by jurisdiction and agency (start-up listing). */
    public List<Map.Entry<Person, String>> peopleWithUnitNames(int limit) {
        return jdbc.sql("SELECT P.USER_ID, P.DISPLAY_NAME, P.AGENCY, P.REGION_CODE, P.ROLE, P.EMAIL, P.PHONE, U.NAME AS UNIT_NAME"
                + " FROM EG_PERSON P JOIN EG_UNIT U ON U.AGENCY = P.AGENCY AND U.REGION_CODE = P.REGION_CODE"
                + " ORDER BY P.REGION_CODE, P.AGENCY, P.ROLE, P.USER_ID FETCH FIRST ? ROWS ONLY")
            .param(limit)
            .query((rs, row) -> Map.entry(person(rs, row), rs.getString("UNIT_NAME"))).list();
    }

    /** Jurisdictions among {@code regions} that have leading-group members. */
    public List<RegionCode> regionsWithLeadingGroup(Collection<RegionCode> regions) {
        return cached(key("regionsWithLeadingGroup", List.copyOf(regions)), () ->
            jdbc.sql("SELECT DISTINCT REGION_CODE FROM EG_PERSON WHERE ROLE = :role AND REGION_CODE IN (:regions)")
                .param("role", Role.LEADING_GROUP.name())
                .param("regions", regions.stream().map(RegionCode::value).toList())
                .query((rs, row) -> RegionCode.of(rs.getString(1))).list());
    }

    /** Every jurisdiction that has leading-group members. */
    public List<RegionCode> leadingGroupRegions() {
        return jdbc.sql("SELECT DISTINCT REGION_CODE FROM EG_PERSON WHERE ROLE = ? ORDER BY REGION_CODE").param(Role.LEADING_GROUP.name())
            .query((rs, row) -> RegionCode.of(rs.getString(1))).list();
    }

    /** All sectors (a handful of rows): code, Chinese name, regulating agency. */
    public List<Sector> sectors() {
        return jdbc.sql("SELECT CODE, NAME, AGENCY FROM EG_SECTOR ORDER BY CODE")
            .query((rs, row) -> new Sector(rs.getString(1), rs.getString(2), Agency.valueOf(rs.getString(3)))).list();
    }

    /** A sector and the agency that regulates it (行业归口). */
    public record Sector(String code, String name, Agency agency) {
    }

    /** The agency that regulates a sector (行业归口), from the EG_SECTOR table. */
    public Optional<Agency> sectorAgency(String sector) {
        return cached(key("sectorAgency", sector), () ->
            jdbc.sql("SELECT AGENCY FROM EG_SECTOR WHERE CODE = ?").param(sector)
                .query((rs, row) -> Agency.valueOf(rs.getString(1))).optional());
    }

    /**
     * Called by an import inside its transaction, before it writes: raises the version (other nodes drop
     * their entries from their next transaction on) and stops caching in this transaction, whose reads may
     * see rows the import has not finished.
     */
    void changing() {
        jdbc.sql("UPDATE EG_ORGANISATION_VERSION SET VERSION = VERSION + 1 WHERE ID = 1").update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            bindVersion(CHANGING);
        }
        cache.clear();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(List<Object> key, Supplier<T> load) {
        long version = version();
        Cached hit = cache.get(key);
        if (hit != null && hit.version() == version) {
            return (T) hit.value();
        }
        T value = load.get();
        if (version != CHANGING && !(value instanceof Optional<?> optional && optional.isEmpty())) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            // Tagged with the version this transaction read: its rows are at least that new.
            cache.put(key, new Cached(version, value));
        }
        return value;
    }

    /** A cache key; Arrays.asList, unlike List.of, takes a null part (an unknown user id, say). */
    private static List<Object> key(Object... parts) {
        return Arrays.asList(parts);
    }

    /** The organisation's version: once per transaction, on every call outside one. */
    private long version() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return readVersion();
        }
        Long bound = (Long) TransactionSynchronizationManager.getResource(versionInTransaction);
        return bound != null ? bound : bindVersion(readVersion());
    }

    /** Binds (or rebinds) the transaction's version; the binding ends with the transaction. */
    private long bindVersion(long version) {
        if (TransactionSynchronizationManager.unbindResourceIfPossible(versionInTransaction) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(versionInTransaction);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(versionInTransaction, version);
        return version;
    }

    private long readVersion() {
        return jdbc.sql("SELECT VERSION FROM EG_ORGANISATION_VERSION WHERE ID = 1").query(Long.class).single();
    }

    private record Cached(long version, Object value) {
    }

    static Jurisdiction jurisdiction(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("PARENT_CODE");
        return new Jurisdiction(RegionCode.of(rs.getString("REGION_CODE")), rs.getString("NAME"),
            JurisdictionLevel.valueOf(rs.getString("LEVEL")), parent == null ? null : RegionCode.of(parent));
    }

    static Unit unit(ResultSet rs, int row) throws SQLException {
        return new Unit(new UnitKey(Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE"))),
            rs.getString("NAME"));
    }

    static Person person(ResultSet rs, int row) throws SQLException {
        return new Person(rs.getString("USER_ID"), rs.getString("DISPLAY_NAME"),
            new UnitKey(Agency.valueOf(rs.getString("AGENCY")), RegionCode.of(rs.getString("REGION_CODE"))),
            Role.valueOf(rs.getString("ROLE")), rs.getString("EMAIL"), rs.getString("PHONE"));
    }
}
