using Microsoft.EntityFrameworkCore;
using Qedu.Family.Data;
using Qedu.Family.Domain;
using Qedu.Kernel.Files;

namespace Qedu.Family.Courses;

/// <summary>A material's file as uploaded (multipart).</summary>
internal sealed record MaterialUpload(string FileName, long Length, Stream Content);

/// <summary>
/// What a session's material may be: handouts, slides and recordings (PDF, Word, PowerPoint, MP4, PNG, JPEG) up to
/// <see cref="MaxMegabytes"/>, the first bytes matching the kind the name says; and how one is read back.
/// </summary>
internal static class CourseFiles
{
    public const int MaxMegabytes = 100;

    public const long MaxBytes = MaxMegabytes * 1024L * 1024;

    public static readonly IReadOnlyList<FileKind> Kinds =
        [.. FileKinds.All.Where(k => !k.IsText && k.Extensions.Any(e => e is ".pdf" or ".docx" or ".pptx" or ".mp4" or ".png" or ".jpg"))];

    public static string Accept => FileKinds.Accept(Kinds);

    /// <summary>A material's stored file, or null when it is a link or its content is gone.</summary>
    public static async Task<(string FileName, string MediaType, Stream Content)?> OpenAsync(
        FamilyDb db, IFileStore store, long courseId, long materialId, bool pastScope, CancellationToken ct)
    {
        var materials = pastScope ? db.CourseMaterials.IgnoreQueryFilters([Kernel.Access.ScopeFilter.Name]) : db.CourseMaterials;
        var material = await materials.AsNoTracking().SingleOrDefaultAsync(m => m.Id == materialId && m.CourseId == courseId, ct);
        return material is { FileHash: { } hash } && await store.OpenAsync(hash, ct) is { } content
            ? (material.FileName ?? "material", material.MediaType ?? "application/octet-stream", content)
            : null;
    }

    /// <summary>A session's materials for a page: title, file name or link, newest last.</summary>
    public static async Task<IReadOnlyList<MaterialLine>> LinesAsync(IQueryable<CourseMaterial> materials, IReadOnlyCollection<long> courseIds, CancellationToken ct) =>
        await materials.AsNoTracking().Where(m => courseIds.Contains(m.CourseId)).OrderBy(m => m.Id)
            .Select(m => new MaterialLine(m.Id, m.CourseId, m.Title, m.FileName, m.Length, m.Url)).ToListAsync(ct);
}

/// <summary>A material as pages list it: a file (name and size) or a link.</summary>
internal sealed record MaterialLine(long Id, long CourseId, string Title, string? FileName, long? Length, string? Url);
