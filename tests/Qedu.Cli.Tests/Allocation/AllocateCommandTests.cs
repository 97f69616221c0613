using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Qedu.Cli.Hosting;

namespace Qedu.Cli.Tests.Allocation;

/// <summary>
/// The <c>qedu allocate</c> contract, through the real command tree: the files it reads, the rows it writes, the one
/// JSON line on stderr, and exit code 2 naming file, line and field on bad input with no output written.
/// </summary>
public sealed class AllocateCommandTests : IDisposable
{
    private const string Programs = """
        program_id,school_id,capacity
        X,S1,1
        Y,S1,2
        Q,S2,0

        """;

    // a3 has no score (= 0); "a,4" needs quoting and has a missing first tie-break value.
    private const string Applicants = """
        applicant_id,choices,score,tiebreak
        a1,X|Y,90,
        a2,X,95.5,1|2
        a3,Y|X,,
        "a,4",Y,80,|5
        a5,Q|X,70,

        """;

    // a3 has no row at X and a5 none at Q: those choices are skipped. Empty points are 0.
    private const string Priorities = """
        program_id,applicant_id,group,points
        X,a1,0,
        X,a2,1,
        Y,a1,0,
        Y,a3,0,2.5
        Y,"a,4",0,
        X,a5,0,

        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("qedu-allocate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, string content, bool bom = false, bool crlf = false)
    {
        string path = Path.Combine(_dir, name);
        string text = crlf ? content.ReplaceLineEndings("\r\n") : content.ReplaceLineEndings("\n");
        File.WriteAllText(path, text, new UTF8Encoding(bom));
        return path;
    }

    private string Out => Path.Combine(_dir, "assignments.csv");

    private sealed record Run(int ExitCode, string Stdout, string Stderr);

    private static Run Invoke(params string[] args)
    {
        CliRun run = Cli.RunAsync(args).GetAwaiter().GetResult(); // the command itself is synchronous
        return new Run(run.ExitCode, run.Output, run.Error);
    }

    private Run Allocate(string mechanism = "deferred-acceptance", bool priorities = true, string seed = "2026", params string[] extra)
    {
        var args = new List<string>
        {
            "allocate", "--mechanism", mechanism,
            "--programs", Path.Combine(_dir, "programs.csv"),
            "--applicants", Path.Combine(_dir, "applicants.csv"),
            "--seed", seed, "--out", Out,
        };
        if (priorities)
        {
            args.AddRange(["--priorities", Path.Combine(_dir, "priorities.csv")]);
        }

        args.AddRange(extra);
        return Invoke([.. args]);
    }

    private void WriteSample()
    {
        Write("programs.csv", Programs);
        Write("applicants.csv", Applicants);
        Write("priorities.csv", Priorities);
    }

    private static JsonElement SingleJsonLine(string stderr)
    {
        string[] lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        string line = Assert.Single(lines).TrimEnd('\r');
        return JsonDocument.Parse(line).RootElement;
    }

    [Fact]
    public void Deferred_acceptance_writes_one_row_per_applicant_in_input_order()
    {
        WriteSample();

        Run run = Allocate();

        Assert.Equal(0, run.ExitCode);
        // a1 (group 0) beats a2 (group 1, higher score) at X; a3 (2.5 points) and "a,4" fill Y; a5 has no
        // eligible choice with a seat; a2 had only X.
        Assert.Equal("applicant_id,program_id\na1,X\na2,\na3,Y\n\"a,4\",Y\na5,\n", File.ReadAllText(Out));
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public void The_mechanisms_and_the_priorities_file_change_the_result_as_the_rules_say()
    {
        WriteSample();
        Assert.Equal(0, Allocate("serial-dictatorship").ExitCode);
        // Serial order by score: a2 (95.5) takes X although group 1; a1 then Y; "a,4" the last Y seat.
        Assert.Equal("applicant_id,program_id\na1,Y\na2,X\na3,\n\"a,4\",Y\na5,\n", File.ReadAllText(Out));

        Assert.Equal(0, Allocate("deferred-acceptance", priorities: false).ExitCode);
        // Everyone eligible everywhere, ranked by score: a2 gets X, a1 and "a,4" outrank a3 at Y.
        Assert.Equal("applicant_id,program_id\na1,Y\na2,X\na3,\n\"a,4\",Y\na5,\n", File.ReadAllText(Out));

        Write("programs.csv", "program_id,school_id,capacity\nX,S,1\nY,S,1\n");
        Write("applicants.csv", "applicant_id,choices,score,tiebreak\nA,X|Y,80,\nB,X,90,\nC,Y,70,\n");
        Assert.Equal(0, Allocate("immediate-acceptance", priorities: false).ExitCode);
        // Boston: C's first-choice admission at Y is final, so A, rejected at X in round 1, finds Y full.
        Assert.Equal("applicant_id,program_id\nA,\nB,X\nC,Y\n", File.ReadAllText(Out));
        Assert.Equal(0, Allocate("deferred-acceptance", priorities: false).ExitCode);
        Assert.Equal("applicant_id,program_id\nA,Y\nB,X\nC,\n", File.ReadAllText(Out));
    }

    [Fact]
    public void Stderr_carries_exactly_one_JSON_line_with_the_counts_and_timings()
    {
        WriteSample();

        Run run = Allocate();

        JsonElement json = SingleJsonLine(run.Stderr);
        Assert.Equal(5, json.GetProperty("applicants").GetInt32());
        Assert.Equal(3, json.GetProperty("placed").GetInt32());
        Assert.True(json.GetProperty("parse_ms").GetDouble() >= 0);
        Assert.True(json.GetProperty("allocate_ms").GetDouble() >= 0);
        Assert.Equal(["applicants", "placed", "parse_ms", "allocate_ms"], json.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void The_lottery_is_SHA_256_of_seed_and_id_and_multiple_tie_breaking_adds_the_program()
    {
        Write("programs.csv", "program_id,school_id,capacity\nX,S,1\n");
        Write("applicants.csv", "applicant_id,choices,score,tiebreak\nA,X,1,\nB,X,1,\n");
        // A seed where the single and the per-program lottery pick different winners.
        string seed = Enumerable.Range(0, 200).Select(i => $"seed-{i}").First(s =>
            (Lottery($"{s}|A") < Lottery($"{s}|B")) != (Lottery($"{s}|X|A") < Lottery($"{s}|X|B")));
        string single = Lottery($"{seed}|A") < Lottery($"{seed}|B") ? "A" : "B";
        string multiple = single == "A" ? "B" : "A";

        Assert.Equal(0, Allocate(priorities: false, seed: seed).ExitCode);
        Assert.Contains($"\n{single},X\n", File.ReadAllText(Out));
        Assert.Equal(0, Allocate(priorities: false, seed: seed, extra: ["--tie-breaking", "multiple"]).ExitCode);
        Assert.Contains($"\n{multiple},X\n", File.ReadAllText(Out));

        static ulong Lottery(string text) =>
            System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Byte_order_marks_CRLF_line_ends_and_reordered_columns_are_read_alike()
    {
        Write("programs.csv", "capacity,program_id,school_id\n1,X,S1\n2,Y,S1\n0,Q,S2\n", bom: true, crlf: true);
        Write("applicants.csv", Applicants, bom: true, crlf: true);
        Write("priorities.csv", Priorities, crlf: true);

        Assert.Equal(0, Allocate().ExitCode);
        Assert.Equal("applicant_id,program_id\na1,X\na2,\na3,Y\n\"a,4\",Y\na5,\n", File.ReadAllText(Out));
    }

    public static TheoryData<string, string, string, string> BadInputs => new()
    {
        // file to replace, its content, the expected "file: line N, field F" text, and what the message says
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,1,\na2,X|Nope,1,\n", "applicants.csv: line 3, field choices", "unknown program 'Nope'" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,1,\na1,Y,1,\n", "applicants.csv: line 3, field applicant_id", "duplicate applicant id 'a1'" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,9o,\n", "applicants.csv: line 2, field score", "malformed number '9o'" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,1,90|x\n", "applicants.csv: line 2, field tiebreak", "malformed number 'x'" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,\"1,5\",\n", "applicants.csv: line 2, field score", "malformed number '1,5'" },
        { "applicants.csv", "applicant_id,choices,tiebreak\na1,X,\n", "applicants.csv: line 1, field score", "missing column 'score'" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X,1\n", "applicants.csv: line 2, field tiebreak", "missing field" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\na1,X|X,1,\n", "applicants.csv: line 2, field choices", "twice" },
        { "applicants.csv", "applicant_id,choices,score,tiebreak\n,X,1,\n", "applicants.csv: line 2, field applicant_id", "id is empty" },
        { "programs.csv", "program_id,school_id,capacity\nX,S1,1\nX,S1,2\n", "programs.csv: line 3, field program_id", "duplicate program id 'X'" },
        { "programs.csv", "program_id,school_id,capacity\nX,S1,-1\n", "programs.csv: line 2, field capacity", "negative" },
        { "programs.csv", "program_id,school_id,capacity\nX,S1,ten\n", "programs.csv: line 2, field capacity", "malformed integer 'ten'" },
        { "programs.csv", "program_id,school_id\nX,S1\n", "programs.csv: line 1, field capacity", "missing column 'capacity'" },
        { "programs.csv", "", "programs.csv: line 1, field program_id", "the file is empty" },
        // A quoted school id spanning two lines pushes the bad row to line 4.
        { "programs.csv", "program_id,school_id,capacity\nX,\"S1\nannex\",1\nY,S1,1.5\n", "programs.csv: line 4, field capacity", "malformed integer '1.5'" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,\nX,nobody,0,\n", "priorities.csv: line 3, field applicant_id", "unknown applicant 'nobody'" },
        { "priorities.csv", "program_id,applicant_id,group,points\nZ,a1,0,\n", "priorities.csv: line 2, field program_id", "unknown program 'Z'" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,,\n", "priorities.csv: line 2, field group", "an integer is required" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,1.2.3\n", "priorities.csv: line 2, field points", "malformed number '1.2.3'" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,\nX,a1,1,\n", "priorities.csv: line 3, field applicant_id", "duplicate priority" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,\"a1\"x,0,\n", "priorities.csv: line 2", "malformed CSV" },
        // The first bad row is reported even when a later one in the same read-ahead batch is bad in another way.
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,\nX,a1,1,\nX,a2,x,\n", "priorities.csv: line 3, field applicant_id", "duplicate priority" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,\nX,a1,1,\nX,\"a2\"x,0,\n", "priorities.csv: line 3, field applicant_id", "duplicate priority" },
        { "priorities.csv", "program_id,applicant_id,group,points\nX,a1,0,\nX,nobody,1,\nX,a2\n", "priorities.csv: line 3, field applicant_id", "unknown applicant 'nobody'" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_exits_with_2_names_file_line_and_field_and_writes_no_output(string file, string content, string where, string what)
    {
        WriteSample();
        Write(file, content);

        Run run = Allocate();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(where, run.Stderr, StringComparison.Ordinal);
        Assert.Contains(what, run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
        Assert.Equal([], Directory.GetFiles(_dir, "*.tmp")); // nor a partial one
        Assert.False(Cli.HasStackTrace(run.Stderr), run.Stderr);
    }

    [Fact]
    public void An_output_that_cannot_be_written_exits_with_3_after_reading_everything()
    {
        WriteSample();

        Run run = Invoke("allocate", "--mechanism", "deferred-acceptance",
            "--programs", Path.Combine(_dir, "programs.csv"), "--applicants", Path.Combine(_dir, "applicants.csv"),
            "--seed", "s", "--out", Path.Combine(_dir, "no-such-folder", "assignments.csv"));

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("cannot write output", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("\"applicants\"", run.Stderr, StringComparison.Ordinal); // no success line
    }

    [Fact]
    public void An_audit_record_can_be_written_for_publication()
    {
        WriteSample();
        string audit = Path.Combine(_dir, "audit.json");

        Assert.Equal(0, Allocate(extra: ["--audit", audit]).ExitCode);

        JsonElement record = JsonDocument.Parse(File.ReadAllText(audit)).RootElement;
        Assert.Equal("2026", record.GetProperty("seed").GetString());
        Assert.Equal("deferred-acceptance", record.GetProperty("mechanism").GetString());
        Assert.Equal("single", record.GetProperty("tie_breaking").GetString());
        Assert.Equal(3, record.GetProperty("placed").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", record.GetProperty("assignments_sha256").GetString());
        // The published files can be checked with sha256sum.
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Out))),
            record.GetProperty("files").GetProperty("assignments").GetString());
    }

    [Fact]
    public void A_missing_input_file_exits_with_2_and_names_it()
    {
        WriteSample();
        File.Delete(Path.Combine(_dir, "priorities.csv"));

        Run run = Allocate();

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("priorities.csv", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public void An_unknown_mechanism_is_refused_before_anything_is_read_or_written()
    {
        WriteSample();

        Run run = Allocate("lottery-only");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("lottery-only", run.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    [Fact]
    public void The_qedu_process_itself_keeps_the_contract()
    {
        // Out of process once, so the exit code and the stderr line are the ones another tool sees.
        WriteSample();
        string qedu = Path.Combine(AppContext.BaseDirectory, "qedu.dll");

        (int exit, string stdout, string stderr) = RunProcess(qedu, "allocate", "--mechanism", "deferred-acceptance",
            "--programs", Path.Combine(_dir, "programs.csv"), "--applicants", Path.Combine(_dir, "applicants.csv"),
            "--priorities", Path.Combine(_dir, "priorities.csv"), "--seed", "2026", "--out", Out);
        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Equal(5, SingleJsonLine(stderr).GetProperty("applicants").GetInt32());
        Assert.Equal("applicant_id,program_id\na1,X\na2,\na3,Y\n\"a,4\",Y\na5,\n", File.ReadAllText(Out));

        File.Delete(Out);
        Write("programs.csv", "program_id,school_id,capacity\nX,S1,-3\n");
        (exit, _, stderr) = RunProcess(qedu, "allocate", "--mechanism", "serial-dictatorship",
            "--programs", Path.Combine(_dir, "programs.csv"), "--applicants", Path.Combine(_dir, "applicants.csv"),
            "--seed", "2026", "--out", Out);
        Assert.Equal(2, exit);
        Assert.Contains("programs.csv: line 2, field capacity", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Out));
    }

    private static (int Exit, string Stdout, string Stderr) RunProcess(string dll, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
