package io.atc.core.text;

import java.util.EnumSet;
import java.util.Set;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * Every service's request bodies read each scalar through {@link StorableTextDeserializer}: fields,
 * list items and nested records alike, whatever Java type they bind to, so no resource or
 * repository has to remember the rule. Objects, lists and maps are not wrapped; their scalars are.
 */
@Singleton
public class StorableTextOnly implements ObjectMapperCustomizer {

    private static final Set<LogicalType> SCALARS = EnumSet.of(
            LogicalType.Textual,
            LogicalType.Integer,
            LogicalType.Float,
            LogicalType.Boolean,
            LogicalType.DateTime,
            LogicalType.Binary,
            LogicalType.OtherScalar,
            LogicalType.Enum);

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(
                new SimpleModule("atc-storable-text").setDeserializerModifier(new BeanDeserializerModifier() {

                    @Override
                    public JsonDeserializer<?> modifyDeserializer(
                            DeserializationConfig config, BeanDescription type, JsonDeserializer<?> deserializer) {
                        return SCALARS.contains(deserializer.logicalType())
                                ? new StorableTextDeserializer(deserializer)
                                : deserializer;
                    }

                    @Override
                    public JsonDeserializer<?> modifyEnumDeserializer(
                            DeserializationConfig config,
                            JavaType type,
                            BeanDescription description,
                            JsonDeserializer<?> deserializer) {
                        return new StorableTextDeserializer(deserializer);
                    }
                }));
    }
}
