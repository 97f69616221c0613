using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

public class LotteryTests
{
    [Theory]
    // Expected values computed outside .NET: int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], 'big').
    [InlineData("2026", "A1", 4425326997716913116UL)]
    [InlineData("种子", "申请人1", 5822573659381208912UL)]
    [InlineData("", "", 14692377918133311657UL)]
    public void The_single_lottery_is_the_first_8_bytes_big_endian_of_SHA_256_of_seed_bar_id(string seed, string id, ulong expected)
    {
        Assert.Equal(expected, Lottery.Number(seed, id));
    }

    [Fact]
    public void The_multiple_lottery_hashes_seed_bar_program_bar_id()
    {
        Assert.Equal(8301426212992787412UL, Lottery.Number("2026", "P1", "A1"));
    }

    [Fact]
    public void The_engine_draws_the_same_numbers_it_explains()
    {
        AllocationResult result = new Case().Program("P1", 1).Applicant("A1", "P1").Run(Mechanism.DeferredAcceptance, "2026", TieBreaking.Multiple).Result;
        Assert.Equal(8301426212992787412UL, result.GetRankKey(0, 0).Lottery);
    }
}

public class BuilderTests
{
    private static AllocationInputError ErrorOf(Action action) => Assert.Throws<AllocationInputException>(action).Error;

    [Fact]
    public void Bad_rows_are_rejected_as_they_are_added()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        builder.AddProgram("X", "S", 1);
        Assert.Equal(AllocationInputError.DuplicateProgram, ErrorOf(() => builder.AddProgram("X", "S", 1)));
        Assert.Equal(AllocationInputError.NegativeCapacity, ErrorOf(() => builder.AddProgram("Y", "S", -1)));
        Assert.Equal(AllocationInputError.EmptyId, ErrorOf(() => builder.AddProgram("", "S", 1)));

        builder.AddApplicant("A", ["X"]);
        Assert.Equal(AllocationInputError.DuplicateApplicant, ErrorOf(() => builder.AddApplicant("A", ["X"])));
        Assert.Equal(AllocationInputError.UnknownProgram, ErrorOf(() => builder.AddApplicant("B", ["Nope"])));
        Assert.Equal(AllocationInputError.DuplicateChoice, ErrorOf(() => builder.AddApplicant("C", ["X", "X"])));
        Assert.Equal(AllocationInputError.EmptyId, ErrorOf(() => builder.AddApplicant("", ["X"])));

        builder.AddPriority("X", "A", 0);
        Assert.Equal(AllocationInputError.DuplicatePriority, ErrorOf(() => builder.AddPriority("X", "A", 1)));
        Assert.Equal(AllocationInputError.UnknownApplicant, ErrorOf(() => builder.AddPriority("X", "Z", 0)));
        Assert.Equal(AllocationInputError.UnknownProgram, ErrorOf(() => builder.AddPriority("Nope", "A", 0)));

        // The rejected rows left nothing behind.
        AllocationProblem problem = builder.Build();
        Assert.Equal((1, 1), (problem.ProgramCount, problem.ApplicantCount));
    }

    [Fact]
    public void A_rejected_applicant_does_not_poison_the_next_one()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: false);
        builder.AddProgram("X", "S", 1);
        Assert.Throws<AllocationInputException>(() => builder.AddApplicant("A", ["X", "X"]));
        builder.AddApplicant("A", ["X"]);
        Assert.Equal("X", new Outcome(Allocator.Run(builder.Build(), new AllocationOptions(Mechanism.DeferredAcceptance, "s"))).Of("A"));
    }

    [Fact]
    public void Rows_must_come_in_order_programs_applicants_priorities()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        builder.AddProgram("X", "S", 1);
        builder.AddApplicant("A", ["X"]);
        Assert.Throws<InvalidOperationException>(() => builder.AddProgram("Y", "S", 1));
        builder.Build();
        Assert.Throws<InvalidOperationException>(() => builder.Build());
    }

    [Fact]
    public void The_problem_reads_back_what_was_added()
    {
        AllocationProblem problem = new Case()
            .Program("X", 3).Program("Y", 0)
            .Applicant("A", "Y|X", 1.5m, 2m, null, 3m, null).Priority("X", "A", 2, 7.5m)
            .Build();

        Assert.Equal((2, 1, 2), (problem.ProgramCount, problem.ApplicantCount, problem.ChoiceCount));
        Assert.Equal("S-X", problem.GetSchoolId(0));
        Assert.Equal(3, problem.GetCapacity(0));
        Assert.Equal([1, 0], problem.GetChoices(0).ToArray());
        Assert.Equal([2m, null, 3m], problem.GetTiebreak(0).ToArray()); // trailing missing values dropped
        Assert.Equal((false, 0, 0m), problem.GetPriority(0, 0));
        Assert.Equal((true, 2, 7.5m), problem.GetPriority(0, 1));
        Assert.True(problem.UsesPriorities);
        Assert.Equal(-1, problem.FindApplicant("nobody"));
    }
}
