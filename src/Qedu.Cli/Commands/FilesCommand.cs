using System.CommandLine;
using System.Security.Cryptography;
using Microsoft.Extensions.DependencyInjection;
using Qedu.Cli.Hosting;
using Qedu.Kernel.Files;

namespace Qedu.Cli.Commands;

/// <summary>
/// <c>qedu files copy --from DIR</c>: every file of a disk store (a <c>Files:StoreDirectory</c>) into this installation's
/// store: the database on PostgreSQL, so an installation that kept files on disk moves them when it goes to two nodes
/// (docs/operations.md). Each file is checked against its name (the content's SHA-256); one that does not match is
/// named and left out. Safe to run again: what is already stored is counted, not stored twice.
/// </summary>
internal static class FilesCommand
{
    public static Command Create()
    {
        var from = new Option<DirectoryInfo>("--from") { Description = "The disk store's directory (its files are DIR/xx/yy/<sha256>)", Required = true };
        var db = DbOption.Create();
        var copy = new Command("copy", "Copy every file of a disk store into this installation's file store (the database on PostgreSQL), checking each against its hash") { from, db };
        copy.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var source = parse.GetRequiredValue(from);
            if (!source.Exists)
            {
                await error.WriteLineAsync($"qedu files copy: --from {source.FullName}: 目录不存在 / no such directory.");
                return ExitCodes.BadInput;
            }
            var settings = CliServices.Resolve(parse.GetValue(db));
            await using var services = CliServices.Build(settings, "files-copy");
            var store = services.GetRequiredService<IFileStore>();
            if (store is DiskFileStore disk && Path.GetFullPath(disk.Directory) == Path.GetFullPath(source.FullName))
            {
                await error.WriteLineAsync($"qedu files copy: --from {source.FullName} 就是本系统的文件库 / is this installation's own store.");
                return ExitCodes.BadInput;
            }
            int copied = 0, present = 0, damaged = 0;
            long bytes = 0;
            foreach (var (hash, path) in new DiskFileStore(source.FullName).Files())
            {
                if (await store.ExistsAsync(hash, ct))
                {
                    present++;
                    continue;
                }
                await using var content = File.OpenRead(path);
                // Checked before it is stored: a damaged file whose bytes are another stored file's must not be put and
                // then deleted as a mistake, taking that file with it.
                if (Convert.ToHexStringLower(await SHA256.HashDataAsync(content, ct)) != hash)
                {
                    await error.WriteLineAsync($"{path}: 内容与文件名（SHA-256）不符，未复制 / content does not match its name (SHA-256), not copied.");
                    damaged++;
                    continue;
                }
                content.Position = 0;
                var stored = await store.PutAsync(content, ct);
                copied++;
                bytes += stored.Length;
            }
            await output.WriteLineAsync($"{settings.Describe()}: {copied} file(s) copied ({bytes / 1024 / 1024} MB), {present} already there, {damaged} damaged.");
            return damaged == 0 ? ExitCodes.Done : ExitCodes.CheckFailed;
        });
        return new Command("files", "Files kept by content hash") { copy };
    }
}
