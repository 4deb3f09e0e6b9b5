package cn.elderguard.organisation;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import cn.elderguard.organisation.OrganisationFile.Row;

/**
 * Loads an organisation (jurisdictions, units, users) from a file, all or nothing: every row is checked
 * first and any error rejects the whole file with line, field and reason; a clean file is applied in one
 * transaction together with the engine users, groups and memberships derived from it. Importing the same
 * file again changes nothing; changed rows are updated; rows missing from the file are left alone.
 */
@Service
public class OrganisationImport {

    private static final Logger log = LoggerFactory.getLogger(OrganisationImport.class);
    /** Must match the engine's user id whitelist (application.yaml). */
    static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ]{5,32}");

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transaction;
    private final EngineIdentity identity;
    private final OrganisationRepository organisation;
    private final OrganisationTenants tenants;
    private final ApplicationEventPublisher events;

    OrganisationImport(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transaction, EngineIdentity identity,
                       OrganisationRepository organisation, OrganisationTenants tenants, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transaction = transaction;
        this.identity = identity;
        this.organisation = organisation;
        this.tenants = tenants;
        this.events = events;
    }

    /** Imports the file or throws {@link OrganisationImportException} listing every problem. */
    public ImportResult importFile(InputStream in) {
        long start = System.nanoTime();
        OrganisationFile file = OrganisationFile.read(in);
        long read = System.nanoTime();
        Plan plan = new Plan(file);
        if (!file.problems.isEmpty()) {
            throw new OrganisationImportException(file.problems);
        }
        long[] checked = new long[1];
        ImportResult result = transaction.execute(status -> {
            organisation.changing();
            plan.check();
            checked[0] = System.nanoTime();
            if (!file.problems.isEmpty()) {
                return null;
            }
            ImportResult applied = plan.apply();
            tenants.sync();
            // In this transaction: the groups' engine grants are part of the import (security/SupervisorGrants).
            events.publishEvent(new OrganisationImported());
            return applied;
        });
        if (!file.problems.isEmpty()) {
            throw new OrganisationImportException(file.problems.stream()
                .sorted(Comparator.comparingInt(ImportProblem::line)).toList());
        }
        long end = System.nanoTime();
        log.info("Organisation imported in {} ms (read {} ms, check {} ms, apply {} ms): {}", (end - start) / 1_000_000,
            (read - start) / 1_000_000, (checked[0] - read) / 1_000_000, (end - checked[0]) / 1_000_000, result);
        return result;
    }

    /** Counts of created, updated and unchanged rows per section. */
    public record ImportResult(Counts jurisdictions, Counts units, Counts users) {
    }

    public record Counts(int created, int updated, int unchanged) {
    }

    /** One import: the file's rows, checked against each other and against what the database holds. */
    private final class Plan {

        private final OrganisationFile file;
        private final Map<RegionCode, Jurisdiction> fileJurisdictions = new LinkedHashMap<>();
        private final Map<UnitKey, Unit> fileUnits = new LinkedHashMap<>();
        private final Map<String, PersonRow> filePersons = new LinkedHashMap<>();
        private Map<RegionCode, Jurisdiction> storedJurisdictions = Map.of();
        private Map<UnitKey, Unit> storedUnits = Map.of();
        private Map<String, Person> storedPersons = Map.of();

        Plan(OrganisationFile file) {
            this.file = file;
            Map<RegionCode, Integer> jurisdictionLines = new HashMap<>();
            file.jurisdictions.forEach(row -> readJurisdiction(row, jurisdictionLines));
            Map<UnitKey, Integer> unitLines = new HashMap<>();
            file.units.forEach(row -> readUnit(row, unitLines));
            Map<String, Integer> userLines = new HashMap<>();
            file.users.forEach(row -> readUser(row, userLines));
        }

        private void readJurisdiction(Row row, Map<RegionCode, Integer> lines) {
            unknownFields(row, "code", "name", "level", "parent");
            RegionCode code = regionCode(row, "code");
            String name = text(row, "name", 100);
            JurisdictionLevel level = enumValue(row, "level", JurisdictionLevel.class);
            if (code == null || name == null || level == null) {
                return;
            }
            if (code.level() != level) {
                file.problems.add(row.problem("level", "区划代码 " + code + " 属于" + code.level().label() + "级（"
                    + code.level() + "），与 level=" + level + " 不符"));
                return;
            }
            String parent = row.get("parent");
            if (parent != null && !parent.equals(String.valueOf(code.parent()))) {
                file.problems.add(row.problem("parent", "上级区划代码应为 " + code.parent() + "（由代码前缀决定），而不是 " + parent));
                return;
            }
            Integer first = lines.putIfAbsent(code, row.line());
            if (first != null) {
                file.problems.add(row.problem("code", "区划代码 " + code + " 重复（第 " + first + " 行已出现）"));
                return;
            }
            fileJurisdictions.put(code, new Jurisdiction(code, name, level, code.parent()));
            jurisdictionRows.put(code, row);
        }

        private final Map<RegionCode, Row> jurisdictionRows = new HashMap<>();

        private void readUnit(Row row, Map<UnitKey, Integer> lines) {
            unknownFields(row, "agency", "jurisdiction", "name");
            Agency agency = enumValue(row, "agency", Agency.class);
            RegionCode region = regionCode(row, "jurisdiction");
            String name = text(row, "name", 100);
            if (agency == null || region == null || name == null) {
                return;
            }
            UnitKey key = new UnitKey(agency, region);
            Integer first = lines.putIfAbsent(key, row.line());
            if (first != null) {
                file.problems.add(row.problem("agency", "单位 " + key + " 重复（第 " + first + " 行已出现）"));
                return;
            }
            fileUnits.put(key, new Unit(key, name));
            unitRows.put(key, row);
        }

        private final Map<UnitKey, Row> unitRows = new HashMap<>();

        private void readUser(Row row, Map<String, Integer> lines) {
            unknownFields(row, "id", "name", "agency", "jurisdiction", "role", "email", "phone", "password");
            String id = row.get("id");
            if (id == null) {
                file.problems.add(row.problem("id", "必填"));
            } else if (!USER_ID.matcher(id).matches()) {
                file.problems.add(row.problem("id", "用户名只能由字母、数字和 . _ - 组成，以字母或数字开头，最长 64 位：" + id));
                id = null;
            }
            String name = text(row, "name", 50);
            Agency agency = enumValue(row, "agency", Agency.class);
            RegionCode region = regionCode(row, "jurisdiction");
            Role role = enumValue(row, "role", Role.class);
            String email = row.get("email");
            if (email != null && !EMAIL.matcher(email).matches()) {
                file.problems.add(row.problem("email", "电子邮箱格式不正确：" + email));
            }
            String phone = row.get("phone");
            if (phone != null && !PHONE.matcher(phone).matches()) {
                file.problems.add(row.problem("phone", "电话号码格式不正确：" + phone));
            }
            if (id == null || name == null || agency == null || region == null || role == null) {
                return;
            }
            Integer first = lines.putIfAbsent(id, row.line());
            if (first != null) {
                file.problems.add(row.problem("id", "用户 " + id + " 重复（第 " + first + " 行已出现）"));
                return;
            }
            filePersons.put(id, new PersonRow(row, new Person(id, name, new UnitKey(agency, region), role, email, phone),
                row.get("password")));
        }

        /** References between rows, resolved against the file and the database. */
        void check() {
            storedJurisdictions = loadJurisdictions();
            fileJurisdictions.forEach((code, jurisdiction) -> {
                if (jurisdiction.parent() != null && !knownJurisdiction(jurisdiction.parent())) {
                    file.problems.add(jurisdictionRows.get(code).problem("code",
                        "上级区划 " + jurisdiction.parent() + " 不存在（文件和系统中均没有）"));
                }
            });
            fileUnits.forEach((key, unit) -> {
                if (!knownJurisdiction(key.region())) {
                    file.problems.add(unitRows.get(key).problem("jurisdiction", "区划 " + key.region() + " 不存在"));
                }
            });
            storedUnits = loadUnits();
            filePersons.values().forEach(p -> {
                if (!fileUnits.containsKey(p.person().unit()) && !storedUnits.containsKey(p.person().unit())) {
                    file.problems.add(p.row().problem("agency", "所属单位 " + p.person().unit() + " 不存在（文件和系统中均没有）"));
                }
            });
            storedPersons = loadPersons();
        }

        private boolean knownJurisdiction(RegionCode code) {
            return fileJurisdictions.containsKey(code) || storedJurisdictions.containsKey(code);
        }

        ImportResult apply() {
            return new ImportResult(applyJurisdictions(), applyUnits(), applyPersons());
        }

        private Counts applyJurisdictions() {
            List<Jurisdiction> created = new ArrayList<>();
            List<Jurisdiction> updated = new ArrayList<>();
            fileJurisdictions.values().stream()
                .sorted(Comparator.comparing(Jurisdiction::level))
                .forEach(j -> {
                    Jurisdiction stored = storedJurisdictions.get(j.code());
                    if (stored == null) {
                        created.add(j);
                    } else if (!stored.equals(j)) {
                        updated.add(j);
                    }
                });
            // Level order: parents are inserted before their children, so every foreign key resolves.
            batch("INSERT INTO EG_JURISDICTION (NAME, LEVEL, PARENT_CODE, REGION_CODE) VALUES (?, ?, ?, ?)",
                created.stream().map(this::jurisdictionParams).toList());
            batch("UPDATE EG_JURISDICTION SET NAME = ?, LEVEL = ?, PARENT_CODE = ? WHERE REGION_CODE = ?",
                updated.stream().map(this::jurisdictionParams).toList());
            return new Counts(created.size(), updated.size(), fileJurisdictions.size() - created.size() - updated.size());
        }

        private Object[] jurisdictionParams(Jurisdiction j) {
            return new Object[] {j.name(), j.level().name(), j.parent() == null ? null : j.parent().value(), j.code().value()};
        }

        private Counts applyUnits() {
            List<Unit> created = fileUnits.values().stream().filter(unit -> !storedUnits.containsKey(unit.key())).toList();
            List<Unit> updated = fileUnits.values().stream()
                .filter(unit -> storedUnits.containsKey(unit.key()) && !storedUnits.get(unit.key()).equals(unit)).toList();
            batch("INSERT INTO EG_UNIT (NAME, AGENCY, REGION_CODE) VALUES (?, ?, ?)", created.stream().map(this::unitParams).toList());
            batch("UPDATE EG_UNIT SET NAME = ? WHERE AGENCY = ? AND REGION_CODE = ?", updated.stream().map(this::unitParams).toList());
            identity.saveUnitGroups(created, true);
            identity.saveUnitGroups(updated, false);
            return new Counts(created.size(), updated.size(), fileUnits.size() - created.size() - updated.size());
        }

        private Object[] unitParams(Unit unit) {
            return new Object[] {unit.name(), unit.agency().name(), unit.region().value()};
        }

        private Counts applyPersons() {
            Map<UnitKey, Unit> units = new HashMap<>(storedUnits);
            units.putAll(fileUnits);
            Set<RegionCode> leadingGroups = new HashSet<>();
            filePersons.values().stream().map(PersonRow::person).filter(p -> p.role() == Role.LEADING_GROUP)
                .forEach(p -> leadingGroups.add(p.unit().region()));
            leadingGroups.forEach(region -> identity.ensureGroup(GroupIds.leadingGroup(region),
                jurisdictionName(region) + "领导小组", EngineIdentity.TYPE_LEADING_GROUP));
            if (filePersons.values().stream().anyMatch(row -> row.person().role() == Role.SERVICE_ACCOUNT)) {
                identity.ensureGroup(GroupIds.LEAD_INTAKE, "线索接入接口账号", EngineIdentity.TYPE_SERVICE_ACCOUNTS);
            }
            List<PersonRow> created = filePersons.values().stream()
                .filter(row -> !storedPersons.containsKey(row.person().userId())).toList();
            List<PersonRow> updated = filePersons.values().stream()
                .filter(row -> storedPersons.containsKey(row.person().userId())
                    && !storedPersons.get(row.person().userId()).equals(row.person())).toList();
            batch("INSERT INTO EG_PERSON (DISPLAY_NAME, AGENCY, REGION_CODE, ROLE, EMAIL, PHONE, USER_ID) VALUES (?, ?, ?, ?, ?, ?, ?)",
                created.stream().map(row -> personParams(row.person())).toList());
            batch("UPDATE EG_PERSON SET DISPLAY_NAME = ?, AGENCY = ?, REGION_CODE = ?, ROLE = ?, EMAIL = ?, PHONE = ? WHERE USER_ID = ?",
                updated.stream().map(row -> personParams(row.person())).toList());
            identity.saveUsers(created.stream()
                .map(row -> new EngineIdentity.UserChange(row.person(), units.get(row.person().unit()).name(), row.password(), List.of()))
                .toList());
            identity.saveUsers(updated.stream()
                .map(row -> new EngineIdentity.UserChange(row.person(), units.get(row.person().unit()).name(), null,
                    storedPersons.get(row.person().userId()).groups()))
                .toList());
            return new Counts(created.size(), updated.size(), filePersons.size() - created.size() - updated.size());
        }

        private String jurisdictionName(RegionCode region) {
            Jurisdiction jurisdiction = fileJurisdictions.getOrDefault(region, storedJurisdictions.get(region));
            return jurisdiction == null ? region.value() : jurisdiction.name();
        }

        private Object[] personParams(Person p) {
            return new Object[] {p.displayName(), p.unit().agency().name(), p.unit().region().value(), p.role().name(),
                p.email(), p.phone(), p.userId()};
        }

        private void unknownFields(Row row, String... known) {
            Set<String> allowed = Set.of(known);
            row.values().keySet().stream().filter(field -> !allowed.contains(field))
                .forEach(field -> file.problems.add(row.problem(String.valueOf(field), "未知字段，可用字段：" + Arrays.toString(known))));
        }

        private RegionCode regionCode(Row row, String field) {
            String value = row.get(field);
            if (value == null) {
                file.problems.add(row.problem(field, "必填"));
                return null;
            }
            try {
                return RegionCode.of(value);
            } catch (IllegalArgumentException e) {
                file.problems.add(row.problem(field, e.getMessage()));
                return null;
            }
        }

        private String text(Row row, String field, int maxLength) {
            String value = row.get(field);
            if (value == null) {
                file.problems.add(row.problem(field, "必填"));
                return null;
            }
            if (value.length() > maxLength) {
                file.problems.add(row.problem(field, "不能超过 " + maxLength + " 个字符"));
                return null;
            }
            return value;
        }

        private <E extends Enum<E>> E enumValue(Row row, String field, Class<E> type) {
            String value = row.get(field);
            if (value == null) {
                file.problems.add(row.problem(field, "必填"));
                return null;
            }
            try {
                return Enum.valueOf(type, value);
            } catch (IllegalArgumentException e) {
                file.problems.add(row.problem(field, "未知取值 " + value + "，应为 " + Arrays.toString(type.getEnumConstants())));
                return null;
            }
        }
    }

    private record PersonRow(Row row, Person person, String password) {
    }

    private void batch(String sql, List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate(sql, rows);
        }
    }

    // An import compares the file with the whole organisation: one sequential scan per table is cheaper than
    // thousands of key look-ups, and does not depend on planner statistics right after a bulk load.
    private Map<RegionCode, Jurisdiction> loadJurisdictions() {
        Map<RegionCode, Jurisdiction> found = new HashMap<>();
        jdbc.sql("SELECT REGION_CODE, NAME, LEVEL, PARENT_CODE FROM EG_JURISDICTION")
            .query(OrganisationRepository::jurisdiction).stream().forEach(j -> found.put(j.code(), j));
        return found;
    }

    private Map<UnitKey, Unit> loadUnits() {
        Map<UnitKey, Unit> found = new HashMap<>();
        jdbc.sql("SELECT AGENCY, REGION_CODE, NAME FROM EG_UNIT")
            .query(OrganisationRepository::unit).stream().forEach(unit -> found.put(unit.key(), unit));
        return found;
    }

    private Map<String, Person> loadPersons() {
        Map<String, Person> found = new HashMap<>();
        jdbc.sql("SELECT USER_ID, DISPLAY_NAME, AGENCY, REGION_CODE, ROLE, EMAIL, PHONE FROM EG_PERSON")
            .query(OrganisationRepository::person).stream().forEach(p -> found.put(p.userId(), p));
        return found;
    }
}
