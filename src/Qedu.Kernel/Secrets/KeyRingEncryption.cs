using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Secrets;

/// <summary>
/// The data-protection key ring (which protects cookies, antiforgery tokens and OpenIddict's tokens) kept in the
/// database but encrypted there: each key's secret is sealed with AES-256-GCM under the key <c>data-protection</c>
/// from <see cref="SecretKeys"/>, so a copy of the database cannot forge a session cookie. Keys written before this
/// (in clear) stay readable and are sealed at the next start (<see cref="KeyRingUpgrade"/>).
/// </summary>
public static class KeyRingEncryption
{
    public const string KeyName = "data-protection";

    /// <summary>The one data-protection set-up the web host, the command line and the test hosts share.</summary>
    public static IServiceCollection AddQeduDataProtection(this IServiceCollection services)
    {
        services.AddDataProtection().SetApplicationName("Qedu").PersistKeysToDbContext<KernelDb>();
        services.AddOptions<KeyManagementOptions>()
            .Configure<SecretKeys>((o, keys) => o.XmlEncryptor = new KeyRingEncryptor(keys));
        services.AddScoped<KeyRingUpgrade>();
        return services;
    }
}

/// <summary>Seals a key's secret element: <c>&lt;sealed key="fingerprint"&gt;base64(nonce | ciphertext | tag)&lt;/sealed&gt;</c>.</summary>
public sealed class KeyRingEncryptor(SecretKeys keys) : IXmlEncryptor
{
    internal static readonly XName Sealed = XName.Get("sealed", "urn:qedu:data-protection");
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var key = keys.Get(KeyRingEncryption.KeyName);
        var plain = System.Text.Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[NonceSize + plain.Length + TagSize];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), AssociatedData);
        }
        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(Sealed, new XAttribute("key", SecretKeys.Fingerprint(key)), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }

    internal static ReadOnlySpan<byte> AssociatedData => "qedu data-protection key ring v1"u8;
}

/// <summary>
/// Opens what <see cref="KeyRingEncryptor"/> sealed. The framework makes it by type name, with the host's services.
/// </summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public XElement Decrypt(XElement encryptedElement)
    {
        var keys = services.GetRequiredService<SecretKeys>();
        var key = keys.Get(KeyRingEncryption.KeyName);
        if ((string?)encryptedElement.Attribute("key") != SecretKeys.Fingerprint(key))
        {
            throw new CryptographicException(
                $"The data-protection key ring was sealed with another key than {Path.Combine(keys.Directory, KeyRingEncryption.KeyName + ".key")}; restore that key file from the backup.");
        }
        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var plain = new byte[sealedBytes.Length - NonceSize - TagSize];
        using (var aes = new AesGcm(key, TagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceSize), sealedBytes.AsSpan(NonceSize, plain.Length), sealedBytes.AsSpan(NonceSize + plain.Length), plain, KeyRingEncryptor.AssociatedData);
        }
        return XElement.Parse(System.Text.Encoding.UTF8.GetString(plain));
    }
}

/// <summary>
/// Seals the keys of a key ring written before it was encrypted (their secrets in clear), in place, as the framework
/// would have sealed them; run at start. The keys stay the same, so cookies and tokens issued before stay valid.
/// </summary>
public sealed class KeyRingUpgrade(KernelDb db, SecretKeys keys)
{
    private const string FrameworkNamespace = "http://schemas.asp.net/2015/03/dataProtection";

    public async Task<int> SealClearKeysAsync(CancellationToken ct = default)
    {
        var clear = await db.DataProtectionKeys.Where(k => k.Xml != null && k.Xml.Contains("requiresEncryption")).ToListAsync(ct);
        var encryptor = new KeyRingEncryptor(keys);
        foreach (var row in clear)
        {
            var xml = XElement.Parse(row.Xml!);
            var secrets = xml.Descendants()
                .Where(e => (bool?)e.Attribute(XName.Get("requiresEncryption", FrameworkNamespace)) == true)
                .ToList();
            foreach (var secret in secrets)
            {
                var info = encryptor.Encrypt(secret);
                secret.ReplaceWith(new XElement(XName.Get("encryptedSecret", FrameworkNamespace),
                    new XAttribute("decryptorType", info.DecryptorType.AssemblyQualifiedName!),
                    info.EncryptedElement));
            }
            row.Xml = xml.ToString(SaveOptions.DisableFormatting);
        }
        await db.SaveChangesAsync(ct);
        return clear.Count;
    }
}
