package cn.elderguard.system;

import java.io.IOException;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;

/**
 * No text the application's JSON API reads may contain the NUL character (U+0000): PostgreSQL cannot store
 * it, so it would fail deep inside a transaction instead of being refused as input. One rule for every string
 * field (nested ones and list elements too), answered 400 naming the field (docs/decisions/015-bad-input-and-faults.md).
 */
@Component
public class RejectNulCharacters extends SimpleModule {

    /** What a person is told about a U+0000 in a text: the API's fields and the spreadsheet's cells alike. */
    public static final String MESSAGE = "不能包含空字符（\\u0000），请删除后重新提交";

    RejectNulCharacters() {
        super("RejectNulCharacters");
        addDeserializer(String.class, new NoNulStrings());
    }

    public static boolean containsNul(String value) {
        return value != null && value.indexOf('\0') >= 0;
    }

    /** Jackson's own string reading, then the check. */
    static final class NoNulStrings extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            if (containsNul(value)) {
                throw new NulCharacterException(parser, value);
            }
            return value;
        }
    }

    /** The value of one field contains U+0000; {@link ApiExceptionHandler} names the field. */
    static final class NulCharacterException extends InvalidFormatException {

        NulCharacterException(JsonParser parser, String value) {
            super(parser, "text contains the NUL character (U+0000)", value, String.class);
        }
    }
}
