using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qedu.Admissions.Data;
using Qedu.Admissions.Domain;
using Qedu.Admissions.Resources;
using Qedu.Kernel.Access;
using Qedu.Kernel.Files;
using Qedu.Kernel.PersonalData;
using Qedu.Kernel.Web;

namespace Qedu.Admissions.Materials;

/// <summary>A material as pages list it.</summary>
internal sealed record MaterialRow(long Id, string Kind, string FileName, string MediaType, long Length, DateTimeOffset UploadedAt);

/// <summary>A material's bytes to send.</summary>
internal sealed record MaterialFile(Stream Content, string MediaType, string FileName);

/// <summary>
/// The family's proof files: JPEG, PNG or PDF by their content (whatever the name says), at most
/// <see cref="MaxBytes"/> each and <see cref="MaxPerApplication"/> per application, stored by content hash in the
/// kernel's file store; added and removed by the family while they may change the application; opened by the family and
/// by the reviewers whose scope holds the application (each opening by an officer is an audit line).
/// </summary>
internal sealed class ApplicationMaterials(
    AdmissionsDb db, IFileStore files, PersonalDataAccess personal, ICurrentAccess access, TimeProvider clock, IStringLocalizer<AdmissionsText> t)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerApplication = 20;

    /// <summary>The multipart body of one upload: the file and a little form.</summary>
    public const long MaxRequestBytes = MaxBytes + 64 * 1024;

    public static IReadOnlyList<FileKind> Allowed => FileKinds.ScansAndPictures;

    public async Task<IReadOnlyList<MaterialRow>> ListAsync(long applicationId, CancellationToken ct = default) =>
        await db.Materials.AsNoTracking().Where(m => m.ApplicationId == applicationId).OrderBy(m => m.Id)
            .Select(m => new MaterialRow(m.Id, m.Kind, m.FileName, m.MediaType, m.Length, m.UploadedAt)).ToListAsync(ct);

    /// <summary>Adds a file to one of the parent's own applications. Nothing is stored on any refusal.</summary>
    /// <summary>Why an upload was refused, as the page names it (Material.{Problem} in the resources).</summary>
    public static class Problems
    {
        public const string NotEditable = "NotEditable";
        public const string Kind = "Kind";
        public const string TooMany = "TooMany";
        public const string NoFile = "NoFile";
        public const string Empty = "Empty";
        public const string TooLarge = "TooLarge";
        public const string Type = "Type";

        /// <summary>Every refusal: a page names only these (the code comes back in the address).</summary>
        public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { NotEditable, Kind, TooMany, NoFile, Empty, TooLarge, Type };
    }

    /// <summary>
    /// Adds a file to one of the parent's own applications: its id, or the refusal (<see cref="Problems"/>; the message
    /// in the caller's language). Nothing is stored on any refusal. Null when the application is not theirs.
    /// </summary>
    public async Task<(long? Id, string? Problem, string? Message)?> AddAsync(long applicationId, string? kind, string? fileName, long length, Stream? content, CancellationToken ct = default)
    {
        var application = await OwnAsync(applicationId, ct);
        if (application is null)
        {
            return null;
        }
        var problem = !application.FamilyMayEdit ? Problems.NotEditable
            : kind is null || !MaterialKinds.All.Contains(kind) ? Problems.Kind
            : content is null ? Problems.NoFile
            : await db.Materials.CountAsync(m => m.ApplicationId == applicationId, ct) >= MaxPerApplication ? Problems.TooMany
            : null;
        FileCheck check = default;
        if (problem is null)
        {
            check = FileKinds.Check(await FileKinds.ReadHeadAsync(content!, ct), length, Allowed, MaxBytes);
            problem = check.Problem switch
            {
                FileProblem.None => null,
                FileProblem.Empty => Problems.Empty,
                FileProblem.TooLarge => Problems.TooLarge,
                _ => Problems.Type,
            };
        }
        if (problem is not null)
        {
            return (null, problem, Message(problem));
        }
        var name = FileKinds.CleanName(fileName);
        // The head was read from the stream; store the whole file from its start.
        content!.Position = 0;
        var stored = await files.PutAsync(content, ct);
        var material = new ApplicationMaterial
        {
            ApplicationId = applicationId, Kind = kind!, FileHash = stored.Hash, MediaType = check.Kind!.MediaType, Length = stored.Length,
            FileName = name, UploadedAt = clock.GetUtcNow(),
        };
        db.Materials.Add(material);
        db.Events.Add(new ApplicationEvent { ApplicationId = applicationId, At = material.UploadedAt, Kind = "material-added", Actor = "family", Note = name });
        await db.SaveChangesAsync(ct);
        return (material.Id, null, null);
    }

    /// <summary>The refusal's message in the caller's language.</summary>
    public string Message(string problem) =>
        string.Format(CultureInfo.CurrentCulture, t[$"Material.{problem}"], MaxBytes / 1024 / 1024, MaxPerApplication);

    /// <summary>Removes one of the family's files while they may change the application.</summary>
    public async Task<Outcome<long>> RemoveAsync(long materialId, CancellationToken ct = default)
    {
        var material = await db.Materials.FirstOrDefaultAsync(m => m.Id == materialId, ct);
        var application = material is null ? null : await OwnAsync(material.ApplicationId, ct);
        if (material is null || application is null)
        {
            return Outcome<long>.NotFound(t["Material.NotFound"]);
        }
        if (!application.FamilyMayEdit)
        {
            return Outcome<long>.Conflict(t["Apply.NotEditable"]);
        }
        db.Materials.Remove(material);
        db.Events.Add(new ApplicationEvent { ApplicationId = application.Id, At = clock.GetUtcNow(), Kind = "material-removed", Actor = "family", Note = material.FileName });
        await db.SaveChangesAsync(ct);
        await ForgetIfUnusedAsync(material.FileHash, ct);
        return Outcome<long>.Ok(application.Id);
    }

    /// <summary>
    /// A material's file for its family, or for an officer whose scope holds the application (audited); null otherwise.
    /// </summary>
    public async Task<MaterialFile?> OpenAsync(long materialId, CancellationToken ct = default)
    {
        var material = await db.Materials.AsNoTracking().FirstOrDefaultAsync(m => m.Id == materialId, ct);
        if (material is null)
        {
            return null;
        }
        // The application through the kernel's filter: its family, or staff whose scope holds its review unit.
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == material.ApplicationId, ct);
        if (application is null || (access.Current.ParentAccountId is null && application.Status == ApplicationStatus.Draft))
        {
            return null;
        }
        if (access.Current.ParentAccountId is null)
        {
            if ((await ScopeWriteGuard.WithinScopeAsync(db, access.Current, Permissions.AdmissionsReview, [application.OrgUnitId], ct)).Count == 0)
            {
                return null;
            }
            await personal.RecordUnmaskedReadAsync("AdmissionMaterial", [material.Id], ct);
        }
        var stream = await files.OpenAsync(material.FileHash, ct);
        return stream is null ? null : new MaterialFile(stream, material.MediaType, material.FileName);
    }

    /// <summary>Deletes a stored file once no material names its hash (one file can back several rows).</summary>
    public async Task ForgetIfUnusedAsync(string hash, CancellationToken ct = default)
    {
        if (!await db.Materials.AnyAsync(m => m.FileHash == hash, ct))
        {
            await files.DeleteAsync(hash, ct);
        }
    }

    private Task<Application?> OwnAsync(long applicationId, CancellationToken ct)
    {
        var parent = access.Current.ParentAccountId ?? throw new InvalidOperationException("Only a signed-in parent adds or removes materials.");
        return db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.ParentAccountId == parent, ct);
    }
}
