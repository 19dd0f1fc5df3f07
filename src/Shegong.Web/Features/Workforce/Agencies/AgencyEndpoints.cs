using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Workforce.Agencies;

public static class AgencyEndpoints
{
    public static IEndpointRouteBuilder MapAgencyEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/agencies").WithTags("Agencies").RequirePermission<Agency>(AccessAction.Read);
        group.MapGet("/", (string? region, AgencyStatus? status, AgencyRating? rating, string? search, int? page, int? pageSize, string? sort,
                AgencyService service, CancellationToken ct) =>
            service.ListAsync(new AgencyFilter(region, status, rating, search), PageRequest.From(page, pageSize, sort), ct));
        group.MapGet("/export", (string? region, AgencyStatus? status, AgencyRating? rating, string? search, string? sort,
            AgencyService service, IStringLocalizer<WorkforceText> t, TimeProvider clock, CancellationToken ct) =>
            AgencyExport.StreamAsync(t, (page, c) => service.ListAsync(new AgencyFilter(region, status, rating, search), page, c), sort,
                ExcelExport.FileName("agencies", clock.GetLocalNow()), ct)).WithSummary("The filtered agency list as an Excel file").RequirePermission<Agency>(AccessAction.Export);
        group.MapGet("/{id:int}", (int id, AgencyService service, CancellationToken ct) => service.GetAsync(id, ct));
        group.MapPost("/", async (AgencyForm form, AgencyService service, CancellationToken ct) =>
        {
            var created = await service.CreateAsync(form, ct);
            return Results.Created($"/api/agencies/{created.Id}", created);
        }).RequirePermission<Agency>(AccessAction.Create);
        group.MapPut("/{id:int}", (int id, AgencyForm form, AgencyService service, CancellationToken ct) => service.UpdateAsync(id, form, ct))
            .RequirePermission<Agency>(AccessAction.Update);
        return app;
    }
}
