using Microsoft.EntityFrameworkCore;
using Shegong.Web.Common;
using Shegong.Web.Common.Concurrency;
using Shegong.Web.Data;

namespace Shegong.Web.Features.Activities;

/// <summary>
/// An activity's evidence files: upload, download, removal. The file row is saved with the activity
/// (its part); the bytes go to <see cref="EvidenceStore"/>. A file is read only through its
/// activity, so only those who may read the activity (its scope) get it.
/// </summary>
public sealed class ActivityFiles(ShegongDb db, EvidenceStore store, ActivityService activities, IConfiguration configuration)
{
    private int MaxPerActivity { get; } = configuration.GetValue<int?>("Files:MaxPerActivity") ?? 30;

    /// <summary>Stores the file and adds its row; a refused or failed save leaves nothing on disk.</summary>
    public async Task<ActivityFileRow> AddAsync(int activityId, string? fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var activity = await db.Set<CommunityActivity>().Include(a => a.Files).FirstOrDefaultAsync(a => a.Id == activityId, cancellationToken)
            ?? throw ActivityService.NotFound(activityId);
        if (activity.Files.Count >= MaxPerActivity)
        {
            throw RequestProblem.Invalid("file", Problems.Format(ProblemText.ActivityActivityAtMostEvidenceFiles, MaxPerActivity));
        }
        var name = EvidenceStore.DisplayName(fileName);
        var (storedName, contentType, size) = await store.SaveAsync(name, content, cancellationToken);
        var file = new ActivityFile { StoredName = storedName, FileName = name, ContentType = contentType, Size = size };
        try
        {
            activity.Files.Add(file);
            // A new file changes what the activity proves: a racing edit of it loses on its version.
            Versioning.Touch(db, activity);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            store.Delete(storedName);
            throw;
        }
        return new ActivityFileRow(file.Id, file.FileName, file.ContentType, file.Size, file.UploadedAt);
    }

    /// <summary>The file's row and a stream of its bytes; 404 when the activity is not visible or the file not there.</summary>
    public async Task<(ActivityFileRow File, Stream Content)> OpenAsync(int activityId, int fileId, CancellationToken cancellationToken = default)
    {
        var file = await FindAsync(activityId, fileId, tracked: false, cancellationToken);
        if (!store.Exists(file.StoredName))
        {
            throw FileNotFound(activityId, fileId);
        }
        return (new ActivityFileRow(file.Id, file.FileName, file.ContentType, file.Size, file.UploadedAt), store.Open(file.StoredName));
    }

    /// <summary>Removes the file's row; answers the stored name to delete once that is committed.</summary>
    public async Task<string> RemoveAsync(int activityId, int fileId, CancellationToken cancellationToken = default)
    {
        var file = await FindAsync(activityId, fileId, tracked: true, cancellationToken);
        db.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        return file.StoredName;
    }

    /// <summary>Deletes stored files whose rows are gone (after the commit that removed them).</summary>
    public void DeleteStored(IEnumerable<string> storedNames)
    {
        foreach (var name in storedNames)
        {
            store.Delete(name);
        }
    }

    public async Task<IReadOnlyList<string>> DeleteActivityAsync(int id, uint? version, CancellationToken cancellationToken = default) =>
        await activities.DeleteAsync(id, version, cancellationToken);

    private async Task<ActivityFile> FindAsync(int activityId, int fileId, bool tracked, CancellationToken cancellationToken)
    {
        // Through the activity: its scope filter decides who may see the file.
        var visible = await db.Set<CommunityActivity>().AnyAsync(a => a.Id == activityId, cancellationToken);
        if (!visible)
        {
            throw ActivityService.NotFound(activityId);
        }
        var files = db.Set<ActivityFile>().Where(f => f.Id == fileId && f.CommunityActivityId == activityId);
        return await (tracked ? files : files.AsNoTracking()).FirstOrDefaultAsync(cancellationToken) ?? throw FileNotFound(activityId, fileId);
    }

    private static RequestProblem FileNotFound(int activityId, int fileId) =>
        RequestProblem.NotFound(Problems.Format(ProblemText.ActivityCommunityActivityNoEvidenceFile, activityId, fileId));
}
