package io.atc.keys.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The platform operator's credential, {@code atc.operator.token} (ATC_OPERATOR_TOKEN, a secret of 32+
 * characters; a shorter one matches nothing): a prefix of its own, so the variable's name stays.
 */
@ConfigMapping(prefix = "atc.operator")
public interface OperatorConfig {

    Optional<String> token();
}
