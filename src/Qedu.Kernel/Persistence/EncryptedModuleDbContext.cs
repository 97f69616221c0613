using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Kernel.PersonalData;

namespace Qedu.Kernel.Persistence;

/// <summary>
/// A module context with personal data encrypted at rest (ADR 11): its model's converters and blind indexes use the
/// host's <see cref="PersonalData.FieldEncryption"/>, taken from the scope the pooled context is bound to, like its caller.
/// </summary>
public abstract class EncryptedModuleDbContext(DbContextOptions options, string module) : ModuleDbContext(options, module), IEncryptedFieldsContext
{
    private FieldEncryption? _encryption;

    /// <summary>Encrypts the module's personal fields and makes their blind indexes.</summary>
    public FieldEncryption FieldEncryption => _encryption ?? throw new InvalidOperationException("The context is not bound to a scope.");

    protected override void OnBound(IServiceProvider scope) => _encryption = scope.GetRequiredService<FieldEncryption>();
}
