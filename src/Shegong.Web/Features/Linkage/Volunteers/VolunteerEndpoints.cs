using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Input;
using Shegong.Web.Features.Requests;

namespace Shegong.Web.Features.Linkage.Volunteers;

public static class VolunteerEndpoints
{
    public static IEndpointRouteBuilder MapVolunteerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/volunteers").WithTags("Volunteers");
        group.MapGet("/", (string? region, VolunteerStatus? status, string? search, int? page, int? pageSize, string? sort, VolunteerService service,
            CancellationToken ct) => service.ListAsync(new VolunteerFilter(region, status, search), PageRequest.From(page, pageSize, sort), ct))
            .RequirePermission<Volunteer>(AccessAction.Read);
        group.MapGet("/export", (string? region, VolunteerStatus? status, string? search, string? sort, VolunteerService service, TimeProvider clock,
            CancellationToken ct) => VolunteerExport.StreamAsync((page, c) => service.ListAsync(new VolunteerFilter(region, status, search), page, c), sort,
                ExcelExport.FileName("volunteers", clock.GetLocalNow()), ct))
            .WithSummary("The filtered volunteer list as an Excel file (ID numbers and phones masked)").RequirePermission<Volunteer>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, VolunteerService service, CancellationToken ct) => service.GetAsync(id, ct)).RequirePermission<Volunteer>(AccessAction.Read);
        group.MapPost("/", async (VolunteerForm form, VolunteerService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/volunteers/{created.Id}", created);
        }).WithSummary("Enter a volunteer at the station (Applied until approved)").RequirePermission<Volunteer>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, VolunteerForm form, VolunteerService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Volunteer>(AccessAction.Update);
        group.MapPost("/{id:int}/decision", (int id, VolunteerDecisionForm form, VolunteerService service, CancellationToken ct) => service.DecideAsync(id, form, ct))
            .WithSummary("Approve (makes the volunteer's account) or reject a registration, or record that a volunteer left")
            .RequirePermission<Volunteer>(AccessAction.StatusChange);
        group.MapPost("/{id:int}/reveal", (int id, VolunteerRevealForm form, VolunteerService service, CancellationToken ct) => service.RevealAsync(id, form, ct))
            .WithSummary("The plain ID number, phone or birth date (audited)").RequirePermission<Volunteer>(AccessAction.Reveal);

        // The signed-in volunteer's own: found by their account, never by an id.
        group.MapGet("/me", (VolunteerSelfService service, CancellationToken ct) => service.HomeAsync(ct))
            .WithSummary("The signed-in volunteer's record, team activities and hours").RequirePermission<VolunteerHour>(AccessAction.Read);
        group.MapPost("/me/hours", async (HourForm form, VolunteerSelfService service, CancellationToken ct) =>
            Results.Created("/api/volunteers/me", await service.LogAsync(form, ct)))
            .WithSummary("Log hours served (the station confirms or rejects them)").RequirePermission<VolunteerHour>(AccessAction.Create);

        var hours = app.MapGroup("/api/volunteer-hours").WithTags("Volunteers");
        hours.MapGet("/", (string? region, HourStatus? status, int? volunteerId, DateOnly? from, DateOnly? to, int? page, int? pageSize, string? sort,
            VolunteerHourService service, CancellationToken ct) =>
            service.ListAsync(new HourFilter(region, status, volunteerId, from, to), PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("Hours logged under the region, by status and day served").RequirePermission<Volunteer>(AccessAction.Read);
        hours.MapGet("/totals", (string? region, HourStatus? status, int? volunteerId, DateOnly? from, DateOnly? to, VolunteerHourService service,
            CancellationToken ct) => service.TotalsAsync(new HourFilter(region, status, volunteerId, from, to), ct))
            .WithSummary("What the same hours add up to (confirmed: the statistics summary's volunteer hours)").RequirePermission<Volunteer>(AccessAction.Read);
        hours.MapGet("/export", (string? region, HourStatus? status, int? volunteerId, DateOnly? from, DateOnly? to, string? sort, VolunteerHourService service,
            TimeProvider clock, CancellationToken ct) => ExcelExport.StreamPages((page, c) => service.ListAsync(new HourFilter(region, status, volunteerId, from, to),
                page, c), sort, ExcelExport.FileName("volunteer-hours", clock.GetLocalNow()), ct,
                (Names.Field("VolunteerHour", "ServedOn"), r => r.ServedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                (Names.Field("VolunteerHour", "VolunteerId"), r => r.VolunteerName),
                (Names.Field("VolunteerHour", "Activity"), r => r.Activity),
                (Names.Field("VolunteerHour", "Hours"), r => r.Hours),
                (Names.Field("VolunteerHour", "Status"), r => Names.Of(r.Status)),
                (Names.Field("VolunteerHour", "RejectReason"), r => r.RejectReason ?? "")))
            .WithSummary("The same hours as an Excel file").RequirePermission<Volunteer>(AccessAction.Export);
        hours.MapPost("/{id:int}/decision", (int id, HourDecisionForm form, VolunteerHourService service, CancellationToken ct) => service.DecideAsync(id, form, ct))
            .WithSummary("Confirm logged hours, or reject them with a reason").RequirePermission<VolunteerHour>(AccessAction.StatusChange);
        return app;
    }

    /// <summary>The public registration: no account, the same limits as the public service-request form (per address, size, same site).</summary>
    public static IEndpointRouteBuilder MapPublicVolunteerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/public").WithTags("Public").AllowAnonymous()
            .AddEndpointFilterFactory(InputGuard.Factory).AddEndpointFilterFactory(WriteTransaction.Factory);
        group.MapPost("/volunteers", async (HttpContext http, VolunteerRegistrationForm form, VolunteerService service, RegionScope scope,
            PublicRequestLimiter limiter, CancellationToken ct) =>
            PublicRequestEndpoints.Refusal(http, limiter) ?? Results.Ok(await service.RegisterAsync(form, scope, ct)))
            .WithMetadata(new RequestSizeLimitAttribute(VolunteerLimits.PublicBodyBytes))
            .WithSummary("Register as a volunteer without an account (rate-limited per address)");
        group.MapGet("/volunteer-stations", (string? search, VolunteerService service, CancellationToken ct) => service.PublicStationsAsync(search, ct))
            .WithSummary("Operating township stations whose name or township contains the text, for the registration form");
        return app;
    }
}

public static class VolunteerExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<VolunteerRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Volunteer", "Id"), r => r.Id),
        (Names.Field("Volunteer", "Name"), r => r.Name),
        (Names.Field("Volunteer", "Age"), r => r.Age),
        (Names.Field("Volunteer", "PhoneMasked"), r => r.PhoneMasked),
        (Names.Field("Volunteer", "StationId"), r => r.StationName),
        (Names.Field("Volunteer", "RegionCode"), r => r.PlaceName),
        (Names.Field("Volunteer", "TeamId"), r => r.TeamName ?? ""),
        (Names.Field("Volunteer", "Status"), r => Names.Of(r.Status)),
        (Names.Field("Volunteer", "AppliedOn"), r => r.AppliedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
        (Names.Field("Volunteer", "ConfirmedHours"), r => r.ConfirmedHours));
}
