namespace Qedu.Kernel.Oidc;

/// <summary>
/// An RSA key of the OpenID Connect provider, kept in the database so that every Qedu node signs and reads tokens with
/// the same keys and a restart does not invalidate them. Production may configure certificates instead.
/// </summary>
public sealed class OidcKey
{
    public int Id { get; set; }

    /// <summary>"signing" or "encryption".</summary>
    public required string Purpose { get; set; }

    public required string Pem { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
