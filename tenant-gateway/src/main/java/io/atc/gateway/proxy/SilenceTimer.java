package io.atc.gateway.proxy;

import java.util.concurrent.TimeUnit;

import io.netty.channel.ChannelHandlerContext;

/**
 * A connection's silence watch: one timer per connection that re-arms itself while there is
 * activity, instead of a timer per request or an idle handler in the pipeline on every read. All
 * calls happen on the connection's event loop.
 */
final class SilenceTimer {

    private final ChannelHandlerContext ctx;
    private final Runnable onSilence;
    private long timeoutNanos;
    private long lastActivity;
    private boolean armed;

    /** @param onSilence runs on the event loop once {@code timeoutNanos} pass without {@link #activity()} */
    SilenceTimer(ChannelHandlerContext ctx, Runnable onSilence) {
        this.ctx = ctx;
        this.onSilence = onSilence;
    }

    /** From now on, {@code timeoutNanos} of silence run the action (once; call again to re-arm). */
    void watch(long timeoutNanos) {
        this.timeoutNanos = timeoutNanos;
        this.lastActivity = System.nanoTime();
        if (!armed) {
            armed = true;
            ctx.executor().schedule(this::check, timeoutNanos, TimeUnit.NANOSECONDS);
        }
    }

    void activity() {
        lastActivity = System.nanoTime();
    }

    private void check() {
        if (!ctx.channel().isActive()) {
            armed = false;
            return;
        }
        long silence = System.nanoTime() - lastActivity;
        if (silence >= timeoutNanos) {
            armed = false;
            onSilence.run();
            return;
        }
        ctx.executor().schedule(this::check, timeoutNanos - silence, TimeUnit.NANOSECONDS);
    }
}
