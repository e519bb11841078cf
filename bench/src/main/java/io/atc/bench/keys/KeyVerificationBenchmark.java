package io.atc.bench.keys;

import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.atc.core.keys.ApiKeyFormat;
import io.atc.core.keys.ParsedApiKey;
import io.atc.keys.crypto.Argon2idHasher;
import io.atc.keys.crypto.KeyFingerprints;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * What one key verification costs in the keys service, per operation, with the production
 * defaults (argon2id m=19 MiB, t=2, p=1): a cold verification of a real key, the decoy
 * verification an unknown key gets (it should cost the same), the fingerprint, and the
 * bad-checksum rejection that spares both the database and argon2.
 * Run: bench/run-key-benchmarks.sh (results in docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
public class KeyVerificationBenchmark {

    private ApiKeyFormat format;
    private Argon2idHasher hasher;
    private KeyFingerprints fingerprints;
    private ParsedApiKey key;
    private String storedHash;
    private String unknownKey;
    private String mistypedKey;

    @Setup
    public void setUp() {
        format = new ApiKeyFormat("live");
        hasher = new Argon2idHasher(19456, 2, 1, 1, new SimpleMeterRegistry());
        fingerprints = new KeyFingerprints(Optional.of(Base64.getEncoder().encodeToString(new byte[32])));
        key = format.generate();
        storedHash = hasher.hash(key.raw()).await().indefinitely();
        unknownKey = format.generate().raw();
        String raw = key.raw();
        mistypedKey = raw.substring(0, raw.length() - 1) + (raw.endsWith("x") ? "y" : "x");
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean coldVerifyOfAKnownKey() {
        return hasher.verify(storedHash, key.raw()).await().indefinitely();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public boolean decoyVerifyOfAnUnknownKey() {
        return hasher.verifyDecoy(unknownKey).await().indefinitely();
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public String fingerprintOfAWellFormedKey() {
        return fingerprints.of(key.raw());
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public boolean badChecksumRejection() {
        return format.parse(mistypedKey).isPresent();
    }
}
