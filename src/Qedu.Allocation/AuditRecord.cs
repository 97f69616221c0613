using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qedu.Allocation;

/// <summary>
/// What must be published with a result so anyone can verify it by re-running: SHA-256 digests of the inputs and
/// of the output, the seed, the mechanism and the tie-breaking.
/// </summary>
/// <remarks>
/// Digests are over a canonical encoding of the problem, not of the files, so they do not depend on column
/// order, quoting or number formatting: every field is written as a 4-byte big-endian length and its UTF-8
/// bytes; numbers are invariant-culture text without trailing zeros ("2.50" is "2.5"); a missing tie-break value
/// is the empty string; lists are preceded by their length. Programs: id, school id, capacity. Applicants: id,
/// score, choices (program ids), tie-break values. Priorities (the rows that matter: one per eligible choice, in
/// applicant and choice order): program id, applicant id, group, points. Assignments: applicant id, program id or
/// empty, in applicant order.
/// </remarks>
/// <param name="Format">Version of this record's encoding.</param>
/// <param name="ProgramsSha256">Digest of the programs.</param>
/// <param name="ApplicantsSha256">Digest of the applicants.</param>
/// <param name="PrioritiesSha256">Digest of the priorities; null when the run used none.</param>
/// <param name="Seed">The lottery seed.</param>
/// <param name="Mechanism">The mechanism.</param>
/// <param name="TieBreaking">The tie-breaking.</param>
/// <param name="Applicants">Number of applicants.</param>
/// <param name="Placed">Number placed.</param>
/// <param name="AssignmentsSha256">Digest of the assignments.</param>
public sealed record AuditRecord(
    string Format,
    string ProgramsSha256,
    string ApplicantsSha256,
    string? PrioritiesSha256,
    string Seed,
    Mechanism Mechanism,
    TieBreaking TieBreaking,
    int Applicants,
    int Placed,
    string AssignmentsSha256)
{
    /// <summary>The value of <see cref="Format"/> this version writes.</summary>
    public const string CurrentFormat = "qedu-allocation-audit/1";

    /// <summary>The record of a run.</summary>
    public static AuditRecord Create(AllocationResult result)
    {
        AllocationProblem problem = result.Problem;
        return new AuditRecord(
            CurrentFormat,
            DigestPrograms(problem), DigestApplicants(problem), DigestPriorities(problem),
            result.Options.Seed, result.Options.Mechanism, result.Options.TieBreaking,
            problem.ApplicantCount, result.PlacedCount, DigestAssignments(result));
    }

    /// <summary>
    /// Re-runs the allocation on <paramref name="problem"/> with this record's seed, mechanism and tie-breaking and
    /// returns the names of the fields that do not match; empty when the published result is verified.
    /// </summary>
    public IReadOnlyList<string> Verify(AllocationProblem problem)
    {
        var mismatches = new List<string>();
        if (Format != CurrentFormat)
        {
            mismatches.Add(nameof(Format));
            return mismatches;
        }

        Check(nameof(ProgramsSha256), ProgramsSha256, DigestPrograms(problem));
        Check(nameof(ApplicantsSha256), ApplicantsSha256, DigestApplicants(problem));
        Check(nameof(PrioritiesSha256), PrioritiesSha256, DigestPriorities(problem));
        AllocationResult rerun = Allocator.Run(problem, new AllocationOptions(Mechanism, Seed, TieBreaking));
        Check(nameof(Applicants), Applicants.ToString(CultureInfo.InvariantCulture), problem.ApplicantCount.ToString(CultureInfo.InvariantCulture));
        Check(nameof(Placed), Placed.ToString(CultureInfo.InvariantCulture), rerun.PlacedCount.ToString(CultureInfo.InvariantCulture));
        Check(nameof(AssignmentsSha256), AssignmentsSha256, DigestAssignments(rerun));
        return mismatches;

        void Check(string name, string? published, string? actual)
        {
            if (!string.Equals(published, actual, StringComparison.Ordinal))
            {
                mismatches.Add(name);
            }
        }
    }

    /// <summary>Digest of the programs.</summary>
    public static string DigestPrograms(AllocationProblem problem)
    {
        using var w = new CanonicalWriter();
        w.Count(problem.ProgramCount);
        for (int p = 0; p < problem.ProgramCount; p++)
        {
            w.Text(problem.ProgramIds[p]);
            w.Text(problem.SchoolIds[p]);
            w.Count(problem.Capacities[p]);
        }

        return w.Finish();
    }

    /// <summary>Digest of the applicants.</summary>
    public static string DigestApplicants(AllocationProblem problem)
    {
        using var w = new CanonicalWriter();
        w.Count(problem.ApplicantCount);
        for (int a = 0; a < problem.ApplicantCount; a++)
        {
            w.Text(problem.ApplicantIds[a]);
            w.Number(problem.Scores[a]);
            ReadOnlySpan<int> choices = problem.GetChoices(a);
            w.Count(choices.Length);
            foreach (int p in choices)
            {
                w.Text(problem.ProgramIds[p]);
            }

            ReadOnlySpan<decimal?> tiebreak = problem.GetTiebreak(a);
            w.Count(tiebreak.Length);
            foreach (decimal? value in tiebreak)
            {
                if (value is decimal v)
                {
                    w.Number(v);
                }
                else
                {
                    w.Text("");
                }
            }
        }

        return w.Finish();
    }

    /// <summary>Digest of the priorities that matter (one per eligible choice); null when none are used.</summary>
    public static string? DigestPriorities(AllocationProblem problem)
    {
        if (!problem.UsesPriorities)
        {
            return null;
        }

        using var w = new CanonicalWriter();
        for (int a = 0; a < problem.ApplicantCount; a++)
        {
            for (int s = problem.ChoiceStart[a]; s < problem.ChoiceStart[a + 1]; s++)
            {
                int cls = problem.SlotClass[s];
                if (cls >= 0)
                {
                    w.Text(problem.ProgramIds[problem.SlotProgram[s]]);
                    w.Text(problem.ApplicantIds[a]);
                    w.Count(problem.ClassGroup[cls]);
                    w.Number(problem.ClassPoints[cls]);
                }
            }
        }

        return w.Finish();
    }

    /// <summary>Digest of the assignments.</summary>
    public static string DigestAssignments(AllocationResult result)
    {
        AllocationProblem problem = result.Problem;
        using var w = new CanonicalWriter();
        w.Count(problem.ApplicantCount);
        for (int a = 0; a < problem.ApplicantCount; a++)
        {
            int p = result.GetProgram(a);
            w.Text(problem.ApplicantIds[a]);
            w.Text(p < 0 ? "" : problem.ProgramIds[p]);
        }

        return w.Finish();
    }

    /// <summary>Length-prefixed UTF-8 fields streamed into SHA-256.</summary>
    private sealed class CanonicalWriter : IDisposable
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly byte[] _buffer = new byte[1 << 16];
        private int _used;

        public void Count(int value) => Text(value.ToString(CultureInfo.InvariantCulture));

        public void Number(decimal value)
        {
            string text = value.ToString(CultureInfo.InvariantCulture);
            if (text.Contains('.', StringComparison.Ordinal))
            {
                text = text.TrimEnd('0').TrimEnd('.');
            }

            Text(text is "-0" ? "0" : text);
        }

        public void Text(string value)
        {
            int length = Encoding.UTF8.GetByteCount(value);
            if (_buffer.Length - _used < length + 4)
            {
                Flush();
            }

            if (length + 4 > _buffer.Length)
            {
                Span<byte> prefix = stackalloc byte[4];
                BinaryPrimitives.WriteInt32BigEndian(prefix, length);
                _hash.AppendData(prefix);
                _hash.AppendData(Encoding.UTF8.GetBytes(value));
                return;
            }

            BinaryPrimitives.WriteInt32BigEndian(_buffer.AsSpan(_used), length);
            _used += 4 + Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_used + 4));
        }

        public string Finish()
        {
            Flush();
            return Convert.ToHexStringLower(_hash.GetHashAndReset());
        }

        public void Dispose() => _hash.Dispose();

        private void Flush()
        {
            _hash.AppendData(_buffer, 0, _used);
            _used = 0;
        }
    }
}
