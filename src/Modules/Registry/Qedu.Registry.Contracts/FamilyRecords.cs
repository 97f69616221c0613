namespace Qedu.Registry.Contracts;

/// <summary>A registered child whose guardian has the given phone number: enough to pre-fill a family's form, no more.</summary>
public sealed record RegisteredChild(string Name, int SchoolId, string GuardianName, string? Address);

/// <summary>
/// What the registry knows of a family, for a service the family itself uses (an admission form): the children in school
/// whose guardian's phone is the caller's verified phone. Read past the staff scope, because a parent holds no grant;
/// the phone comes from the parent's sign-in, never from input, and each read is audited.
/// </summary>
public interface IFamilyRecords
{
    Task<IReadOnlyList<RegisteredChild>> ChildrenOfGuardianAsync(string verifiedPhone, CancellationToken ct = default);
}
