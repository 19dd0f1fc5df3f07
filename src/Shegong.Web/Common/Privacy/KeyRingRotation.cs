using System.Xml.Linq;
using Microsoft.EntityFrameworkCore;
using Shegong.Web.Data;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// The data-protection key ring's part of <c>keys rotate</c>: each stored key's secret is
/// re-encrypted under the current privacy key, and a secret stored in plain (written before the
/// ring was encrypted) is encrypted the way the framework would have done it.
/// </summary>
internal static class KeyRingRotation
{
    private static readonly XNamespace Ns = "http://schemas.asp.net/2015/03/dataProtection";
    private static readonly XName EncryptedSecret = Ns + "encryptedSecret";
    private static readonly XName RequiresEncryption = Ns + "requiresEncryption";

    public static async Task<int> RotateAsync(ShegongDb db, PrivacyKeys keys, CancellationToken cancellationToken)
    {
        var rotated = 0;
        foreach (var row in await db.DataProtectionKeys.ToListAsync(cancellationToken))
        {
            if (row.Xml is null || Rotate(XElement.Parse(row.Xml), keys) is not { } changed)
            {
                continue;
            }
            row.Xml = changed.ToString(SaveOptions.DisableFormatting);
            rotated++;
        }
        await db.SaveChangesAsync(cancellationToken);
        return rotated;
    }

    public static async Task<int> RemainingAsync(ShegongDb db, PrivacyKeys keys, CancellationToken cancellationToken) =>
        (await db.DataProtectionKeys.AsNoTracking().Select(k => k.Xml).ToListAsync(cancellationToken))
            .Count(xml => xml is not null && Rotate(XElement.Parse(xml), keys) is not null);

    /// <summary>The key with its secrets under the current key, or null when they already are.</summary>
    private static XElement? Rotate(XElement key, PrivacyKeys keys)
    {
        var changed = false;
        foreach (var plain in key.Descendants().Where(e => (bool?)e.Attribute(RequiresEncryption) == true).ToList())
        {
            plain.ReplaceWith(Sealed(plain, keys));
            changed = true;
        }
        foreach (var secret in key.Descendants(EncryptedSecret).ToList())
        {
            var value = secret.Element("encryptedKey")?.Element("value")?.Value;
            if (value is null || !((string?)secret.Attribute("decryptorType") ?? "").Contains(nameof(KeyRingDecryptor), StringComparison.Ordinal)
                || PersonalData.KeyIdOf(value) == keys.KeyId)
            {
                continue;
            }
            secret.ReplaceWith(Sealed(KeyRingDecryptor.Open(keys, secret.Element("encryptedKey")!), keys));
            changed = true;
        }
        return changed ? key : null;
    }

    private static XElement Sealed(XElement plain, PrivacyKeys keys)
    {
        var info = new KeyRingEncryptor(keys).Encrypt(plain);
        return new XElement(EncryptedSecret, new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!), info.EncryptedElement);
    }
}
