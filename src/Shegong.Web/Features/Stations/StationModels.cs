using System.ComponentModel.DataAnnotations;
using Shegong.Web.Common;
using Shegong.Web.Common.Input;

namespace Shegong.Web.Features.Stations;

/// <summary>The create/edit form of a station, shared by the Blazor form and the API.</summary>
public sealed class StationForm
{
    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationNameRequired))]
    [StringLength(100, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationNameCharacters))]
    public string? Name { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationLevelRequired))]
    public StationLevel? Level { get; set; }

    [Required(ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationRegionRequired))]
    [RegularExpression(@"^\d{12}$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionCodeDigits))]
    public string? RegionCode { get; set; }

    /// <summary>Status a new station starts in (default Planned); ignored on edit, where status moves have their own action.</summary>
    public StationStatus? Status { get; set; }

    public DateOnly? OpenedOn { get; set; }

    [StringLength(200, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationAddressCharacters))]
    public string? Address { get; set; }

    [PhoneNumber]
    public string? Phone { get; set; }

    [Range(-90.0, 90.0, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationLatitudeBetween))]
    public double? Latitude { get; set; }

    [Range(-180.0, 180.0, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationLongitudeBetween))]
    public double? Longitude { get; set; }

    public BuildPath? BuildPath { get; set; }

    [Range(typeof(decimal), "0", "100000", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.StationFloorAreaBetweenM))]
    public decimal? FloorArea { get; set; }

    /// <summary>The version the editor read (<see cref="StationDetail.Version"/>); required on edit, ignored on create.</summary>
    public uint? Version { get; set; }

    public static StationForm From(Station s) => new()
    {
        Version = s.Version,
        Name = s.Name,
        Level = s.Level,
        RegionCode = s.RegionCode,
        Status = s.Status,
        OpenedOn = s.OpenedOn,
        Address = s.Address,
        Phone = s.Phone,
        Latitude = s.Latitude,
        Longitude = s.Longitude,
        BuildPath = s.BuildPath,
        FloorArea = s.FloorArea,
    };
}

/// <summary>A status move asked for: target, date (default today), note, and the version the mover read.</summary>
public sealed record StationStatusForm(StationStatus Status, DateOnly? On, [property: MultiLine] string? Note, uint? Version = null);

/// <summary>Filters of the station list; region includes everything under it.</summary>
public sealed record StationFilter(string? Region = null, StationLevel? Level = null, StationStatus? Status = null, string? Search = null)
    : IQueryFilter<StationFilter>
{
    public static StationFilter FromQuery(QueryValues q) =>
        new(q.String("region"), q.Enum<StationLevel>("level"), q.Enum<StationStatus>("status"), q.String("search"));

    public IEnumerable<KeyValuePair<string, string?>> ToQuery() =>
        QueryValues.Of(("region", Region), ("level", Level), ("status", Status), ("search", Search));
}

/// <summary>A station in a list, with the names of its region and the regions above it.</summary>
public sealed record StationRow(
    int Id,
    string Name,
    StationLevel Level,
    StationStatus Status,
    string RegionCode,
    string RegionName,
    string RegionPath,
    DateOnly? OpenedOn,
    BuildPath? BuildPath,
    string? Phone,
    uint Version);

public sealed record StationStatusChangeRow(StationStatus? From, StationStatus To, DateOnly On, string? Note);

public sealed record StationDetail(
    int Id,
    string Name,
    StationLevel Level,
    StationStatus Status,
    string RegionCode,
    string RegionName,
    string RegionPath,
    DateOnly? OpenedOn,
    string? Address,
    string? Phone,
    double? Latitude,
    double? Longitude,
    BuildPath? BuildPath,
    decimal? FloorArea,
    IReadOnlyList<StationStatus> NextStatuses,
    IReadOnlyList<StationStatusChangeRow> StatusHistory,
    uint Version);
