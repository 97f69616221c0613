using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Data;
using Qedu.Kernel.Persistence;

namespace Qedu.Kernel.PersonalData;

/// <summary>What kind of identifying data a value is, and so how it is masked for a caller without <c>pii.view</c>.</summary>
public enum PersonalKind
{
    None,
    ResidentId,
    StudentNumber,
    Phone,
    Address,

    /// <summary>A birth date shows its year only: with the month and day, the masked resident ID could be rebuilt.</summary>
    BirthDate,
}

/// <summary>
/// Who may see a person's identifying data (resident ID, phone) unmasked: a caller holding <c>pii.view</c> on a scope
/// that contains the person's school. Every unmasked read is written to the audit log.
/// </summary>
public sealed class PersonalDataAccess(ICurrentAccess access, Deferred<KernelDb> kernel, Deferred<AuditTrail> audit)
{
    /// <summary>The org units among <paramref name="orgUnitIds"/> whose people the caller may see unmasked.</summary>
    public Task<IReadOnlySet<int>> UnmaskedOrgsAsync(IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default) =>
        WithinScopeAsync(Permissions.PiiView, orgUnitIds, ct);

    /// <summary>
    /// <see cref="ScopeWriteGuard.WithinScopeAsync"/>, answering "none" itself when the caller holds no such grant (the
    /// same answer it gives), so that a caller without pii.view costs no kernel context and no query.
    /// </summary>
    private Task<IReadOnlySet<int>> WithinScopeAsync(string permission, IReadOnlyCollection<int> orgUnitIds, CancellationToken ct) =>
        !access.Current.IsSystem && (orgUnitIds.Count == 0 || !access.Current.Has(permission))
            ? Task.FromResult<IReadOnlySet<int>>(new HashSet<int>())
            : ScopeWriteGuard.WithinScopeAsync(kernel.Value, access.Current, permission, orgUnitIds, ct);

    /// <summary>
    /// The org units among <paramref name="orgUnitIds"/> where the caller may see guardians' phone numbers through
    /// registry.guardian-contacts (a teacher, whose reads are already limited to their own classes' families). Callers
    /// ask only for what pii.view left masked, so this is not repeated here.
    /// </summary>
    public Task<IReadOnlySet<int>> GuardianContactOrgsAsync(IReadOnlyCollection<int> orgUnitIds, CancellationToken ct = default) =>
        WithinScopeAsync(Permissions.GuardianContacts, orgUnitIds, ct);

    /// <summary>Records that the caller saw these people's data unmasked.</summary>
    public Task RecordUnmaskedReadAsync(string entityType, IReadOnlyCollection<long> ids, CancellationToken ct = default) =>
        ids.Count == 0
            ? Task.CompletedTask
            : audit.Value.RecordAsync("pii.read", entityType, ids.Count == 1 ? ids.First().ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
                details: ids.Count == 1 ? null : $"ids={string.Join(',', ids.Take(200))}{(ids.Count > 200 ? $",…(+{ids.Count - 200})" : "")}", ct: ct);

    /// <summary>
    /// The one masking rule every read path uses (records, lists, the change feed, exports, OneRoster, pages): what a
    /// caller without <c>pii.view</c> sees of a value of this kind. No mask can be undone from what the same caller
    /// sees beside it: a resident ID keeps its division and last four characters, so the birth date beside it keeps
    /// only its year, and the 学籍号 (mostly "G" + the resident ID) is masked to match.
    /// </summary>
    public static string? Mask(PersonalKind kind, string? value, bool unmasked) => unmasked || value is null ? value : kind switch
    {
        PersonalKind.ResidentId => ResidentId.Mask(value),
        PersonalKind.StudentNumber => MaskStudentNumber(value, false),
        PersonalKind.Phone => MaskPhone(value, false),
        PersonalKind.Address => MaskAddress(value, false),
        PersonalKind.BirthDate => value.Length >= 4 ? value[..4] : new string('*', value.Length),
        _ => value,
    };

    /// <summary>A birth date as the caller may see it: the whole date, or its year.</summary>
    public static string? MaskBirthDate(DateOnly? date, bool unmasked) =>
        Mask(PersonalKind.BirthDate, date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), unmasked);

    public static string? MaskResidentId(string? id, bool unmasked) => unmasked || id is null ? id : ResidentId.Mask(id);

    /// <summary>A 学籍号 is "G" + the resident ID for most students, so it is masked the same way.</summary>
    public static string MaskStudentNumber(string number, bool unmasked) =>
        unmasked || number.Length < 11 ? number : number[..7] + new string('*', number.Length - 11) + number[^4..];

    /// <summary>Keeps the first six characters (city and district), enough to place a home without finding it.</summary>
    public static string? MaskAddress(string? address, bool unmasked) =>
        unmasked || address is null ? address : address.Length <= 6 ? new string('*', address.Length) : address[..6] + "****";

    /// <summary>Keeps the first three and last four digits (138****1234).</summary>
    public static string? MaskPhone(string? phone, bool unmasked) =>
        unmasked || phone is null ? phone : phone.Length <= 7 ? new string('*', phone.Length) : phone[..3] + new string('*', phone.Length - 7) + phone[^4..];
}
