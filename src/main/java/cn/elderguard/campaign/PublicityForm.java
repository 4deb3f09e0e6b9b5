package cn.elderguard.campaign;

/** The forms a publicity activity takes (docs/domain.md §2.7); 其他 for anything else, described in the notes. */
public enum PublicityForm {
    BANNER("横幅标语"),
    LECTURE("宣传讲座"),
    DOOR_TO_DOOR("入户宣传"),
    VIDEO("视频宣传"),
    LEAFLET("发放宣传资料"),
    MEETING("院坝会/群众会"),
    ONLINE("网络/新媒体"),
    OTHER("其他");

    private final String label;

    PublicityForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
