namespace Qedu.Kernel.Files;

/// <summary>
/// Where uploaded files wait while they are checked and imported: they hold children's data, so not the shared /tmp.
/// One private directory (owner only, 0700), files readable by the owner only (0600), emptied when the process starts
/// (what a crash left behind) and each file deleted by whoever made it once its request or job is done. Configuration:
/// <c>Files:WorkDirectory</c> (default <c>App_Data/work</c> beside the web host).
/// </summary>
public sealed class WorkFiles(string directory)
{
    private const UnixFileMode OwnerOnlyDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Creates the directory owner-only (or makes it so) and deletes whatever an earlier process left in it.</summary>
    public void Prepare()
    {
        if (OperatingSystem.IsWindows())
        {
            System.IO.Directory.CreateDirectory(Directory);
        }
        else
        {
            System.IO.Directory.CreateDirectory(Directory, OwnerOnlyDirectory);
            File.SetUnixFileMode(Directory, OwnerOnlyDirectory);
        }
        foreach (var leftover in System.IO.Directory.EnumerateFileSystemEntries(Directory))
        {
            if (System.IO.Directory.Exists(leftover))
            {
                System.IO.Directory.Delete(leftover, recursive: true);
            }
            else
            {
                File.Delete(leftover);
            }
        }
    }

    /// <summary>A new file's path in the directory (nothing is created yet).</summary>
    public string NewPath(string extension) => Path.Combine(Directory, $"{Guid.NewGuid():N}{extension}");

    /// <summary>Creates the file at <paramref name="path"/> (which must not exist), owner-only.</summary>
    public static FileStream Create(string path, FileOptions options = FileOptions.Asynchronous)
    {
        var settings = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.ReadWrite,
            Share = FileShare.None,
            BufferSize = 1 << 16,
            Options = options,
        };
        if (!OperatingSystem.IsWindows())
        {
            settings.UnixCreateMode = OwnerOnlyFile;
        }
        return new FileStream(path, settings);
    }

    /// <summary>A scratch file that deletes itself when closed.</summary>
    public FileStream CreateScratch() => Create(NewPath(".tmp"), FileOptions.DeleteOnClose | FileOptions.Asynchronous);
}
