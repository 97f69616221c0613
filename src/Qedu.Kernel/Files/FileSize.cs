using System.Globalization;

namespace Qedu.Kernel.Files;

/// <summary>A size in bytes as people read it in a message: "1.5 MB", "12 KB".</summary>
public static class FileSize
{
    public static string Describe(long bytes) =>
        bytes >= 1 << 20
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");
}
