package cn.elderguard.organisation;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/** Lets request parameters and path variables be typed {@link RegionCode}; a bad code names its parameter. */
@Component
class RegionCodeConverter implements Converter<String, RegionCode> {

    @Override
    public RegionCode convert(String source) {
        return RegionCode.of(source.trim());
    }
}
