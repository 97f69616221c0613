using FsCheck.Xunit;
using Qedu.Allocation.Internal;
using Qedu.Allocation.Tests.Support;

namespace Qedu.Allocation.Tests;

/// <summary>The id table that readers use for every row: exact, whatever the ids look like and however many.</summary>
public class IdIndexTests
{
    [Fact]
    public void Ids_get_dense_indices_in_insertion_order_and_keep_their_payload_through_growth()
    {
        var index = new IdIndex();
        string[] ids = [.. Enumerable.Range(0, 100_000).Select(i => i % 7 == 0 ? $"G{i:D18}" : $"A{i}")];
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.True(index.TryAdd(ids[i], i * 10, -i));
        }

        Assert.Equal(ids.Length, index.Count);
        for (int i = 0; i < ids.Length; i++)
        {
            Assert.Equal(i, index.Find(ids[i], out int first, out int second));
            Assert.Equal((i * 10, -i), (first, second));
        }

        Assert.False(index.TryAdd("A5"));
        Assert.Equal(-1, index.Find("A100000"));
        Assert.Equal(-1, index.Find("a5"));
        Assert.Equal(-1, index.Find(""));
    }

    [Property(MaxTest = 200)]
    public void Any_strings_are_found_exactly(string[] raw)
    {
        var index = new IdIndex();
        index.EnsureCapacity(raw.Length);
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (string id in raw.Where(s => s is not null))
        {
            bool added = index.TryAdd(id);
            Assert.Equal(!expected.ContainsKey(id), added);
            expected.TryAdd(id, expected.Count);
        }

        foreach (var (id, i) in expected)
        {
            Assert.Equal(i, index.Find(id));
            Assert.Equal(expected.GetValueOrDefault(id + "\0", -1), index.Find(id + "\0"));
        }
    }

    [Fact]
    public void Priority_rows_found_by_id_reach_the_right_applicant_after_capacity_hints()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        builder.EnsureCapacity(applicants: 3, choices: 4);
        builder.AddProgram("X", "S", 1);
        builder.AddProgram("Y", "S", 1);
        builder.AddApplicant("A", ["Y", "X"], 1m);
        builder.AddApplicant("B", ["X"], 2m);
        Assert.True(builder.TryAddPriority(0, "A", 0, 0m));
        Assert.True(builder.TryAddPriority(1, "B", 0, 0m)); // a program B did not choose: no effect
        Assert.False(builder.TryAddPriority(0, "C", 0, 0m));
        Assert.Throws<AllocationInputException>(() => builder.TryAddPriority(0, "A", 1, 0m));

        var outcome = new Outcome(Allocator.Run(builder.Build(), new AllocationOptions(Mechanism.DeferredAcceptance, "s")));
        Assert.Equal("X", outcome.Of("A")); // B, with the better score, has no row at X
        Assert.Null(outcome.Of("B"));
    }

    [Fact]
    public void A_batch_of_priority_rows_is_added_in_order_up_to_the_first_bad_row()
    {
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        builder.AddProgram("X", "S", 1);
        builder.AddApplicant("A", ["X"], 1m);
        builder.AddApplicant("B", ["X"], 2m);
        var batch = new PriorityBatch(capacity: 4);
        batch.Add(0, "A", 0, 0m);
        batch.Add(0, "nobody", 0, 0m);
        batch.Add(0, "B", 0, 0m);
        Assert.False(batch.IsFull);

        var error = Assert.Throws<AllocationInputException>(() => builder.AddPriorities(batch));
        Assert.Equal((AllocationInputError.UnknownApplicant, 1), (error.Error, error.Row));
        Assert.Contains("'nobody'", error.Message, StringComparison.Ordinal);

        // A's row went in before the bad one, B's did not.
        batch.Clear();
        batch.Add(0, "B", 0, 0m);
        batch.Add(0, "A", 1, 0m);
        error = Assert.Throws<AllocationInputException>(() => builder.AddPriorities(batch));
        Assert.Equal((AllocationInputError.DuplicatePriority, 1), (error.Error, error.Row));

        var outcome = new Outcome(Allocator.Run(builder.Build(), new AllocationOptions(Mechanism.DeferredAcceptance, "s")));
        Assert.Equal("X", outcome.Of("B"));
    }

    [Fact]
    public void Priority_classes_compare_by_value_whatever_the_scale_of_the_points()
    {
        // 2.5 and 2.50 are the same points; 70 priority values also push the class cache through collisions.
        var builder = new AllocationProblemBuilder(usesPriorities: true);
        builder.AddProgram("X", "S", 1);
        for (int i = 0; i < 70; i++)
        {
            builder.AddApplicant($"A{i}", ["X"], 0m);
        }

        var batch = new PriorityBatch(capacity: 128);
        for (int i = 0; i < 68; i++)
        {
            batch.Add(0, $"A{i}", i % 3, i / 3);
        }

        batch.Add(0, "A68", 0, 30.50m);
        batch.Add(0, "A69", 0, 30.5m);
        builder.AddPriorities(batch);
        AllocationProblem problem = builder.Build();

        Assert.Equal((true, 0, 30.5m), problem.GetPriority(68, 0));
        Assert.Equal((true, 0, 30.5m), problem.GetPriority(69, 0));
        Assert.Equal((true, 2, 21m), problem.GetPriority(65, 0));
        // The two best (group 0, 30.5 points) compete for the one seat.
        AllocationResult result = Allocator.Run(problem, new AllocationOptions(Mechanism.DeferredAcceptance, "s"));
        Assert.Equal(1, (result.GetProgram(68) == 0 ? 1 : 0) + (result.GetProgram(69) == 0 ? 1 : 0));
    }
}
