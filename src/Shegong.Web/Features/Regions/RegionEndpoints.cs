using Shegong.Web.Common;
using Shegong.Web.Common.Access;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Regions;

public static class RegionEndpoints
{
    public static IEndpointRouteBuilder MapRegionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/regions").WithTags("Regions").RequirePermission<Region>(AccessAction.Read);
        group.MapGet("/", (string? search, RegionService service, CancellationToken ct) => service.SearchAsync(search, ct))
            .WithSummary("Search regions by name fragment or code prefix");
        group.MapGet("/{code}", (string code, RegionService service, CancellationToken ct) => service.GetAsync(code, ct));
        group.MapGet("/{code}/children", (string code, RegionService service, CancellationToken ct) => service.ChildrenAsync(code, ct));
        group.MapPut("/{code}", (string code, RegionForm form, RegionService service, CancellationToken ct) => service.UpdateAsync(code, form, ct))
            .WithSummary("Edit flags and population of a region").RequirePermission<Region>(AccessAction.Update);
        group.MapGet("/attributes/export", (string? region, ShegongDb db, RegionService service, TimeProvider clock, CancellationToken ct) =>
                RegionAttributeExport.StreamAsync(db, service, region, ExcelExport.FileName("region-attributes", clock.GetLocalNow()), ct))
            .WithSummary("Population, urban-rural code and flags of a region and the regions under it down to townships, as the import reads them");
        // The form is read by hand, after the permission check (a bound IFormFile would answer 415 before authorisation).
        group.MapPost("/attributes/import", async (HttpContext http, RegionAttributeImport import, CancellationToken ct) =>
        {
            var file = http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(ct)).Files.GetFile("file") : null;
            if (file is null)
            {
                throw RequestProblem.Invalid("file", ProblemText.RegionImportSendFile);
            }
            await using var content = file.OpenReadStream();
            return await import.ImportAsync(content, file.FileName, ct);
        }).DisableAntiforgery().WithSummary("Import population, urban-rural code and flags from a .csv or .xlsx file (multipart/form-data field `file`); all rows or none")
            .RequirePermission<Region>(AccessAction.Update);
        return app;
    }
}
