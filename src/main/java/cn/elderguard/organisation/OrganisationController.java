package cn.elderguard.organisation;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.elderguard.organisation.OrganisationImport.ImportResult;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.UploadLimits;

/** The organisation as seen by its users: who am I, where does work go, whom does it escalate to. */
@RestController
@RequestMapping("/api/organisation")
class OrganisationController {

    private final OrganisationRepository organisation;
    private final RoutingService routing;
    private final EscalationLadder ladder;
    private final OrganisationImport importer;
    private final CurrentUser currentUser;

    OrganisationController(OrganisationRepository organisation, RoutingService routing, EscalationLadder ladder,
                           OrganisationImport importer, CurrentUser currentUser) {
        this.organisation = organisation;
        this.routing = routing;
        this.ladder = ladder;
        this.importer = importer;
        this.currentUser = currentUser;
    }

    @GetMapping("/me")
    Map<String, Object> me() {
        AccessScope scope = currentUser.scope();
        return Map.of(
            "userId", currentUser.id(),
            "person", currentUser.person().map(Object.class::cast).orElse(Map.of()),
            "groups", currentUser.person().map(Person::groups).orElse(List.of()),
            "scope", scope);
    }

    /**
     * Where the caller's region pickers start: their own jurisdiction, or for administrators (who have none) the
     * top of the tree; empty for a person without a jurisdiction.
     */
    @GetMapping("/jurisdictions")
    List<Jurisdiction> topJurisdictions() {
        AccessScope scope = currentUser.scope();
        if (scope.isEverything()) {
            return organisation.roots();
        }
        return scope.region() == null ? List.of() : organisation.jurisdiction(scope.region()).stream().toList();
    }

    /** A jurisdiction with its children and units; only inside the caller's own jurisdiction subtree. */
    @GetMapping("/jurisdictions/{code}")
    Map<String, Object> jurisdiction(@PathVariable("code") RegionCode region) {
        String code = region.value();
        if (!currentUser.scope().coversRegion(region)) {
            throw new AccessDeniedException("区划 " + code + " 不在您的辖区内");
        }
        Jurisdiction jurisdiction = organisation.jurisdiction(region)
            .orElseThrow(() -> new InvalidInputException("code", "区划 " + code + " 不存在"));
        return Map.of(
            "jurisdiction", jurisdiction,
            "children", organisation.children(region),
            "units", organisation.unitsInSubtree(region, 0, 200).stream().filter(u -> u.region().equals(region)).toList());
    }

    /** The agencies and jurisdiction levels with their Chinese names, for the pages' pickers (e.g. a campaign's units). */
    @GetMapping("/labels")
    Map<String, List<Label>> labels() {
        return Map.of(
            "agencies", Arrays.stream(Agency.values()).map(agency -> new Label(agency.name(), agency.label())).toList(),
            "levels", Arrays.stream(JurisdictionLevel.values()).map(level -> new Label(level.name(), level.label())).toList());
    }

    record Label(String code, String label) {
    }

    /** Where work of {@code agency} in {@code jurisdiction} goes (属地负责、行业归口). */
    @GetMapping("/routing")
    Map<String, Object> route(@RequestParam Agency agency, @RequestParam RegionCode jurisdiction) {
        Unit unit = routing.route(agency, jurisdiction);
        return Map.of("unit", unit, "candidateGroup", unit.officerGroup());
    }

    /** The escalation ladder of a unit. */
    @GetMapping("/ladder")
    List<EscalationLadder.Step> ladder(@RequestParam Agency agency, @RequestParam RegionCode jurisdiction) {
        return ladder.of(new UnitKey(agency, jurisdiction));
    }

    /** Imports an organisation file (YAML), all or nothing; see docs/organisation.md. */
    @PreAuthorize("hasAuthority('camunda-admin')")
    @PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ImportResult importFile(@RequestPart("file") MultipartFile file) throws IOException {
        UploadLimits.check(file, UploadLimits.IMPORT);
        try (InputStream in = file.getInputStream()) {
            return importer.importFile(in);
        }
    }
}
