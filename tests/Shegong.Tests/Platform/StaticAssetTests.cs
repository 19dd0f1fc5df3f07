using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Shegong.Tests.Infrastructure;

namespace Shegong.Tests.Platform;

/// <summary>
/// What a phone on a township's network downloads for a page: the stylesheets and scripts come compressed, the
/// app's own under a fingerprinted name it may keep, the libraries' with an ETag, so a return visit costs a 304.
/// </summary>
public partial class StaticAssetTests(EmptyApp app) : IClassFixture<EmptyApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("(?:href|src)=\"([^\"]+\\.(?:css|js))\"")]
    private static partial Regex AssetLink();

    /// <summary>A name with the content's fingerprint before the extension (app.6lbx9qnzgh.css).</summary>
    [GeneratedRegex(@"\.[a-z0-9]{8,}\.(?:css|js)$")]
    private static partial Regex Fingerprinted();

    private async Task<List<string>> LinkedAssetsAsync()
    {
        var page = await app.Anonymous.GetStringAsync("/account/signin", Ct);
        return [.. AssetLink().Matches(page).Select(m => "/" + m.Groups[1].Value.TrimStart('/'))];
    }

    private async Task<HttpResponseMessage> GetAsync(string url, bool gzip, string? etag = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip)
        {
            request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        }
        if (etag is not null)
        {
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(etag));
        }
        return await app.Anonymous.SendAsync(request, Ct);
    }

    [Fact]
    public async Task The_pages_stylesheets_and_scripts_come_compressed_and_unchanged()
    {
        var assets = await LinkedAssetsAsync();
        Assert.Equal(6, assets.Count);
        long plain = 0, compressed = 0;
        foreach (var url in assets)
        {
            using var identity = await GetAsync(url, gzip: false);
            Assert.Equal(HttpStatusCode.OK, identity.StatusCode);
            var original = await identity.Content.ReadAsByteArrayAsync(Ct);
            using var zipped = await GetAsync(url, gzip: true);
            Assert.Equal(HttpStatusCode.OK, zipped.StatusCode);
            Assert.Equal("gzip", Assert.Single(zipped.Content.Headers.ContentEncoding));
            Assert.Equal("nosniff", Assert.Single(zipped.Headers.GetValues("X-Content-Type-Options")));
            var body = await zipped.Content.ReadAsByteArrayAsync(Ct);
            await using (var unzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress))
            {
                using var unzipped = new MemoryStream();
                await unzip.CopyToAsync(unzipped, Ct);
                Assert.Equal(original, unzipped.ToArray());
            }
            plain += original.Length;
            compressed += body.Length;
        }
        // About 2.1 MB, most of it Ant Design and ECharts; compressed it is under a third of that.
        Assert.True(compressed * 3 < plain, $"{compressed:N0} bytes compressed of {plain:N0}");
    }

    [Fact]
    public async Task The_apps_own_files_go_by_fingerprint_and_a_library_file_is_asked_again_with_its_etag()
    {
        var assets = await LinkedAssetsAsync();
        // The app's stylesheet, its form script and Blazor's script carry the fingerprint of their content, so a new
        // release is a new name (published, they are cached for a year: scripts/publish-check.sh checks that).
        var own = assets.Where(a => !a.StartsWith("/_content/", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, own.Count);
        Assert.All(own, url => Assert.Matches(Fingerprinted(), url));

        // A library's file keeps its name; the browser asks again with the ETag and gets 304, no body.
        var library = assets.First(a => a.StartsWith("/_content/", StringComparison.Ordinal));
        using var first = await GetAsync(library, gzip: true);
        var etag = first.Headers.ETag!.ToString();
        using var again = await GetAsync(library, gzip: true, etag);
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);
        Assert.Empty(await again.Content.ReadAsByteArrayAsync(Ct));
    }
}
