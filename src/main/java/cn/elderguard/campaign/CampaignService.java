package cn.elderguard.campaign;

import java.util.List;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.elderguard.organisation.AccessScope;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.Unit;
import cn.elderguard.organisation.UnitKey;
import cn.elderguard.system.NotFoundException;
import cn.elderguard.system.Now;
import cn.elderguard.system.UnprocessableException;

/**
 * Reading a campaign and the office's actions on it (docs/campaigns.md; who may do what: docs/security.md). The office
 * — a 处非办 or leading group of the owner's jurisdiction or above — sees and steers the whole campaign; a participating
 * unit sees the campaign and its own part.
 */
@Service
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignEngine engine;
    private final CurrentUser currentUser;

    CampaignService(CampaignRepository campaigns, CampaignEngine engine, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.engine = engine;
        this.currentUser = currentUser;
    }

    /** The campaign, if the user may see it: 404 when it does not exist, 403 when it is not theirs. */
    @Transactional(readOnly = true)
    public Campaign readable(long id) {
        Campaign campaign = find(id);
        if (!isOffice(campaign) && participatingUnit(campaign).isEmpty()) {
            throw new AccessDeniedException("您所在单位未参加专项行动「" + campaign.name() + "」，无权查看");
        }
        return campaign;
    }

    /** The campaign, if the user runs it (its office or above): 404 / 403 otherwise. */
    @Transactional(readOnly = true)
    public Campaign steerable(long id) {
        Campaign campaign = find(id);
        if (!isOffice(campaign)) {
            throw new AccessDeniedException("只有专项行动「" + campaign.name() + "」的专项办（本辖区或上级处非办、领导小组）可以进行此操作");
        }
        return campaign;
    }

    /** The user's own unit, if it takes part in the campaign. */
    public Optional<UnitKey> participatingUnit(Campaign campaign) {
        return currentUser.person().map(person -> person.unit()).filter(unit -> campaigns.participates(campaign.id(), unit));
    }

    public boolean isOffice(Campaign campaign) {
        return currentUser.scope().supervises(campaign.ownerRegion());
    }

    /** The campaigns the user runs (supervisors: their jurisdiction and below) or takes part in, newest first. */
    @Transactional(readOnly = true)
    public List<Campaign> visible(int offset, int limit) {
        AccessScope scope = currentUser.scope();
        if (scope.isEverything()) {
            return campaigns.newest(offset, limit);
        }
        if (scope.kind() == AccessScope.Kind.SUPERVISOR) {
            return campaigns.ownedWithin(scope.region(), offset, limit);
        }
        return currentUser.person().map(person -> campaigns.joinedBy(person.unit(), offset, limit)).orElse(List.of());
    }

    @Transactional(readOnly = true)
    public List<CampaignPhase> phases(Campaign campaign) {
        return campaigns.phases(campaign.id());
    }

    @Transactional(readOnly = true)
    public List<Unit> units(Campaign campaign, int offset, int limit) {
        return campaigns.units(campaign.id(), offset, limit);
    }

    /**
     * The office ends the phase under way before its date (docs/campaigns.md, "Phases"): who did it is recorded, the process
     * ends the phase and starts the next one at once.
     */
    @Transactional
    public void closePhase(long id) {
        Campaign campaign = steerable(id);
        if (campaign.status() != Campaign.Status.RUNNING || campaign.currentPhase() == null) {
            throw new NoPhaseUnderWay(campaign);
        }
        campaigns.phaseEnded(campaign.id(), campaign.currentPhase(), Now.instant(), currentUser.id());
        engine.closePhase(campaign);
    }

    /** 422: the office asked to end a phase, but none is under way (not started yet, or the campaign has ended). */
    static class NoPhaseUnderWay extends UnprocessableException {

        NoPhaseUnderWay(Campaign campaign) {
            super("no phase under way in campaign " + campaign.id(), "当前没有进行中的阶段",
                "专项行动「" + campaign.name() + "」当前没有进行中的阶段（尚未开始或已全部结束），无需结束", List.of());
        }
    }

    private Campaign find(long id) {
        return campaigns.find(id).orElseThrow(() -> new NotFoundException("专项行动 " + id + " 不存在"));
    }
}
