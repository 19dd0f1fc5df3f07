using System.Security.Cryptography;
using System.Text.Json;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// The two keys of personal-data protection, never stored in the database: <c>Privacy:Key</c>
/// (AES-256-GCM encryption) and <c>Privacy:HashKey</c> (HMAC-SHA256 lookup hash), each 32 bytes
/// in base64, from configuration (environment, user secrets, a vault). A development machine
/// without them gets a pair generated once into <c>Privacy:KeyFolder</c> (default
/// <c>data/keys</c>, git-ignored) so a fresh clone runs; production must configure both, since
/// losing the keys makes every encrypted value unreadable and every hash unmatched.
/// </summary>
public sealed record PrivacyKeys(byte[] EncryptionKey, byte[] HashKey)
{
    public const string FileName = "privacy-keys.json";

    public static PrivacyKeys From(IConfiguration configuration, ILogger logger)
    {
        var key = configuration["Privacy:Key"];
        var hashKey = configuration["Privacy:HashKey"];
        if (!string.IsNullOrWhiteSpace(key) || !string.IsNullOrWhiteSpace(hashKey))
        {
            if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(hashKey))
            {
                throw new InvalidOperationException("Set both Privacy:Key and Privacy:HashKey (32 bytes each, base64), or neither.");
            }
            return new PrivacyKeys(Decode(key, "Privacy:Key"), Decode(hashKey, "Privacy:HashKey"));
        }
        var folder = configuration["Privacy:KeyFolder"] is { Length: > 0 } f ? f : Path.Combine("data", "keys");
        return FromFolder(folder, logger);
    }

    private static PrivacyKeys FromFolder(string folder, ILogger logger)
    {
        var path = Path.GetFullPath(Path.Combine(folder, FileName));
        if (File.Exists(path))
        {
            var stored = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path))
                ?? throw new InvalidOperationException($"{path} is empty.");
            return new PrivacyKeys(Decode(stored["key"], path), Decode(stored["hashKey"], path));
        }
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var keys = new PrivacyKeys(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var json = JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["key"] = Convert.ToBase64String(keys.EncryptionKey),
            ["hashKey"] = Convert.ToBase64String(keys.HashKey),
        });
        File.WriteAllText(path, json);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogWarning("Generated development privacy keys in {Path}; configure Privacy:Key and Privacy:HashKey in production", path);
        return keys;
    }

    private static byte[] Decode(string value, string source)
    {
        var bytes = Convert.FromBase64String(value.Trim());
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{source} must be 32 bytes in base64.");
    }
}
