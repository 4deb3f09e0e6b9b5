package cn.elderguard.dashboard;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.Person;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Role;
import cn.elderguard.system.InvalidInputException;

/**
 * Who may use the console and over what (docs/console.md, "Scope"; docs/security.md, door {@code console}):
 * administrators everything; the 处非办 and leading groups their jurisdiction's subtree; a sector unit's leader their
 * own unit's work (an officer sees their own (agency, jurisdiction) work only, docs/security.md); everyone else is
 * refused. The optional {@code region}, {@code agency} and {@code exact} parameters narrow the scope, never widen it.
 */
@Component
public class ConsoleScopes {

    private final CurrentUser currentUser;
    private final OrganisationRepository organisation;

    ConsoleScopes(CurrentUser currentUser, OrganisationRepository organisation) {
        this.currentUser = currentUser;
        this.organisation = organisation;
    }

    /**
     * The scope of the logged-in user narrowed by the request's {@code region} and {@code agency} (either may be null);
     * {@code exact} keeps only the units of {@code region} itself, not those below it.
     */
    public ConsoleScope resolve(String region, String agency, boolean exact) {
        ConsoleScope own = own();
        RegionCode root = own.region();
        if (region != null && !region.isBlank()) {
            RegionCode asked = parseRegion(region);
            if (root != null && !(own.wholeSubtree() ? root.contains(asked) : root.equals(asked))) {
                throw new AccessDeniedException("辖区 " + asked.value() + " 不在您的督办范围内，请选择本辖区或下级辖区");
            }
            root = asked;
        }
        if (root == null) {
            root = organisation.roots().stream().findFirst().map(j -> j.code())
                .orElseThrow(() -> new InvalidInputException("region", "尚未导入组织机构，请先导入辖区与单位"));
        }
        Agency only = own.agency();
        if (agency != null && !agency.isBlank()) {
            Agency asked = parseAgency(agency);
            if (only != null && only != asked) {
                throw new AccessDeniedException("您只能查看本单位（" + only.label() + "）的工作");
            }
            only = asked;
        }
        return new ConsoleScope(root, only, own.wholeSubtree() && !exact);
    }

    /** The user's own scope before any narrowing; the region is null for administrators (everything). */
    public ConsoleScope own() {
        AccessScope scope = currentUser.scope();
        if (scope.isEverything()) {
            return new ConsoleScope(null, null, true);
        }
        if (scope.kind() == AccessScope.Kind.SUPERVISOR) {
            return new ConsoleScope(scope.region(), null, true);
        }
        if (scope.kind() == AccessScope.Kind.UNIT && currentUser.person().map(Person::role).orElse(null) == Role.UNIT_LEADER) {
            return new ConsoleScope(scope.region(), scope.unit().agency(), false);
        }
        throw new AccessDeniedException("督办台只对处非办、领导小组和单位负责人开放；经办人请在任务列表办理本单位的任务");
    }

    private static RegionCode parseRegion(String value) {
        try {
            return RegionCode.of(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("region", "辖区代码应为 12 位数字，例如 330100000000");
        }
    }

    private static Agency parseAgency(String value) {
        try {
            return Agency.valueOf(value.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("agency", "未知的单位类别「" + value + "」，请从列表中选择");
        }
    }
}
