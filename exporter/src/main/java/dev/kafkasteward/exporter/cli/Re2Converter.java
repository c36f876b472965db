package dev.kafkasteward.exporter.cli;

import com.google.re2j.Pattern;
import dev.kafkasteward.contract.ownership.UserRegex;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A REGEX option in RE2 syntax (as Prometheus' and ownership.yml's patterns), matched in linear time. */
final class Re2Converter implements ITypeConverter<Pattern> {

    @Override
    public Pattern convert(String value) {
        UserRegex.problem(value).ifPresent(problem -> {
            throw new TypeConversionException("invalid regex '" + value + "': " + problem);
        });
        return Pattern.compile(value);
    }
}
