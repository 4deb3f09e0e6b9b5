package cn.elderguard.organisation;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes organisation files for tests, one row per line, remembering the line of every row. */
class OrganisationFileBuilder {

    private final List<String> jurisdictions = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private final List<String> users = new ArrayList<>();

    /** A province, one city, one county and {@code towns} towns, with a 处非办, 民政 and 市场监管 everywhere. */
    static OrganisationFileBuilder county(String provinceDigits, int towns, int officersPerUnit) {
        OrganisationFileBuilder file = new OrganisationFileBuilder();
        String province = provinceDigits + "0000000000";
        String city = provinceDigits + "01" + "00000000";
        String county = provinceDigits + "0101" + "000000";
        file.jurisdiction(province, "测试省" + provinceDigits, "PROVINCE");
        file.jurisdiction(city, "测试市", "CITY");
        file.jurisdiction(county, "测试县", "COUNTY");
        file.unit("CHUFEI_OFFICE", province, "测试省处非办");
        List<String> regions = new ArrayList<>(List.of(county));
        for (int t = 1; t <= towns; t++) {
            String town = provinceDigits + "0101" + String.format("%03d", t) + "000";
            file.jurisdiction(town, "测试镇" + t, "TOWN");
            regions.add(town);
        }
        for (String region : regions) {
            for (String agency : List.of("CHUFEI_OFFICE", "CIVIL_AFFAIRS", "MARKET_REGULATION")) {
                file.unit(agency, region, agency + "单位" + region);
                for (int o = 0; o < officersPerUnit; o++) {
                    String id = "t" + region + "_" + agency.toLowerCase() + "_" + o;
                    file.user(id, "测试" + o, agency, region, o == 0 ? "UNIT_LEADER" : "OFFICER");
                }
            }
        }
        return file;
    }

    OrganisationFileBuilder jurisdiction(String code, String name, String level) {
        jurisdictions.add("{code: \"" + code + "\", name: " + name + ", level: " + level + "}");
        return this;
    }

    OrganisationFileBuilder unit(String agency, String region, String name) {
        units.add("{agency: " + agency + ", jurisdiction: \"" + region + "\", name: " + name + "}");
        return this;
    }

    OrganisationFileBuilder user(String id, String name, String agency, String region, String role) {
        users.add("{id: " + id + ", name: " + name + ", agency: " + agency + ", jurisdiction: \"" + region
            + "\", role: " + role + ", email: " + id + "@test.elderguard.cn, password: secret}");
        return this;
    }

    /** Replaces user row {@code index} (0-based) with {@code row}; returns the line it will be on. */
    int replaceUser(int index, String row) {
        users.set(index, row);
        return 1 + jurisdictions.size() + 1 + units.size() + 1 + index + 1;
    }

    int rows() {
        return jurisdictions.size() + units.size() + users.size();
    }

    int userCount() {
        return users.size();
    }

    String userRow(int index) {
        return users.get(index);
    }

    String yaml() {
        StringBuilder yaml = new StringBuilder("jurisdictions:\n");
        jurisdictions.forEach(row -> yaml.append("  - ").append(row).append('\n'));
        yaml.append("units:\n");
        units.forEach(row -> yaml.append("  - ").append(row).append('\n'));
        yaml.append("users:\n");
        users.forEach(row -> yaml.append("  - ").append(row).append('\n'));
        return yaml.toString();
    }

    InputStream stream() {
        return new ByteArrayInputStream(yaml().getBytes(StandardCharsets.UTF_8));
    }
}
