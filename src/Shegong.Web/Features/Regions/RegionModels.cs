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
    [RegularExpression("^(111|112|121|122|123|210|220)$", ErrorMessage = "城乡分类代码须为111、112、121、122、123、210或220 / urban-rural code must be one of 111, 112, 121, 122, 123, 210, 220")]
    [JsonRequired]
    public string? UrbanRuralCode { get; set; }

    [JsonRequired]
    public bool IsCentralTown { get; set; }
    [JsonRequired]
    public bool IsRelocationSite { get; set; }
    [JsonRequired]
    public bool IsGovernancePilot { get; set; }

    [Range(0, 200_000_000, ErrorMessage = "常住人口须为0到2亿之间的整数 / resident population must be between 0 and 200,000,000")]
    [JsonRequired]
    public int? ResidentPopulation { get; set; }

    [Range(0, 200_000_000, ErrorMessage = "城镇常住人口须为0到2亿之间的整数 / urban resident population must be between 0 and 200,000,000")]
    [JsonRequired]
    public int? UrbanResidentPopulation { get; set; }

    /// <summary>The version the editor read (the detail's <c>version</c>): required (missing: 400), a changed record is a 409.</summary>
    public uint? Version { get; set; }
}
