package io.atc.core.text;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;

import io.quarkus.jackson.ObjectMapperCustomizer;

/** Makes every service's request bodies bind strings through {@link StorableStringDeserializer}. */
@Singleton
public class StorableStringsOnly implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("atc-storable-strings")
                .addDeserializer(String.class, new StorableStringDeserializer()));
    }
}
