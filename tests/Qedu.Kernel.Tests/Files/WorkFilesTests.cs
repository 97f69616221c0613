using Qedu.Kernel.Files;

namespace Qedu.Kernel.Tests.Files;

/// <summary>Uploads wait in a private directory: owner-only, emptied at start, files owner-only.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class WorkFilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("qedu-work-test-").FullName;

    [Fact]
    public void Prepare_makes_the_directory_owner_only_and_removes_what_a_crash_left()
    {
        var directory = Path.Combine(_root, "work");
        Directory.CreateDirectory(directory);
        File.SetUnixFileMode(directory, (UnixFileMode)Convert.ToInt32("777", 8));
        File.WriteAllText(Path.Combine(directory, "left-by-a-crash.csv"), "学籍号,姓名");
        Directory.CreateDirectory(Path.Combine(directory, "half-unpacked"));
        var work = new WorkFiles(directory);

        work.Prepare();

        Assert.Empty(Directory.EnumerateFileSystemEntries(directory));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(directory));
    }

    [Fact]
    public void Files_are_owner_only_and_scratch_files_go_when_closed()
    {
        var work = new WorkFiles(Path.Combine(_root, "w2"));
        work.Prepare();
        var path = work.NewPath(".csv");

        using (var file = WorkFiles.Create(path))
        {
            file.WriteByte(1);
        }
        string scratchPath;
        using (var scratch = work.CreateScratch())
        {
            scratchPath = scratch.Name;
            Assert.True(File.Exists(scratchPath));
        }

        Assert.StartsWith(work.Directory, path, StringComparison.Ordinal);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.False(File.Exists(scratchPath));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
