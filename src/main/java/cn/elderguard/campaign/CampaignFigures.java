package cn.elderguard.campaign;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import cn.elderguard.institution.InstitutionRepository;
import cn.elderguard.lead.CaseFigures;
import cn.elderguard.lead.LeadSource;
import cn.elderguard.organisation.Agency;
import cn.elderguard.organisation.Jurisdiction;
import cn.elderguard.organisation.JurisdictionLevel;
import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;

/**
 * The figures of a campaign and of a unit (docs/campaigns.md, "Figures and the summary report"), gathered from the
 * modules that own the data: the registry (institution), leads, cases and their timeline (lead), the campaign's
 * publicity and pledges (here).
 */
@Service
public class CampaignFigures {

    private final CampaignRepository campaigns;
    private final CampaignTallies tallies;
    private final InstitutionRepository institutions;
    private final CaseFigures cases;
    private final OrganisationRepository organisation;

    CampaignFigures(CampaignRepository campaigns, CampaignTallies tallies, InstitutionRepository institutions, CaseFigures cases,
                    OrganisationRepository organisation) {
        this.campaigns = campaigns;
        this.tallies = tallies;
        this.institutions = institutions;
        this.cases = cases;
        this.organisation = organisation;
    }

    /**
     * A unit's figures over {@code [from, to)}: its jurisdiction subtree; a unit of an agency that regulates sectors
     * (行业归口, the organisation's sector table) counts only institutions and cases of those sectors and only the
     * publicity and pledges its agency recorded. The 处非办, grid workers and agencies that regulate no sector (公安,
     * 政法委, 信访 …) count everything in the subtree.
     */
    public Figures forUnit(UnitKey unit, Instant from, Instant to) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("empty window " + from + " – " + to);
        }
        Set<String> sectors = sectorsOf(unit.agency());
        Agency recordedBy = sectors == null ? null : unit.agency();
        LocalDate firstDay = LocalDate.ofInstant(from, Now.zone());
        LocalDate lastDay = LocalDate.ofInstant(to.minusNanos(1), Now.zone());
        CampaignTallies.Publicity publicity = tallies.publicity(unit.region(), recordedBy, firstDay, lastDay);
        return figures(unit.region(), sectors, from, to, publicity, tallies.pledges(unit.region(), recordedBy, firstDay, lastDay));
    }

    /**
     * A campaign's figures: its owner's jurisdiction subtree, every sector, from its launch to its end (or now while it
     * runs); publicity and pledges are the ones recorded for the campaign.
     */
    public Figures forCampaign(long campaignId) {
        Campaign campaign = campaign(campaignId);
        return figures(campaign.ownerRegion(), null, campaign.launchedAt(), end(campaign), tallies.publicity(campaignId),
            tallies.pledges(campaignId));
    }

    /** The cases of {@link #forCampaign} by sector and by the jurisdictions one level below the owner. */
    public Distribution distribution(long campaignId) {
        Campaign campaign = campaign(campaignId);
        RegionCode owner = campaign.ownerRegion();
        Instant from = campaign.launchedAt();
        Instant to = end(campaign);
        Map<String, Long> bySector = cases.casesBySector(owner, from, to);
        List<Distribution.Share> sectors = new ArrayList<>();
        Set<String> listed = new TreeSet<>();
        for (OrganisationRepository.Sector sector : organisation.sectors()) {
            sectors.add(new Distribution.Share(sector.code(), sector.name(), bySector.getOrDefault(sector.code(), 0L)));
            listed.add(sector.code());
        }
        bySector.forEach((code, count) -> {
            if (!listed.contains(code)) {
                sectors.add(new Distribution.Share(code, code, count));
            }
        });

        List<Distribution.Share> regions = new ArrayList<>();
        JurisdictionLevel childLevel = childLevel(owner);
        if (childLevel == null) {
            long all = cases.casesByRegion(owner, owner.level().significantDigits(), from, to).values().stream().mapToLong(Long::longValue).sum();
            regions.add(new Distribution.Share(owner.value(), ownLevel(owner), all));
            return new Distribution(sectors, regions);
        }
        Map<RegionCode, Long> byRegion = new java.util.TreeMap<>(cases.casesByRegion(owner, childLevel.significantDigits(), from, to));
        Long own = byRegion.remove(owner);
        if (own != null) {
            regions.add(new Distribution.Share(owner.value(), ownLevel(owner), own));
        }
        for (Jurisdiction child : organisation.children(owner)) {
            Long count = byRegion.remove(child.code());
            regions.add(new Distribution.Share(child.code().value(), child.name(), count == null ? 0 : count));
        }
        // Leads registered under a code the organisation does not (or no longer) list.
        byRegion.forEach((code, count) -> regions.add(new Distribution.Share(code.value(), code.value(), count)));
        return new Distribution(sectors, regions);
    }

    private Figures figures(RegionCode region, Set<String> sectors, Instant from, Instant to, CampaignTallies.Publicity publicity,
                            long pledges) {
        Map<LeadSource, Long> leads = cases.leadsBySource(region, sectors, from, to);
        CaseFigures.CasesByColour colours = cases.casesByColour(region, sectors, from, to);
        CaseFigures.Refunds refunds = cases.refunds(region, sectors, from, to);
        return new Figures(from, to, institutions.count(region, sectors, to), leads, leads.values().stream().mapToLong(Long::longValue).sum(),
            colours.rated(), colours.unrated(), colours.total(), cases.casesClosed(region, sectors, from, to), refunds.amountYuan(),
            refunds.people(), cases.policeTransfers(region, sectors, from, to), publicity.activities(), publicity.peopleReached(),
            publicity.materialsHandedOut(), pledges);
    }

    /** The sectors a unit's figures are limited to, or null for all (see {@link #forUnit}). */
    private Set<String> sectorsOf(Agency agency) {
        if (agency == Agency.CHUFEI_OFFICE || agency == Agency.GRID_WORKER) {
            return null;
        }
        Set<String> sectors = new TreeSet<>();
        organisation.sectors().stream().filter(sector -> sector.agency() == agency).forEach(sector -> sectors.add(sector.code()));
        return sectors.isEmpty() ? null : sectors;
    }

    private Campaign campaign(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new NotFoundException("专项行动 " + campaignId + " 不存在，请核对编号"));
    }

    private static Instant end(Campaign campaign) {
        return campaign.endedAt() != null ? campaign.endedAt() : Now.instant();
    }

    private static JurisdictionLevel childLevel(RegionCode region) {
        JurisdictionLevel[] levels = JurisdictionLevel.values();
        int next = region.level().ordinal() + 1;
        return next < levels.length ? levels[next] : null;
    }

    private String ownLevel(RegionCode owner) {
        return "本级（" + organisation.jurisdiction(owner).map(Jurisdiction::name).orElse(owner.value()) + "）";
    }
}
