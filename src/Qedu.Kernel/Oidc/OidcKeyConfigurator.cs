using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using Qedu.Kernel.Access;
using Qedu.Kernel.Data;

namespace Qedu.Kernel.Oidc;

/// <summary>
/// Gives the OpenID Connect provider its signing and encryption keys: certificates from configuration
/// (<c>Oidc:SigningCertificate</c>, <c>Oidc:EncryptionCertificate</c>, PFX paths with <c>...Password</c>) in production,
/// otherwise RSA keys kept in the database, created on first use, shared by every node.
/// </summary>
internal sealed class OidcKeyConfigurator(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock)
    : IConfigureOptions<OpenIddictServerOptions>
{
    public void Configure(OpenIddictServerOptions options)
    {
        var signingPath = configuration["Oidc:SigningCertificate"];
        var encryptionPath = configuration["Oidc:EncryptionCertificate"];
        if (!string.IsNullOrEmpty(signingPath) && !string.IsNullOrEmpty(encryptionPath))
        {
            var signing = X509CertificateLoader.LoadPkcs12FromFile(signingPath, configuration["Oidc:SigningCertificatePassword"]);
            var encryption = X509CertificateLoader.LoadPkcs12FromFile(encryptionPath, configuration["Oidc:EncryptionCertificatePassword"]);
            options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
            options.EncryptionCredentials.Add(new EncryptingCredentials(
                new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            return;
        }

        var signingKey = LoadOrCreate("signing");
        var encryptionKey = LoadOrCreate("encryption");
        options.SigningCredentials.Add(new SigningCredentials(signingKey, SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            encryptionKey, SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey LoadOrCreate(string purpose)
    {
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetRequiredService<CurrentAccess>().Set(AccessContext.System("oidc-keys"));
        var db = scope.ServiceProvider.GetRequiredService<KernelDb>();
        var key = db.OidcKeys.AsNoTracking().Where(k => k.Purpose == purpose).OrderBy(k => k.Id).FirstOrDefault();
        if (key is null)
        {
            using var created = RSA.Create(2048);
            db.OidcKeys.Add(new OidcKey { Purpose = purpose, Pem = created.ExportPkcs8PrivateKeyPem(), CreatedAt = clock.GetUtcNow() });
            db.SaveChanges();
            // Two nodes starting together may both create one: everyone uses the oldest.
            key = db.OidcKeys.AsNoTracking().Where(k => k.Purpose == purpose).OrderBy(k => k.Id).First();
        }
        var rsa = RSA.Create();
        rsa.ImportFromPem(key.Pem);
        return new RsaSecurityKey(rsa) { KeyId = $"{purpose}-{key.Id}" };
    }
}
