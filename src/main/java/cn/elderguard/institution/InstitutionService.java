package cn.elderguard.institution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.InvalidInputException.FieldProblem;

/**
 * The institution registry. Every read and write is limited to the caller's scope: their jurisdiction
 * subtree, and their own agency's sectors unless they are 处非办 or leading group.
 */
@Service
public class InstitutionService {

    private final InstitutionRepository institutions;
    private final OrganisationRepository organisation;
    private final CurrentUser currentUser;

    InstitutionService(InstitutionRepository institutions, OrganisationRepository organisation, CurrentUser currentUser) {
        this.institutions = institutions;
        this.organisation = organisation;
        this.currentUser = currentUser;
    }

    static final String NOT_FOUND = "机构不存在或不在您的职责范围内";
    /** The same answer whoever holds the code, so the registry of other jurisdictions stays unknown (docs/security.md). */
    static final String REGISTERED_ELSEWHERE = "该统一社会信用代码已由其他辖区或行业登记，请联系上级处非办核实";

    /** An institution of the caller's registry; 404 whether it does not exist or is someone else's. */
    public Institution get(long id) {
        return institutions.byId(id).filter(this::inScope).orElseThrow(() -> new NotFoundException(NOT_FOUND));
    }

    @Transactional
    public Institution create(InstitutionInput input) {
        Institution institution = toInstitution(input, null, false);
        requireInScope(institution);
        requireUnique(institution);
        return institution.withId(institutions.insert(institution));
    }

    @Transactional
    public Institution update(long id, InstitutionInput input) {
        Institution stored = get(id);
        Institution institution = toInstitution(input, id, false);
        requireInScope(institution);
        requireUnique(institution);
        if (!institution.equals(stored)) {
            institutions.update(institution);
        }
        return institution;
    }

    /** Inserts or updates by natural key; what happened, for the screening-list import. */
    @Transactional
    public Upsert upsert(InstitutionInput input) {
        Institution candidate = toInstitution(input, null, false);
        requireInScope(candidate);
        var stored = institutions.byNaturalKey(candidate.naturalKey());
        if (stored.isEmpty()) {
            requireUnique(candidate);
            institutions.insert(candidate);
            return Upsert.CREATED;
        }
        if (!inScope(stored.get())) {
            throw new InvalidInputException(candidate.creditCode() != null ? "creditCode" : "name", REGISTERED_ELSEWHERE);
        }
        Institution updated = candidate.withId(stored.get().id());
        if (updated.equals(stored.get())) {
            return Upsert.UNCHANGED;
        }
        institutions.update(updated);
        return Upsert.UPDATED;
    }

    public List<Institution> list(RegionCode subtree, long afterId, int limit) {
        AccessScope scope = currentUser.scope();
        RegionCode region = subtree != null ? subtree : scope.region();
        if (region == null) {
            throw new InvalidInputException("jurisdiction", "请指定区划");
        }
        if (!scope.coversRegistry(region, scope.registryAgency())) {
            throw new AccessDeniedException("区划 " + region + " 不在您的辖区内");
        }
        return institutions.page(region, scope.registryAgency(), afterId, Math.min(Math.max(limit, 1), 100));
    }

    public enum Upsert { CREATED, UPDATED, UNCHANGED }

    /**
     * For intake, inside its transaction: the institution a lead names — by credit code, else by name in
     * its jurisdiction — or a new unregistered venue built from what the lead says, flagged for the
     * verifying officer to confirm or merge. No user scope here: intake has checked who may submit. Its row
     * is locked for the rest of the transaction (a new row is, by its insert), so leads about one institution
     * are taken in one at a time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Institution resolveReported(String name, String creditCode, String address, RegionCode jurisdiction) {
        String code = blankToNull(creditCode) == null ? null : creditCode.trim().toUpperCase();
        var known = institutions.lockByNaturalKey(Institution.naturalKey(code, name.trim(), jurisdiction));
        if (known.isPresent()) {
            return known.get();
        }
        Institution venue = new Institution(null, name.trim(), code, false, null, null, Institution.DEFAULT_SECTOR,
            jurisdiction, blankToNull(address), null, null, null, null, null, null, true);
        return venue.withId(institutions.insert(venue));
    }

    /**
     * What verification established about the institution (核查), within the verifying task's transaction:
     * a reported venue is confirmed as a registry entry by it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void applyVerification(long id, boolean registered, LegalForm legalForm, BigDecimal prepaidFeesYuan,
                                  Integer residents, RegionCode registeredElsewhere) {
        Institution stored = institutions.byId(id).orElseThrow();
        institutions.update(new Institution(id, stored.name(), stored.creditCode(), registered, stored.ownership(),
            legalForm != null ? legalForm : stored.legalForm(), stored.sector(), stored.jurisdiction(), stored.address(),
            stored.beds(), residents != null ? residents : stored.residents(),
            prepaidFeesYuan != null ? prepaidFeesYuan.setScale(2, RoundingMode.HALF_UP) : stored.prepaidFeesYuan(),
            stored.relatedCompanies(), stored.pledgeSignedOn(),
            registeredElsewhere != null ? registeredElsewhere : stored.registeredElsewhere(), false));
    }

    /**
     * The rules that need the database or more than one field. Field rules (lengths, ranges, formats) are
     * Bean Validation annotations on {@link InstitutionInput}.
     */
    Institution toInstitution(InstitutionInput input, Long id, boolean needsConfirmation) {
        List<FieldProblem> problems = new ArrayList<>();
        String creditCode = blankToNull(input.creditCode());
        if (creditCode != null) {
            creditCode = creditCode.toUpperCase();
            String problem = CreditCode.problem(creditCode);
            if (problem != null) {
                problems.add(new FieldProblem("creditCode", problem));
            }
        } else if (Boolean.TRUE.equals(input.registered())) {
            problems.add(new FieldProblem("creditCode", "已登记的机构须填写统一社会信用代码"));
        }
        if (Boolean.TRUE.equals(input.registered()) && input.legalForm() == null) {
            problems.add(new FieldProblem("legalForm", "已登记的机构须填写法人类型（民非或企业）"));
        }
        String sector = input.sector() == null || input.sector().isBlank() ? Institution.DEFAULT_SECTOR : input.sector();
        if (organisation.sectorAgency(sector).isEmpty()) {
            problems.add(new FieldProblem("sector", "未知行业：" + sector));
        }
        RegionCode jurisdiction = knownRegion("jurisdiction", input.jurisdiction(), problems);
        RegionCode elsewhere = null;
        if (blankToNull(input.registeredElsewhere()) != null) {
            try {
                elsewhere = RegionCode.of(input.registeredElsewhere());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("registeredElsewhere", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        // Yuan with fen, as stored: 350000 and 350000.00 are the same amount.
        BigDecimal prepaidFees = input.prepaidFeesYuan() == null ? null : input.prepaidFeesYuan().setScale(2, RoundingMode.HALF_UP);
        return new Institution(id, input.name().trim(), creditCode, input.registered(), input.ownership(), input.legalForm(),
            sector, jurisdiction, blankToNull(input.address()), input.beds(), input.residents(), prepaidFees,
            blankToNull(input.relatedCompanies()), input.pledgeSignedOn(), elsewhere, needsConfirmation);
    }

    RegionCode knownRegion(String field, String value, List<FieldProblem> problems) {
        try {
            RegionCode region = RegionCode.of(value);
            if (organisation.jurisdiction(region).isEmpty()) {
                problems.add(new FieldProblem(field, "区划 " + value + " 不存在"));
            }
            return region;
        } catch (IllegalArgumentException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }

    private void requireUnique(Institution institution) {
        String field = institution.creditCode() != null ? "creditCode" : "name";
        institutions.byNaturalKey(institution.naturalKey())
            .filter(other -> !Objects.equals(other.id(), institution.id()))
            .ifPresent(other -> {
                throw new InvalidInputException(field, !inScope(other) ? REGISTERED_ELSEWHERE
                    : (institution.creditCode() != null ? "统一社会信用代码" : "同一区划内的机构名称") + "已登记为机构 " + other.id()
                        + "（" + other.name() + "）");
            });
    }

    void requireInScope(Institution institution) {
        if (!inScope(institution)) {
            throw new AccessDeniedException("机构所在区划或行业不在您的职责范围内");
        }
    }

    private boolean inScope(Institution institution) {
        Agency agency = organisation.sectorAgency(institution.sector()).orElse(null);
        return currentUser.scope().coversRegistry(institution.jurisdiction(), agency);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
