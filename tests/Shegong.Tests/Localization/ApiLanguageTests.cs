using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Localization;

/// <summary>The API answers in the caller's Accept-Language, zh-CN when none is given; never both languages at once.</summary>
public partial class ApiLanguageTests(SichuanApp app) : IClassFixture<SichuanApp>
{
    [GeneratedRegex(@"[\u4e00-\u9fff]")]
    private static partial Regex Chinese();

    private Task<HttpResponseMessage> BadStationAsync(string? language)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/stations")
        {
            Content = JsonContent.Create(new { name = "", level = "TownshipStation", regionCode = "51010401700" }, options: Api.Json),
        };
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return app.Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Without_Accept_Language_the_answer_is_Chinese_only()
    {
        var problem = await (await BadStationAsync(null)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("提交的数据有误", problem.GetProperty("title").GetString());
        Assert.Equal("请填写站点名称", problem.FieldError("name"));
        Assert.Equal("区划代码须为12位数字", problem.FieldError("regionCode"));
        Assert.DoesNotContain(" / ", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US,en;q=0.9")]
    public async Task With_Accept_Language_en_the_answer_is_English_only_with_field_names_as_they_are(string language)
    {
        var problem = await (await BadStationAsync(language)).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("The request has invalid fields", problem.GetProperty("title").GetString());
        Assert.Equal("Name is required", problem.FieldError("name"));
        Assert.Equal("Region code must be 12 digits", problem.FieldError("regionCode"));
        Assert.DoesNotMatch(Chinese(), problem.ToString());

        var missing = new HttpRequestMessage(HttpMethod.Get, "/api/stations/987654");
        missing.Headers.AcceptLanguage.ParseAdd(language);
        var notFound = await (await app.Client.SendAsync(missing, TestContext.Current.CancellationToken)).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal("Not found", notFound.GetProperty("title").GetString());
        Assert.Equal("No station has id 987654", notFound.GetProperty("detail").GetString());
    }
}
