package cn.elderguard.lead;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Validator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.elderguard.engine.OneEngineCommand;
import cn.elderguard.organisation.CurrentUser;
import cn.elderguard.organisation.RegionCode;
import cn.elderguard.system.DatabaseUnavailable;
import cn.elderguard.system.InvalidInputException;
import cn.elderguard.system.InvalidInputException.FieldProblem;
import cn.elderguard.system.JsonFieldProblems;
import cn.elderguard.system.ServiceUnavailableException;

/**
 * Batch intake (docs/intake.md, "Batch intake"): up to {@value #MAX_LEADS} leads in one request, each answered by its
 * position. Every item is checked as a single lead is ({@link IntakeChecks}), all in one read-only transaction with one
 * query for the keys seen before; the good ones are stored in chunks, each chunk in one transaction and one engine
 * command. A chunk that fails is stored lead by lead, each alone, so a bad lead never blocks the good ones and none is
 * half-stored (docs/decisions/042-batch-intake.md).
 */
@Service
class BatchIntake {

    private static final Logger log = LoggerFactory.getLogger(BatchIntake.class);
    static final int MAX_LEADS = 1_000;
    static final String RETRY_WITH_SAME_KEYS = "数据库暂时不可用，本批线索可能只登记了一部分。请稍后用相同的来源编号（reference）重新提交整批："
        + "已登记的线索将答复为重发（resent），不会重复登记";

    private final TransactionTemplate transaction;
    private final TransactionTemplate readOnly;
    private final IntakeChecks checks;
    private final IntakeStore store;
    private final IntakeService single;
    private final OneEngineCommand oneCommand;
    private final LeadRepository leads;
    private final CurrentUser currentUser;
    private final ObjectMapper json;
    private final Validator validator;
    private final int chunk;

    BatchIntake(TransactionTemplate transaction, IntakeChecks checks, IntakeStore store, IntakeService single,
                OneEngineCommand oneCommand, LeadRepository leads, CurrentUser currentUser, ObjectMapper json, Validator validator,
                @Value("${elderguard.intake.batch-chunk}") int chunk) {
        this.transaction = transaction;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.checks = checks;
        this.store = store;
        this.single = single;
        this.oneCommand = oneCommand;
        this.leads = leads;
        this.currentUser = currentUser;
        this.json = json;
        this.validator = validator;
        if (chunk < 1) {
            throw new IllegalArgumentException("elderguard.intake.batch-chunk must be at least 1, is " + chunk);
        }
        this.chunk = chunk;
    }

    /** The answer: how many were created, resent and refused, and each item's result by position. */
    record Answer(int created, int resent, int refused, List<Result> results) {
    }

    /**
     * One item's result: 201 stored, 200 resent (its key was stored before: the first answer), 400 or 403 with its
     * errors, 500 when storing it failed alone (nothing of it stored). Errors name fields as {@code [position].field}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Result(int position, int status, @JsonUnwrapped IntakeReceipt receipt, List<FieldProblem> errors) {

        static Result stored(int position, IntakeReceipt receipt) {
            return new Result(position, receipt.resent() ? 200 : 201, receipt, null);
        }

        static Result refused(int position, int status, List<FieldProblem> problems) {
            return new Result(position, status, null, problems.stream()
                .map(problem -> new FieldProblem(field(position, problem.field()), problem.message())).toList());
        }
    }

    /** An item that passed the checks and waits to be stored. */
    private record Checked(int position, LeadSubmission lead, RegionCode region, String key, String trackingCode) {
    }

    Answer submit(List<JsonNode> items) {
        if (items == null || items.isEmpty()) {
            throw new InvalidInputException("leads", "至少提交 1 条线索");
        }
        if (items.size() > MAX_LEADS) {
            throw new InvalidInputException("leads", "一次最多提交 " + MAX_LEADS + " 条线索，本次 " + items.size() + " 条，请分批提交");
        }
        Result[] results = new Result[items.size()];
        try {
            List<Checked> good = check(items, results);
            for (int from = 0; from < good.size(); from += chunk) {
                store(good.subList(from, Math.min(from + chunk, good.size())), results);
            }
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw new ServiceUnavailableException(DatabaseUnavailable.TITLE, RETRY_WITH_SAME_KEYS, e);
            }
            throw e;
        }
        List<Result> all = Arrays.asList(results);
        int created = (int) all.stream().filter(r -> r.status() == 201).count();
        int resent = (int) all.stream().filter(r -> r.status() == 200).count();
        return new Answer(created, resent, all.size() - created - resent, all);
    }

    /** Reading, field rules, keys and permissions of every item, then the database's checks in one read-only transaction. */
    private List<Checked> check(List<JsonNode> items, Result[] results) {
        String submitter = currentUser.id();
        Map<String, Integer> firstByKey = new HashMap<>();
        Map<Integer, LeadSubmission> readable = new LinkedHashMap<>();
        for (int position = 0; position < items.size(); position++) {
            JsonNode item = items.get(position);
            String key = item != null && item.path("reference").isTextual() ? IntakeChecks.blankToNull(item.path("reference").asText()) : null;
            Integer first = key == null ? null : firstByKey.putIfAbsent(key, position);
            if (first != null) {
                results[position] = Result.refused(position, 400, List.of(new FieldProblem("reference",
                    "与第 " + first + " 条（position " + first + "）的来源编号重复：同一批中每条线索的来源编号须不同")));
                continue;
            }
            try {
                LeadSubmission lead = read(item);
                if (IntakeChecks.key(lead, null) == null) {
                    throw new InvalidInputException("reference", "必填：批量提交的每条线索须有来源编号，以便重发时不重复登记");
                }
                checks.submitterMaySend(lead, IntakeChecks.key(lead, null));
                readable.put(position, lead);
            } catch (InvalidInputException e) {
                results[position] = Result.refused(position, 400, e.problems());
            } catch (IntakeChecks.Refused e) {
                results[position] = Result.refused(position, 403, List.of(new FieldProblem(e.field(), e.getMessage())));
            }
        }
        return readOnly.execute(status -> {
            List<Checked> checked = new ArrayList<>();
            readable.forEach((position, lead) -> {
                try {
                    RegionCode region = checks.references(lead);
                    checks.submitterCovers(region);
                    checked.add(new Checked(position, lead, region, IntakeChecks.key(lead, null), single.trackingCodeFor(lead)));
                } catch (InvalidInputException e) {
                    results[position] = Result.refused(position, 400, e.problems());
                } catch (IntakeChecks.Refused e) {
                    results[position] = Result.refused(position, 403, List.of(new FieldProblem(e.field(), e.getMessage())));
                }
            });
            Map<String, Lead> earlier = leads.byIdempotencyKeys(submitter, checked.stream().map(Checked::key).toList());
            List<Checked> toStore = new ArrayList<>();
            for (Checked item : checked) {
                Lead first = earlier.get(item.key());
                if (first == null) {
                    toStore.add(item);
                } else {
                    IntakeStore.Stored stored = store.resent(first);
                    results[item.position()] = Result.stored(item.position(), single.forSubmitter(stored.receipt(), stored.caseFile()));
                }
            }
            return toStore;
        });
    }

    /** The item as single intake reads it: declared fields only, the same field rules. */
    private LeadSubmission read(JsonNode item) {
        if (item == null || item.isNull()) {
            throw new InvalidInputException("", "必填：应为一条线索");
        }
        LeadSubmission lead;
        try {
            lead = json.treeToValue(item, LeadSubmission.class);
        } catch (JsonMappingException e) {
            throw new InvalidInputException(List.of(JsonFieldProblems.of(e).orElse(new FieldProblem("", "应为一条线索（JSON 对象）"))));
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("", "应为一条线索（JSON 对象）");
        }
        List<FieldProblem> problems = validator.validate(lead).stream()
            .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
            .sorted(Comparator.comparing(FieldProblem::field))
            .toList();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return lead;
    }

    /**
     * A chunk in one transaction and one engine command (the engine flushes once for all its processes); if it fails,
     * its leads one by one, each as single intake stores it (in its own transaction, retried on a raced key, answering a
     * key stored meanwhile as resent). The database out of reach ends the whole request: the client resends it.
     */
    private void store(List<Checked> items, Result[] results) {
        String submitter = currentUser.id();
        List<IntakeReceipt> receipts;
        try {
            receipts = transaction.execute(status -> {
                List<IntakeStore.Stored> stored = new ArrayList<>();
                oneCommand.run(() -> items.forEach(item ->
                    stored.add(store.store(item.lead(), item.region(), submitter, item.key(), item.trackingCode()))));
                return stored.stream().map(each -> single.forSubmitter(each.receipt(), each.caseFile())).toList();
            });
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.info("A chunk of {} leads failed ({}); storing them one by one", items.size(), e.toString());
            items.forEach(item -> results[item.position()] = alone(item, submitter));
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            results[items.get(i).position()] = Result.stored(items.get(i).position(), receipts.get(i));
        }
    }

    private Result alone(Checked item, String submitter) {
        try {
            return Result.stored(item.position(), single.intake(item.lead(), submitter, item.key(), item.trackingCode(),
                checks::submitterCovers, single::forSubmitter));
        } catch (InvalidInputException e) {
            return Result.refused(item.position(), 400, e.problems());
        } catch (IntakeChecks.Refused e) {
            return Result.refused(item.position(), 403, List.of(new FieldProblem(e.field(), e.getMessage())));
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            log.error("Batch intake: the lead at position {} could not be stored", item.position(), e);
            return Result.refused(item.position(), 500, List.of(new FieldProblem("",
                "登记失败（服务器内部错误），这一条未登记；请用相同的来源编号重新提交，或联系系统管理员")));
        }
    }

    /** {@code [3].institution.name}; {@code [3]} for the item as a whole. */
    static String field(int position, String field) {
        return "[" + position + "]" + (field == null || field.isEmpty() ? "" : field.startsWith("[") ? field : "." + field);
    }
}
