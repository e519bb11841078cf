package io.atc.edge.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.atc.testkit.mqtt.TestMqttClient;
import io.vertx.core.json.JsonObject;

/** Reading sites' retention settings messages as a subscriber gets them. */
public final class SettingsMessages {

    public static final Duration WAIT = Duration.ofSeconds(10);
    /** How long a message that must not come is waited for. */
    public static final Duration SILENCE = Duration.ofSeconds(2);

    private SettingsMessages() {}

    /** {@code atc/<tenant>/<site>/config/retention}, spelled out here, not taken from the code under test. */
    public static String topic(UUID tenantId, UUID siteId) {
        return "atc/" + tenantId + "/" + siteId + "/config/retention";
    }

    /**
     * The first message on the site's topic whose events and images days and sources are these,
     * skipping others (earlier values, republished ones); fails after {@link #WAIT}.
     */
    public static JsonObject awaitSettings(
            TestMqttClient client,
            UUID tenantId,
            UUID siteId,
            int eventsDays,
            String eventsSource,
            int imagesDays,
            String imagesSource) {
        Instant deadline = Instant.now().plus(WAIT);
        String topic = topic(tenantId, siteId);
        while (Instant.now().isBefore(deadline)) {
            Optional<TestMqttClient.Message> next = client.pollMessage(Duration.between(Instant.now(), deadline));
            if (next.isEmpty()) {
                break;
            }
            if (!next.get().topic().equals(topic) || next.get().payload().isEmpty()) {
                continue;
            }
            JsonObject settings = new JsonObject(next.get().payload());
            JsonObject events = settings.getJsonObject("events");
            JsonObject images = settings.getJsonObject("images");
            if (events.getInteger("days") == eventsDays
                    && events.getString("source").equals(eventsSource)
                    && images.getInteger("days") == imagesDays
                    && images.getString("source").equals(imagesSource)) {
                return settings;
            }
        }
        throw new AssertionError("no settings " + eventsDays + "/" + eventsSource + ", " + imagesDays + "/"
                + imagesSource + " on " + topic + " within " + WAIT);
    }
}
