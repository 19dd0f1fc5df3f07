using System.Net;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Regions;

namespace Shegong.Tests.Regions;

public class RegionApiTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    [Fact]
    public async Task A_region_answers_with_its_level_parent_children_and_kind()
    {
        var township = await (await app.Client.GetUrlAsync("/api/regions/510104017000")).ReadAsync<RegionDetail>();
        Assert.Equal("锦官驿街道", township.Name);
        Assert.Equal(RegionLevel.Township, township.Level);
        Assert.Equal("510104000000", township.ParentCode);
        Assert.Equal(TownshipKind.Street, township.TownshipKind);
        Assert.True(township.ChildCount > 0);
        Assert.Equal(["四川省", "成都市", "锦江区"], township.Path.Select(p => p.Name));

        var province = await (await app.Client.GetUrlAsync("/api/regions/510000000000")).ReadAsync<RegionDetail>();
        Assert.Equal(21, province.ChildCount);
        Assert.Null(province.ParentCode);
    }

    [Fact]
    public async Task Levels_and_kinds_are_strings_in_JSON()
    {
        var json = await (await app.Client.GetUrlAsync("/api/regions/510104017001")).Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("\"level\":\"Village\"", json);
        Assert.Contains("\"villageKind\":\"ResidentsCommittee\"", json);
        Assert.Contains("\"parentCode\":\"510104017000\"", json);
        Assert.Contains("\"childCount\":0", json);
    }

    [Fact]
    public async Task Children_are_the_next_level_down_in_code_order()
    {
        var cities = await (await app.Client.GetUrlAsync("/api/regions/510000000000/children")).ReadAsync<List<RegionSummary>>();
        Assert.Equal(21, cities.Count);
        Assert.All(cities, c => Assert.Equal(RegionLevel.City, c.Level));
        Assert.Equal("成都市", cities[0].Name);
        Assert.Equal(cities.Select(c => c.Code).Order(), cities.Select(c => c.Code));
        var counties = await (await app.Client.GetUrlAsync("/api/regions/510100000000/children")).ReadAsync<List<RegionSummary>>();
        Assert.Contains(counties, c => c.Name == "锦江区" && c.ChildCount == 11);
    }

    [Fact]
    public async Task Search_finds_by_name_fragment_or_code_prefix()
    {
        var byName = await (await app.Client.GetUrlAsync("/api/regions?search=" + Uri.EscapeDataString("锦官驿"))).ReadAsync<List<RegionSummary>>();
        Assert.Contains(byName, r => r.Code == "510104017000");
        var byCode = await (await app.Client.GetUrlAsync("/api/regions?search=510104")).ReadAsync<List<RegionSummary>>();
        Assert.Equal("510104000000", byCode[0].Code);
        Assert.All(byCode, r => Assert.StartsWith("510104", r.Code));
        Assert.True(byCode.Count <= RegionService.MaxSearchResults);
    }

    [Theory]
    [InlineData("/api/regions/5101", HttpStatusCode.BadRequest, "12")]
    [InlineData("/api/regions/51010401700X", HttpStatusCode.BadRequest, "12")]
    [InlineData("/api/regions/510104999000", HttpStatusCode.NotFound, "510104999000")]
    [InlineData("/api/regions/510104999000/children", HttpStatusCode.NotFound, "510104999000")]
    [InlineData("/api/regions?search=", HttpStatusCode.BadRequest, "search")]
    public async Task Malformed_and_unknown_codes_say_why(string url, HttpStatusCode status, string mentioned)
    {
        var problem = await (await app.Client.GetUrlAsync(url)).ProblemAsync(status);
        Assert.Contains(mentioned, problem.GetRawText());
    }

    [Fact]
    public async Task Operators_set_flags_and_population_and_bad_values_change_nothing()
    {
        var updated = await (await app.Client.PutJsonAsync("/api/regions/510104018000",
            new
            {
                isCentralTown = true,
                isRelocationSite = false,
                isGovernancePilot = false,
                urbanRuralCode = "111",
                residentPopulation = 52000,
                urbanResidentPopulation = 50000,
                version = await app.Client.VersionOfAsync("/api/regions/510104018000")
            }))
            .ReadAsync<RegionDetail>();
        Assert.True(updated.IsCentralTown);
        Assert.Equal(52000, updated.ResidentPopulation);

        var problem = await (await app.Client.PutJsonAsync("/api/regions/510104018000",
            new
            {
                urbanRuralCode = (string?)null,
                isCentralTown = false,
                isRelocationSite = false,
                isGovernancePilot = false,
                residentPopulation = 100,
                urbanResidentPopulation = 200,
                version = await app.Client.VersionOfAsync("/api/regions/510104018000")
            })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("城镇常住人口", problem.FieldError("urbanResidentPopulation"));
        var unchanged = await (await app.Client.GetUrlAsync("/api/regions/510104018000")).ReadAsync<RegionDetail>();
        Assert.True(unchanged.IsCentralTown);
        Assert.Equal(50000, unchanged.UrbanResidentPopulation);
    }
}
