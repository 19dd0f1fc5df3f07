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
/// Encrypts personal data for storage (AES-256-GCM, random nonce, the field kind as associated
/// data so a phone cipher cannot pass for an ID cipher) and makes the keyed hash (HMAC-SHA256)
/// used for exact lookup and duplicate detection. Plain values never leave this class except
/// to the caller; never log them.
/// </summary>
public sealed class PersonalData(PrivacyKeys keys)
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public string Encrypt(PersonalField field, string plain)
    {
        var data = Encoding.UTF8.GetBytes(plain);
        var output = new byte[1 + NonceSize + TagSize + data.Length];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Encrypt(nonce, data, output.AsSpan(1 + NonceSize + TagSize), output.AsSpan(1 + NonceSize, TagSize), Associated(field));
        return Convert.ToBase64String(output);
    }

    public string Decrypt(PersonalField field, string stored)
    {
        var input = Convert.FromBase64String(stored);
        if (input.Length < 1 + NonceSize + TagSize || input[0] != Version)
        {
            throw new CryptographicException("Unknown personal-data cipher format.");
        }
        var plain = new byte[input.Length - 1 - NonceSize - TagSize];
        using var aes = new AesGcm(keys.EncryptionKey, TagSize);
        aes.Decrypt(input.AsSpan(1, NonceSize), input.AsSpan(1 + NonceSize + TagSize), input.AsSpan(1 + NonceSize, TagSize), plain, Associated(field));
        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>64 hex characters; equal values of the same field give equal hashes, nothing else can be read from it.</summary>
    public string Hash(PersonalField field, string normalized)
    {
        var data = Encoding.UTF8.GetBytes($"{field}:{normalized}");
        return Convert.ToHexStringLower(HMACSHA256.HashData(keys.HashKey, data));
    }

    public string? EncryptOrNull(PersonalField field, string? plain) => plain is null ? null : Encrypt(field, plain);

    public string? DecryptOrNull(PersonalField field, string? stored) => stored is null ? null : Decrypt(field, stored);

    private static byte[] Associated(PersonalField field) => Encoding.ASCII.GetBytes(field.ToString());
}
