package cn.elderguard.campaign;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import cn.elderguard.campaign.CampaignRepository.PhasePlan;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.Now;

/** Campaigns over REST (docs/campaigns.md); the page 专项行动 uses the same doors (docs/security.md). */
@RestController
@RequestMapping("/api/campaigns")
class CampaignController {

    private static final int MAX_PAGE = 100;

    private final CampaignLaunch launch;
    private final CampaignService campaigns;
    private final CampaignTemplates templates;
    private final OrganisationRepository organisation;

    CampaignController(CampaignLaunch launch, CampaignService campaigns, CampaignTemplates templates, OrganisationRepository organisation) {
        this.launch = launch;
        this.campaigns = campaigns;
        this.templates = templates;
        this.organisation = organisation;
    }

    /** The templates with their phases dated for a launch today, month-days in {@code year} (default this year). */
    @GetMapping("/templates")
    List<DatedTemplate> templates(@RequestParam(required = false) Integer year) {
        LocalDate today = Now.today();
        int in = year == null ? today.getYear() : year;
        return templates.all().stream()
            .map(template -> new DatedTemplate(template.code(), template.label(), template.source(), template.dated(today, in))).toList();
    }

    @PostMapping("/preview")
    CampaignLaunch.Preview preview(@Valid @RequestBody CampaignInput input) {
        return launch.preview(input);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Campaign launch(@Valid @RequestBody CampaignInput input) {
        return launch.launch(input);
    }

    /** A page of the campaigns the user runs or takes part in, with the names the page 专项行动 lists them by. */
    @GetMapping
    List<Listed> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        int limit = Math.min(Math.max(size, 1), MAX_PAGE);
        Map<RegionCode, String> offices = new HashMap<>();
        return campaigns.visible(Math.max(page, 0) * limit, limit).stream()
            .map(campaign -> new Listed(campaign, offices.computeIfAbsent(campaign.ownerRegion(), this::officeName),
                currentPhaseLabel(campaign)))
            .toList();
    }

    @GetMapping("/{id}")
    Details details(@PathVariable long id) {
        Campaign campaign = campaigns.readable(id);
        return new Details(campaign, campaigns.phases(campaign), campaigns.isOffice(campaign),
            campaigns.participatingUnit(campaign).map(Object::toString).orElse(null), officeName(campaign.ownerRegion()));
    }

    @GetMapping("/{id}/units")
    List<Unit> units(@PathVariable long id, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        Campaign campaign = campaigns.steerable(id);
        int limit = Math.min(Math.max(size, 1), MAX_PAGE);
        return campaigns.units(campaign, Math.max(page, 0) * limit, limit);
    }

    @PostMapping("/{id}/phase/close")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void closePhase(@PathVariable long id) {
        campaigns.closePhase(id);
    }

    private String currentPhaseLabel(Campaign campaign) {
        return campaign.currentPhase() == null ? null : campaigns.phases(campaign).stream()
            .filter(phase -> phase.phaseNo() == campaign.currentPhase()).map(CampaignPhase::label).findFirst().orElse(null);
    }

    /** The campaign office: the owner's 处非办 by its name (the jurisdiction's name if the organisation lost it since). */
    private String officeName(RegionCode owner) {
        return organisation.unit(new UnitKey(Agency.CHUFEI_OFFICE, owner)).map(Unit::name)
            .or(() -> organisation.jurisdiction(owner).map(Jurisdiction::name)).orElse(owner.value());
    }

    record DatedTemplate(String code, String label, String source, List<PhasePlan> phases) {
    }

    /** A campaign with its phases, and what the user is in it: its office, or a participating unit (agency@region). */
    record Details(Campaign campaign, List<CampaignPhase> phases, boolean office, String myUnit, String officeName) {
    }

    /** A campaign in the list, with its office's name and the label of the phase under way (null when none is). */
    record Listed(@JsonUnwrapped Campaign campaign, String officeName, String currentPhaseLabel) {
    }
}
