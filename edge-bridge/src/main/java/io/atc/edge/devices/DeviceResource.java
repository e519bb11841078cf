package io.atc.edge.devices;

import static io.atc.core.http.SecretBearingResponses.noStore;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.atc.core.identity.CallerTenant;
import io.atc.core.identity.RequiresScope;
import io.atc.core.identity.Scope;
import io.atc.core.paging.Page;
import io.atc.core.paging.PageCursor;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

@Path("/v1/sites/{siteId}/devices")
@Tag(name = "devices")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DeviceResource {

    private final Devices devices;
    private final CallerTenant caller;

    public DeviceResource(Devices devices, CallerTenant caller) {
        this.devices = devices;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a device; the response shows its MQTT password once and never again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> register(
            @PathParam("siteId") UUID siteId, @Valid @NotNull(message = "a JSON body is required") DeviceDraft draft) {
        return devices.register(caller.current(), siteId, draft)
                .map(registered -> noStore(Response.created(URI.create("/v1/sites/" + siteId + "/devices/"
                                + registered.device().id())))
                        .entity(registered)
                        .build());
    }

    @GET
    @Operation(summary = "List a site's devices, in pages")
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<Page<Device>> list(
            @PathParam("siteId") UUID siteId,
            @QueryParam(Page.AFTER) String after,
            @QueryParam("limit")
                    @DefaultValue("50")
                    @Min(value = 1, message = "must be at least 1")
                    @Max(value = 200, message = "must be at most 200")
                    int limit) {
        return devices.list(
                caller.current().tenantId(),
                siteId,
                PageCursor.BY_ID.decode(after).orElse(null),
                limit);
    }

    @GET
    @Path("/{deviceId}")
    @Operation(summary = "Get one device (never its password)")
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<Device> get(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.get(caller.current().tenantId(), siteId, deviceId);
    }

    @PATCH
    @Path("/{deviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename, enable or disable a device; disabling disconnects it at once")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Device> update(
            @PathParam("siteId") UUID siteId,
            @PathParam("deviceId") UUID deviceId,
            @Valid @NotNull(message = "a JSON body is required") DevicePatch patch) {
        return devices.update(caller.current(), siteId, deviceId, patch);
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(summary = "Delete a device; it is disconnected and its broker identity removed")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> delete(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.delete(caller.current(), siteId, deviceId)
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{deviceId}/password")
    @Operation(
            summary = "Reset a device's MQTT password; the new one is shown once, the old one stops working"
                    + " and the device is disconnected")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> resetPassword(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.resetPassword(caller.current(), siteId, deviceId)
                .map(reset -> noStore(Response.ok(reset)).build());
    }
}
