package cn.elderguard.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.elderguard.organisation.OrganisationRepository;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.security.ClientRateLimiter;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.NotFoundException;

/**
 * The public tip page's API (no login): submit a tip, look its status up with the tracking code, and
 * list jurisdictions to pick the place from. A tipster learns only status and feedback, never case
 * internals. Every call counts against the client's rate limit.
 */
@RestController
@RequestMapping("/public/api")
class PublicTipController {

    private final IntakeService intake;
    private final LeadRepository leads;
    private final OrganisationRepository organisation;
    private final ClientRateLimiter rateLimiter;
    private final RegionCode root;
    private final int tipsPerHour;
    private final int lookupsPerHour;

    PublicTipController(IntakeService intake, LeadRepository leads, OrganisationRepository organisation,
                        ClientRateLimiter rateLimiter, @Value("${elderguard.public.root-region}") String root,
                        @Value("${elderguard.public.tips-per-hour}") int tipsPerHour,
                        @Value("${elderguard.public.lookups-per-hour}") int lookupsPerHour) {
        this.intake = intake;
        this.leads = leads;
        this.organisation = organisation;
        this.rateLimiter = rateLimiter;
        this.root = RegionCode.of(root);
        this.tipsPerHour = tipsPerHour;
        this.lookupsPerHour = lookupsPerHour;
    }

    @PostMapping("/tips")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> submit(@Valid @RequestBody PublicTip tip, HttpServletRequest request) {
        rateLimiter.check(request, "tip", tipsPerHour, Duration.ofHours(1));
        if (!root.contains(RegionCode.of(tip.institution().jurisdiction()))) {
            throw new InvalidInputException("institution.jurisdiction", "请选择本地区的乡镇（街道）或村（社区）");
        }
        return Map.of("trackingCode", intake.submitPublicTip(tip.toSubmission()).trackingCode());
    }

    static final String UNKNOWN_CODE = "没有找到这个查询码对应的举报。请核对查询码（12 位字母和数字，如 K7QH-3MXD-9TWA）后重试；"
        + "查询码遗失的，可以再报一条";

    @GetMapping("/tips/{trackingCode}")
    TipStatus status(@PathVariable String trackingCode, HttpServletRequest request) {
        rateLimiter.check(request, "lookup", lookupsPerHour, Duration.ofHours(1));
        Lead lead = leads.byTrackingCode(TrackingCodes.normalise(trackingCode))
            .orElseThrow(() -> new NotFoundException(UNKNOWN_CODE));
        return new TipStatus(lead.status().name(), lead.status().label(), lead.feedback(), lead.receivedAt());
    }

    /** The jurisdictions below {@code parent} (default: this installation's root), to pick a place from. */
    @GetMapping("/jurisdictions")
    List<Place> jurisdictions(@RequestParam(required = false) RegionCode parent) {
        RegionCode of = parent == null ? root : parent;
        if (!root.contains(of)) {
            throw new InvalidInputException("parent", "不在本地区范围内");
        }
        return organisation.children(of).stream().map(j -> new Place(j.code().value(), j.name())).toList();
    }

    record TipStatus(String status, String statusLabel, String feedback, Instant receivedAt) {
    }

    record Place(String code, String name) {
    }
}
