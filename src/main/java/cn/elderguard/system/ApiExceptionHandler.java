package cn.elderguard.system;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ProcessEngineException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.TransactionException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

import com.fasterxml.jackson.databind.JsonMappingException;

import cn.elderguard.system.InvalidInputException.FieldProblem;

/**
 * Errors of the application's API as RFC 9457 problem details that name every field and its rule, in
 * Chinese for the people who read them: {@code {"title": …, "detail": …, "errors": [{"field": …, "message": …}]}}.
 */
@RestControllerAdvice
class ApiExceptionHandler {

    private final DataSize multipartMaxFileSize;

    ApiExceptionHandler(@Value("${spring.servlet.multipart.max-file-size}") DataSize multipartMaxFileSize) {
        this.multipartMaxFileSize = multipartMaxFileSize;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误", e.getMessage()), e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail beanValidation(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(FieldProblem::field))
            .toList();
        return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误",
            problems.stream().map(p -> p.field() + "：" + p.message()).collect(Collectors.joining("；"))), problems);
    }

    /** Unreadable JSON, unknown fields and values that are not of the field's type (e.g. an unknown LeadSource). */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            var field = JsonFieldProblems.of(mapping);
            if (field.isPresent()) {
                return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误", field.get().field() + "：" + field.get().message()),
                    List.of(field.get()));
            }
        }
        return problem(HttpStatus.BAD_REQUEST, "输入有误", "请求体不是有效的 JSON");
    }

    @ExceptionHandler(UnprocessableException.class)
    ProblemDetail unprocessable(UnprocessableException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, e.title(), e.detail());
        if (!e.problems().isEmpty()) {
            problem.setProperty("errors", e.problems());
        }
        return problem;
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误", "缺少参数 " + e.getParameterName()),
            List.of(new FieldProblem(e.getParameterName(), "必填")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误", "缺少上传文件 " + e.getRequestPartName()),
            List.of(new FieldProblem(e.getRequestPartName(), "必填")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String rule = e.getRequiredType() != null && e.getRequiredType().isEnum()
            ? "应为 " + List.of(e.getRequiredType().getEnumConstants())
            : e.getMostSpecificCause() instanceof IllegalArgumentException cause ? cause.getMessage() : "格式不正确";
        String message = "取值无效：" + e.getValue() + "，" + rule;
        return withErrors(problem(HttpStatus.BAD_REQUEST, "输入有误", e.getName() + "：" + message),
            List.of(new FieldProblem(e.getName(), message)));
    }

    /**
     * A file over its door's limit ({@link UploadLimits}) or over the container's multipart limit, which Spring reports
     * without a size: then the configured one is named.
     */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        String limit = UploadLimits.describe(e.getMaxUploadSize() > 0 ? e.getMaxUploadSize() : multipartMaxFileSize.toBytes());
        return withErrors(problem(HttpStatus.PAYLOAD_TOO_LARGE, "文件过大", "上传文件不能超过 " + limit + "，请压缩或拆分后重新上传"),
            List.of(new FieldProblem("file", "不能超过 " + limit)));
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
            .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds())))
            .body(problem(HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁", e.getMessage()));
    }

    /** A 503 whose cause is the database being out of reach tells the client when to retry, as every such 503 does. */
    @ExceptionHandler(ServiceUnavailableException.class)
    ResponseEntity<ProblemDetail> serviceUnavailable(ServiceUnavailableException e) {
        var response = ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE);
        if (DatabaseUnavailable.isCause(e)) {
            response.header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
        return response.body(problem(HttpStatus.SERVICE_UNAVAILABLE, e.title(), e.getMessage()));
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "未找到", e.getMessage());
    }

    /**
     * The database cannot be reached: 503, so clients retry (docs/decisions/016-database-outage.md). Any other
     * failure of these types is rethrown unchanged and answered as before.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    ResponseEntity<ProblemDetail> databaseUnavailable(RuntimeException e) {
        if (!DatabaseUnavailable.isCause(e)) {
            throw e;
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
            .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS)
            .body(problem(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.TITLE, DatabaseUnavailable.DETAIL));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, "无权访问", e.getMessage());
    }

    private static ProblemDetail withErrors(ProblemDetail problem, List<FieldProblem> problems) {
        problem.setProperty("errors", problems.stream().map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
