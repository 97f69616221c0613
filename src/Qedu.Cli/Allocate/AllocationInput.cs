using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Qedu.Allocation;

namespace Qedu.Cli.Allocate;

/// <summary>Bad input: the message names the file, the line and the field.</summary>
internal sealed class InputException(string file, int line, string? field, string problem)
    : Exception(line <= 0 ? $"{file}: {problem}"
        : field is null ? $"{file}: line {line}: {problem}"
        : $"{file}: line {line}, field {field}: {problem}")
{
}

/// <summary>
/// Reads programs.csv, applicants.csv and (optionally) priorities.csv into an <see cref="AllocationProblem"/>,
/// validating every row; the first bad row stops the read with an <see cref="InputException"/>.
/// </summary>
internal static class AllocationInput
{
    public static AllocationProblem Read(string programsPath, string applicantsPath, string? prioritiesPath)
    {
        var builder = new AllocationProblemBuilder(usesPriorities: prioritiesPath is not null);
        ReadPrograms(builder, programsPath);
        (int rows, int bars) = CountRowsAndBars(applicantsPath);
        builder.EnsureCapacity(rows, rows + bars); // at most one choice per row more than its '|' separators
        ReadApplicants(builder, applicantsPath);
        if (prioritiesPath is not null)
        {
            ReadPriorities(builder, prioritiesPath);
        }

        return builder.Build();
    }

    /// <summary>Line breaks and '|' in a file: an upper bound on its rows and choices, found in a few milliseconds
    /// (it is in the page cache next), which spares the builder from growing and copying its arrays while reading.</summary>
    private static (int Rows, int Bars) CountRowsAndBars(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            byte[] buffer = new byte[1 << 20];
            int rows = 1, bars = 0;
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                rows += buffer.AsSpan(0, read).Count((byte)'\n');
                bars += buffer.AsSpan(0, read).Count((byte)'|');
            }

            return (rows, bars);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (0, 0); // reading it properly will report the problem
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadPrograms(AllocationProblemBuilder builder, string path)
    {
        using var file = new CsvFile(path, "program_id", "school_id", "capacity");
        while (file.Next())
        {
            string programId = file.Id(0);
            string schoolId = file[1].ToString();
            int capacity = file.Integer(2);
            try
            {
                builder.AddProgram(programId, schoolId, capacity);
            }
            catch (AllocationInputException e)
            {
                throw file.Error(e.Error == AllocationInputError.NegativeCapacity ? 2 : 0, e.Message);
            }
        }
    }

    // Read loops and the builder's row methods are compiled fully optimised at once: each runs once per file, so
    // the runtime's usual start in unoptimised code would cover much of a million-row read.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadApplicants(AllocationProblemBuilder builder, string path)
    {
        using var file = new CsvFile(path, "applicant_id", "choices", "score", "tiebreak");
        var choices = new List<int>();
        var tiebreak = new List<decimal?>();
        while (file.Next())
        {
            string applicantId = file.Id(0);
            choices.Clear();
            ReadOnlySpan<char> field = file[1];
            if (!field.IsEmpty)
            {
                foreach (Range range in field.Split('|'))
                {
                    ReadOnlySpan<char> token = field[range];
                    int program = builder.FindProgram(token);
                    if (program < 0)
                    {
                        throw file.Error(1, $"unknown program '{token}'");
                    }

                    choices.Add(program);
                }
            }

            decimal score = file[2].IsEmpty ? 0m : file.Decimal(2, file[2]);
            tiebreak.Clear();
            field = file[3];
            if (!field.IsEmpty)
            {
                foreach (Range range in field.Split('|'))
                {
                    ReadOnlySpan<char> token = field[range];
                    tiebreak.Add(token.IsEmpty ? null : file.Decimal(3, token)); // empty = missing value
                }
            }

            try
            {
                builder.AddApplicant(applicantId, CollectionsMarshal.AsSpan(choices), score, CollectionsMarshal.AsSpan(tiebreak));
            }
            catch (AllocationInputException e)
            {
                throw file.Error(e.Error == AllocationInputError.DuplicateChoice ? 1 : 0, e.Message);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void ReadPriorities(AllocationProblemBuilder builder, string path)
    {
        using var file = new CsvFile(path, "program_id", "applicant_id", "group", "points");
        // Rows go to the builder in batches, which lets it overlap their memory look-ups (see PriorityBatch). A bad
        // row found while parsing is reported only after the rows before it have been added, so the first bad
        // row of the file is the one reported, as without batches.
        const int BatchSize = 64;
        var batch = new PriorityBatch(BatchSize);
        int[] rowNumbers = new int[BatchSize];
        string lastProgramId = "";
        int program = -1;
        while (true)
        {
            int group;
            decimal points;
            try
            {
                if (!file.Next())
                {
                    break;
                }

                // Exports are usually grouped by program: skip the lookup while the program repeats.
                if (program < 0 || !file[0].SequenceEqual(lastProgramId))
                {
                    program = builder.FindProgram(file[0]);
                    if (program < 0)
                    {
                        throw file.Error(0, file[0].IsEmpty ? "program id is empty" : $"unknown program '{file[0]}'");
                    }

                    lastProgramId = builder.GetProgramId(program);
                }

                group = file.Integer(2);
                points = file[3].IsEmpty ? 0m : file.Decimal(3, file[3]);
            }
            catch (InputException)
            {
                Flush();
                throw;
            }

            rowNumbers[batch.Count] = file.RowNumber;
            batch.Add(program, file[1], group, points);
            if (batch.IsFull)
            {
                Flush();
            }
        }

        Flush();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void Flush()
        {
            try
            {
                builder.AddPriorities(batch);
            }
            catch (AllocationInputException e) when (e.Row >= 0)
            {
                // An unknown, empty or repeated applicant for the program: the applicant_id field is the culprit.
                throw file.ErrorAt(rowNumbers[e.Row], 1, e.Message);
            }

            batch.Clear();
        }
    }
}
