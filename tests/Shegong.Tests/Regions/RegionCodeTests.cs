using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Regions;

namespace Shegong.Tests.Regions;

public class RegionCodeTests
{
    [Theory]
    [InlineData("510000000000", RegionLevel.Province, null)]
    [InlineData("510100000000", RegionLevel.City, "510000000000")]
    [InlineData("510104000000", RegionLevel.County, "510100000000")]
    [InlineData("510104017000", RegionLevel.Township, "510104000000")]
    [InlineData("510104017001", RegionLevel.Village, "510104017000")]
    public void Level_and_parent_come_from_the_digits(string code, RegionLevel level, string? parent)
    {
        Assert.Equal(level, RegionCode.LevelOf(code));
        Assert.Equal(parent, RegionCode.ParentOf(code));
    }

    [Theory]
    [InlineData("510104017000", TownshipKind.Street)]
    [InlineData("510104099000", TownshipKind.Street)]
    [InlineData("510121100000", TownshipKind.Town)]
    [InlineData("510121199000", TownshipKind.Town)]
    [InlineData("513224200000", TownshipKind.Township)]
    [InlineData("513224399000", TownshipKind.Township)]
    [InlineData("510104400000", TownshipKind.SpecialUnit)]
    public void Township_kind_comes_from_digits_7_to_9(string code, TownshipKind kind) =>
        Assert.Equal(kind, RegionCode.TownshipKindOf(code));

    [Theory]
    [InlineData("510104017001", VillageKind.ResidentsCommittee)]
    [InlineData("510104017199", VillageKind.ResidentsCommittee)]
    [InlineData("510121100200", VillageKind.VillagersCommittee)]
    [InlineData("510121100399", VillageKind.VillagersCommittee)]
    [InlineData("510121100400", VillageKind.SimilarUnit)]
    public void Village_kind_comes_from_digits_10_to_12(string code, VillageKind kind) =>
        Assert.Equal(kind, RegionCode.VillageKindOf(code));

    [Fact]
    public void Kinds_belong_only_to_their_level()
    {
        Assert.Null(RegionCode.TownshipKindOf("510104000000"));
        Assert.Null(RegionCode.VillageKindOf("510104017000"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("5101")]
    [InlineData("51010401700A")]
    [InlineData("5101040170011")]
    [InlineData("000000000000")]
    public void Malformed_codes_are_explained(string code)
    {
        // Messages are read in the current UI culture; the test names it rather than trusting the machine's.
        using var chinese = new UiCulture("zh-CN");
        var problem = RegionCode.Problem(code);
        Assert.NotNull(problem);
        Assert.Contains("区划代码", problem);
    }

    [Fact]
    public void Subtree_range_covers_exactly_the_descendants()
    {
        var (low, high) = RegionCode.SubtreeRange("510104000000");
        Assert.Equal("510104000000", low);
        Assert.Equal("510104999999", high);
        Assert.True(string.CompareOrdinal("510104017001", low) >= 0 && string.CompareOrdinal("510104017001", high) <= 0);
        Assert.False(string.CompareOrdinal("510105000000", high) <= 0);
        Assert.False(string.CompareOrdinal("510103999999", low) >= 0);
    }

    [Fact]
    public void Ancestors_run_from_the_province_down()
    {
        Assert.Equal(["510000000000", "510100000000", "510104000000", "510104017000"], RegionCode.AncestorsOf("510104017001"));
    }
}
