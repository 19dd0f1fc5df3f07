using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Linkage.Donations;

public static class DonationEndpoints
{
    public static IEndpointRouteBuilder MapDonationEndpoints(this IEndpointRouteBuilder app)
    {
        var donors = app.MapGroup("/api/donors").WithTags("Donors").RequirePermission<Donor>(AccessAction.Read);
        donors.MapGet("/", (string? region, DonorKind? kind, string? search, int? page, int? pageSize, string? sort, DonorService service, CancellationToken ct) =>
            service.ListAsync(new DonorFilter(region, kind, search), PageRequest.From(page, pageSize, sort), ct))
            .WithSummary("Donors, each with the yuan received from it, linked, and the balance not yet linked (inside the reader's scope)");
        donors.MapGet("/{id:int}", (int id, DonorService service, CancellationToken ct) => service.GetAsync(id, ct));
        donors.MapPost("/", async (DonorForm form, DonorService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/donors/{created.Id}", created);
        }).RequirePermission<Donor>(AccessAction.Create);
        donors.MapPut("/{id:int}", (int id, DonorForm form, DonorService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Donor>(AccessAction.Update);

        var donations = app.MapGroup("/api/donations").WithTags("Donations").RequirePermission<Donation>(AccessAction.Read);
        donations.MapGet("/", (string? region, int? donorId, DonationKind? kind, DateOnly? from, DateOnly? to, int? page, int? pageSize, string? sort,
            DonationService service, CancellationToken ct) =>
            service.ListAsync(new DonationFilter(region, donorId, kind, from, to), PageRequest.From(page, pageSize, sort), ct));
        donations.MapGet("/export", (string? region, int? donorId, DonationKind? kind, DateOnly? from, DateOnly? to, string? sort, DonationService service,
            TimeProvider clock, CancellationToken ct) =>
            DonationExport.StreamAsync((page, c) => service.ListAsync(new DonationFilter(region, donorId, kind, from, to), page, c), sort,
                ExcelExport.FileName("donations", clock.GetLocalNow()), ct))
            .WithSummary("The filtered donation list as an Excel file").RequirePermission<Donation>(AccessAction.Export);
        donations.MapGet("/balances", (string? region, int? donorId, DonationKind? kind, DateOnly? from, DateOnly? to, DonationService service,
            CancellationToken ct) => service.StationBalancesAsync(new DonationFilter(region, donorId, kind, from, to), ct))
            .WithSummary("Yuan received, linked and not yet linked per receiving station");
        donations.MapGet("/{id:int}", (int id, DonationService service, CancellationToken ct) => service.GetAsync(id, ct));
        donations.MapPost("/", async (DonationForm form, DonationService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/donations/{created.Id}", created);
        }).RequirePermission<Donation>(AccessAction.Create);
        donations.MapPut("/{id:int}", (int id, DonationForm form, DonationService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Donation>(AccessAction.Update);
        donations.MapPost("/{id:int}/links", async (int id, DonationLinkForm form, DonationLinkService service, CancellationToken ct) =>
            Results.Created($"/api/donations/{id}", await service.AddAsync(id, form, ct)))
            .WithSummary("Link part of the donation to a resident, case, request or activity; makes its one resource-linking service record")
            .RequirePermission<Donation>(AccessAction.Update);
        donations.MapDelete("/{id:int}/links/{linkId:int}", (int id, int linkId, uint? version, DonationLinkService service, CancellationToken ct) =>
            service.RemoveAsync(id, linkId, version, ct))
            .WithSummary("Undo a link: its service record is deleted and its yuan return to the balance").RequirePermission<Donation>(AccessAction.Update);
        donations.MapGet("/{id:int}/link-targets", (int id, LinkTarget? kind, string? q, LinkTargetSearch search, CancellationToken ct) =>
            search.SearchAsync(id, kind, q, ct))
            .WithSummary("Needs of a kind (resident, case, request, activity) the donation may be linked to, searched by name, number, title or need; those at the donation's station first")
            .RequirePermission<Donation>(AccessAction.Update);
        donations.MapGet("/with-balance", (LinkTarget? target, int? targetId, LinkTargetSearch search, CancellationToken ct) =>
            search.DonationsForAsync(target, targetId, ct))
            .WithSummary("Donations with a balance that a need may be linked to: those of its station and of the stations above it")
            .RequirePermission<Donation>(AccessAction.Update);
        return app;
    }
}

public static class DonationExport
{
    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<DonationRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        (Names.Field("Donation", "Id"), r => r.Id),
        (Names.Field("Donation", "DonorId"), r => r.DonorName),
        (Names.Field("Donation", "StationId"), r => r.StationName),
        (Names.Field("Donation", "ReceivedOn"), r => r.ReceivedOn.ToString("yyyy-MM-dd")),
        (Names.Field("Donation", "Kind"), r => Names.Of(r.Kind)),
        (Names.Field("Donation", "Description"), r => r.Description),
        (Names.Field("Donation", "ValueYuan"), r => r.ValueYuan),
        (Names.Field("Donation", "LinkedYuan"), r => r.LinkedYuan),
        (Names.Field("Donation", "BalanceYuan"), r => r.BalanceYuan));
}
