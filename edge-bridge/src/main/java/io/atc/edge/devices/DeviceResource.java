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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
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
    @Operation(
            operationId = "registerDevice",
            summary = "Register a device; the response shows its MQTT password once and never again",
            description = "Creates the device and its broker login. The response is the only place its MQTT password"
                    + " ever appears (`Cache-Control: no-store`; the platform keeps no copy): store it in the device"
                    + " now; a lost one can only be reset. In a tenant whose transport policy is certificate-only"
                    + " there is no password: `mqttPassword` is absent and the device logs in with the certificate"
                    + " issued next (issueDeviceCertificate).")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = @ExampleObject(name = "device", value = DeviceExamples.DRAFT)))
    @APIResponse(
            responseCode = "201",
            description = "The device and its MQTT credentials, shown once (`Cache-Control: no-store`)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceCredentials.class),
                            examples = @ExampleObject(name = "registered", value = DeviceExamples.CREDENTIALS)))
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @APIResponse(responseCode = "422", description = "The name is blank or longer than 200 characters")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
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
    @Operation(
            operationId = "listDevices",
            summary = "List a site's devices, in pages",
            description = "Devices in id order, `limit` per page (1 to 200, default 50). The answer is"
                    + " `{items, next}`: pass `next` unchanged as `after` to read the following page; it is null"
                    + " on the last page.")
    @APIResponse(responseCode = "200", description = "One page of the site's devices")
    @APIResponse(responseCode = "404", description = "No such site for this tenant (another tenant's is also 404)")
    @APIResponse(responseCode = "422", description = "`limit` is outside 1 to 200")
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<Page<Device>> list(
            @PathParam("siteId") UUID siteId,
            @Parameter(description = "the `next` cursor of the previous page; absent for the first page")
                    @QueryParam(Page.AFTER)
                    String after,
            @Parameter(description = "how many devices a page holds, 1 to 200")
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
    @Operation(operationId = "getDevice", summary = "Get one device (never its password)")
    @APIResponse(
            responseCode = "200",
            description = "The device",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Device.class),
                            examples = @ExampleObject(name = "device", value = DeviceExamples.DEVICE)))
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @RequiresScope(Scope.DEVICES_READ)
    public Uni<Device> get(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.get(caller.current().tenantId(), siteId, deviceId);
    }

    @PATCH
    @Path("/{deviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateDevice",
            summary = "Rename, enable or disable a device; disabling disconnects it at once",
            description = "Give `name`, `enabled`, or both; an absent field is left as it is. A disabled device"
                    + " is disconnected and its logins are refused until it is enabled again; enabled again, it"
                    + " gets its certificate login back only while it holds a valid certificate.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            examples = {
                                @ExampleObject(name = "disable", value = DeviceExamples.PATCH_DISABLE),
                                @ExampleObject(name = "rename", value = DeviceExamples.PATCH_RENAME)
                            }))
    @APIResponse(
            responseCode = "200",
            description = "The device, changed",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = Device.class),
                            examples = @ExampleObject(name = "disabled", value = DeviceExamples.DISABLED)))
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @APIResponse(
            responseCode = "422",
            description = "Nothing to change (neither name nor enabled), or the name is blank or longer than 200"
                    + " characters")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Device> update(
            @PathParam("siteId") UUID siteId,
            @PathParam("deviceId") UUID deviceId,
            @Valid @NotNull(message = "a JSON body is required") DevicePatch patch) {
        return devices.update(caller.current(), siteId, deviceId, patch);
    }

    @DELETE
    @Path("/{deviceId}")
    @Operation(
            operationId = "deleteDevice",
            summary = "Delete a device; it is disconnected and its broker identity removed")
    @APIResponse(responseCode = "204", description = "The device is deleted")
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> delete(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.delete(caller.current(), siteId, deviceId)
                .map(done -> Response.noContent().build());
    }

    @POST
    @Path("/{deviceId}/password")
    @Operation(
            operationId = "resetDevicePassword",
            summary = "Reset a device's MQTT password; the new one is shown once, the old one stops working"
                    + " and the device is disconnected",
            description = "The response is the only place the new password ever appears (`Cache-Control:"
                    + " no-store`; the platform keeps no copy).")
    @APIResponse(
            responseCode = "200",
            description = "The device and its new MQTT credentials, shown once (`Cache-Control: no-store`)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = DeviceCredentials.class),
                            examples = @ExampleObject(name = "reset", value = DeviceExamples.CREDENTIALS)))
    @APIResponse(
            responseCode = "404",
            description = "No such device at this site for this tenant (another tenant's is also 404)")
    @APIResponse(
            responseCode = "409",
            description = "The tenant's device transport policy is certificate-only: its devices have no password")
    @APIResponse(
            responseCode = "503",
            description = "The MQTT broker did not confirm the change, so nothing was changed; try again")
    @RequiresScope(Scope.DEVICES_WRITE)
    public Uni<Response> resetPassword(@PathParam("siteId") UUID siteId, @PathParam("deviceId") UUID deviceId) {
        return devices.resetPassword(caller.current(), siteId, deviceId)
                .map(reset -> noStore(Response.ok(reset)).build());
    }
}
