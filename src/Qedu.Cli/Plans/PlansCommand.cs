using System.CommandLine;
using System.Text;
using Qedu.Plans.Features.Import;

namespace Qedu.Cli.Plans;

/// <summary>
/// <c>qedu plans import --file DOC.txt [--out plan.json]</c>: a plan document (text in UTF-8 or GB18030, or .docx) to
/// the import JSON contract. No database. Exit 2 for a file that cannot be read or is not a plan, 3 when the output
/// cannot be written.
/// </summary>
internal static class PlansCommand
{
    public const int BadInput = 2;

    internal static Command Create()
    {
        var file = new Option<string>("--file")
        {
            Description = "Plan document: .txt (UTF-8 or GB18030) or .docx",
            Required = true,
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the JSON here instead of standard output",
        };
        var import = new Command("import", "Import a plan document into sections, tasks, units, deadlines, milestones and targets (JSON)")
        {
            file, output,
        };
        import.SetAction(parse => Import(
            parse.InvocationConfiguration.Output,
            parse.InvocationConfiguration.Error,
            parse.GetRequiredValue(file),
            parse.GetValue(output)));
        return new Command("plans", "Policy plans (M3)") { import };
    }

    internal static int Import(TextWriter output, TextWriter error, string path, string? outPath)
    {
        PlanDocument document;
        try
        {
            document = Read(path);
        }
        catch (PlanInputException e)
        {
            error.WriteLine($"qedu plans import: {e.Message}");
            return BadInput;
        }

        var json = PlanJson.Serialize(document);
        if (outPath is null)
        {
            output.WriteLine(json);
            return 0;
        }
        try
        {
            File.WriteAllText(outPath, json + "\n", new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            error.WriteLine($"qedu plans import: 无法写入输出文件 {outPath} / cannot write output {outPath}: {e.Message}");
            return Program.Failed;
        }
        var tasks = document.AllTasks().ToList();
        error.WriteLine($"qedu plans import: {path}: {tasks.Count} 项任务 / tasks, {document.UnmatchedUnits.Count} 个未匹配单位 / unmatched units → {outPath}");
        return 0;
    }

    private static PlanDocument Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "文件不存在 / file not found" : $"无法读取 / cannot be read ({e.Message})";
            throw new PlanInputException($"{path}: {reason}");
        }
        if (bytes.Length == 0)
        {
            throw new PlanInputException($"{path}: 文件为空 / the file is empty");
        }

        string text;
        try
        {
            text = PlanText.Read(bytes);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or FormatException)
        {
            throw new PlanInputException($"{path}: 不是可读取的文本或 .docx 文件 / not a readable text or .docx file ({e.Message})");
        }
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            throw new PlanInputException($"{path}: 不是文本文件 / not a text file");
        }

        var document = new PlanDocumentParser().Parse(text);
        if (!document.AllTasks().Any())
        {
            throw new PlanInputException($"{path}: 未找到编号的任务，不像是规划文件 / no numbered tasks found, this does not look like a plan");
        }
        return document;
    }

    private sealed class PlanInputException(string message) : Exception(message);
}
