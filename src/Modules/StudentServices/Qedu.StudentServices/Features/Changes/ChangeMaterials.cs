using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;
using Qedu.StudentServices.Data;
using Qedu.StudentServices.Domain;
using Qedu.StudentServices.Resources;

namespace Qedu.StudentServices.Features.Changes;

/// <summary>A material as the change's pages and API list it.</summary>
public sealed record MaterialRow(long Id, string Name, string FileName, string MediaType, long Length, DateTimeOffset UploadedAt);

/// <summary>A material's bytes to send.</summary>
internal sealed record MaterialFile(Stream Content, string MediaType, string FileName);

/// <summary>
/// The applicant's files on a change: PDF, JPEG or PNG by their content (whatever the name says), at most
/// <see cref="MaxBytes"/> each and <see cref="MaxPerChange"/> per change, kept by content hash in the kernel's store.
/// Added and removed by the applicant's side while the change is open (the guardian who asked; staff of the student's
/// school); opened by them and by the units of the route, each opening by staff an audit line. A 休学 is completed only
/// with a file (the certificate) attached.
/// </summary>
internal sealed class ChangeMaterials(
    StudentServicesDb db, IFileStore files, OrgTree tree, PersonalDataAccess personal, ICurrentAccess access, TimeProvider clock,
    IStringLocalizer<ServicesText> t)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerChange = 10;

    /// <summary>The multipart body of one upload: the file and a little form.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    private AccessContext Caller => access.Current;

    public async Task<IReadOnlyList<MaterialRow>> ListAsync(long changeId, CancellationToken ct = default) =>
        await db.Materials.AsNoTracking().Where(m => m.ChangeId == changeId).OrderBy(m => m.Id)
            .Select(m => new MaterialRow(m.Id, m.Name, m.FileName, m.MediaType, m.Length, m.UploadedAt)).ToListAsync(ct);

    /// <summary>Whether a change has any file (a 休学 needs its certificate).</summary>
    public Task<bool> AnyAsync(long changeId, CancellationToken ct = default) => db.Materials.AnyAsync(m => m.ChangeId == changeId, ct);

    /// <summary>
    /// Adds a file to a change of the caller's side: the new row, or the refusal naming the field (<c>name</c>, <c>file</c>)
    /// in the caller's language. Nothing is stored on any refusal. Not found when the change is not the caller's to add to.
    /// </summary>
    public async Task<Outcome<MaterialRow>> AddAsync(long changeId, string? name, string? fileName, long length, Stream? content, CancellationToken ct = default)
    {
        if (await ApplicantSideAsync(changeId, ct) is not { } change)
        {
            return Outcome<MaterialRow>.NotFound(t["Change.NotFound"]);
        }
        if (change.State is not (ChangeState.UnderReview or ChangeState.Returned))
        {
            return Outcome<MaterialRow>.Conflict(t["Material.Closed"]);
        }
        var errors = new InputErrors();
        var what = name?.Trim() ?? "";
        if (what.Length is 0 or > 100)
        {
            errors.Add("name", t["Material.Name", 100]);
        }
        FileCheck check = default;
        if (content is null)
        {
            errors.Add("file", t["Material.NoFile"]);
        }
        else if (await db.Materials.CountAsync(m => m.ChangeId == changeId, ct) >= MaxPerChange)
        {
            errors.Add("file", t["Material.TooMany", MaxPerChange]);
        }
        else
        {
            check = FileKinds.Check(await FileKinds.ReadHeadAsync(content, ct), length, FileKinds.ScansAndPictures, MaxBytes);
            if (!check.IsAccepted)
            {
                errors.Add("file", t[$"Material.{check.Problem}", MaxBytes / 1024 / 1024]);
            }
        }
        if (errors.Any)
        {
            return Outcome<MaterialRow>.Invalid(errors);
        }
        // The head was read from the stream; store the whole file from its start.
        content!.Position = 0;
        var stored = await files.PutAsync(content, ct);
        var material = new ChangeMaterial
        {
            ChangeId = changeId, Name = what, FileName = FileKinds.CleanName(fileName), MediaType = check.Kind!.MediaType, Length = stored.Length,
            FileHash = stored.Hash, UploadedAt = clock.GetUtcNow(), UploadedBy = Caller.ActorName ?? "?",
        };
        db.Materials.Add(material);
        await db.SaveChangesAsync(ct);
        return Outcome<MaterialRow>.Ok(new MaterialRow(material.Id, material.Name, material.FileName, material.MediaType, material.Length, material.UploadedAt));
    }

    /// <summary>Removes a file of the caller's side while the change is open; the change's id.</summary>
    public async Task<Outcome<long>> RemoveAsync(long materialId, CancellationToken ct = default)
    {
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
        var change = material is null ? null : await ApplicantSideAsync(material.ChangeId, ct);
        if (material is null || change is null)
        {
            return Outcome<long>.NotFound(t["Material.NotFound"]);
        }
        if (change.State is not (ChangeState.UnderReview or ChangeState.Returned))
        {
            return Outcome<long>.Conflict(t["Material.Closed"]);
        }
        db.Materials.Remove(material);
        await db.SaveChangesAsync(ct);
        if (!await db.Materials.AnyAsync(m => m.FileHash == material.FileHash, ct))
        {
            await files.DeleteAsync(material.FileHash, ct);
        }
        return Outcome<long>.Ok(change.Id);
    }

    /// <summary>A file of a change the caller may see (the guardian who asked; a unit of the route, audited); null otherwise.</summary>
    public async Task<MaterialFile?> OpenAsync(long materialId, StatusChangeFlow flow, CancellationToken ct = default)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null || await flow.FindAsync(material.ChangeId, ct) is null)
        {
            return null;
        }
        if (Caller.ParentAccountId is null)
        {
            await personal.RecordUnmaskedReadAsync("ChangeMaterial", [material.Id], ct);
        }
        var stream = await files.OpenAsync(material.FileHash, ct);
        return stream is null ? null : new MaterialFile(stream, material.MediaType, material.FileName);
    }

    /// <summary>The change, tracked, when the caller is its applicant's side: the guardian who asked, or staff of the student's school.</summary>
    private async Task<StatusChange?> ApplicantSideAsync(long changeId, CancellationToken ct)
    {
        var change = await db.Changes.SingleOrDefaultAsync(c => c.Id == changeId, ct);
        if (change is null)
        {
            return null;
        }
        if (Caller.ParentAccountId is Guid parent)
        {
            return change.ParentAccountId == parent ? change : null;
        }
        return (await tree.WithinScopeAsync(Caller, Permissions.StatusChangesReview, [change.FromSchoolId], ct)).Count > 0 ? change : null;
    }
}
