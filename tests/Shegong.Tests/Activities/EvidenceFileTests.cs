using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Shegong.Tests.GroupWork;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Features.Accounts;

namespace Shegong.Tests.Activities;

public class EvidenceFileTests(GroupWorkApp app) : IClassFixture<GroupWorkApp>
{
    private const string Township = "510104017000";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // A real 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private async Task<int> ActivityAsync()
    {
        var station = await app.StationOfAsync(Township);
        var created = await (await app.Client.PostJsonAsync("/api/activities", ActivityTests.Form(station, null, 10, [], [])))
            .ReadAsync<JsonElement>(HttpStatusCode.Created);
        return created.GetProperty("id").GetInt32();
    }

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, int activityId, string fileName, byte[] bytes)
    {
        var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "file", fileName);
        return client.PostAsync($"/api/activities/{activityId}/files", content, Ct);
    }

    private string[] StoredFiles() => Directory.Exists(app.FilesRoot) ? Directory.GetFiles(app.FilesRoot) : [];

    [Fact]
    public async Task A_photo_is_stored_under_a_random_name_downloaded_in_scope_only_and_deleted_with_its_activity()
    {
        var id = await ActivityAsync();
        var uploaded = await (await UploadAsync(app.Client, id, "../../重阳节合影.png", Png)).ReadAsync<JsonElement>(HttpStatusCode.Created);
        var fileId = uploaded.GetProperty("id").GetInt32();
        Assert.Equal("重阳节合影.png", uploaded.GetProperty("fileName").GetString());
        var stored = Assert.Single(StoredFiles(), f => File.ReadAllBytes(f).SequenceEqual(Png));
        Assert.DoesNotContain("重阳节", Path.GetFileName(stored), StringComparison.Ordinal);
        Assert.StartsWith(Path.GetFullPath(app.FilesRoot), Path.GetFullPath(stored), StringComparison.Ordinal);

        var download = await app.Client.GetUrlAsync($"/api/activities/{id}/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await download.Content.ReadAsByteArrayAsync(Ct));

        var ownWorker = await app.ClientAsync(AccountRole.SocialWorker, stationId: await app.StationOfAsync(Township));
        Assert.Equal(HttpStatusCode.OK, (await ownWorker.GetUrlAsync($"/api/activities/{id}/files/{fileId}")).StatusCode);
        var otherCounty = await app.ClientAsync(AccountRole.CountyOfficer, "510105000000");
        await (await otherCounty.GetUrlAsync($"/api/activities/{id}/files/{fileId}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await otherCounty.GetUrlAsync($"/api/activities/{id}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await UploadAsync(otherCounty, id, "b.png", Png)).ProblemAsync(HttpStatusCode.NotFound);
        var agencyManager = await app.ClientAsync(AccountRole.AgencyManager, "510104000000");
        Assert.Equal(HttpStatusCode.Forbidden, (await agencyManager.GetUrlAsync($"/api/activities/{id}/files/{fileId}")).StatusCode);

        var detail = await (await app.Client.GetUrlAsync($"/api/activities/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(1, detail.GetProperty("files").GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/activities/{id}?version={detail.GetProperty("version").GetUInt32()}", Ct)).StatusCode);
        Assert.False(File.Exists(stored));
    }

    [Fact]
    public async Task Too_big_wrong_type_and_fake_images_are_refused_with_a_reason_and_leave_nothing()
    {
        var id = await ActivityAsync();
        var before = StoredFiles().Length;
        var big = new byte[GroupWorkApp.MaxFileBytes + 1];
        Png.CopyTo(big, 0);
        Assert.Contains("64 KB", (await (await UploadAsync(app.Client, id, "big.png", big)).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        Assert.Contains("jpg", (await (await UploadAsync(app.Client, id, "run.sh", "#!/bin/sh\necho hi\n"u8.ToArray())).ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        var fake = await UploadAsync(app.Client, id, "photo.jpg", "<script>alert(1)</script>"u8.ToArray());
        Assert.Contains("不是.jpg格式", (await fake.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        var pngAsJpeg = await UploadAsync(app.Client, id, "photo.jpeg", Png);
        Assert.Contains(".jpeg", (await pngAsJpeg.ProblemAsync(HttpStatusCode.BadRequest)).FieldError("file"));
        Assert.Equal(before, StoredFiles().Length);
        var detail = await (await app.Client.GetUrlAsync($"/api/activities/{id}")).ReadAsync<JsonElement>();
        Assert.Equal(0, detail.GetProperty("files").GetArrayLength());

        // A removed file is gone from the disk too.
        var uploaded = await (await UploadAsync(app.Client, id, "scan.pdf", "%PDF-1.4\n%test\n"u8.ToArray())).ReadAsync<JsonElement>(HttpStatusCode.Created);
        Assert.Equal(before + 1, StoredFiles().Length);
        Assert.Equal(HttpStatusCode.NoContent, (await app.Client.DeleteAsync($"/api/activities/{id}/files/{uploaded.GetProperty("id").GetInt32()}", Ct)).StatusCode);
        Assert.Equal(before, StoredFiles().Length);
    }
}
