using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Qedu.Allocation;
using Qedu.Kernel.Files;
using Qedu.Cli.Hosting;

namespace Qedu.Cli.Allocate;

/// <summary>
/// <c>qedu allocate</c>: runs an admission allocation on CSV files. The file formats, the output row order, the
/// one JSON line on stderr and exit code 2 for bad input are a contract other tools check.
/// </summary>
internal static class AllocateCommand
{
    private static readonly IReadOnlyDictionary<string, Mechanism> Mechanisms = PublishedAudit.Mechanisms;

    private static readonly IReadOnlyDictionary<string, TieBreaking> TieBreakings = PublishedAudit.TieBreakings;


    internal static Command Create()
    {
        var mechanism = new Option<string>("--mechanism")
        {
            Description = "Allocation mechanism",
            Required = true,
        };
        mechanism.AcceptOnlyFromAmong([.. Mechanisms.Keys]);
        var programs = new Option<string>("--programs")
        {
            Description = "CSV with program_id,school_id,capacity",
            Required = true,
        };
        var applicants = new Option<string>("--applicants")
        {
            Description = "CSV with applicant_id,choices,score,tiebreak (choices and tiebreak joined by '|')",
            Required = true,
        };
        var priorities = new Option<string?>("--priorities")
        {
            Description = "CSV with program_id,applicant_id,group,points; when given, applicants are only eligible where a row exists",
        };
        var seed = new Option<string>("--seed")
        {
            Description = "Published lottery seed",
            Required = true,
        };
        var tieBreaking = new Option<string>("--tie-breaking")
        {
            Description = "One lottery per applicant (single) or per applicant and program (multiple)",
            DefaultValueFactory = _ => "single",
        };
        tieBreaking.AcceptOnlyFromAmong([.. TieBreakings.Keys]);
        var output = new Option<string>("--out")
        {
            Description = "Output CSV with applicant_id,program_id in applicant order (program_id empty when unplaced)",
            Required = true,
        };
        var audit = new Option<string?>("--audit")
        {
            Description = "Also write a JSON audit record (input and output digests, seed, mechanism) for publication",
        };

        var command = new Command("allocate", "Allocate admission seats to applicants from CSV files")
        {
            mechanism, programs, applicants, priorities, seed, tieBreaking, output, audit,
        };
        command.SetAction(parseResult => Run(
            parseResult.InvocationConfiguration.Error,
            parseResult.GetRequiredValue(programs),
            parseResult.GetRequiredValue(applicants),
            parseResult.GetValue(priorities),
            new AllocationOptions(
                Mechanisms[parseResult.GetRequiredValue(mechanism)],
                parseResult.GetRequiredValue(seed),
                TieBreakings[parseResult.GetRequiredValue(tieBreaking)]),
            parseResult.GetRequiredValue(output),
            parseResult.GetValue(audit)));
        return command;
    }

    internal static int Run(
        TextWriter error, string programsPath, string applicantsPath, string? prioritiesPath,
        AllocationOptions options, string outputPath, string? auditPath)
    {
        var watch = Stopwatch.StartNew();
        AllocationProblem problem;
        try
        {
            problem = AllocationInput.Read(programsPath, applicantsPath, prioritiesPath);
        }
        catch (InputException e)
        {
            error.WriteLine($"qedu allocate: {e.Message}");
            return ExitCodes.BadInput;
        }

        TimeSpan parse = watch.Elapsed;
        AllocationResult result = Allocator.Run(problem, options);
        TimeSpan allocate = watch.Elapsed - parse;

        try
        {
            WriteAtomically(outputPath, stream => WriteAssignments(stream, result));
            if (auditPath is not null)
            {
                byte[] json = AuditJson(result, programsPath, applicantsPath, prioritiesPath, outputPath);
                WriteAtomically(auditPath, stream => stream.Write(json));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"qedu allocate: cannot write output: {e.Message}");
            return ExitCodes.Failed; // the work could not be done, as for an unreachable database
        }

        error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $$"""{"applicants":{{problem.ApplicantCount}},"placed":{{result.PlacedCount}},"parse_ms":{{Math.Round(parse.TotalMilliseconds)}},"allocate_ms":{{Math.Round(allocate.TotalMilliseconds)}}}"""));
        return ExitCodes.Done;
    }

    /// <summary>Writes next to the target and moves into place, so a failed run never leaves a partial file.</summary>
    private static void WriteAtomically(string path, Action<Stream> write)
    {
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteAssignments(Stream stream, AllocationResult result)
    {
        AllocationProblem problem = result.Problem;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write("applicant_id,program_id\n");
        for (int a = 0; a < problem.ApplicantCount; a++)
        {
            int p = result.GetProgram(a);
            CsvRecords.WriteRecord(writer, [problem.GetApplicantId(a), p >= 0 ? problem.GetProgramId(p) : null], "\n");
        }
    }

    /// <summary>The published audit file (<see cref="PublishedAudit"/>) of the run and the files it read and wrote.</summary>
    private static byte[] AuditJson(AllocationResult result, string programs, string applicants, string? priorities, string output) =>
        PublishedAudit.Json(result, FileSha256(programs), FileSha256(applicants), priorities is null ? null : FileSha256(priorities), FileSha256(output));

    private static string FileSha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
