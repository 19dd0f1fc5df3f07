using Microsoft.Extensions.Localization;
using Shegong.Web.Common;
using Shegong.Web.Common.Access;

namespace Shegong.Web.Features.Coverage;

public static class CoverageEndpoints
{
    public static IEndpointRouteBuilder MapCoverageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/coverage/{regionCode}", (string regionCode, CoverageService service, CancellationToken ct) =>
                service.GetAsync(regionCode, ct))
            .WithTags("Coverage")
            .WithSummary("Township coverage of a region, with one row per child region")
            .RequirePermission<Stations.Station>(AccessAction.Read);
        app.MapGet("/api/coverage/{regionCode}/export", async (string regionCode, CoverageService service, IStringLocalizer<CoverageText> t, TimeProvider clock,
                CancellationToken ct) =>
            {
                var report = await service.GetAsync(regionCode, ct);
                return Results.File(CoverageExport.ToXlsx(t, report), ExcelExport.ContentType,
                    ExcelExport.FileName($"coverage-{regionCode}", clock.GetLocalNow()));
            })
            .WithTags("Coverage")
            .WithSummary("The coverage report of a region as an Excel file")
            .RequirePermission<Stations.Station>(AccessAction.Read);
        return app;
    }
}
