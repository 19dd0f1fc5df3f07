using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// The two keys of personal-data protection, never stored in the database: <c>Privacy:Key</c>
/// (AES-256-GCM encryption) and <c>Privacy:HashKey</c> (HMAC-SHA256 lookup hash), each 32 bytes
/// in base64, from configuration (environment, user secrets, a vault); <c>keys generate</c> makes
/// a pair. Outside Development the app refuses to start without them, since losing the keys makes
/// every encrypted value unreadable and every hash unmatched. A development machine without them
/// gets a pair generated once into <c>Privacy:KeyFolder</c> (default <c>data/keys</c>, git-ignored).
/// During a rotation the pair being replaced is configured as <c>Privacy:PreviousKey</c> and
/// <c>Privacy:PreviousHashKey</c> (see <see cref="KeyRotation"/>).
/// </summary>
public sealed record PrivacyKeys(byte[] EncryptionKey, byte[] HashKey)
{
    public const string FileName = "privacy-keys.json";

    public const string MissingKeysMessage =
        "Privacy keys are not configured. Run `Shegong.Web keys generate`, keep its output in a safe place (a vault), "
        + "and set Privacy__Key and Privacy__HashKey in the environment (or Privacy:Key and Privacy:HashKey in configuration).";

    /// <summary>The pair being rotated away from: still opens its ciphers and matches its hashes until <c>keys rotate</c> is done.</summary>
    public PrivacyKeys? Previous { get; init; }

    /// <summary>4 bytes naming the pair inside every cipher (a fingerprint of both keys: it cannot drift from them).</summary>
    public byte[] KeyIdBytes { get; } = SHA256.HashData([.. Encoding.ASCII.GetBytes("shegong-privacy-key-id:"), .. EncryptionKey, .. HashKey])[..4];

    public string KeyId => Convert.ToHexStringLower(KeyIdBytes);

    /// <summary>The current pair, then the previous one if configured.</summary>
    public IEnumerable<PrivacyKeys> All => Previous is null ? [this] : [this, Previous];

    public static PrivacyKeys Generate() => new(RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));

    public static PrivacyKeys From(IConfiguration configuration, IHostEnvironment environment, ILogger logger)
    {
        var current = Pair(configuration, "Privacy:Key", "Privacy:HashKey");
        if (current is null)
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException(MissingKeysMessage);
            }
            var folder = configuration["Privacy:KeyFolder"] is { Length: > 0 } f ? f : Path.Combine("data", "keys");
            current = FromFolder(folder, logger);
        }
        return current with { Previous = Pair(configuration, "Privacy:PreviousKey", "Privacy:PreviousHashKey") };
    }

    private static PrivacyKeys? Pair(IConfiguration configuration, string keyName, string hashKeyName)
    {
        var key = configuration[keyName];
        var hashKey = configuration[hashKeyName];
        if (string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(hashKey))
        {
            return null;
        }
        if (string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(hashKey))
        {
            throw new InvalidOperationException($"Set both {keyName} and {hashKeyName} (32 bytes each, base64), or neither.");
        }
        return new PrivacyKeys(Decode(key, keyName), Decode(hashKey, hashKeyName));
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
        var keys = Generate();
        File.WriteAllText(path, keys.ToJson());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        logger.LogWarning("Generated development privacy keys in {Path}; configure Privacy:Key and Privacy:HashKey in production", path);
        return keys;
    }

    public string ToJson() => JsonSerializer.Serialize(new Dictionary<string, string>
    {
        ["key"] = Convert.ToBase64String(EncryptionKey),
        ["hashKey"] = Convert.ToBase64String(HashKey),
    });

    private static byte[] Decode(string value, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(value.Trim());
        }
        catch (FormatException)
        {
            throw new InvalidOperationException($"{source} is not base64.");
        }
        return bytes.Length == 32 ? bytes : throw new InvalidOperationException($"{source} must be 32 bytes in base64.");
    }
}
