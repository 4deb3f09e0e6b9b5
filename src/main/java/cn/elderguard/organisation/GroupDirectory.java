package cn.elderguard.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

/**
 * What an engine group stands for in words and in people (docs/decisions/006 names the groups): a unit's officers or
 * leaders, or a jurisdiction's leading group. Mail to a group and the console's "notified" use the same people.
 */
@Service
public class GroupDirectory {

    private final OrganisationRepository organisation;

    GroupDirectory(OrganisationRepository organisation) {
        this.organisation = organisation;
    }

    /** The group by name: 河西镇民政办, 河西镇民政办负责人, 河西镇领导小组; the id itself for groups of no unit. */
    public String label(String groupId) {
        Optional<UnitKey> unit = GroupIds.unitOf(groupId);
        if (unit.isPresent()) {
            String name = organisation.unit(unit.get()).map(Unit::name).orElse(unit.get().agency().label());
            return name + (groupId.equals(unit.get().leaderGroup()) ? "负责人" : "");
        }
        String prefix = GroupIds.LEADING_GROUP + "-";
        if (groupId.startsWith(prefix)) {
            try {
                RegionCode region = RegionCode.of(groupId.substring(prefix.length()));
                return organisation.jurisdiction(region).map(Jurisdiction::name).orElse(region.value()) + "领导小组";
            } catch (IllegalArgumentException e) {
                return groupId;
            }
        }
        return groupId;
    }

    /**
     * Who work offered to the group is mailed to: a leaders' group its unit's leaders, an officers' group its unit's
     * officers (leaders are copied separately); nobody for other groups.
     */
    public List<Person> recipients(String groupId) {
        Optional<UnitKey> unit = GroupIds.unitOf(groupId);
        if (unit.isEmpty()) {
            return List.of();
        }
        Role role = groupId.equals(unit.get().leaderGroup()) ? Role.UNIT_LEADER : Role.OFFICER;
        return organisation.people(unit.get(), List.of(role));
    }
}
