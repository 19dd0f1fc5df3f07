using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.Options;

namespace Shegong.Web.Common.Privacy;

/// <summary>
/// Encrypts the data-protection key ring (which signs the sign-in cookies and antiforgery tokens)
/// at rest with the privacy key: whoever reads the <c>DataProtectionKeys</c> table alone cannot
/// forge a cookie. The key id travels in the cipher, so <c>keys rotate</c> re-encrypts it too.
/// </summary>
public sealed class KeyRingEncryptor(PrivacyKeys keys) : IXmlEncryptor
{
    internal static readonly byte[] Associated = Encoding.ASCII.GetBytes("DataProtectionKey");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var element = new XElement("encryptedKey",
            new XComment(" Encrypted with the Shegong privacy key (Privacy:Key) "),
            new XElement("value", Convert.ToBase64String(PersonalData.Seal(keys, Associated, plain))));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens what <see cref="KeyRingEncryptor"/> sealed, under the current or (during a rotation) the previous key.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) => Open(services.GetRequiredService<PrivacyKeys>(), encryptedElement);

    internal static XElement Open(PrivacyKeys keys, XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value ?? throw new FormatException("The encrypted key has no value.");
        var plain = PersonalData.Open(keys, KeyRingEncryptor.Associated, Convert.FromBase64String(value));
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}

public static class KeyRingEncryptionSetup
{
    public static IServiceCollection AddKeyRingEncryption(this IServiceCollection services)
    {
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(o => o.XmlEncryptor = new KeyRingEncryptor(sp.GetRequiredService<PrivacyKeys>())));
        return services;
    }
}
