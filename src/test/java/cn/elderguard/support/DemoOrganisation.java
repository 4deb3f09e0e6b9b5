package cn.elderguard.support;

/** Names from the demo organisation (src/main/resources/organisation/demo-organisation.yaml) used by tests. */
public final class DemoOrganisation {

    public static final String PASSWORD = "demo";

    public static final String PROVINCE = "990000000000";
    public static final String CITY = "999000000000";
    public static final String COUNTY = "999001000000";
    /** 城关镇 and its village 东街社区. */
    public static final String CHENGGUAN = "999001001000";
    public static final String DONGJIE = "999001001001";
    /** 河西镇 and its village 河西村. */
    public static final String HEXI = "999001002000";
    public static final String HEXICUN = "999001002001";

    private DemoOrganisation() {
    }
}
