using System.Security.Cryptography;
using Shegong.Web.Common;

namespace Shegong.Web.Features.Activities;

/// <summary>
/// Evidence files on disk, outside the database, under <c>Files:Root</c> (default <c>data/files</c>).
/// A file is accepted only when its extension is one of the allowed kinds AND its first bytes are
/// that kind's signature (a script renamed .jpg is refused), and when it is no larger than
/// <c>Files:MaxBytes</c> (default 10 MB). It is stored under a random name: the user's file name
/// never reaches a path.
/// </summary>
public sealed class EvidenceStore(IConfiguration configuration)
{
    private static readonly Dictionary<string, (string ContentType, Func<byte[], bool> Signature)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", b => StartsWith(b, 0xFF, 0xD8, 0xFF)),
        [".jpeg"] = ("image/jpeg", b => StartsWith(b, 0xFF, 0xD8, 0xFF)),
        [".png"] = ("image/png", b => StartsWith(b, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A)),
        [".webp"] = ("image/webp", b => StartsWith(b, "RIFF"u8.ToArray()) && b.Length >= 12 && b.AsSpan(8, 4).SequenceEqual("WEBP"u8)),
        [".pdf"] = ("application/pdf", b => StartsWith(b, "%PDF-"u8.ToArray())),
    };

    public const string KindsText = "jpg、png、webp、pdf";

    public string Root { get; } = Path.GetFullPath(configuration["Files:Root"] is { Length: > 0 } root ? root : Path.Combine("data", "files"));

    public long MaxBytes { get; } = configuration.GetValue<long?>("Files:MaxBytes") ?? 10 * 1024 * 1024;

    /// <summary>
    /// Writes <paramref name="content"/> under a new random name after checking kind, signature and size;
    /// answers the stored name and content type. Nothing stays on disk when it is refused.
    /// </summary>
    public async Task<(string StoredName, string ContentType, long Size)> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            throw RequestProblem.Invalid("file", Problems.Format(ProblemText.ActivityOnlyFilesMayUploaded, KindsText));
        }
        Directory.CreateDirectory(Root);
        var storedName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + extension.ToLowerInvariant();
        var path = PathOf(storedName);
        try
        {
            long size;
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                size = await CopyLimitedAsync(content, target, cancellationToken);
            }
            if (size == 0)
            {
                throw RequestProblem.Invalid("file", ProblemText.ActivityFileEmpty);
            }
            var head = new byte[16];
            await using (var stored = File.OpenRead(path))
            {
                await stored.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
            }
            if (!kind.Signature(head))
            {
                throw RequestProblem.Invalid("file", Problems.Format(ProblemText.ActivityFileSContentNotFile, extension));
            }
            return (storedName, kind.ContentType, size);
        }
        catch
        {
            Delete(storedName);
            throw;
        }
    }

    public Stream Open(string storedName) => File.OpenRead(PathOf(storedName));

    /// <summary>Removes a stored file; one already gone is fine.</summary>
    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    public bool Exists(string storedName) => File.Exists(PathOf(storedName));

    /// <summary>The user's file name, reduced to something safe to show and to offer on download.</summary>
    public static string DisplayName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\'))]).Trim();
        if (name.Length > 200)
        {
            name = name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
        }
        return name.Length == 0 ? "file" : name;
    }

    // Stored names are ours (hex + known extension), never the user's: no traversal is possible.
    private string PathOf(string storedName) => Path.Combine(Root, Path.GetFileName(storedName));

    private async Task<long> CopyLimitedAsync(Stream source, Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > MaxBytes)
            {
                throw RequestProblem.Invalid("file", Problems.Format(ProblemText.ActivityFileAtMost, SizeText));
            }
            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }
        return total;
    }

    private string SizeText => MaxBytes >= 1024 * 1024 ? $"{MaxBytes / 1024 / 1024} MB" : $"{MaxBytes / 1024} KB";

    private static bool StartsWith(byte[] bytes, params byte[] prefix) => bytes.AsSpan().StartsWith(prefix);
}
