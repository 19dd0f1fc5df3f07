using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace Shegong.Web.Features.Regions;

/// <summary>A region with what its code says, its flags and its place in the hierarchy.</summary>
public sealed record RegionDetail(
    string Code,
    string Name,
    RegionLevel Level,
    string? ParentCode,
    int ChildCount,
    TownshipKind? TownshipKind,
    VillageKind? VillageKind,
    string? UrbanRuralCode,
    bool IsCentralTown,
    bool IsRelocationSite,
    bool IsGovernancePilot,
    int? ResidentPopulation,
    int? UrbanResidentPopulation,
    IReadOnlyList<RegionSummary> Path,
    uint Version);

/// <summary>A region in a list: enough for a tree node or a cascader option.</summary>
public sealed record RegionSummary(string Code, string Name, RegionLevel Level, string? ParentCode, int ChildCount);

/// <summary>What an operator may change on a region: flags and population. A PUT names every field (null for unknown), so a missing one is a 400, not a silent reset.</summary>
public sealed class RegionForm
{
    [RegularExpression("^(111|112|121|122|123|210|220)$", ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionUrbanRuralCode))]
    [JsonRequired]
    public string? UrbanRuralCode { get; set; }

    [JsonRequired]
    public bool IsCentralTown { get; set; }
    [JsonRequired]
    public bool IsRelocationSite { get; set; }
    [JsonRequired]
    public bool IsGovernancePilot { get; set; }

    [Range(0, 200_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionResidentPopulationBetween))]
    [JsonRequired]
    public int? ResidentPopulation { get; set; }

    [Range(0, 200_000_000, ErrorMessageResourceType = typeof(ProblemText), ErrorMessageResourceName = nameof(ProblemText.RegionUrbanResidentPopulationBetween))]
    [JsonRequired]
    public int? UrbanResidentPopulation { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required (missing: 400), a changed record is a 409.</summary>
    public uint? Version { get; set; }
}
