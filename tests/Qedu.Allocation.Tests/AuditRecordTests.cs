using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>A published run can be verified by re-running it from the record.</summary>
public class AuditRecordTests
{
    private static Case Sample(decimal score = 2.5m, int capacity = 1) => new Case()
        .Program("X", capacity).Program("Y", 2)
        .Applicant("A", "X|Y", score, 1m).Priority("X", "A", 0).Priority("Y", "A", 1, 3m)
        .Applicant("B", "X|Y", 2.5m, 1m).Priority("X", "B", 0).Priority("Y", "B", 1, 3m)
        .Applicant("C", "Y", 1m).Priority("Y", "C", 0);

    private static AuditRecord Record(Case instance, string seed = "2026") =>
        AuditRecord.Create(instance.Run(Mechanism.DeferredAcceptance, seed, TieBreaking.Multiple).Result);

    [Fact]
    public void The_record_holds_the_run_and_verifies_against_the_same_data()
    {
        AuditRecord record = Record(Sample());

        Assert.Equal(AuditRecord.CurrentFormat, record.Format);
        Assert.Equal("2026", record.Seed);
        Assert.Equal(Mechanism.DeferredAcceptance, record.Mechanism);
        Assert.Equal(TieBreaking.Multiple, record.TieBreaking);
        Assert.Equal((3, 3), (record.Applicants, record.Placed));
        Assert.All(new[] { record.ProgramsSha256, record.ApplicantsSha256, record.PrioritiesSha256!, record.AssignmentsSha256 },
            digest => Assert.Matches("^[0-9a-f]{64}$", digest));
        Assert.Empty(record.Verify(Sample().Build()));
    }

    [Fact]
    public void Digests_do_not_depend_on_how_numbers_were_written()
    {
        Assert.Equal(Record(Sample(score: 2.5m)), Record(Sample(score: 2.500m)));
    }

    [Fact]
    public void Changed_inputs_are_named()
    {
        AuditRecord record = Record(Sample());

        Assert.Equal(["ProgramsSha256"], record.Verify(Sample(capacity: 2).Build()).Take(1));
        Assert.Contains("ApplicantsSha256", record.Verify(Sample(score: 2.4m).Build()));
        Assert.Contains("PrioritiesSha256", record.Verify(new Case()
            .Program("X", 1).Program("Y", 2)
            .Applicant("A", "X|Y", 2.5m, 1m).Priority("X", "A", 0).Priority("Y", "A", 1, 3m)
            .Applicant("B", "X|Y", 2.5m, 1m).Priority("X", "B", 0).Priority("Y", "B", 2, 3m)
            .Applicant("C", "Y", 1m).Priority("Y", "C", 0)
            .Build()));
    }

    [Fact]
    public void A_result_that_a_re_run_does_not_reproduce_fails_on_the_assignments()
    {
        // A and B tie on everything at X, so the seed decides who gets it; find a seed that gives the other one.
        AuditRecord record = Record(Sample(), "2026");
        string otherSeed = Enumerable.Range(0, 50).Select(i => $"other-{i}")
            .First(s => Record(Sample(), s).AssignmentsSha256 != record.AssignmentsSha256);

        // A record published with a wrong seed: the inputs match, the re-run does not.
        IReadOnlyList<string> mismatches = (record with { Seed = otherSeed }).Verify(Sample().Build());

        Assert.Equal(["AssignmentsSha256"], mismatches);
        Assert.Equal(["Format"], (record with { Format = "something-else" }).Verify(Sample().Build()));
    }

    [Fact]
    public void A_run_without_priorities_has_no_priorities_digest()
    {
        AuditRecord record = AuditRecord.Create(new Case().Program("X", 1).Applicant("A", "X")
            .Run(Mechanism.SerialDictatorship).Result);

        Assert.Null(record.PrioritiesSha256);
        Assert.Empty(record.Verify(new Case().Program("X", 1).Applicant("A", "X").Build()));
        Assert.Contains("PrioritiesSha256", record.Verify(new Case().Program("X", 1).Applicant("A", "X").Priority("X", "A", 0).Build()));
    }
}
