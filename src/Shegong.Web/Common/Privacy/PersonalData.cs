using System.Security.Cryptography;
using System.Text;

namespace Shegong.Web.Common.Privacy;

/// <summary>The kinds of personal data protected; each has its own hash domain and associated data.</summary>
public enum PersonalField
{
    IdNumber,
    Phone,
}

/// <summary>
/// Encrypts personal data for storage (AES-256-GCM, random nonce, the field kind and the header
/// as associated data so a phone cipher cannot pass for an ID cipher) and makes the keyed hash
/// (HMAC-SHA256) used for exact lookup and duplicate detection. A cipher names the key pair it
/// was made with (<see cref="PrivacyKeys.KeyId"/>), so a rotation can find what is left to do.
/// Plain values never leave this class except to the caller; never log them.
/// </summary>
public sealed class PersonalData(PrivacyKeys keys)
{
    /// <summary>Version 1: no key id (before rotation existed); version 2: a 4-byte key id after the version.</summary>
    private const byte LegacyVersion = 1;
    private const byte Version = 2;
    private const int HeaderSize = 5;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public PrivacyKeys Keys => keys;

    public string Encrypt(PersonalField field, string plain) => Convert.ToBase64String(Seal(keys, Associated(field), Encoding.UTF8.GetBytes(plain)));

    public string Decrypt(PersonalField field, string stored) => Encoding.UTF8.GetString(Open(keys, Associated(field), Convert.FromBase64String(stored)));

    /// <summary>The key id a stored cipher names, or null for a cipher from before key ids.</summary>
    public static string? KeyIdOf(string stored)
    {
        var input = Convert.FromBase64String(stored);
        return input.Length > HeaderSize && input[0] == Version ? Convert.ToHexStringLower(input.AsSpan(1, 4)) : null;
    }

    /// <summary>64 hex characters under the current hash key; equal values of the same field give equal hashes, nothing else can be read from it.</summary>
    public string Hash(PersonalField field, string normalized) => Hash(keys, field, normalized);

    /// <summary>The hashes a stored row may carry: under the current key and, during a rotation, the previous one.</summary>
    public IReadOnlyList<string> Hashes(PersonalField field, string normalized) => keys.All.Select(k => Hash(k, field, normalized)).ToList();

    public string? EncryptOrNull(PersonalField field, string? plain) => plain is null ? null : Encrypt(field, plain);

    public string? DecryptOrNull(PersonalField field, string? stored) => stored is null ? null : Decrypt(field, stored);

    /// <summary>Encrypts any bytes under the current key (the data-protection key ring uses it too).</summary>
    internal static byte[] Seal(PrivacyKeys keys, byte[] associated, byte[] data)
    {
        var output = new byte[HeaderSize + NonceSize + TagSize + data.Length];
        output[0] = Version;
        keys.KeyIdBytes.CopyTo(output, 1);
        var nonce = output.AsSpan(HeaderSize, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(HeaderSize + NonceSize + TagSize), output.AsSpan(HeaderSize + NonceSize, TagSize),
            [.. associated, .. output.AsSpan(0, HeaderSize)]);
        return output;
    }

    internal static byte[] Open(PrivacyKeys keys, byte[] associated, byte[] input)
    {
        if (input.Length >= 1 + NonceSize + TagSize && input[0] == LegacyVersion)
        {
            return OpenLegacy(keys, associated, input);
        }
        if (input.Length < HeaderSize + NonceSize + TagSize || input[0] != Version)
        {
            throw new CryptographicException("Unknown personal-data cipher format.");
        }
        var id = input[1..HeaderSize];
        var key = keys.All.FirstOrDefault(k => k.KeyIdBytes.AsSpan().SequenceEqual(id))
            ?? throw new CryptographicException($"The cipher was made with key {Convert.ToHexStringLower(id)}, which is not configured.");
        var plain = new byte[input.Length - HeaderSize - NonceSize - TagSize];
        using var aes = new AesGcm(key.EncryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(HeaderSize, NonceSize), input.AsSpan(HeaderSize + NonceSize + TagSize), input.AsSpan(HeaderSize + NonceSize, TagSize),
            plain, [.. associated, .. input.AsSpan(0, HeaderSize)]);
        return plain;
    }

    /// <summary>A cipher from before key ids: whichever configured key opens it.</summary>
    private static byte[] OpenLegacy(PrivacyKeys keys, byte[] associated, byte[] input)
    {
        var plain = new byte[input.Length - 1 - NonceSize - TagSize];
        foreach (var key in keys.All)
        {
            try
            {
                using var aes = new AesGcm(key.EncryptionKey, TagSize);
                aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plain, associated);
                return plain;
            }
            catch (AuthenticationTagMismatchException) when (key != keys.All.Last())
            {
                // Try the next configured key.
            }
        }
        throw new CryptographicException("No configured key opens the cipher.");
    }

    private static string Hash(PrivacyKeys pair, PersonalField field, string normalized) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(pair.HashKey, Encoding.UTF8.GetBytes($"{field}:{normalized}")));

    private static byte[] Associated(PersonalField field) => Encoding.ASCII.GetBytes(field.ToString());
}
