using Microsoft.AspNetCore.Http;

namespace Qedu.Teachers.Features.Reports;

/// <summary>A request's files as the channel takes them (seekable streams over the buffered form), and their closing after.</summary>
internal static class ReportUploads
{
    public static IReadOnlyList<ReportUpload> From(IFormFileCollection files) =>
        [.. files.Where(f => f.Length > 0 || !string.IsNullOrEmpty(f.FileName)).Select(f => new ReportUpload(f.FileName, f.Length, f.OpenReadStream()))];

    public static async Task CloseAsync(IReadOnlyList<ReportUpload> uploads)
    {
        foreach (var upload in uploads)
        {
            await upload.Content.DisposeAsync();
        }
    }
}
