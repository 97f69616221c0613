using NetArchTest.Rules;

namespace Qedu.Architecture.Tests;

/// <summary>
/// Qedu.Documents, the PDF printer every module shares (docs/ARCHITECTURE.md, "The rooms"): below the kernel and the
/// modules, so any module can use it and it can use none of them; no database, no web, no network, no clock. It is not
/// pure like Qedu.Allocation: it reads one thing from disk, the font file, and only in <c>CjkFont</c>; everything else
/// writes to the stream it is given.
/// </summary>
public sealed class SharedLibraryTests
{
    private const string Documents = "Qedu.Documents";
    private const string FontLoader = "Qedu.Documents.CjkFont";

    [Fact]
    public void The_document_library_uses_no_application_code_database_web_network_or_clock()
    {
        var assembly = Solution.Load(Documents);

        var failures = assembly.GetReferencedAssemblies()
            .Where(r => !Solution.IsBaseLibrary(r)
                && !r.Name!.StartsWith("SkiaSharp", StringComparison.Ordinal)
                && r.Name is not ("Microsoft.Extensions.Configuration.Abstractions" or "Microsoft.Extensions.DependencyInjection.Abstractions"))
            .Select(r => $"references {r.Name}")
            .ToList();
        var result = Types.InAssembly(assembly).ShouldNot().HaveDependencyOnAny(
                "Qedu.Kernel", "Qedu.Modules", "Qedu.Ui", "Qedu.Web", "Qedu.Cli", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore",
                "System.Net", "System.TimeProvider", "System.Diagnostics.Process")
            .GetResult();
        failures.AddRange((result.FailingTypeNames ?? []).Select(name => $"{name} uses application code, a database, the web, the network or the clock"));

        Assert.True(failures.Count == 0, $"{Documents} must stay a library any module can use:\n  {string.Join("\n  ", failures)}");
    }

    [Fact]
    public void Only_the_font_loader_reads_from_disk()
    {
        var assembly = Solution.Load(Documents);
        string[] disk = ["System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.FileInfo", "System.IO.DirectoryInfo"];

        var readers = Types.InAssembly(assembly).That().HaveDependencyOnAny(disk).GetTypes().Select(t => t.FullName!).ToList();

        // The witness: the loader is seen reading the font, so the rule can see a read where there is one.
        Assert.Contains(FontLoader, readers);
        Assert.True(readers.All(name => name == FontLoader), $"Only {FontLoader} may touch the disk; also: {string.Join(", ", readers.Where(n => n != FontLoader))}");
    }
}
