package gov.workplan.common.json;

import java.io.IOException;
import java.math.BigDecimal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * One JSON dialect for the whole suite: strict on input (integrating systems learn of a typo or a
 * wrong type at once instead of having it silently ignored), exact on output (decimals as written,
 * never in exponent form).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        // "12" is not a number and 12 is not a string: no silent coercion between scalar types.
        mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
        mapper.coercionConfigFor(LogicalType.Textual).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        // PostgreSQL cannot store U+0000 in text: refuse it here, naming the field, instead of failing at commit.
        mapper.registerModule(new SimpleModule("no-nul-in-strings").addDeserializer(String.class, new NoNulStrings()));
        // 1E-999999999 is three bytes of exponent and a billion digits in plain form: bounded where it is read.
        mapper.registerModule(new SimpleModule("bounded-decimals").addDeserializer(BigDecimal.class, new BoundedDecimals()));
    }

    /** The most digits, and the largest exponent either way, a decimal in a request may have. */
    public static final int MAX_DECIMAL_DIGITS = 40;

    /** Decimals as Jackson reads them, refusing those whose plain form would be huge. */
    static final class BoundedDecimals extends StdScalarDeserializer<BigDecimal> {

        BoundedDecimals() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(p, ctxt);
            if (value != null && (Math.abs(value.scale()) > MAX_DECIMAL_DIGITS
                    || value.precision() - value.scale() > MAX_DECIMAL_DIGITS)) {
                throw InvalidFormatException.from(p, "must be a number of at most " + MAX_DECIMAL_DIGITS
                        + " digits either side of the point", p.getText(), BigDecimal.class);
            }
            return value;
        }
    }

    /** Strings as Jackson reads them, refusing the NUL character. */
    static final class NoNulStrings extends StdScalarDeserializer<String> {

        NoNulStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String value = StringDeserializer.instance.deserialize(p, ctxt);
            if (value != null && value.indexOf('\u0000') >= 0) {
                throw InvalidFormatException.from(p, "must not contain the NUL character (U+0000)", value, String.class);
            }
            return value;
        }
    }
}
