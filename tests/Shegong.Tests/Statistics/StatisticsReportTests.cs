using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Shegong.Tests.Access;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Statistics;

/// <summary>The printable report: a PDF that opens (pdftotext reads it) and holds the live figures, in Chinese.</summary>
public partial class StatisticsTests
{
    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"report-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_annual_report_is_a_pdf_with_the_title_period_and_the_live_headline_figures_of_the_region()
    {
        var summary = await (await app.Client.GetUrlAsync($"/api/statistics/summary?region={AccessApp.Jinjiang}&from=2024-01-01&to=2024-12-31")).ReadAsync<JsonElement>();
        var response = await app.Client.GetUrlAsync($"/api/statistics/report?region={AccessApp.Jinjiang}&kind=Year&year=2024");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var pdf = await response.Content.ReadAsByteArrayAsync(Ct);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));

        var text = PdfText(pdf);
        Assert.Contains("锦江区社会工作服务年报", text);
        Assert.Contains("2024年1月1日至2024年12月31日", text);
        Assert.Contains("服务人次", text);
        var personTimes = summary.GetProperty("services").GetProperty("personTimes").GetInt32();
        Assert.True(personTimes > 0);
        Assert.Contains(personTimes.ToString("#,0", CultureInfo.InvariantCulture), text);
        Assert.Contains(summary.GetProperty("resourceLinkingYuan").GetDecimal().ToString("#,0", CultureInfo.InvariantCulture), text);
        // The child regions' table names the townships that served.
        Assert.Contains("锦官驿街道", text);
    }

    [Fact]
    public async Task A_report_period_that_does_not_exist_is_refused_by_field()
    {
        Assert.Contains("1到12", (await (await app.Client.GetUrlAsync($"/api/statistics/report?region={AccessApp.Jinjiang}&kind=Month&year=2024&number=13"))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("number"));
        Assert.Contains("季度", (await (await app.Client.GetUrlAsync($"/api/statistics/report?region={AccessApp.Jinjiang}&kind=Quarter&year=2024"))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("number"));
        Assert.Contains("年份", (await (await app.Client.GetUrlAsync($"/api/statistics/report?region={AccessApp.Jinjiang}&kind=Year"))
            .ProblemAsync(HttpStatusCode.BadRequest)).FieldError("year"));
        var quarter = await app.Client.GetUrlAsync($"/api/statistics/report?region={AccessApp.Jinjiang}&kind=Quarter&year=2024&number=1");
        Assert.Contains("锦江区社会工作服务季报", PdfText(await quarter.Content.ReadAsByteArrayAsync(Ct)));
    }
}
