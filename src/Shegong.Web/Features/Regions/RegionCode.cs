using System.Diagnostics.CodeAnalysis;

namespace Shegong.Web.Features.Regions;

/// <summary>
/// The 12-digit statistical division code: 2 digits province, 2 city, 2 county, 3 township,
/// 3 village. Everything the code itself says (level, parent, kind, subtree range) lives here.
/// </summary>
public static class RegionCode
{
    public const int Length = 12;

    /// <summary>Significant digits per level: the prefix every descendant shares.</summary>
    public static int PrefixLength(RegionLevel level) => level switch
    {
        RegionLevel.Province => 2,
        RegionLevel.City => 4,
        RegionLevel.County => 6,
        RegionLevel.Township => 9,
        _ => 12,
    };

    /// <summary>Why a code is malformed, or null when it is a well-formed 12-digit code.</summary>
    public static string? Problem(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return ProblemText.RegionRegionCodeRequired;
        }
        if (code.Length != Length || !code.All(char.IsAsciiDigit))
        {
            return Problems.Format(ProblemText.RegionRegionCodeDigits, code);
        }
        if (code[..2] == "00")
        {
            return Problems.Format(ProblemText.RegionProvinceDigits, code);
        }
        return null;
    }

    public static bool IsValid([NotNullWhen(true)] string? code) => Problem(code) is null;

    /// <summary>The level a well-formed code stands for: the trailing zero groups decide.</summary>
    public static RegionLevel LevelOf(string code)
    {
        if (code[2..] == "0000000000")
        {
            return RegionLevel.Province;
        }
        if (code[4..] == "00000000")
        {
            return RegionLevel.City;
        }
        if (code[6..] == "000000")
        {
            return RegionLevel.County;
        }
        return code[9..] == "000" ? RegionLevel.Township : RegionLevel.Village;
    }

    /// <summary>The parent's code: this code's parent prefix padded with zeros.</summary>
    public static string? ParentOf(string code)
    {
        var level = LevelOf(code);
        return level == RegionLevel.Province ? null : Pad(code[..PrefixLength(level - 1)]);
    }

    public static string Prefix(string code) => code[..PrefixLength(LevelOf(code))];

    /// <summary>Pads a 2/4/6/9-digit code to the 12-digit form.</summary>
    public static string Pad(string shortCode) => shortCode.PadRight(Length, '0');

    /// <summary>
    /// Lowest and highest codes of the subtree rooted at <paramref name="code"/>; comparing
    /// against this range is how every "everything under a region" filter works, so it can use
    /// an index on both databases.
    /// </summary>
    public static (string Low, string High) SubtreeRange(string code)
    {
        var prefix = Prefix(code);
        return (code, prefix.PadRight(Length, '9'));
    }

    public static TownshipKind? TownshipKindOf(string code)
    {
        if (LevelOf(code) != RegionLevel.Township)
        {
            return null;
        }
        return int.Parse(code.AsSpan(6, 3)) switch
        {
            < 100 => TownshipKind.Street,
            < 200 => TownshipKind.Town,
            < 400 => TownshipKind.Township,
            _ => TownshipKind.SpecialUnit,
        };
    }

    public static VillageKind? VillageKindOf(string code)
    {
        if (LevelOf(code) != RegionLevel.Village)
        {
            return null;
        }
        return int.Parse(code.AsSpan(9, 3)) switch
        {
            < 200 => VillageKind.ResidentsCommittee,
            < 400 => VillageKind.VillagersCommittee,
            _ => VillageKind.SimilarUnit,
        };
    }

    /// <summary>Codes of the ancestors, province first.</summary>
    public static IReadOnlyList<string> AncestorsOf(string code)
    {
        var result = new List<string>();
        for (var parent = ParentOf(code); parent is not null; parent = ParentOf(parent))
        {
            result.Insert(0, parent);
        }
        return result;
    }
}
