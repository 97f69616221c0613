using Qedu.Kernel.Files;
using Qedu.Kernel.Access;
using Qedu.Registry.Records;

namespace Qedu.Registry.Tests;

/// <summary>Export → import into an empty registry → export again gives the same files, for every kind and both formats.</summary>
public sealed class RegistryRoundTripTests(SeededCity city) : IClassFixture<SeededCity>, IDisposable
{
    private readonly RegistryFiles _files = new();

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task Exporting_the_demo_data_importing_it_into_an_empty_registry_and_exporting_again_gives_the_same_files(string extension)
    {
        var format = extension == "csv" ? TableFormat.Csv : TableFormat.Xlsx;
        var system = AccessContext.System("test");
        var kinds = Enum.GetValues<RecordKind>();
        var first = new List<(RecordKind Kind, string Path)>();
        foreach (var kind in kinds)
        {
            first.Add((kind, await RegistryFiles.ExportAsync(city.Host, system, kind, format, _files.PathOf($"first-{kind}.{extension}"))));
        }

        await using var target = await RegistryFiles.OrgUnitsOnlyAsync();
        var report = await RegistryFiles.ImportAsync(target, system, dryRun: false, [.. first]);
        Assert.True(report.Ok, string.Join("\n", report.Errors.Take(20)));

        foreach (var (kind, path) in first)
        {
            var again = await RegistryFiles.ExportAsync(target, system, kind, format, _files.PathOf($"second-{kind}.{extension}"));
            var before = RegistryFiles.Rows(path);
            Assert.True(before.Count > 1, $"{kind}: the demo export is empty");
            Assert.Equal(before, RegistryFiles.Rows(again));
            if (format == TableFormat.Csv)
            {
                Assert.Equal(await File.ReadAllBytesAsync(path), await File.ReadAllBytesAsync(again));
            }
        }
    }

    public void Dispose() => _files.Dispose();
}
