using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Data;
using Shegong.Web.Features.Regions;
using Shegong.Web.Features.Stations;

namespace Shegong.Web.Features.Linkage;

/// <summary>The station an organisation or team belongs to, and its place: a township or village under that station.</summary>
internal static class LinkagePlaces
{
    /// <summary>A station in the caller's scope; a closed one only when the record already belongs to it.</summary>
    public static async Task<Station> StationAsync(ShegongDb db, int? id, int currentStationId, CancellationToken cancellationToken)
    {
        var station = await db.Stations.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
            ?? throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupNoStation, id));
        if (station.Status == StationStatus.Closed && station.Id != currentStationId)
        {
            throw RequestProblem.Invalid("stationId", Problems.Format(ProblemText.GroupClosed, station.Name));
        }
        return station;
    }

    /// <summary>The place given (or the station's own region), which must be a township or village under the station.</summary>
    public static async Task<string> PlaceAsync(ShegongDb db, string? code, Station station, CancellationToken cancellationToken)
    {
        code = string.IsNullOrEmpty(code) ? station.RegionCode : code;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
            ?? throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.ActivityNoVillageCode, code));
        var (low, high) = RegionCode.SubtreeRange(station.RegionCode);
        if (region.Level is not (RegionLevel.Township or RegionLevel.Village) || string.CompareOrdinal(code, low) < 0 || string.CompareOrdinal(code, high) > 0)
        {
            throw RequestProblem.Invalid("regionCode", Problems.Format(ProblemText.OrganisationPlaceNotUnderStation, region.Name, station.Name));
        }
        return region.Code;
    }

    /// <summary>Names of the stations given, also those above the reader's scope, in a query of its own (never joined into a scoped one).</summary>
    public static async Task<Dictionary<int, string>> StationNamesAsync(ShegongDb db, IEnumerable<int> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Stations.IgnoreQueryFilters().AsNoTracking().Where(s => wanted.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, cancellationToken);
    }
}
