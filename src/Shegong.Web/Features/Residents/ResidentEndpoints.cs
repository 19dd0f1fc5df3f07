using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Common.Privacy;

namespace Shegong.Web.Features.Residents;

public static class ResidentEndpoints
{
    public static IEndpointRouteBuilder MapResidentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/residents").WithTags("Residents").RequirePermission<Resident>(AccessAction.Read);
        group.MapGet("/", (string? region, string? township, string? village, VulnerabilityTag? tag, string? search, string? idFragment,
                int? page, int? pageSize, string? sort, ResidentService service, CancellationToken ct) =>
            service.ListAsync(new ResidentFilter(region, township, village, tag, search, idFragment), PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("Residents of the scope by name, masked-ID fragment, tag, village or township; ID numbers and phones masked, ages not birth dates");
        group.MapPost("/lookup", (ResidentLookup lookup, ResidentService service, CancellationToken ct) => service.LookupAsync(lookup, ct))
            .RequirePermission<Resident>(AccessAction.Reveal)
            .RequireRateLimiting(LookupRateLimit.Policy)
            .WithSummary("Exact match by idNumber or phone (through the keyed hash), for roles that may reveal; rate-limited per user and audited");
        group.MapGet("/export", (string? region, string? township, string? village, VulnerabilityTag? tag, string? search, string? idFragment,
            string? sort, ResidentService service, IStringLocalizer<ResidentText> t, TimeProvider clock, CancellationToken ct) =>
            ResidentExport.StreamAsync(t, (page, c) => service.ListAsync(new ResidentFilter(region, township, village, tag, search, idFragment), page, c),
                sort, ExcelExport.FileName("residents", clock.GetLocalNow()), ct))
            .WithSummary("The filtered list as an Excel file, ID numbers and phones masked").RequirePermission<Resident>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, ResidentService service, CancellationToken ct) => service.GetAsync(id, ct))
            .WithSummary("A resident's full record; each opening is recorded in its view log, which the answer lists");
        group.MapPost("/", async (ResidentForm form, ResidentService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/residents/{created.Id}", created);
        }).RequirePermission<Resident>(AccessAction.Create)
            .WithSummary("Register a resident: 409 for a registered ID number, or for a possible duplicate (same name, birth date, village) unless confirmDuplicate");
        group.MapPut("/{id:int}", (int id, ResidentForm form, ResidentService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Resident>(AccessAction.Update).WithSummary("Edit a resident (version required)");
        group.MapPost("/{id:int}/consent", (int id, ResidentConsentForm form, ResidentService service, CancellationToken ct) =>
            service.RecordConsentAsync(id, form, ct)).RequirePermission<Resident>(AccessAction.Update)
            .WithSummary("Record consent to data processing on a date (default today), by the signed-in user");
        group.MapPost("/{id:int}/consent/withdraw", (int id, ResidentConsentForm form, ResidentService service, CancellationToken ct) =>
            service.WithdrawConsentAsync(id, form, ct)).RequirePermission<Resident>(AccessAction.Update).WithSummary("Withdraw the consent");
        group.MapPost("/{id:int}/reveal", (int id, ResidentRevealForm form, ResidentService service, CancellationToken ct) =>
            service.RevealAsync(id, form, ct)).RequirePermission<Resident>(AccessAction.Reveal)
            .WithSummary("The plain ID number, phone or birth date (field = idNumber | phone | birthDate); every reveal is recorded");
        MapHouseholds(group.MapGroup("/households").RequirePermission<Household>(AccessAction.Read));
        return app;
    }

    private static void MapHouseholds(RouteGroupBuilder households)
    {
        households.MapGet("/{id:int}", (int id, ResidentService service, CancellationToken ct) => service.GetHouseholdAsync(id, ct))
            .WithSummary("A household and the members the caller may see");
        households.MapPost("/", async (HouseholdForm form, ResidentService service, CancellationToken ct) =>
        {
            var created = await service.CreateHouseholdAsync(form, ct);
            return Results.Created($"/api/residents/households/{created.Id}", created);
        }).RequirePermission<Household>(AccessAction.Create).WithSummary("Create a household around its head (a resident in no household)");
        households.MapPost("/{id:int}/members", (int id, HouseholdMemberForm form, ResidentService service, CancellationToken ct) =>
            service.LinkMemberAsync(id, form, ct)).RequirePermission<Household>(AccessAction.Update)
            .WithSummary("Link a resident with their relation to the head (the household's version required)");
        households.MapPost("/{id:int}/members/{residentId:int}/unlink", async (int id, int residentId, HouseholdVersionForm form,
            ResidentService service, CancellationToken ct) => await service.UnlinkMemberAsync(id, residentId, form, ct) is { } left
                ? Results.Ok(left) : Results.NoContent())
            .RequirePermission<Household>(AccessAction.Update)
            .WithSummary("Unlink a member (the household's version required); unlinking the last member, the head, removes the household (204)");
    }
}
