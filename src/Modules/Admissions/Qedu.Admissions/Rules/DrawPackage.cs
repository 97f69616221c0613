using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Qedu.Allocation;
using Qedu.Kernel.Files;

namespace Qedu.Admissions.Rules;

/// <summary>One program (a school's seats) of a draw, as programs.csv has it.</summary>
internal sealed record DrawProgram(string Id, int Capacity);

/// <summary>One applicant of a draw, by draw code, with the program ids it chose in order.</summary>
internal sealed record DrawApplicant(string Code, IReadOnlyList<string> Choices);

/// <summary>One priority row: where an applicant is eligible, in which group and with how many points.</summary>
internal sealed record DrawPriority(string ProgramId, string Code, int Group, decimal Points);

/// <summary>The files of a draw as published, each the exact bytes <c>qedu allocate</c> reads or writes.</summary>
internal sealed record DrawFiles(byte[] Programs, byte[] Applicants, byte[] Priorities, byte[] Result, byte[] Audit);

/// <summary>The digests a draw's audit record publishes (what <c>qedu allocate --audit</c> writes).</summary>
internal sealed record DrawDigests(
    string Programs, string Applicants, string? Priorities, string Assignments,
    string ProgramsFile, string ApplicantsFile, string? PrioritiesFile, string AssignmentsFile);

/// <summary>
/// The public draw package: the inputs in the formats of <c>qedu allocate</c> (programs.csv, applicants.csv,
/// priorities.csv, with applicants by draw code only), the result exactly as <c>--out</c> writes it, the audit record
/// exactly as <c>--audit</c> writes it (whose file digests name the stored files), and a README with the command that
/// reproduces the result. Everything in it is a code, a school id, a group or a number: no child is named.
/// </summary>
internal static class DrawPackage
{
    public const string Mechanism = "deferred-acceptance"; // a PublishedAudit.Mechanisms name
    public const string TieBreaking = "single";

    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>The problem the engine runs: built from the same rows the files are written from.</summary>
    public static AllocationProblem Problem(IReadOnlyList<DrawProgram> programs, IReadOnlyList<DrawApplicant> applicants, IReadOnlyList<DrawPriority> priorities)
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        foreach (var p in programs)
        {
            builder.AddProgram(p.Id, p.Id, p.Capacity);
        }
        foreach (var a in applicants)
        {
            builder.AddApplicant(a.Code, a.Choices);
        }
        foreach (var p in priorities)
        {
            builder.AddPriority(p.ProgramId, p.Code, p.Group, p.Points);
        }
        return builder.Build();
    }

    /// <summary>The files of a run: the inputs, the result and the audit record, byte for byte as the command line has them.</summary>
    public static DrawFiles Files(
        IReadOnlyList<DrawProgram> programs, IReadOnlyList<DrawApplicant> applicants, IReadOnlyList<DrawPriority> priorities, AllocationResult result)
    {
        var programsCsv = Csv("program_id,school_id,capacity", programs.Select(p => new[] { p.Id, p.Id, Number(p.Capacity) }));
        var applicantsCsv = Csv("applicant_id,choices,score,tiebreak", applicants.Select(a => new[] { a.Code, string.Join('|', a.Choices), "0", "" }));
        var prioritiesCsv = Csv("program_id,applicant_id,group,points",
            priorities.Select(p => new[] { p.ProgramId, p.Code, Number(p.Group), p.Points.ToString(CultureInfo.InvariantCulture) }));
        var problem = result.Problem;
        var resultCsv = Csv("applicant_id,program_id", Enumerable.Range(0, problem.ApplicantCount).Select(a =>
            new[] { problem.GetApplicantId(a), result.GetProgram(a) >= 0 ? problem.GetProgramId(result.GetProgram(a)) : null }));
        // The same document as `qedu allocate --audit` writes, so a re-run's audit file compares byte for byte.
        return new DrawFiles(programsCsv, applicantsCsv, prioritiesCsv, resultCsv,
            PublishedAudit.Json(result, FileHash.Of(programsCsv), FileHash.Of(applicantsCsv), FileHash.Of(prioritiesCsv), FileHash.Of(resultCsv)));
    }

    /// <summary>The digests of a stored audit record; null for a run made before draws were published (no file digests).</summary>
    public static DrawDigests? Digests(string auditJson)
    {
        try
        {
            if (JsonNode.Parse(auditJson) is not JsonObject o || o["files"] is not JsonObject files)
            {
                return null;
            }
            string? Text(JsonObject from, string name) => from[name]?.GetValue<string>();
            return new DrawDigests(
                Text(o, "programs_sha256") ?? "", Text(o, "applicants_sha256") ?? "", Text(o, "priorities_sha256"), Text(o, "assignments_sha256") ?? "",
                Text(files, "programs") ?? "", Text(files, "applicants") ?? "", Text(files, "priorities"), Text(files, "assignments") ?? "");
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The command that re-runs the draw in the unpacked folder, writing beside the published result.</summary>
    public static string Command(string seed) =>
        $"qedu allocate --mechanism {Mechanism} --tie-breaking {TieBreaking} --programs programs.csv --applicants applicants.csv "
        + $"--priorities priorities.csv --seed {seed} --out check-result.csv --audit check-audit.json";

    /// <summary>The one-line check of the seed against the commitment (prints the commitment when they match).</summary>
    public static string SeedCheck(string seed) => $"printf '%s' {seed} | xxd -r -p | sha256sum";

    /// <summary>README.txt: what each file is and how to check the draw, in Chinese and English.</summary>
    public static string Readme(string seasonCode, string seasonName, string commitment, DateTimeOffset committedAt, string seed, DateTimeOffset drawnAt) =>
        string.Join("\n",
        [
            $"{seasonName}（{seasonCode}）电脑随机派位公开数据包",
            $"Public draw package of {seasonCode}",
            "",
            $"承诺值 Commitment (published {SeasonText.Local(committedAt)} China time):",
            $"  {commitment}",
            $"种子 Seed (revealed at the draw, {SeasonText.Local(drawnAt)} China time):",
            $"  {seed}",
            "",
            "文件 Files",
            "  programs.csv    学校及招生计划（program_id 即学校编号）/ schools and seats (program_id is the school id)",
            "  applicants.csv  申请人派位码及志愿顺序（不含姓名、身份证号）/ applicants by draw code, with their choices in order (no names, no ID numbers)",
            "  priorities.csv  各志愿的优先类别（group）和积分（points）；无此行即不符合该校条件 / priority group and points at each choice; no row means not eligible there",
            "  result.csv      派位结果（program_id 为空即未被志愿学校录取，由区统筹）/ the result (program_id empty: not placed, the district places the child)",
            "  audit.json      审计记录：输入与结果的 SHA-256 摘要 / the audit record: SHA-256 digests of the inputs and the result",
            "",
            "核验 How to check",
            "1. 种子与承诺值一致（输出应等于上面的承诺值；承诺值是这 32 个字节的 SHA-256，不是 64 个十六进制字符的 SHA-256）",
            "   The seed matches the commitment (the output must equal the commitment above; it is SHA-256 of the 32 bytes whose hex is the seed):",
            $"   {SeedCheck(seed)}",
            "2. 用 qedu 命令行重新派位 / Re-run the draw with the qedu command line:",
            $"   {Command(seed)}",
            "3. 结果应逐字节相同（无输出即相同）；check-audit.json 中的摘要应与 audit.json 相同",
            "   The result must be identical, byte for byte (no output: identical); check-audit.json must hold the digests of audit.json:",
            "   cmp result.csv check-result.csv",
            "",
            "家长可在报名状态页看到孩子的派位码，在 result.csv 中找到对应一行。",
            "A family finds its child's draw code on the application's status page, and its line in result.csv.",
            "",
        ]);

    /// <summary>The package as a zip, its entries dated at the draw so the same draw always gives the same bytes.</summary>
    public static byte[] Zip(string readme, DrawFiles files, DateTimeOffset drawnAt)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var at = drawnAt.ToOffset(TimeSpan.FromHours(8));
            foreach (var (name, bytes) in new[]
            {
                ("README.txt", Utf8.GetBytes(readme)), ("programs.csv", files.Programs), ("applicants.csv", files.Applicants),
                ("priorities.csv", files.Priorities), ("result.csv", files.Result), ("audit.json", files.Audit),
            })
            {
                var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                entry.LastWriteTime = at;
                using var stream = entry.Open();
                stream.Write(bytes);
            }
        }
        return buffer.ToArray();
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static byte[] Csv(string header, IEnumerable<string?[]> rows)
    {
        using var buffer = new MemoryStream();
        using (var writer = new StreamWriter(buffer, Utf8))
        {
            writer.Write(header);
            writer.Write('\n');
            foreach (var row in rows)
            {
                CsvRecords.WriteRecord(writer, row, "\n");
            }
        }
        return buffer.ToArray();
    }

    /// <summary>Whether <paramref name="bytes"/> are what the digest names (a stored file is checked before it is served).</summary>
    public static bool Matches(byte[] bytes, string sha256) => string.Equals(Convert.ToHexStringLower(SHA256.HashData(bytes)), sha256, StringComparison.Ordinal);
}
