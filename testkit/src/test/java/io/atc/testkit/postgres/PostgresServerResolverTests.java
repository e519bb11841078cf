package io.atc.testkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PostgresServerResolverTests {

    @Test
    void anExplicitAdminUrlIsParsedWithDecodedCredentials() {
        PostgresServer server = PostgresServerResolver.fromUrl("postgresql://adm%40in:p%3Ass@db.internal:6543/admin");

        assertThat(server).isEqualTo(new PostgresServer("db.internal", 6543, "adm@in", "p:ss", "admin", "env"));
    }

    @Test
    void anExplicitUrlWithoutCredentialsIsRejectedWithoutEchoingIt() {
        assertThatThrownBy(() -> PostgresServerResolver.fromUrl("postgresql://db.internal:5432/postgres"))
                .hasMessageContaining("must name an admin user");
        assertThatThrownBy(() -> PostgresServerResolver.fromUrl("mysql://u:secret@db:3306/x"))
                .hasMessageNotContaining("secret");
    }

    @Test
    void aServerThatDoesNotAnswerIsSkipped() {
        assertThat(PostgresServerResolver.answers(new PostgresServer("127.0.0.1", 1, "postgres", "", "postgres", "x")))
                .isFalse();
    }
}
