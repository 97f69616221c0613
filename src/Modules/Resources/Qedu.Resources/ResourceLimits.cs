using Microsoft.Extensions.Configuration;
using Qedu.Kernel.Files;

namespace Qedu.Resources;

/// <summary>
/// What the library accepts, as settings: <c>Resources:MaxFileMegabytes</c> (default 200: a micro-lesson video) and
/// <c>Resources:FileTypes</c> (extensions among the kernel's <see cref="FileKinds"/>, default PDF, Word, PowerPoint,
/// Excel, MP4, PNG and JPEG). Every file's first bytes must match the kind its name says (<see cref="FileKinds.Check(ReadOnlySpan{byte}, long, IReadOnlyCollection{FileKind}, long, string?)"/>).
/// </summary>
internal sealed class ResourceLimits
{
    public const string DefaultTypes = ".pdf,.docx,.doc,.pptx,.ppt,.xlsx,.mp4,.png,.jpg,.jpeg";

    public ResourceLimits(IConfiguration configuration)
    {
        var megabytes = int.TryParse(configuration["Resources:MaxFileMegabytes"], out var m) && m is > 0 and <= 4096 ? m : 200;
        MaxBytes = megabytes * 1024L * 1024;
        var extensions = (configuration["Resources:FileTypes"] ?? DefaultTypes)
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(e => e.StartsWith('.') ? e : "." + e).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Kinds = [.. FileKinds.All.Where(k => !k.IsText && k.Extensions.Any(extensions.Contains))];
    }

    public long MaxBytes { get; }

    public int MaxMegabytes => (int)(MaxBytes / 1024 / 1024);

    public IReadOnlyList<FileKind> Kinds { get; }

    /// <summary>The extensions accepted, for a message and a file input's accept attribute.</summary>
    public string Accept => FileKinds.Accept(Kinds);
}
